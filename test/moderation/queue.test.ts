// The moderation queue: tabs, actions one by one and in bulk, editing, and what residents then see.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { loginAs, postReactieForm, type Agent } from '../helpers/http';
import { articlePath, type Article } from '../../server/articles/queries';
import { siteReactieTotal } from '../../server/reacties/counters';

describe('moderation queue', () => {
  let t: TestApp;
  let mod: { agent: Agent; csrf: string };
  before(async () => {
    t = await createTestApp();
    mod = await loginAs(t.app, t.db, 'moderator');
  });
  after(async () => t.close());

  const status = async (id: number) => (await t.db('reacties').where({ id }).first())?.status;
  const act = (id: number, actie: string, csrf = mod.csrf) =>
    mod.agent.post(`/beheer/reacties/${id}/${actie}`).type('form').send({ _csrf: csrf, terug: '/beheer/reacties' });
  const count = async (article: Article) => Number((await t.db('articles').where({ id: article.id }).first()).reactie_count);
  const publicPage = async (article: Article) => (await request(t.app).get(articlePath(article))).text;

  it('shows the tabs with counts and each reactie with e-mail, IP and text, escaped', async () => {
    const article = await buildArticle(t.db, { title: 'Over de kermis' });
    await buildReactie(t.db, article, {
      status: 'pending',
      authorName: '<img src=x onerror=alert(1)>',
      authorEmail: 'wachtend@example.nl',
      body: 'Wachtende tekst\n\nTweede alinea',
    });
    await buildReactie(t.db, article, { status: 'spam', body: 'Spamtekst' });
    const res = await mod.agent.get('/beheer/reacties').expect(200);
    assert.match(res.text, /Wachtend <span class="count">1<\/span>/);
    assert.match(res.text, /Spam <span class="count">1<\/span>/);
    assert.match(res.text, /&lt;img src=x onerror=alert\(1\)&gt;/);
    assert.doesNotMatch(res.text, /<img src=x/);
    assert.match(res.text, /wachtend@example\.nl/);
    assert.match(res.text, /IP 192\.0\.2\.10/);
    assert.match(res.text, /<p>Wachtende tekst<\/p><p>Tweede alinea<\/p>/);
    assert.match(res.text, /Over de kermis/);
    assert.doesNotMatch(res.text, /Spamtekst/, 'the pending tab shows only pending reacties');
    assert.match((await mod.agent.get('/beheer/reacties?status=spam')).text, /Spamtekst/);
  });

  it('approves: the reactie appears for residents and both counters go up', async () => {
    const article = await buildArticle(t.db);
    const id = await buildReactie(t.db, article, { status: 'pending', body: 'Nu nog verborgen', authorName: 'Renée de Wit' });
    const total = await siteReactieTotal(t.db);
    assert.doesNotMatch(await publicPage(article), /Nu nog verborgen/);
    const res = await act(id, 'goedkeuren');
    assert.equal(res.status, 303);
    assert.equal(await status(id), 'approved');
    assert.match(await publicPage(article), /Nu nog verborgen/);
    assert.equal(await count(article), 1);
    assert.equal(await siteReactieTotal(t.db), total + 1);
    assert.ok(await t.db('audit_log').where({ action: 'reactie.approve', subject_id: id }).first());
    // Whose reactie and what happened to it, in a sentence: no action label, no number.
    const flash = /<p class="flash" role="status">([^<]*)<\/p>/.exec((await mod.agent.get('/beheer/reacties')).text)![1];
    assert.equal(flash, 'De reactie van Renée de Wit is goedgekeurd.');
  });

  it('unapproves, marks spam, trashes and restores to where it was, counters following', async () => {
    const article = await buildArticle(t.db);
    const id = await buildReactie(t.db, article, { authorName: 'Piet' });
    const flash = async () => /<p class="flash" role="status">([^<]*)<\/p>/.exec((await mod.agent.get('/beheer/reacties')).text)![1];
    await act(id, 'afkeuren');
    assert.equal(await status(id), 'pending');
    assert.equal(await flash(), 'De reactie van Piet is afgekeurd en wacht weer op beoordeling.');
    assert.equal(await count(article), 0);
    await act(id, 'goedkeuren');
    await act(id, 'prullenbak');
    assert.equal(await status(id), 'trash');
    assert.equal(await flash(), 'De reactie van Piet staat nu in de prullenbak.');
    assert.equal(await count(article), 0);
    await act(id, 'herstellen');
    assert.equal(await status(id), 'approved', 'restored to its status before the trash');
    assert.equal(await flash(), 'De reactie van Piet is teruggezet en staat weer op de pagina.');
    assert.equal(await count(article), 1);
    await act(id, 'spam');
    assert.equal(await status(id), 'spam');
    assert.equal(await flash(), 'De reactie van Piet is als spam gemarkeerd.');
    assert.ok(await t.db('spam_memory').where({ kind: 'email' }).first(), 'the spammer is remembered');
    await act(id, 'geen-spam');
    assert.equal(await status(id), 'pending');
  });

  it('refuses an action that does not fit the status, and answers 404 and 400 for unknown ids and actions', async () => {
    const article = await buildArticle(t.db);
    const id = await buildReactie(t.db, article, { authorName: 'Anna' });
    await act(id, 'verwijderen').expect(303);
    assert.equal(await status(id), 'approved', 'an approved reactie is not deleted outright');
    assert.match(
      (await mod.agent.get('/beheer/reacties')).text,
      /De reactie van Anna is niet definitief verwijderd: die staat nu bij Goedgekeurd\. Misschien was een andere moderator je voor\./,
    );
    await act(999999, 'goedkeuren').expect(404);
    await act(id, 'opblazen').expect(400);
  });

  it('deletes permanently from the trash; replies move up to the grandparent', async () => {
    const article = await buildArticle(t.db);
    const top = await buildReactie(t.db, article);
    const middle = await buildReactie(t.db, article, { parentId: top, body: 'Middelste tekst' });
    const reply = await buildReactie(t.db, article, { parentId: middle, body: 'Kleinkind' });
    await act(middle, 'prullenbak');
    // It had been public: its place keeps a placeholder, so the reply under it stays in context.
    assert.equal(await count(article), 2, 'the reply under a removed public reactie stays visible');
    const page = await publicPage(article);
    assert.match(page, /Reactie verwijderd door de moderatie: andere reden/);
    assert.match(page, /Kleinkind/);
    assert.doesNotMatch(page, /Middelste tekst/);
    await act(middle, 'verwijderen');
    assert.equal(await status(middle), undefined);
    assert.equal((await t.db('reacties').where({ id: reply }).first()).parent_id, top);
    assert.equal(await count(article), 2);
    assert.match(await publicPage(article), /Kleinkind/);
  });

  it('acts on a selection in bulk', async () => {
    const article = await buildArticle(t.db);
    const ids = [
      await buildReactie(t.db, article, { status: 'pending' }),
      await buildReactie(t.db, article, { status: 'pending' }),
      await buildReactie(t.db, article, { status: 'approved' }),
    ];
    const res = await mod.agent
      .post('/beheer/reacties/bulk')
      .type('form')
      .send(`_csrf=${encodeURIComponent(mod.csrf)}&actie=goedkeuren&terug=%2Fbeheer%2Freacties&ids=${ids[0]}&ids=${ids[1]}&ids=${ids[2]}`);
    assert.equal(res.status, 303);
    for (const id of ids) assert.equal(await status(id), 'approved');
    assert.equal(await count(article), 3);
    assert.match(
      (await mod.agent.get('/beheer/reacties')).text,
      /2 reacties zijn goedgekeurd\. 1 reactie is overgeslagen: al door een andere moderator behandeld, of niet meer te vinden\./,
    );
    await mod.agent.post('/beheer/reacties/bulk').type('form').send({ _csrf: mod.csrf, actie: 'spam' }).expect(303);
    assert.match((await mod.agent.get('/beheer/reacties')).text, /Selecteer eerst een of meer reacties/);
  });

  it('edits the text, keeping what was typed when it is too long', async () => {
    const article = await buildArticle(t.db);
    const id = await buildReactie(t.db, article, { body: 'Met een tikfout' });
    const form = await mod.agent.get(`/beheer/reacties/${id}/bewerken`).expect(200);
    assert.match(form.text, /Met een tikfout<\/textarea>/);
    const bad = await mod.agent
      .post(`/beheer/reacties/${id}/bewerken`)
      .type('form')
      .send({ _csrf: mod.csrf, naam: 'Jan', website: '', reactie: 'x'.repeat(5001) });
    assert.equal(bad.status, 422);
    assert.match(bad.text, /hoogstens 5\.000 tekens/);
    const invisible = await mod.agent
      .post(`/beheer/reacties/${id}/bewerken`)
      .type('form')
      .send({ _csrf: mod.csrf, naam: '\u200b\u3164\u3000', website: '', reactie: '\u2060\u200b' });
    assert.equal(invisible.status, 422);
    assert.match(invisible.text, /Vul de naam in\./);
    assert.match(invisible.text, /Vul de reactie in\./);
    await mod.agent
      .post(`/beheer/reacties/${id}/bewerken`)
      .type('form')
      .send({ _csrf: mod.csrf, naam: 'Jan', website: '', reactie: 'Zonder tikfout' })
      .expect(303);
    assert.match(await publicPage(article), /Zonder tikfout/);
    assert.match((await mod.agent.get('/beheer/reacties?status=approved')).text, /De reactie van Jan is bijgewerkt\./);
    assert.ok(await t.db('audit_log').where({ action: 'reactie.edit', subject_id: id }).first());
  });

  it('shows why the filter held a reactie', async () => {
    const article = await buildArticle(t.db);
    await postReactieForm(request.agent(t.app), articlePath(article), { reactie: 'Zie https://a.example.nl en https://b.example.nl' });
    const res = await mod.agent.get('/beheer/reacties').expect(200);
    assert.match(res.text, /Waarom hier\? aantal links/);
    assert.match(res.text, /2 links \(grens: 2\)/);
  });

  it('changes nothing without the CSRF token, and keeps editors and residents out', async () => {
    const article = await buildArticle(t.db);
    const id = await buildReactie(t.db, article, { status: 'pending' });
    await act(id, 'goedkeuren', 'fout').expect(403);
    assert.equal(await status(id), 'pending');
    const editor = await loginAs(t.app, t.db, 'editor');
    await editor.agent.get('/beheer/reacties').expect(403);
    await editor.agent.post(`/beheer/reacties/${id}/goedkeuren`).type('form').send({ _csrf: editor.csrf }).expect(403);
    await request(t.app)
      .get('/beheer/reacties')
      .expect(302)
      .expect('Location', /\/beheer\/inloggen/);
    assert.equal(await status(id), 'pending');
    const admin = await loginAs(t.app, t.db, 'admin');
    await admin.agent.get('/beheer/reacties').expect(200);
  });
});
