// Tags: imported from WordPress (the channel's <wp:tag> and each item's post_tag), shown on the
// article, a page per tag, old /tag/ and /category/ addresses redirected, edited in the editor.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle } from '../helpers/builders';
import { loginAs } from '../helpers/http';
import { articlePath } from '../../server/articles/queries';
import { importWxr, type ImportOptions } from '../../server/imports/import';

const SITE = path.join(__dirname, '..', 'fixtures', 'wxr', 'site.xml');
const OPTIONS: ImportOptions = { pingbacks: 'skip', ipRetentionDays: 30, now: new Date('2015-06-20T12:00:00Z') };

describe('tags', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
    await importWxr(t.db, fs.createReadStream(SITE), OPTIONS);
  });
  after(async () => t.close());

  it('keeps an imported post’s tags: on its page, and on a page per tag', async () => {
    const page = await request(t.app).get('/2015/05/fietsenstalling').expect(200);
    assert.match(page.text, /<p class="meta article-tags">Tags: <a href="\/tags\/fiets" rel="tag">fiets<\/a><\/p>/);
    const tag = await request(t.app).get('/tags/fiets').expect(200);
    assert.match(tag.text, /<h1>fiets<\/h1>/);
    assert.match(tag.text, /1 artikel</);
    assert.match(tag.text, /href="\/2015\/05\/fietsenstalling">Nieuwe fietsenstalling bij het station</);
    const missing = await request(t.app).get('/tags/bestaat-niet').expect(404);
    assert.match(missing.text, /Deze tag bestaat niet/);
  });

  it('redirects WordPress’s /tag/ and /category/ addresses with a 301', async () => {
    for (const p of ['/tag/fiets/', '/tag/fiets', '/tag/fiets/page/2/', '/tag/FIETS/'])
      assert.equal((await request(t.app).get(p).expect(301)).headers.location, '/tags/fiets', p);
    for (const p of ['/category/verkeer/', '/category/verkeer', '/category/nieuws/verkeer/', '/category/verkeer/feed/'])
      assert.equal((await request(t.app).get(p).expect(301)).headers.location, '/dossiers/verkeer', p);
    await request(t.app).get('/tag/onbekend/').expect(404);
    await request(t.app).get('/category/uncategorized/').expect(404);
  });

  it('imports again without new tags or links', async () => {
    const count = async () => [
      Number((await t.db('tags').count({ n: '*' }).first())?.n),
      Number((await t.db('article_tags').count({ n: '*' }).first())?.n),
    ];
    const before = await count();
    const report = await importWxr(t.db, fs.createReadStream(SITE), OPTIONS);
    assert.equal(report.count('tag'), 0);
    assert.equal(report.skippedCount('tag', 'al geïmporteerd'), 1);
    assert.deepEqual(await count(), before);
  });

  it('lists only public articles on a tag page', async () => {
    const concept = await buildArticle(t.db, { title: 'Concept met tag', status: 'draft' });
    const { agent, csrf } = await loginAs(t.app, t.db, 'editor');
    await agent.post(`/beheer/artikelen/${concept.id}/tags`).type('form').send({ _csrf: csrf, tags: 'fiets' }).expect(303);
    const tag = await request(t.app).get('/tags/fiets').expect(200);
    assert.doesNotMatch(tag.text, /Concept met tag/);
    assert.match(tag.text, /1 artikel</);
  });

  it('lets an editor set an article’s tags in the editor; the cached page follows', async () => {
    const article = await buildArticle(t.db, { title: 'Over de markt' });
    const before = await request(t.app).get(articlePath(article)).expect(200);
    assert.doesNotMatch(before.text, /article-tags/);
    const { agent, csrf } = await loginAs(t.app, t.db, 'editor');
    const editor = await agent.get(`/beheer/artikelen/${article.id}`).expect(200);
    assert.match(editor.text, /<h2 id="tags-kop">Tags<\/h2>/);
    assert.match(editor.text, /<label for="veld-tags">Tags van dit artikel<\/label>/);
    const ids = [...editor.text.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(
      ids.filter((id, i) => ids.indexOf(id) !== i),
      [],
      'every id in the editor is unique',
    );
    const res = await agent
      .post(`/beheer/artikelen/${article.id}/tags`)
      .type('form')
      .send({ _csrf: csrf, tags: 'Grote Markt, fiets, grote markt, <b>vet</b>' })
      .expect(303);
    assert.equal(res.headers.location, `/beheer/artikelen/${article.id}#tags`);
    const after = await request(t.app).get(articlePath(article)).expect(200);
    assert.match(
      after.text,
      /Tags: <a href="\/tags\/b-vet-b" rel="tag">&lt;b&gt;vet&lt;\/b&gt;<\/a>, <a href="\/tags\/fiets" rel="tag">fiets<\/a>, <a href="\/tags\/grote-markt" rel="tag">Grote Markt<\/a>/,
    );
    assert.match(
      (await agent.get(`/beheer/artikelen/${article.id}`).expect(200)).text,
      /value="&lt;b&gt;vet&lt;\/b&gt;, fiets, Grote Markt"/,
    );
    assert.ok(await t.db('audit_log').where({ action: 'article.tags', subject_id: article.id }).first());

    await agent.post(`/beheer/artikelen/${article.id}/tags`).type('form').send({ _csrf: csrf, tags: '' }).expect(303);
    assert.doesNotMatch((await request(t.app).get(articlePath(article)).expect(200)).text, /article-tags/);
  });

  it('reads "&" in a tag as "en", and keeps a tag made before that under its old address', async () => {
    const article = await buildArticle(t.db);
    const { agent, csrf } = await loginAs(t.app, t.db, 'editor');
    await t.db('tags').insert({ slug: 'b-w', name: 'B&W' });
    await agent.post(`/beheer/artikelen/${article.id}/tags`).type('form').send({ _csrf: csrf, tags: 'B&W, Wonen & werken' }).expect(303);
    const page = (await request(t.app).get(articlePath(article)).expect(200)).text;
    assert.match(page, /<a href="\/tags\/b-w" rel="tag">B&amp;W<\/a>/, 'the existing tag, not a second one');
    assert.match(page, /<a href="\/tags\/wonen-en-werken" rel="tag">Wonen &amp; werken<\/a>/);
    assert.equal(
      await t
        .db('tags')
        .where({ name: 'B&W' })
        .count({ n: '*' })
        .first()
        .then((r) => Number(r?.n)),
      1,
    );
  });

  it('refuses too long a tag with 422 and a Dutch message, keeping what was typed', async () => {
    const article = await buildArticle(t.db);
    const { agent, csrf } = await loginAs(t.app, t.db, 'editor');
    const typed = `kort, ${'lang'.repeat(30)}`;
    const res = await agent.post(`/beheer/artikelen/${article.id}/tags`).type('form').send({ _csrf: csrf, tags: typed }).expect(422);
    assert.match(res.text, /Een tag is hoogstens 100 tekens/);
    assert.ok(res.text.includes(`value="${typed}"`));
    assert.equal(Number((await t.db('article_tags').where({ article_id: article.id }).count({ n: '*' }).first())?.n), 0);
    await agent.post(`/beheer/artikelen/${article.id}/tags`).type('form').send({ tags: 'x' }).expect(403);
    await agent.post('/beheer/artikelen/999999/tags').type('form').send({ _csrf: csrf, tags: 'x' }).expect(404);
  });
});
