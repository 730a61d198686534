// AVG: a moderator finds, exports and erases one address's reacties; IPs are forgotten after the retention period.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie, uniqueEmail } from '../helpers/builders';
import { loginAs } from '../helpers/http';
import { articlePath } from '../../server/articles/queries';
import { siteReactieTotal } from '../../server/reacties/counters';
import { purgeOldIps } from '../../server/privacy/queries';
import { addressKeyKept, addressKeyOf } from '../../server/addresses/key';

describe('privacy (AVG) requests', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  async function person() {
    const email = uniqueEmail();
    const article = await buildArticle(t.db);
    const first = await buildReactie(t.db, article, { authorEmail: email, authorName: 'Gerda', body: 'Eerste van Gerda' });
    const reply = await buildReactie(t.db, article, { authorEmail: 'ander@example.nl', parentId: first, body: 'Antwoord aan Gerda' });
    const second = await buildReactie(t.db, article, {
      authorEmail: email.toUpperCase(),
      authorName: 'Gerda',
      body: 'Tweede van Gerda',
      status: 'pending',
    });
    return { email, article, first, reply, second };
  }

  it('finds every reactie of an address, case-insensitively, and exports them as JSON', async () => {
    const { email } = await person();
    const { agent } = await loginAs(t.app, t.db, 'moderator');
    const page = await agent.get(`/beheer/privacy?email=${encodeURIComponent(email)}`).expect(200);
    assert.match(page.text, /2 reacties bij/);
    assert.match(page.text, /Eerste van Gerda/);
    assert.match(page.text, /Tweede van Gerda/);
    const exported = await agent.get(`/beheer/privacy/export?email=${encodeURIComponent(email)}`).expect(200);
    assert.match(exported.headers['content-disposition'], /attachment/);
    const doc = JSON.parse(exported.text);
    assert.equal(doc.reacties.length, 2);
    assert.deepEqual(doc.reacties.map((r: { tekst: string }) => r.tekst).sort(), ['Eerste van Gerda', 'Tweede van Gerda']);
    assert.equal(doc.reacties[0].ip_adres, '192.0.2.10');
    assert.ok(await t.db('audit_log').where({ action: 'privacy.export' }).first());
  });

  it('anonymises: the words stay, name, address, website and IP go', async () => {
    const { email, article, first } = await person();
    const { agent, csrf } = await loginAs(t.app, t.db, 'moderator');
    const res = await agent.post('/beheer/privacy/wissen').type('form').send({ _csrf: csrf, email, wijze: 'anonimiseren', bevestig: 'ja' });
    assert.equal(res.status, 303);
    const row = await t.db('reacties').where({ id: first }).first();
    assert.equal(row.author_name, 'Anoniem');
    assert.equal(row.author_email, '');
    assert.equal(row.ip, null);
    const pageText = (await request(t.app).get(articlePath(article)).expect(200)).text;
    assert.match(pageText, /Eerste van Gerda/);
    assert.doesNotMatch(pageText, /Gerda<\/span>/);
    const audit = await t.db('audit_log').where({ action: 'privacy.anonymise' }).first();
    assert.ok(audit && !String(audit.detail).includes(email), 'audited without the address');
  });

  it('leaves no erased address in the memory of address keys the moderation queue keeps', async () => {
    const { email } = await person();
    const { agent, csrf } = await loginAs(t.app, t.db, 'moderator');
    // The queue shows the held one with its writer: its key is now kept in memory, looked up by the address.
    await agent.get('/beheer/reacties').expect(200);
    addressKeyOf(t.deps.config.sessionSecret, email);
    assert.equal(addressKeyKept(email), true);
    const res = await agent.post('/beheer/privacy/wissen').type('form').send({ _csrf: csrf, email, wijze: 'verwijderen', bevestig: 'ja' });
    assert.equal(res.status, 303);
    assert.equal(addressKeyKept(email), false);
    assert.equal(addressKeyKept(email.toUpperCase()), false);
  });

  it('deletes: the reacties go, replies move up, the counters stay right', async () => {
    const { email, article, reply } = await person();
    const totalBefore = await siteReactieTotal(t.db);
    const { agent, csrf } = await loginAs(t.app, t.db, 'moderator');
    await agent.post('/beheer/privacy/wissen').type('form').send({ _csrf: csrf, email, wijze: 'verwijderen', bevestig: 'ja' }).expect(303);
    assert.equal((await t.db('reacties').where({ author_email_key: email.toLowerCase() })).length, 0);
    const moved = await t.db('reacties').where({ id: reply }).first();
    assert.equal(moved.parent_id, null);
    const stored = await t.db('articles').where({ id: article.id }).first();
    assert.equal(Number(stored.reactie_count), 1);
    assert.equal(await siteReactieTotal(t.db), totalBefore - 1);
  });

  it('asks for confirmation and a choice, keeping the address filled in', async () => {
    const { email } = await person();
    const { agent, csrf } = await loginAs(t.app, t.db, 'moderator');
    const res = await agent.post('/beheer/privacy/wissen').type('form').send({ _csrf: csrf, email });
    assert.equal(res.status, 422);
    assert.match(res.text, /Kies of de reacties geanonimiseerd of verwijderd worden/);
    assert.match(res.text, /Vink aan dat je dit zeker weet/);
    assert.match(res.text, new RegExp(`value="${email}"`));
    assert.equal((await t.db('reacties').where({ author_email_key: email.toLowerCase() })).length, 2);
  });

  it('is for moderators only', async () => {
    const { agent } = await loginAs(t.app, t.db, 'editor');
    await agent.get('/beheer/privacy').expect(403);
    await request(t.app).get('/beheer/privacy').expect(302);
  });

  it('forgets IP addresses older than the retention period', async () => {
    const article = await buildArticle(t.db);
    const old = await buildReactie(t.db, article, {}, new Date(Date.now() - 31 * 24 * 3600 * 1000));
    const recent = await buildReactie(t.db, article);
    await purgeOldIps(t.db, 30, new Date());
    assert.equal((await t.db('reacties').where({ id: old }).first()).ip, null);
    assert.equal((await t.db('reacties').where({ id: recent }).first()).ip, '192.0.2.10');
  });
});
