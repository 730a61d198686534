// A redirect after a change to the session is sent only once the session is stored: the browser
// follows it at once, and with a pool of database connections it could otherwise read the old one.
import assert from 'node:assert/strict';
import express from 'express';
import session from 'express-session';
import request from 'supertest';
import { saveSessionBeforeRedirect } from '../../server/http/session-save';

class SlowStore extends session.MemoryStore {
  writes: number[] = [];
  override set(sid: string, sess: session.SessionData, callback?: (err?: unknown) => void): void {
    setTimeout(() => super.set(sid, sess, (err) => (this.writes.push(Date.now()), callback?.(err))), 150);
  }
}

function app(store: SlowStore, withFix: boolean) {
  const a = express();
  a.use(session({ secret: 'test-secret-test-secret-test-secret-0123', store, resave: false, saveUninitialized: false }));
  if (withFix) a.use(saveSessionBeforeRedirect);
  a.post('/inloggen', (req, res) => {
    (req.session as session.Session & { userId?: number }).userId = 7;
    res.redirect(303, '/beheer');
  });
  a.get('/elders', (_req, res) => res.redirect(301, '/hier'));
  return a;
}

describe('a redirect after a session change', () => {
  it('leaves only once the session is stored', async () => {
    const store = new SlowStore();
    const res = await request(app(store, true)).post('/inloggen').expect(303);
    const answered = Date.now();
    assert.equal(res.headers.location, '/beheer');
    assert.match(String(res.headers['set-cookie']), /connect\.sid=/);
    assert.equal(store.writes.length, 1, 'stored once, not twice');
    assert.ok(store.writes[0] <= answered, 'the session was stored before the answer came');
  });

  it('was sent before the session was stored without it (the race this closes)', async () => {
    const store = new SlowStore();
    const agent = request(app(store, false));
    let headersAt = 0;
    await agent
      .post('/inloggen')
      .buffer(false)
      .parse((r, cb) => {
        headersAt = Date.now();
        r.on('data', () => undefined);
        r.on('end', () => cb(null, null));
      });
    // The status line and Location left before the 150 ms write finished.
    assert.ok(store.writes[0] - headersAt > 50, `headers ${store.writes[0] - headersAt} ms before the write`);
  });

  it('stores nothing for a visitor without a session', async () => {
    const store = new SlowStore();
    const res = await request(app(store, true)).get('/elders').expect(301);
    assert.equal(res.headers['set-cookie'], undefined);
    assert.equal(store.writes.length, 0);
  });
});
