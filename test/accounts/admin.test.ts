// Admin pages: accounts and roles, and the audit log.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { hiddenInput, loginAs } from '../helpers/http';
import { verifyPassword } from '../../server/accounts/passwords';

describe('admin: users and audit log', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('creates an account with a generated password shown once, and it can log in', async () => {
    const { agent, csrf } = await loginAs(t.app, t.db, 'admin');
    const res = await agent
      .post('/beheer/gebruikers')
      .type('form')
      .send({ _csrf: csrf, naam: 'Nieuwe Redacteur', email: 'Nieuw@Stadslog.test', rol: 'editor' });
    assert.equal(res.status, 201);
    const password = /<code class="password">([^<]+)<\/code>/.exec(res.text)![1];
    const row = await t.db('users').where({ email: 'nieuw@stadslog.test' }).first();
    assert.equal(row.role, 'editor');
    assert.ok(await verifyPassword(row.password_hash, password));
    assert.match(row.password_hash, /^\$argon2id\$/);
    const login = request.agent(t.app);
    const page = await login.get('/beheer/inloggen');
    await login
      .post('/beheer/inloggen')
      .type('form')
      .send({ _token: hiddenInput(page.text, '_token'), email: 'nieuw@stadslog.test', wachtwoord: password, terug: '/beheer' })
      .expect(303);
  });

  it('refuses a duplicate address with the form kept', async () => {
    const { agent, csrf } = await loginAs(t.app, t.db, 'admin');
    await agent
      .post('/beheer/gebruikers')
      .type('form')
      .send({ _csrf: csrf, naam: 'Een', email: 'dubbel@stadslog.test', rol: 'moderator' })
      .expect(201);
    const res = await agent
      .post('/beheer/gebruikers')
      .type('form')
      .send({ _csrf: csrf, naam: 'Twee', email: 'dubbel@stadslog.test', rol: 'moderator' });
    assert.equal(res.status, 422);
    assert.match(res.text, /Er is al een account met dit e-mailadres/);
    assert.match(res.text, /value="Twee"/);
  });

  it('changes a role, audited, and the new role takes effect at once', async () => {
    const editor = await loginAs(t.app, t.db, 'editor');
    await editor.agent.get('/beheer/privacy').expect(403);
    const editorRow = await t.db('users').where({ email: editor.email }).first();
    const { agent, csrf } = await loginAs(t.app, t.db, 'admin');
    await agent.post(`/beheer/gebruikers/${editorRow.id}/rol`).type('form').send({ _csrf: csrf, rol: 'moderator' }).expect(303);
    await editor.agent.get('/beheer/privacy').expect(200);
    const log = await agent.get('/beheer/logboek').expect(200);
    assert.match(log.text, /user\.role/);
    assert.match(log.text, /editor → moderator/);
  });

  it('keeps users and the log for admins only', async () => {
    for (const role of ['editor', 'moderator'] as const) {
      const { agent, csrf } = await loginAs(t.app, t.db, role);
      await agent.get('/beheer/gebruikers').expect(403);
      await agent.get('/beheer/logboek').expect(403);
      await agent
        .post('/beheer/gebruikers')
        .type('form')
        .send({ _csrf: csrf, naam: 'X', email: 'x@stadslog.test', rol: 'admin' })
        .expect(403);
    }
    assert.equal(await t.db('users').where({ email: 'x@stadslog.test' }).first(), undefined);
  });

  it('does not let an admin remove their own admin role', async () => {
    const { agent, csrf, email } = await loginAs(t.app, t.db, 'admin');
    const me = await t.db('users').where({ email }).first();
    const res = await agent.post(`/beheer/gebruikers/${me.id}/rol`).type('form').send({ _csrf: csrf, rol: 'editor' });
    assert.equal(res.status, 422);
    assert.equal((await t.db('users').where({ id: me.id }).first()).role, 'admin');
  });
});
