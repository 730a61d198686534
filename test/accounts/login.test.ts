import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildUser, TEST_PASSWORD } from '../helpers/builders';
import { hiddenInput, loginAs, postReactieForm } from '../helpers/http';
import { testConfig } from '../../server/config';
import { articlePath } from '../../server/articles/queries';

async function tryLogin(agent: ReturnType<typeof request.agent>, email: string, password: string) {
  const page = await agent.get('/beheer/inloggen').expect(200);
  return agent
    .post('/beheer/inloggen')
    .type('form')
    .send({ _token: hiddenInput(page.text, '_token'), email, wachtwoord: password, terug: '/beheer' });
}

function sessionCookie(res: request.Response): string | undefined {
  const cookies = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
  return cookies.find((c) => c.startsWith('stadslog.sid='))?.split(';')[0];
}

describe('accounts: login and logout', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('logs in with the right password into a new session, with a secure cookie', async () => {
    const user = await buildUser(t.db, 'editor');
    const agent = request.agent(t.app);
    const res = await tryLogin(agent, user.email.toUpperCase(), TEST_PASSWORD);
    assert.equal(res.status, 303);
    assert.equal(res.headers.location, '/beheer');
    const cookie = (res.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('stadslog.sid='))!;
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    const page = await agent.get('/beheer').expect(200);
    assert.match(page.text, /Welkom, Test editor/);
    const row = await t.db('audit_log').where({ action: 'login.success', user_id: user.id }).first();
    assert.ok(row, 'login is audited');
  });

  it('refuses a wrong password or unknown account with the same generic message', async () => {
    const user = await buildUser(t.db, 'moderator');
    const wrong = await tryLogin(request.agent(t.app), user.email, 'niet-het-goede-wachtwoord');
    const unknown = await tryLogin(request.agent(t.app), 'niemand@stadslog.test', 'niet-het-goede-wachtwoord');
    for (const res of [wrong, unknown]) {
      assert.equal(res.status, 401);
      assert.match(res.text, /Onjuiste inloggegevens/);
    }
    assert.match(wrong.text, new RegExp(`value="${user.email}"`), 'the e-mail address stays filled in');
    assert.ok(await t.db('audit_log').where({ action: 'login.failed' }).first());
  });

  it('gives a new session id at every login, and hands none to readers, so a planted session is worthless', async () => {
    const agent = request.agent(t.app);
    // A reader who posts gets no session at all (reacties/own-cookie.ts): nothing to plant there.
    const posted = await postReactieForm(agent, articlePath(await buildArticle(t.db)), {});
    assert.equal(posted.status, 303);
    assert.equal(sessionCookie(posted), undefined, 'posting creates no session');
    assert.equal(sessionCookie(await agent.get('/beheer/inloggen').expect(200)), undefined, 'nor does the login page');
    const user = await buildUser(t.db, 'editor');
    const before = sessionCookie(await tryLogin(agent, user.email, TEST_PASSWORD));
    assert.ok(before, 'a session at login');
    const page = await agent.get('/beheer').expect(200);
    await agent
      .post('/beheer/uitloggen')
      .type('form')
      .send({ _csrf: hiddenInput(page.text, '_csrf') })
      .expect(303);
    const after = sessionCookie(await tryLogin(agent, user.email, TEST_PASSWORD));
    assert.ok(after && after !== before, 'a new session id at the next login');
    await request(t.app).get('/beheer').set('Cookie', before).expect(302);
  });

  it('refuses a login without a genuine form token, keeping the address', async () => {
    const user = await buildUser(t.db, 'editor');
    for (const token of [undefined, 'nep.nep']) {
      const res = await request(t.app)
        .post('/beheer/inloggen')
        .type('form')
        .send({ ...(token ? { _token: token } : {}), email: user.email, wachtwoord: TEST_PASSWORD });
      assert.equal(res.status, 403);
      assert.match(res.text, new RegExp(`value="${user.email}"`));
      assert.equal(res.headers['set-cookie'], undefined, 'no session was made');
    }
  });

  it('destroys the session at logout', async () => {
    const { agent, csrf } = await loginAs(t.app, t.db, 'editor');
    const cookieRow = await t.db('sessions').count({ n: '*' }).first();
    const res = await agent.post('/beheer/uitloggen').type('form').send({ _csrf: csrf });
    assert.equal(res.status, 303);
    await agent.get('/beheer').expect(302);
    const after = await t.db('sessions').count({ n: '*' }).first();
    assert.equal(Number(after!.n), Number(cookieRow!.n) - 1);
  });

  it('refuses logout without the CSRF token', async () => {
    const { agent } = await loginAs(t.app, t.db, 'editor');
    await agent.post('/beheer/uitloggen').type('form').send({ _csrf: 'fout' }).expect(403);
    await agent.get('/beheer').expect(200);
  });

  it('refuses a cross-site POST while logged in', async () => {
    const { agent, csrf } = await loginAs(t.app, t.db, 'editor');
    await agent.post('/beheer/uitloggen').set('Origin', 'https://kwaadwillend.example').type('form').send({ _csrf: csrf }).expect(403);
    await agent.post('/beheer/uitloggen').set('Sec-Fetch-Site', 'cross-site').type('form').send({ _csrf: csrf }).expect(403);
    await agent.get('/beheer').expect(200);
  });

  it('does not send a visitor elsewhere after login (no open redirect)', async () => {
    const user = await buildUser(t.db, 'editor');
    const agent = request.agent(t.app);
    const page = await agent.get('/beheer/inloggen?terug=//kwaad.example/').expect(200);
    const res = await agent
      .post('/beheer/inloggen')
      .type('form')
      .send({ _token: hiddenInput(page.text, '_token'), email: user.email, wachtwoord: TEST_PASSWORD, terug: '//kwaad.example/' });
    assert.equal(res.headers.location, '/beheer');
  });
});

/** An app whose login limits are small enough to reach: 3 failures per account, 8 per address, a minute each. */
function throttledApp(extra: Parameters<typeof createTestApp>[0] = {}): Promise<TestApp> {
  const base = testConfig().rateLimits;
  return createTestApp({
    ...extra,
    rateLimits: { ...base, loginFailuresPerAccount: { max: 3, windowMs: 60_000 }, loginPerIp: { max: 8, windowMs: 60_000 } },
  });
}

describe('accounts: login throttling', () => {
  let t: TestApp;
  before(async () => {
    t = await throttledApp();
  });
  after(async () => t.close());

  it('blocks an account after repeated failures, even with the right password, with a Dutch 429', async () => {
    const user = await buildUser(t.db, 'editor');
    for (let i = 0; i < 3; i++) assert.equal((await tryLogin(request.agent(t.app), user.email, 'fout-fout-fout-fout')).status, 401);
    const blocked = await tryLogin(request.agent(t.app), user.email, TEST_PASSWORD);
    assert.equal(blocked.status, 429);
    assert.match(blocked.text, /Te veel inlogpogingen/);
    assert.match(blocked.text, new RegExp(`value="${user.email}"`));
  });

  it('limits attempts per IP address across accounts', async () => {
    let last: request.Response | undefined;
    for (let i = 0; i < 6; i++) last = await tryLogin(request.agent(t.app), `gok${i}@stadslog.test`, 'fout-fout-fout-fout');
    // 3 earlier attempts in this file + 1 blocked + 6 here: the IP limit of 8 is passed.
    assert.equal(last!.status, 429);
  });
});

describe('accounts: only failed logins count against the limits', () => {
  let t: TestApp;
  before(async () => {
    t = await throttledApp();
  });
  after(async () => t.close());

  it('lets an office log in 25 times in a row from one address (above the limit of 8 attempts)', async () => {
    const staff = [await buildUser(t.db, 'editor'), await buildUser(t.db, 'moderator'), await buildUser(t.db, 'admin')];
    for (let i = 0; i < 25; i++) {
      const res = await tryLogin(request.agent(t.app), staff[i % staff.length].email, TEST_PASSWORD);
      assert.equal(res.status, 303, `login ${i + 1}: ${res.text}`);
    }
  });

  it('forgets an account’s failures once its own password is given, but not the address’s', async () => {
    const user = await buildUser(t.db, 'editor');
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 2; i++) assert.equal((await tryLogin(request.agent(t.app), user.email, 'fout-fout-fout-fout')).status, 401);
      assert.equal((await tryLogin(request.agent(t.app), user.email, TEST_PASSWORD)).status, 303, `round ${round + 1}`);
    }
    // 4 failures from this address so far; 4 more reach its limit of 8, whichever accounts they try.
    for (let i = 0; i < 4; i++)
      assert.equal((await tryLogin(request.agent(t.app), `gok${i}@stadslog.test`, 'fout-fout-fout-fout')).status, 401);
    const blocked = await tryLogin(request.agent(t.app), user.email, TEST_PASSWORD);
    assert.equal(blocked.status, 429);
    assert.match(blocked.text, /Te veel inlogpogingen\. Wacht een minuut en probeer het dan opnieuw\./);
  });
});

describe('accounts: strangers cannot lock an account out', () => {
  let t: TestApp;
  before(async () => {
    // Behind one proxy: each stranger comes from an address of their own (X-Forwarded-For).
    t = await throttledApp({ trustProxy: 1 });
  });
  after(async () => t.close());

  /** A login from a browser with these cookies (none: a new browser), at this address. */
  async function loginFrom(ip: string, email: string, password: string, cookie = '') {
    const page = await request(t.app).get('/beheer/inloggen').set('X-Forwarded-For', ip).expect(200);
    const post = request(t.app).post('/beheer/inloggen').set('X-Forwarded-For', ip);
    if (cookie) void post.set('Cookie', cookie);
    return post.type('form').send({ _token: hiddenInput(page.text, '_token'), email, wachtwoord: password, terug: '/beheer' });
  }
  const deviceCookie = (res: request.Response) =>
    ([] as string[])
      .concat(res.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('stadslog_apparaat='))
      ?.split(';')[0];

  it('lets a browser that logged in to the account before in, after strangers used up its failures', async () => {
    const admin = await buildUser(t.db, 'admin');
    const first = await loginFrom('192.0.2.10', admin.email, TEST_PASSWORD);
    assert.equal(first.status, 303);
    const own = deviceCookie(first);
    assert.ok(own, 'the browser is remembered for this account');
    const set = ([] as string[]).concat(first.headers['set-cookie'] ?? []).find((c) => c.startsWith('stadslog_apparaat='))!;
    assert.match(set, /; Path=\/beheer\/inloggen;.*; HttpOnly; SameSite=Lax$/);
    assert.ok(!own.includes(admin.email) && !own.includes(encodeURIComponent(admin.email)), 'the cookie does not hold the address');

    // Five strangers, five addresses, five wrong passwords: the account's limit of 3 is reached.
    for (let i = 0; i < 5; i++) await loginFrom(`198.51.100.${i + 1}`, admin.email, 'fout-fout-fout-fout');
    const stranger = await loginFrom('203.0.113.9', admin.email, TEST_PASSWORD);
    assert.equal(stranger.status, 429, 'a new browser waits, even with the right password');
    assert.match(stranger.text, /Te veel inlogpogingen/);
    // A made-up cookie is a new browser too, and so is another account's.
    assert.equal((await loginFrom('203.0.113.10', admin.email, TEST_PASSWORD, 'stadslog_apparaat=bWFkZS11cA')).status, 429);
    const other = await buildUser(t.db, 'editor');
    const otherCookie = deviceCookie(await loginFrom('192.0.2.11', other.email, TEST_PASSWORD))!;
    assert.equal((await loginFrom('203.0.113.11', admin.email, TEST_PASSWORD, otherCookie)).status, 429);

    // The admin's own browser still gets in.
    assert.equal((await loginFrom('192.0.2.10', admin.email, TEST_PASSWORD, own)).status, 303);
  });

  it('still limits guessing from a known browser on its own budget', async () => {
    const editor = await buildUser(t.db, 'editor');
    const own = deviceCookie(await loginFrom('192.0.2.20', editor.email, TEST_PASSWORD))!;
    for (let i = 0; i < 3; i++) assert.equal((await loginFrom('192.0.2.20', editor.email, 'fout-fout-fout-fout', own)).status, 401);
    assert.equal((await loginFrom('192.0.2.20', editor.email, TEST_PASSWORD, own)).status, 429);
  });
});
