// Editors write, preview, publish, schedule and unpublish articles.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { ARTICLE_FORM, loginAs, type Agent } from '../helpers/http';
import { findArticleBySlug } from '../../server/articles/queries';

const base = { ...ARTICLE_FORM, titel: 'Een titel', soort: 'nieuws', tekst: 'Eerste alinea.\n\nTweede alinea.' };

describe('editor: articles', () => {
  let t: TestApp;
  let ed: { agent: Agent; csrf: string };
  before(async () => {
    t = await createTestApp();
    ed = await loginAs(t.app, t.db, 'chief');
  });
  after(async () => t.close());
  afterEach(() => t.setNow(undefined));

  const save = (fields: Record<string, string>, path = '/beheer/artikelen') =>
    ed.agent
      .post(path)
      .type('form')
      .send({ _csrf: ed.csrf, ...base, ...fields });

  it('publishes an article that appears on the voorpagina at its permalink, with a Dutch date', async () => {
    t.setNow(new Date('2015-05-27T12:00:00Z'));
    const res = await save({ titel: 'Nieuwe fietsenstalling', tekst: 'De stalling is open.\n\n## Tijden\n\nDag en nacht.' });
    assert.equal(res.status, 303);
    assert.match((await ed.agent.get(res.headers.location)).text, /Artikel opgeslagen en gepubliceerd/);
    const article = (await findArticleBySlug(t.db, 'nieuwe-fietsenstalling'))!;
    const page = await request(t.app).get('/2015/05/nieuwe-fietsenstalling').expect(200);
    assert.match(page.text, /<h1>Nieuwe fietsenstalling<\/h1>/);
    assert.match(page.text, /27 mei 2015/);
    assert.match(page.text, /<h2>Tijden<\/h2>/);
    assert.equal(article.excerptMarkdown, '');
    const home = await request(t.app).get('/').expect(200);
    assert.match(home.text, /<p>De stalling is open.<\/p>/, 'the first paragraph is the excerpt');
    assert.ok(await t.db('audit_log').where({ action: 'article.create', subject_id: article.id }).first());
  });

  it('takes a council document of 200.000 characters in any script, and refuses one more with a Dutch message', async () => {
    // Arabic and emoji percent-encode to 6 and 12 bytes a character: several megabytes of form.
    const text = 'ا'.repeat(100_000) + '😀'.repeat(99_000) + '\n\n' + 'é'.repeat(998);
    assert.equal([...text].length, 200_000);
    const res = await save({ titel: 'Lange raadsinformatiebrief', slug: 'lange-raadsinformatiebrief', tekst: text });
    assert.equal(res.status, 303);
    assert.equal((await findArticleBySlug(t.db, 'lange-raadsinformatiebrief'))!.bodyMarkdown, text);
    const tooLong = await save({ titel: 'Te lang', slug: 'te-lang', tekst: text + 'x' });
    assert.equal(tooLong.status, 422);
    assert.match(tooLong.text, /hoogstens 200\.000 tekens/);
  });

  it('makes the slug from the title, accents folded, and unique', async () => {
    await save({ titel: 'Café één: Ñoño op de Markt' });
    await save({ titel: 'Café één: Ñoño op de Markt' });
    assert.ok(await findArticleBySlug(t.db, 'cafe-een-nono-op-de-markt'));
    assert.ok(await findArticleBySlug(t.db, 'cafe-een-nono-op-de-markt-2'));
    // "&" is "en", and a long title is cut between words, never inside one ("…-heuve").
    const res = await save({ titel: 'Brief van B&W over de regionale samenwerking en de afspraken voor Maastricht-Heuvelland' });
    assert.equal(res.status, 303);
    assert.ok(await findArticleBySlug(t.db, 'brief-van-b-en-w-over-de-regionale-samenwerking-en-de-afspraken-voor-maastricht'));
  });

  it('refuses a taken or malformed slug with 422, keeping everything typed', async () => {
    await save({ titel: 'Bezet', slug: 'bezette-slug' });
    const res = await save({ titel: 'Tweede', slug: 'bezette-slug', tekst: 'Mijn lange tekst die blijft' });
    assert.equal(res.status, 422);
    assert.match(res.text, /al in gebruik/);
    assert.match(res.text, /Mijn lange tekst die blijft<\/textarea>/);
    const bad = await save({ titel: '', slug: 'Geen Geldige Slug!' });
    assert.equal(bad.status, 422);
    assert.match(bad.text, /Vul de titel in/);
    assert.match(bad.text, /kleine letters, cijfers en streepjes/);
  });

  it('schedules: not public before its time, on the voorpagina after, without a job runner', async () => {
    t.setNow(new Date('2026-11-22T10:00:00Z'));
    await save({ titel: 'Gepland bericht', publicatietijd: '2026-11-23T09:30' });
    const list = await ed.agent.get('/beheer/artikelen');
    assert.match(list.text, /Gepland/);
    assert.doesNotMatch((await request(t.app).get('/')).text, /Gepland bericht/);
    await request(t.app).get('/2026/11/gepland-bericht').expect(404);
    t.setNow(new Date('2026-11-23T08:31:00Z')); // 09:31 in Amsterdam
    assert.match((await request(t.app).get('/')).text, /Gepland bericht/);
    await request(t.app).get('/2026/11/gepland-bericht').expect(200);
  });

  it('keeps drafts private and unpublishes', async () => {
    const draft = await save({ titel: 'Nog een concept', status: 'draft' });
    assert.match((await ed.agent.get(draft.headers.location)).text, /opgeslagen als concept/);
    assert.doesNotMatch((await request(t.app).get('/')).text, /Nog een concept/);
    await save({ titel: 'Straks weg' });
    const article = (await findArticleBySlug(t.db, 'straks-weg'))!;
    assert.match((await request(t.app).get('/')).text, /Straks weg/);
    await ed.agent.post(`/beheer/artikelen/${article.id}/depubliceren`).type('form').send({ _csrf: ed.csrf }).expect(303);
    assert.doesNotMatch((await request(t.app).get('/')).text, /Straks weg/);
  });

  it('previews without saving', async () => {
    const res = await save({ titel: 'Alleen voorbeeld', tekst: '**Vet** en *schuin*', actie: 'voorbeeld' });
    assert.equal(res.status, 200);
    assert.match(res.text, /<strong>Vet<\/strong> en <em>schuin<\/em>/);
    assert.equal(await findArticleBySlug(t.db, 'alleen-voorbeeld'), null);
  });

  it('sanitizes Markdown: nothing executable survives', async () => {
    await save({
      titel: 'Vijandige tekst',
      tekst:
        '<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[klik](javascript:alert(3))\n\n[goed](https://www.peelstad.example)',
    });
    const page = (
      await request(t.app).get(`/${new Date().getFullYear()}/${String(new Date().getMonth() + 1).padStart(2, '0')}/vijandige-tekst`)
    ).text;
    const body = page.slice(page.indexOf('article-body'), page.indexOf('id="reacties"'));
    assert.doesNotMatch(body, /<script|<img[\s>]|<[^>]+\son\w+=|href="javascript:/i);
    assert.match(body, /&lt;script&gt;alert\(1\)/, 'raw HTML is shown as text');
    assert.match(body, /<a href="https:\/\/www.peelstad.example" rel="noopener">goed<\/a>/);
  });

  it('edits an article and answers 404 for an unknown one', async () => {
    await save({ titel: 'Te bewerken' });
    const article = (await findArticleBySlug(t.db, 'te-bewerken'))!;
    const form = await ed.agent.get(`/beheer/artikelen/${article.id}`).expect(200);
    assert.match(form.text, /value="Te bewerken"/);
    await save({ titel: 'Te bewerken', tekst: 'Nieuwe tekst', vastgepind: 'ja' }, `/beheer/artikelen/${article.id}`).expect(303);
    const saved = (await findArticleBySlug(t.db, 'te-bewerken'))!;
    assert.equal(saved.bodyMarkdown, 'Nieuwe tekst');
    assert.equal(saved.pinned, true);
    await ed.agent.get('/beheer/artikelen/99999').expect(404);
  });

  it('keeps moderators and residents out, and refuses a post without the CSRF token', async () => {
    const mod = await loginAs(t.app, t.db, 'moderator');
    await mod.agent.get('/beheer/artikelen').expect(403);
    await mod.agent
      .post('/beheer/artikelen')
      .type('form')
      .send({ _csrf: mod.csrf, ...base, titel: 'Van moderator' })
      .expect(403);
    await request(t.app).get('/beheer/artikelen/nieuw').expect(302);
    await ed.agent
      .post('/beheer/artikelen')
      .type('form')
      .send({ ...base, titel: 'Zonder token' })
      .expect(403);
    assert.equal(await findArticleBySlug(t.db, 'van-moderator'), null);
    assert.equal(await findArticleBySlug(t.db, 'zonder-token'), null);
  });
});
