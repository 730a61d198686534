// "Ter beoordeling" (issue 23): an editor offers an article for review instead of publishing it; an
// eindredacteur or beheerder publishes, schedules or sends it back with a note. The status never
// makes an article public, the author cannot publish with a POST of their own, and every step is in
// the audit log and the revision history.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { ARTICLE_FORM, hiddenInput, loginAs, saveSettingsForm, type Agent } from '../helpers/http';
import { articlePath, findArticleById, type Article } from '../../server/articles/queries';
import { addArticleToDossier, createDossier } from '../../server/dossiers/queries';
import { reindexAll } from '../../server/search/indexer';
import { toLocalInputValue } from '../../server/shared/format';

type Person = { agent: Agent; csrf: string; email: string };

describe('Ter beoordeling: review before publication', () => {
  let t: TestApp;
  let ed: Person;
  let chief: Person;
  before(async () => {
    t = await createTestApp();
    ed = await loginAs(t.app, t.db, 'editor');
    chief = await loginAs(t.app, t.db, 'chief');
    await t.db('users').where({ email: ed.email }).update({ name: 'Els Redacteur' });
    await t.db('users').where({ email: chief.email }).update({ name: 'Carla Eindredacteur' });
  });
  after(async () => t.close());

  const idOf = (location: string) => Number(/\/(\d+)$/.exec(location)![1]);

  async function write(p: Person, title: string, fields: Record<string, string> = {}) {
    return p.agent
      .post('/beheer/artikelen')
      .type('form')
      .send({ _csrf: p.csrf, ...ARTICLE_FORM, titel: title, soort: 'nieuws', tekst: `${title}: de tekst van het stuk.`, ...fields });
  }

  /** Opens the article in the editor and saves it as the browser would, with these changes. */
  async function edit(p: Person, a: Article, fields: Record<string, string>) {
    const form = await p.agent.get(`/beheer/artikelen/${a.id}`).expect(200);
    return p.agent
      .post(`/beheer/artikelen/${a.id}`)
      .type('form')
      .send({
        _csrf: p.csrf,
        ...ARTICLE_FORM,
        titel: a.title,
        slug: a.slug,
        soort: a.kind,
        tekst: a.bodyMarkdown,
        publicatietijd: /name="publicatietijd" type="datetime-local" value="([^"]*)"/.exec(form.text)![1],
        versie: hiddenInput(form.text, 'versie'),
        ...fields,
      });
  }

  async function offered(title: string): Promise<Article> {
    const res = await write(ed, title, { status: 'review' });
    assert.equal(res.status, 303, res.text);
    return (await findArticleById(t.db, idOf(res.headers.location)))!;
  }

  const review = (p: Person, a: Article, fields: Record<string, string>) =>
    p.agent
      .post(`/beheer/artikelen/${a.id}/beoordeling`)
      .type('form')
      .send({ _csrf: p.csrf, versie: String(a.revision), ...fields });

  const auditOf = async (id: number) =>
    (await t.db('audit_log').where({ subject_type: 'article', subject_id: id }).orderBy('id')).map((r) => r.action);
  const summaries = async (id: number) =>
    (await t.db('article_revisions').where({ article_id: id }).orderBy('number')).map((r) => String(r.summary));

  it('offers an editor "Ter beoordeling aanbieden" instead of "Publiceren", and an eindredacteur "Publiceren"', async () => {
    const mine = await ed.agent.get('/beheer/artikelen/nieuw').expect(200);
    assert.match(mine.text, /Ter beoordeling aanbieden/);
    assert.doesNotMatch(mine.text, /id="status-publiceren"/);
    // The form "Document importeren" fills in, too.
    const imported = await ed.agent
      .post('/beheer/artikelen/importeren')
      .type('form')
      .send({ _csrf: ed.csrf, tekst: 'Memo\n\nAan: de raad\n\nDe markt verhuist naar het Plein.' });
    assert.equal(imported.status, 200);
    assert.match(imported.text, /Ter beoordeling aanbieden/);
    assert.doesNotMatch(imported.text, /id="status-publiceren"/);
    assert.match(imported.text, /<label for="tags">Tags<\/label>/);
    const theirs = await chief.agent.get('/beheer/artikelen/nieuw').expect(200);
    assert.match(theirs.text, /id="status-publiceren"/);
    assert.doesNotMatch(theirs.text, /Ter beoordeling aanbieden/);
  });

  it('refuses an editor who publishes with a POST of their own making: 422, nothing stored, the text kept', async () => {
    const before = await t.db('articles').count({ n: '*' }).first();
    const res = await write(ed, 'Zelf gepubliceerd', { status: 'published' });
    assert.equal(res.status, 422);
    assert.match(res.text, /Je kunt dit artikel niet zelf publiceren of plannen/);
    assert.match(res.text, /Zelf gepubliceerd: de tekst van het stuk\./);
    assert.deepEqual(await t.db('articles').count({ n: '*' }).first(), before);
    // Nor from a draft, nor scheduled, nor through the reviewer's own form.
    const draft = await write(ed, 'Eerst een concept', { status: 'draft' });
    const a = (await findArticleById(t.db, idOf(draft.headers.location)))!;
    assert.equal((await edit(ed, a, { status: 'published' })).status, 422);
    const later = toLocalInputValue(new Date(Date.now() + 86_400_000));
    assert.equal((await edit(ed, a, { status: 'published', publicatietijd: later })).status, 422);
    assert.equal((await findArticleById(t.db, a.id))!.status, 'draft');
    const inReview = await offered('Wacht op de eindredactie');
    assert.equal((await review(ed, inReview, { actie: 'publiceren' })).status, 403);
    assert.equal((await findArticleById(t.db, inReview.id))!.status, 'review');
  });

  it('never shows an article waiting for review to residents: page, voorpagina, feeds, sitemap, API, search, archive, tag, dossier', async () => {
    const a = await offered('Geheime bouwplannen Zonnehof');
    await ed.agent.post(`/beheer/artikelen/${a.id}/tags`).type('form').send({ _csrf: ed.csrf, tags: 'zonnehof' }).expect(303);
    const dossier = await createDossier(
      t.db,
      { title: 'Zonnehof', slug: 'zonnehof', introMarkdown: 'Alles over Zonnehof.', participants: '' },
      new Date(),
    );
    await addArticleToDossier(t.db, dossier.id, a.id, new Date());
    await reindexAll(t.db, () => {});
    const resident = request(t.app);
    await resident.get(articlePath(a)).expect(404);
    await resident.get(`/api/v1/artikelen/${a.id}`).expect(404);
    for (const path of [
      '/',
      '/feed',
      '/feed/atom',
      '/sitemap.xml',
      '/api/v1/artikelen',
      '/archief',
      '/dossiers/zonnehof',
      '/zoeken?q=bouwplannen',
    ]) {
      const res = await resident.get(path);
      assert.ok(res.status === 200, `${path}: ${res.status}`);
      assert.doesNotMatch(res.text, /Geheime bouwplannen/, path);
    }
    const tag = await resident.get('/tags/zonnehof');
    assert.doesNotMatch(tag.text, /Geheime bouwplannen/);
  });

  it('lists the articles waiting with who asked and when, and counts them on the Overzicht', async () => {
    const a = await offered('Nieuwe speeltuin Kastanjelaan');
    const list = await chief.agent.get('/beheer/artikelen?status=ter-beoordeling').expect(200);
    assert.match(list.text, /<h1>Ter beoordeling<\/h1>/);
    assert.match(list.text, new RegExp(`href="/beheer/artikelen/${a.id}#beoordeling">Nieuwe speeltuin Kastanjelaan`));
    assert.match(list.text, /<td>Els Redacteur<\/td>/);
    const waiting = Number((await t.db('articles').where({ status: 'review' }).count({ n: '*' }).first())!.n);
    const all = await ed.agent.get('/beheer/artikelen').expect(200);
    assert.match(all.text, new RegExp(`Ter beoordeling\\s*<span class="count">${waiting}</span>`));
    const overview = await chief.agent.get('/beheer').expect(200);
    assert.match(
      overview.text,
      new RegExp(`Ter beoordeling</a>: <strong>${waiting}</strong> artikel(en)? (wacht|wachten) op jouw beoordeling`),
    );
  });

  it('sends back with a note the author sees in the editor and the list; resubmitted and published, it is public', async () => {
    const a = await offered('Markt verhuist naar het Plein');
    const empty = await review(chief, a, { actie: 'terugsturen', notitie: '   ' });
    assert.equal(empty.status, 422);
    assert.match(empty.text, /id="fout-notitie">Vul de opmerking voor de auteur in./);

    const back = await review(chief, a, { actie: 'terugsturen', notitie: 'Noem de datum van de verhuizing.\nEn de bron.' });
    assert.equal(back.status, 303);
    const returned = (await findArticleById(t.db, a.id))!;
    assert.equal(returned.status, 'draft');
    const editor = await ed.agent.get(`/beheer/artikelen/${a.id}`).expect(200);
    assert.match(editor.text, /Teruggestuurd door Carla Eindredacteur/);
    assert.match(editor.text, /Noem de datum van de verhuizing\.\nEn de bron\./);
    const list = await ed.agent.get('/beheer/artikelen').expect(200);
    assert.match(list.text, /Teruggestuurd door Carla Eindredacteur:\s*<span class="review-note-text">Noem de datum/);

    const fixed = await edit(ed, returned, { tekst: 'De markt verhuist op 1 maart naar het Plein (bron: gemeente).', status: 'review' });
    assert.equal(fixed.status, 303);
    const again = (await findArticleById(t.db, a.id))!;
    assert.equal(again.status, 'review');
    assert.doesNotMatch((await ed.agent.get(`/beheer/artikelen/${a.id}`)).text, /Teruggestuurd door/);

    const published = await review(chief, again, { actie: 'publiceren', publiceren_om: '' });
    assert.equal(published.status, 303);
    const live = (await findArticleById(t.db, a.id))!;
    assert.equal(live.status, 'published');
    const page = await request(t.app).get(articlePath(live)).expect(200);
    assert.match(page.text, /De markt verhuist op 1 maart naar het Plein/);
    assert.equal(await t.db('article_reviews').where({ article_id: a.id }).first(), undefined);

    // A step of a save is logged in the save's transaction, the save itself right after it.
    assert.deepEqual(await auditOf(a.id), [
      'article.review-request',
      'article.create',
      'article.review-return',
      'article.review-request',
      'article.update',
      'article.review-publish',
    ]);
    const history = await summaries(a.id);
    assert.match(history[0], /ter beoordeling aangeboden$/);
    assert.equal(history[1], 'Teruggestuurd door Carla Eindredacteur: Noem de datum van de verhuizing.\nEn de bron.');
    assert.match(history[2], /Tekst gewijzigd.*; ter beoordeling aangeboden$/);
    assert.equal(history[3], 'Na beoordeling gepubliceerd door Carla Eindredacteur');
    const versions = await ed.agent.get(`/beheer/artikelen/${a.id}/versies`).expect(200);
    assert.match(versions.text, /Na beoordeling gepubliceerd door Carla Eindredacteur/);
  });

  it('schedules on approval, refuses a decision on an out-of-date page, and a bad time, with a Dutch message', async () => {
    const a = await offered('Raadsvergadering over de begroting');
    const bad = await review(chief, a, { actie: 'publiceren', publiceren_om: 'morgen' });
    assert.equal(bad.status, 422);
    assert.match(bad.text, /Vul een geldige publicatietijd in/);
    const stale = await review(chief, { ...a, revision: a.revision - 1 }, { actie: 'publiceren' });
    assert.equal(stale.status, 409);
    assert.match(stale.text, /opnieuw opgeslagen nadat je het opende/);
    const at = new Date(Date.now() + 3 * 86_400_000);
    const ok = await review(chief, a, { actie: 'publiceren', publiceren_om: toLocalInputValue(at) });
    assert.equal(ok.status, 303);
    const scheduled = (await findArticleById(t.db, a.id))!;
    assert.equal(scheduled.status, 'published');
    assert.ok(scheduled.publishedAt!.getTime() > Date.now());
    await request(t.app).get(articlePath(scheduled)).expect(404);
    // Once decided, a second decision is refused.
    const twice = await review(chief, scheduled, { actie: 'terugsturen', notitie: 'Toch niet.' });
    assert.equal(twice.status, 409);
    // The author may correct it, but not bring it forward.
    assert.equal((await edit(ed, scheduled, { tekst: 'Verbeterd.' })).status, 303);
    const moved = (await findArticleById(t.db, a.id))!;
    assert.equal((await edit(ed, moved, { publicatietijd: toLocalInputValue(new Date()) })).status, 422);
  });

  it('lets an editor take an article back to concept, and a beheerder publish from the editor itself', async () => {
    const a = await offered('Terugnemen');
    assert.equal((await edit(ed, a, { status: 'draft' })).status, 303);
    assert.equal(await t.db('article_reviews').where({ article_id: a.id }).first(), undefined);
    const b = await offered('Beheerder keurt goed');
    const admin = await loginAs(t.app, t.db, 'admin');
    assert.equal((await edit(admin, b, { status: 'published' })).status, 303);
    assert.equal((await findArticleById(t.db, b.id))!.status, 'published');
    assert.equal(await t.db('article_reviews').where({ article_id: b.id }).first(), undefined);
    assert.ok((await auditOf(b.id)).includes('article.review-publish'));
    assert.ok((await auditOf(a.id)).includes('article.review-withdraw'));
  });

  it('lets every editor publish directly when the setting says so', async () => {
    await saveSettingsForm(t.app, t.db, { directPubliceren: 'all' });
    const form = await ed.agent.get('/beheer/artikelen/nieuw').expect(200);
    assert.match(form.text, /id="status-publiceren"/);
    const res = await write(ed, 'Zonder beoordeling', { status: 'published' });
    assert.equal(res.status, 303);
    assert.equal((await findArticleById(t.db, idOf(res.headers.location)))!.status, 'published');
    await saveSettingsForm(t.app, t.db, {});
  });
});
