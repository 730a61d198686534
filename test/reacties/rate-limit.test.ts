// The per-IP reactie limit counts reacties that were stored, not forms sent back with an error,
// and tells the resident how long to wait.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle } from '../helpers/builders';
import { postReactieForm } from '../helpers/http';
import { testConfig } from '../../server/config';
import { articlePath } from '../../server/articles/queries';

describe('reacties: rate limit per IP address', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ rateLimits: { ...testConfig().rateLimits, reactiesPerIp: { max: 3, windowMs: 10 * 60_000 } } });
  });
  after(async () => t.close());

  it('answers 429 with a Dutch message, how long to wait, and the text kept once the limit is passed', async () => {
    const article = await buildArticle(t.db);
    for (let i = 0; i < 3; i++) {
      assert.equal((await postReactieForm(request.agent(t.app), articlePath(article), { reactie: `Reactie ${i}` })).status, 303);
    }
    const res = await postReactieForm(request.agent(t.app), articlePath(article), { reactie: 'Eentje te veel' });
    assert.equal(res.status, 429);
    assert.match(res.text, /veel reacties geplaatst\. Wacht nog 10 minuten/);
    assert.match(res.text, /Eentje te veel<\/textarea>/);
    assert.ok(res.headers['ratelimit'] || res.headers['ratelimit-policy'], 'standard RateLimit headers');
    assert.equal(Number((await t.db('reacties').count({ n: '*' }).first())!.n), 3);
  });

  it('does not count forms sent back with an error, and keeps no IP address in the table', async () => {
    await t.db('rate_limits').delete();
    const article = await buildArticle(t.db);
    // A resident who gets the e-mail address wrong five times still gets to post.
    for (let i = 0; i < 5; i++) {
      const res = await postReactieForm(request.agent(t.app), articlePath(article), { email: 'niet-goed', reactie: `Poging ${i}` });
      assert.equal(res.status, 422);
    }
    assert.equal((await postReactieForm(request.agent(t.app), articlePath(article), { reactie: 'Eindelijk goed' })).status, 303);
    const keys: string[] = (await t.db('rate_limits').select('key')).map((r: { key: string }) => r.key);
    assert.ok(keys.length > 0);
    for (const key of keys) assert.doesNotMatch(key, /127\.0\.0\.1|::1/, 'the key is a keyed hash, not the address');
  });
});
