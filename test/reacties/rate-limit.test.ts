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
    t = await createTestApp({ rateLimits: { ...testConfig().rateLimits, reactiesPerIp: { max: 3, windowMs: 60_000 } } });
  });
  after(async () => t.close());

  it('answers 429 with a Dutch message and the text kept once the limit is passed', async () => {
    const article = await buildArticle(t.db);
    for (let i = 0; i < 3; i++) {
      assert.equal((await postReactieForm(request.agent(t.app), articlePath(article), { reactie: `Reactie ${i}` })).status, 303);
    }
    const res = await postReactieForm(request.agent(t.app), articlePath(article), { reactie: 'Eentje te veel' });
    assert.equal(res.status, 429);
    assert.match(res.text, /al veel reacties geplaatst/);
    assert.match(res.text, /Eentje te veel<\/textarea>/);
    assert.ok(res.headers['ratelimit'] || res.headers['ratelimit-policy'], 'standard RateLimit headers');
    assert.equal(Number((await t.db('reacties').count({ n: '*' }).first())!.n), 3);
  });
});
