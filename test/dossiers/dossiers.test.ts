// Dossiers: editors bundle articles under a title with an introduction and participants; readers see
// the public articles of a dossier, newest first, and on an article's page the dossiers it is in.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle } from '../helpers/builders';
import { loginAs, type Agent } from '../helpers/http';
import { articlePath, type Article } from '../../server/articles/queries';

const DAY = 24 * 60 * 60 * 1000;

describe('dossiers', () => {
  let t: TestApp;
  let ed: { agent: Agent; csrf: string };
  let older: Article;
  let newer: Article;
  let draft: Article;
  let markt: number;

  before(async () => {
    t = await createTestApp();
    ed = await loginAs(t.app, t.db, 'chief');
    const now = Date.now();
    older = await buildArticle(t.db, { title: 'Markt: eerste schetsen', publishedAt: new Date(now - 3 * DAY) });
    newer = await buildArticle(t.db, { title: 'Markt: definitief ontwerp', kind: 'brief', publishedAt: new Date(now - DAY) });
    draft = await buildArticle(t.db, { title: 'Markt: geheim concept', status: 'draft', publishedAt: null });
    await t.db('articles').where({ id: older.id }).update({ reactie_count: 2 });
    await t.db('articles').where({ id: newer.id }).update({ reactie_count: 1 });
  });
  after(async () => t.close());

  const post = (path: string, fields: Record<string, string>, agent = ed.agent, csrf = ed.csrf) =>
    agent
      .post(path)
      .type('form')
      .send({ _csrf: csrf, ...fields });

  const createDossier = async (fields: Record<string, string>): Promise<number> => {
    const res = await post('/beheer/dossiers', { titel: '', slug: '', inleiding: '', deelnemers: '', actie: 'opslaan', ...fields });
    assert.equal(res.status, 303, res.text);
    const m = /^\/beheer\/dossiers\/(\d+)$/.exec(res.headers.location);
    assert.ok(m, res.headers.location);
    return Number(m[1]);
  };

  it('lets an editor create a dossier and add two published articles and a draft', async () => {
    markt = await createDossier({
      titel: 'Herinrichting Markt',
      inleiding: 'De Markt wordt **opnieuw ingericht**.',
      deelnemers: 'Wie vormen deze werkplaats?\r\n  Anna de Vries, bewoner  \r\n\r\nOndernemersvereniging Markt',
    });
    const row = await t.db('dossiers').where({ id: markt }).first();
    assert.equal(row.slug, 'herinrichting-markt');
    assert.equal(row.participants, 'Wie vormen deze werkplaats?\nAnna de Vries, bewoner\nOndernemersvereniging Markt');

    const search = await ed.agent.get(`/beheer/dossiers/${markt}?zoek=markt`).expect(200);
    for (const a of [older, newer, draft]) assert.match(search.text, new RegExp(`name="artikel" value="${a.id}"`));
    assert.match(search.text, />Toevoegen</);
    for (const a of [older, newer, draft]) {
      const res = await post(`/beheer/dossiers/${markt}/artikelen`, { artikel: String(a.id), zoek: 'markt' });
      assert.equal(res.status, 303);
      assert.equal(res.headers.location, `/beheer/dossiers/${markt}?zoek=markt#artikelen`);
    }
    const page = await ed.agent.get(`/beheer/dossiers/${markt}`).expect(200);
    assert.equal(page.text.split('Verwijderen uit dossier').length - 1, 3);
    assert.match(page.text, /Markt: geheim concept/);
    assert.match(page.text, /data-confirm=/);
  });

  it('shows the intro, the participants and only the public articles, newest first, with their reacties', async () => {
    const res = await request(t.app).get('/dossiers/herinrichting-markt').expect(200);
    assert.match(res.headers['cache-control'], /public/);
    assert.match(res.text, /<strong>opnieuw ingericht<\/strong>/);
    assert.match(res.text, /<li>Anna de Vries, bewoner<\/li>/);
    assert.match(res.text, /<li>Ondernemersvereniging Markt<\/li>/);
    assert.doesNotMatch(res.text, /geheim concept/);
    const first = res.text.indexOf('Markt: definitief ontwerp');
    const second = res.text.indexOf('Markt: eerste schetsen');
    assert.ok(first > 0 && second > first, 'newest first');
    assert.match(res.text, /1 reactie</);
    assert.match(res.text, /2 reacties</);
    assert.match(res.text, new RegExp(`href="${articlePath(newer)}"`));
    assert.match(res.text, /Brief/);

    const index = await request(t.app).get('/dossiers').expect(200);
    assert.match(index.text, /Herinrichting Markt/);
    assert.match(index.text, /2 artikelen/, 'the draft is not counted');
    await request(t.app).get('/dossiers/bestaat-niet').expect(404);
    await request(t.app).get('/dossiers/herinrichting-markt?pagina=2').expect(404);
  });

  it('shows on an article page every dossier it is in', async () => {
    const sociaal = await createDossier({ titel: 'Sociaal domein' });
    await post(`/beheer/dossiers/${sociaal}/artikelen`, { artikel: String(newer.id) }).expect(303);
    const page = await request(t.app).get(articlePath(newer)).expect(200);
    assert.match(
      page.text,
      /In dossier: <a href="\/dossiers\/herinrichting-markt">Herinrichting Markt<\/a>, <a href="\/dossiers\/sociaal-domein">Sociaal domein<\/a>/,
    );
    const plain = await buildArticle(t.db);
    assert.doesNotMatch((await request(t.app).get(articlePath(plain)).expect(200)).text, /In dossier/);
  });

  it('removes an article from a dossier', async () => {
    const res = await post(`/beheer/dossiers/${markt}/artikelen/verwijderen`, { artikel: String(older.id) });
    assert.equal(res.status, 303);
    const pub = await request(t.app).get('/dossiers/herinrichting-markt').expect(200);
    assert.doesNotMatch(pub.text, /eerste schetsen/);
    assert.match(pub.text, /definitief ontwerp/);
    assert.doesNotMatch((await request(t.app).get(articlePath(older)).expect(200)).text, /In dossier/);
    await post(`/beheer/dossiers/${markt}/artikelen`, { artikel: '999999' }).expect(404);
  });

  it('makes the slug unique, and refuses a slug that is taken', async () => {
    const again = await createDossier({ titel: 'Herinrichting Markt' });
    assert.equal((await t.db('dossiers').where({ id: again }).first()).slug, 'herinrichting-markt-2');
    const taken = await post('/beheer/dossiers', { titel: 'Iets anders', slug: 'herinrichting-markt', actie: 'opslaan' });
    assert.equal(taken.status, 422);
    assert.match(taken.text, /Deze slug is al in gebruik/);
    assert.match(taken.text, /value="Iets anders"/);
  });

  it('refuses a title that is too long with a Dutch message, keeping what was typed', async () => {
    const before = await t.db('dossiers').count({ n: '*' }).first();
    const title = 'Markt'.repeat(40) + 'X';
    const res = await post('/beheer/dossiers', {
      titel: title,
      inleiding: 'Mijn inleiding blijft staan.',
      deelnemers: 'Piet Jansen',
      actie: 'opslaan',
    });
    assert.equal(res.status, 422);
    assert.match(res.text, /De titel mag hoogstens 200 tekens lang zijn; nu zijn het er 201\./);
    assert.ok(res.text.includes(`value="${title}"`));
    assert.match(res.text, /Mijn inleiding blijft staan\./);
    assert.match(res.text, /Piet Jansen/);
    assert.deepEqual(await t.db('dossiers').count({ n: '*' }).first(), before);
    // The same on an existing dossier.
    const edit = await post(`/beheer/dossiers/${markt}`, { titel: title, actie: 'opslaan' });
    assert.equal(edit.status, 422);
  });

  it('shows a preview of the introduction without saving', async () => {
    const res = await post(`/beheer/dossiers/${markt}`, { titel: 'Andere titel', inleiding: '## Tussenkop', actie: 'voorbeeld' });
    assert.equal(res.status, 200);
    assert.match(res.text, /<h2>Tussenkop<\/h2>/);
    assert.equal((await t.db('dossiers').where({ id: markt }).first()).title, 'Herinrichting Markt');
  });

  it('refuses a moderator (403) and a forged CSRF token (403)', async () => {
    const mod = await loginAs(t.app, t.db, 'moderator');
    await mod.agent.get('/beheer/dossiers').expect(403);
    await mod.agent.get(`/beheer/dossiers/${markt}`).expect(403);
    await post(`/beheer/dossiers/${markt}/verwijderen`, {}, mod.agent, mod.csrf).expect(403);
    await post('/beheer/dossiers', { titel: 'Vervalst', actie: 'opslaan' }, ed.agent, 'fout-token').expect(403);
    await post(`/beheer/dossiers/${markt}/verwijderen`, {}, ed.agent, 'fout-token').expect(403);
    assert.ok(await t.db('dossiers').where({ id: markt }).first());
    assert.equal(await t.db('dossiers').where({ title: 'Vervalst' }).first(), undefined);
  });

  it('deletes a dossier (its articles stay) and has every change in the audit log', async () => {
    const sociaal = (await t.db('dossiers').where({ slug: 'sociaal-domein' }).first()).id as number;
    await post(`/beheer/dossiers/${sociaal}`, { titel: 'Sociaal domein', deelnemers: 'Wethouder Zorg', actie: 'opslaan' }).expect(303);
    await post(`/beheer/dossiers/${sociaal}/verwijderen`, {}).expect(303);
    assert.equal(await t.db('dossiers').where({ id: sociaal }).first(), undefined);
    assert.equal((await t.db('dossier_articles').where({ dossier_id: sociaal })).length, 0);
    await request(t.app).get('/dossiers/sociaal-domein').expect(404);
    assert.ok(await t.db('articles').where({ id: newer.id }).first());

    const actions = async (id: number) =>
      (await t.db('audit_log').where({ subject_type: 'dossier', subject_id: id }).orderBy('id')).map((r: { action: string }) => r.action);
    assert.deepEqual(await actions(markt), [
      'dossier.create',
      'dossier.add-article',
      'dossier.add-article',
      'dossier.add-article',
      'dossier.remove-article',
    ]);
    assert.deepEqual(await actions(sociaal), ['dossier.create', 'dossier.add-article', 'dossier.update', 'dossier.delete']);
    const list = await ed.agent.get('/beheer/dossiers').expect(200);
    assert.match(list.text, /Nieuw dossier/);
    assert.match(list.text, /Het dossier &#34;Sociaal domein&#34; is verwijderd/);
    assert.doesNotMatch(list.text, /href="\/dossiers\/sociaal-domein"/);
  });
});
