// Hard-to-break: oversized and malformed requests get a clear 4xx, a lost database a 503; nothing hangs.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle } from '../helpers/builders';
import { loginAs } from '../helpers/http';
import { articlePath } from '../../server/articles/queries';

describe('resilience', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('answers an oversized form post with a Dutch 413 page', async () => {
    const article = await buildArticle(t.db);
    const res = await request(t.app)
      .post(`${articlePath(article)}/reacties`)
      .type('form')
      .send({ reactie: 'x'.repeat(1024 * 1024) });
    assert.equal(res.status, 413);
    assert.match(res.text, /te groot/i);
  });

  it('answers a malformed form body with a 400, not a 500', async () => {
    const article = await buildArticle(t.db);
    const res = await request(t.app)
      .post(`${articlePath(article)}/reacties`)
      .set('Content-Type', 'application/x-www-form-urlencoded; charset=koi8-x')
      .send('reactie=%E0%A4%A');
    assert.ok(res.status >= 400 && res.status < 500, `status ${res.status}`);
  });

  it('answers unknown pages with a Dutch 404', async () => {
    const res = await request(t.app).get('/dit/bestaat/echt/niet').expect(404);
    assert.match(res.text, /Niet gevonden/);
  });

  it('answers 503 rather than hanging or crashing when the database is gone, also for a logged-in user', async () => {
    const { agent } = await loginAs(t.app, t.db, 'moderator');
    await t.db.destroy();
    const anonymous = await request(t.app).get('/').timeout(5000);
    assert.equal(anonymous.status, 503);
    assert.match(anonymous.text, /database nu niet bereiken/);
    assert.equal(anonymous.headers['retry-after'], '60');
    const withSession = await agent.get('/beheer').timeout(5000);
    assert.equal(withSession.status, 503);
  });
});
