// One screen (issue 23): a new article gets its tags and dossiers with its first save; a form sent
// back with an error keeps them as chosen; the editor of an existing article sets its dossiers too.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { ARTICLE_FORM, hiddenInput, loginAs, type Agent } from '../helpers/http';
import { articlePath, findArticleById } from '../../server/articles/queries';
import { createDossier, dossierIdsOfArticle } from '../../server/dossiers/queries';
import { tagsOfArticle } from '../../server/tags/queries';

describe('one screen: tags and dossiers on the new article form', () => {
  let t: TestApp;
  let ed: { agent: Agent; csrf: string };
  let markt: number;
  let verkeer: number;
  before(async () => {
    t = await createTestApp();
    ed = await loginAs(t.app, t.db, 'chief');
    markt = (await createDossier(t.db, { title: 'Weekmarkt', slug: 'weekmarkt', introMarkdown: 'De markt.', participants: '' }, new Date()))
      .id;
    verkeer = (await createDossier(t.db, { title: 'Verkeer', slug: 'verkeer', introMarkdown: 'Wegen.', participants: '' }, new Date())).id;
  });
  after(async () => t.close());

  const post = (path: string, fields: Record<string, string | string[]>) =>
    ed.agent
      .post(path)
      .type('form')
      .send({ _csrf: ed.csrf, ...ARTICLE_FORM, soort: 'nieuws', ...fields });

  it('shows the tags field and every dossier on the new article form', async () => {
    const form = await ed.agent.get('/beheer/artikelen/nieuw').expect(200);
    assert.match(form.text, /<label for="tags">Tags<\/label>/);
    assert.match(form.text, /<legend>Dossiers<\/legend>/);
    assert.match(form.text, new RegExp(`id="dossier-${markt}" name="dossier" type="checkbox" value="${markt}"`));
    assert.match(form.text, /<label for="dossier-\d+">Verkeer<\/label>/);
  });

  it('keeps the chosen tags and dossiers on a form sent back with an error, and stores them with the first save', async () => {
    const fields = {
      titel: '',
      tekst: 'De markt komt terug op het Plein.',
      tags: 'markt, Plein',
      dossiers_gekozen: 'ja',
      dossier: [String(markt)],
    };
    const refused = await post('/beheer/artikelen', fields);
    assert.equal(refused.status, 422);
    assert.match(refused.text, /id="tags" name="tags" type="text" value="markt, Plein"/);
    assert.match(refused.text, new RegExp(`id="dossier-${markt}" name="dossier" type="checkbox" value="${markt}" checked`));
    assert.doesNotMatch(refused.text, new RegExp(`id="dossier-${verkeer}"[^>]* checked`));

    const saved = await post('/beheer/artikelen', { ...fields, titel: 'Markt terug op het Plein' });
    assert.equal(saved.status, 303);
    const id = Number(/\/(\d+)$/.exec(saved.headers.location)![1]);
    assert.deepEqual((await tagsOfArticle(t.db, id)).map((tag) => tag.name).sort(), ['markt', 'Plein'].sort());
    assert.deepEqual(await dossierIdsOfArticle(t.db, id), [markt]);
    // Its first revision has the tags.
    const first = await t.db('article_revisions').where({ article_id: id, number: 1 }).first();
    assert.deepEqual(JSON.parse(first.content).tags.sort(), ['markt', 'Plein'].sort());
    // A resident sees both on the article.
    const article = (await findArticleById(t.db, id))!;
    const page = await request(t.app).get(articlePath(article)).expect(200);
    assert.match(page.text, /In dossier: <a href="\/dossiers\/weekmarkt">Weekmarkt<\/a>/);
    assert.match(page.text, /rel="tag">Plein<\/a>/);
  });

  it('refuses too many tags and an unknown dossier with a Dutch message, storing nothing', async () => {
    const before = await t.db('articles').count({ n: '*' }).first();
    const many = Array.from({ length: 51 }, (_, i) => `tag${i}`).join(', ');
    const tooMany = await post('/beheer/artikelen', { titel: 'Te veel tags', tekst: 'Tekst.', tags: many });
    assert.equal(tooMany.status, 422);
    assert.match(tooMany.text, /Geef een artikel hoogstens 50 tags\./);
    const unknown = await post('/beheer/artikelen', {
      titel: 'Onbekend dossier',
      tekst: 'Tekst.',
      dossiers_gekozen: 'ja',
      dossier: ['999999'],
    });
    assert.equal(unknown.status, 422);
    assert.match(unknown.text, /Kies alleen dossiers uit de lijst/);
    const junk = await post('/beheer/artikelen', { titel: 'Rommel', tekst: 'Tekst.', dossiers_gekozen: 'ja', dossier: ['abc'] });
    assert.equal(junk.status, 422);
    assert.deepEqual(await t.db('articles').count({ n: '*' }).first(), before);
  });

  it('sets the dossiers of an existing article from its editor, ticked as they are', async () => {
    const saved = await post('/beheer/artikelen', {
      titel: 'Nieuwe rotonde',
      tekst: 'Bij de Markt.',
      dossiers_gekozen: 'ja',
      dossier: [String(verkeer)],
    });
    const id = Number(/\/(\d+)$/.exec(saved.headers.location)![1]);
    const form = await ed.agent.get(`/beheer/artikelen/${id}`).expect(200);
    assert.match(form.text, new RegExp(`id="dossier-${verkeer}" name="dossier" type="checkbox" value="${verkeer}" checked`));
    const a = (await findArticleById(t.db, id))!;
    const edit = await post(`/beheer/artikelen/${id}`, {
      titel: a.title,
      slug: a.slug,
      tekst: a.bodyMarkdown,
      versie: hiddenInput(form.text, 'versie'),
      dossiers_gekozen: 'ja',
      dossier: [String(markt)],
    });
    assert.equal(edit.status, 303);
    assert.deepEqual(await dossierIdsOfArticle(t.db, id), [markt]);
  });
});
