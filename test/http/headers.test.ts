// Security headers on every response: a strict CSP without inline scripts, and friends.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildUser, TEST_PASSWORD } from '../helpers/builders';
import { hiddenInput } from '../helpers/http';

describe('security headers', () => {
  let t: TestApp;
  let prod: TestApp;
  before(async () => {
    t = await createTestApp();
    prod = await createTestApp({ env: 'production', trustProxy: 1 });
  });
  after(async () => {
    await t.close();
    await prod.close();
  });

  it('sends a strict Content-Security-Policy', async () => {
    const res = await request(t.app).get('/').expect(200);
    const csp = String(res.headers['content-security-policy']);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      "style-src 'self'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "object-src 'none'",
      "form-action 'self'",
    ]) {
      assert.ok(csp.includes(directive), `CSP has ${directive}: ${csp}`);
    }
    assert.ok(!csp.includes('unsafe-inline') && !csp.includes('unsafe-eval'), 'no unsafe-inline or unsafe-eval');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['referrer-policy'], 'strict-origin-when-cross-origin');
    assert.equal(res.headers['x-powered-by'], undefined);
  });

  it('has no inline script or style in the pages it serves', async () => {
    for (const path of ['/', '/over-deze-weblog', '/beheer/inloggen', '/bestaat-niet']) {
      const res = await request(t.app).get(path);
      assert.doesNotMatch(res.text, /<script(?![^>]*\bsrc=)[^>]*>/, `${path}: inline script`);
      assert.doesNotMatch(res.text, /<style|\sstyle="/, `${path}: inline style`);
      assert.doesNotMatch(res.text, /\son[a-z]+="/, `${path}: inline event handler`);
    }
  });

  it('adds HSTS and Secure cookies in production', async () => {
    const res = await request(prod.app).get('/').expect(200);
    assert.match(String(res.headers['strict-transport-security']), /max-age=31536000/);
    const dev = await request(t.app).get('/');
    assert.equal(dev.headers['strict-transport-security'], undefined);

    // Behind the TLS proxy (X-Forwarded-Proto: https) the session cookie is Secure.
    const user = await buildUser(prod.db, 'editor');
    const agent = request.agent(prod.app);
    const page = await agent.get('/beheer/inloggen').set('X-Forwarded-Proto', 'https');
    const login = await agent
      .post('/beheer/inloggen')
      .set('X-Forwarded-Proto', 'https')
      .type('form')
      .send({ _token: hiddenInput(page.text, '_token'), email: user.email, wachtwoord: TEST_PASSWORD, terug: '/beheer' });
    assert.equal(login.status, 303);
    const cookie = ([] as string[]).concat(login.headers['set-cookie'] ?? []).find((c) => c.startsWith('stadslog.sid='));
    assert.ok(cookie && /;\s*Secure/i.test(cookie), `Secure cookie: ${cookie}`);
  });
});
