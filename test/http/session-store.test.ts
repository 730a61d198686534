// The session store: survives restarts (it is the database), writes only when needed, and never
// hangs or throws when the database fails.
import assert from 'node:assert/strict';
import request from 'supertest';
import type session from 'express-session';
import { createTestDatabase } from '../helpers/db';
import { createTestApp, type TestApp } from '../helpers/app';
import { loginAs } from '../helpers/http';
import { KnexSessionStore } from '../../server/http/session-store';
import { ABSOLUTE_SESSION_LIFETIME_MS } from '../../server/accounts/auth';
import { createApp } from '../../server/app';

function call<T>(fn: (cb: (err?: unknown, value?: T) => void) => void): Promise<{ err: unknown; value: T | undefined; calls: number }> {
  return new Promise((resolve) => {
    let calls = 0;
    let first: { err: unknown; value: T | undefined } | undefined;
    fn((err, value) => {
      calls++;
      first ??= { err, value };
      // Give a second (wrong) callback a moment to arrive before we count.
      setTimeout(() => resolve({ ...first!, calls }), 50);
    });
  });
}

const sess = (expires: number) =>
  ({ cookie: { expires: new Date(expires), originalMaxAge: 3600_000 }, userId: 7 }) as unknown as session.SessionData;

describe('session store', () => {
  it('stores, reads, touches sparingly and destroys', async () => {
    const database = await createTestDatabase();
    const store = new KnexSessionStore(database.db);
    const expires = Date.now() + 3600_000;
    assert.equal((await call((cb) => store.set('abc', sess(expires), cb))).err, null);
    const got = await call<session.SessionData | null>((cb) => store.get('abc', cb));
    assert.equal((got.value as unknown as { userId: number }).userId, 7);
    // A touch a few seconds later does not write; one much later does.
    await call((cb) => store.touch('abc', { ...got.value!, cookie: { ...got.value!.cookie, expires: new Date(expires + 5000) } }, cb));
    assert.equal(Number((await database.db('sessions').where({ sid: 'abc' }).first()).expires_at), expires);
    await call((cb) => store.touch('abc', { ...got.value!, cookie: { ...got.value!.cookie, expires: new Date(expires + 3600_000) } }, cb));
    assert.equal(Number((await database.db('sessions').where({ sid: 'abc' }).first()).expires_at), expires + 3600_000);
    await call((cb) => store.destroy('abc', cb));
    assert.equal((await call((cb) => store.get('abc', cb))).value, null);
    await database.drop();
  });

  it('calls back exactly once with an error, for every method, when the database is closed', async () => {
    const database = await createTestDatabase();
    const store = new KnexSessionStore(database.db);
    await database.drop();
    const far = Date.now() + 86400_000;
    for (const [name, fn] of [
      ['get', (cb: (err?: unknown) => void) => store.get('x', cb)],
      ['set', (cb: (err?: unknown) => void) => store.set('x', sess(far), cb)],
      ['touch', (cb: (err?: unknown) => void) => store.touch('x', sess(far), cb)],
      ['destroy', (cb: (err?: unknown) => void) => store.destroy('x', cb)],
    ] as const) {
      const result = await call(fn);
      assert.ok(result.err, `${name} reports the error`);
      assert.equal(result.calls, 1, `${name} calls back once`);
    }
  });
});

describe('sessions in the app', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('does not write to the database on every request', async () => {
    const { agent } = await loginAs(t.app, t.db, 'editor');
    const before = JSON.stringify(await t.db('sessions').select('*').orderBy('sid'));
    for (let i = 0; i < 3; i++) await agent.get('/beheer').expect(200);
    assert.equal(JSON.stringify(await t.db('sessions').select('*').orderBy('sid')), before);
  });

  it('survives a restart: a new app on the same database knows the session', async () => {
    const { agent } = await loginAs(t.app, t.db, 'editor');
    const res = await agent.get('/beheer');
    const cookie = ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('stadslog.sid='))!
      .split(';')[0];
    const restarted = createApp(t.deps);
    await request(restarted).get('/beheer').set('Cookie', cookie).expect(200);
  });

  it('ends a session after its absolute lifetime, however active', async () => {
    const { agent } = await loginAs(t.app, t.db, 'moderator');
    const rows = await t.db('sessions').select('sid', 'sess');
    for (const row of rows) {
      const data = JSON.parse(row.sess);
      if (data.userId) {
        data.loggedInAt = Date.now() - ABSOLUTE_SESSION_LIFETIME_MS - 1000;
        await t
          .db('sessions')
          .where({ sid: row.sid })
          .update({ sess: JSON.stringify(data) });
      }
    }
    await agent
      .get('/beheer')
      .expect(302)
      .expect('Location', /inloggen/);
  });

  it('sets an idle timeout on the cookie', async () => {
    const { agent } = await loginAs(t.app, t.db, 'editor');
    const res = await agent.get('/beheer');
    const cookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('stadslog.sid='));
    const expires = new Date(/Expires=([^;]+)/.exec(cookie!)![1]).getTime();
    assert.ok(expires - Date.now() <= 2 * 3600_000 + 5000 && expires - Date.now() > 3600_000, 'about two hours');
  });
});
