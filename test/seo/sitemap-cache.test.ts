// The sitemap is built once per state of what it lists and served from memory (as bytes and as
// gzip, with ETag and Last-Modified): what a crawler sees must still follow every change at once.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import express from 'express';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { articleInput, buildArticle, buildReactie } from '../helpers/builders';
import { splitSitemapApp } from '../helpers/sitemap';
import { parseXml } from '../helpers/xml';
import { articlePath, unpublishArticle, updateArticle, type Article } from '../../server/articles/queries';
import { createDossier, deleteDossier } from '../../server/dossiers/queries';

const BASE = 'http://127.0.0.1';

function locs(xml: string): string[] {
  return (parseXml(xml).urlset.url ?? []).map((u: { loc: string }) => u.loc);
}

const edited = (a: Article, title: string, slug: string) => ({ ...articleInput(a), title, slug });

/** A request on a real socket: the bytes as sent (supertest would gunzip them). */
async function getRaw(app: express.Express, path: string, headers: Record<string, string>) {
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const { port } = server.address() as AddressInfo;
    return await new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http
        .get({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        })
        .on('error', reject);
    });
  } finally {
    server.close();
  }
}

describe('sitemap.xml kept in memory', () => {
  let t: TestApp;
  const start = Date.now();

  beforeEach(async () => {
    t = await createTestApp();
    t.setNow(undefined);
  });
  afterEach(async () => t.close());

  it('answers gzip to a crawler that takes it, the same XML as without', async () => {
    const a = await buildArticle(t.db, { title: 'Eerste' });
    const plain = await getRaw(t.app, '/sitemap.xml', { 'Accept-Encoding': 'identity' });
    assert.equal(plain.status, 200);
    assert.equal(plain.headers['content-encoding'], undefined);
    assert.match(String(plain.headers.vary), /Accept-Encoding/);
    const zipped = await getRaw(t.app, '/sitemap.xml', { 'Accept-Encoding': 'gzip, deflate' });
    assert.equal(zipped.status, 200);
    assert.equal(zipped.headers['content-encoding'], 'gzip');
    assert.match(String(zipped.headers['content-type']), /^application\/xml/);
    const unzipped = zlib.gunzipSync(zipped.body).toString();
    assert.equal(unzipped, plain.body.toString());
    assert.ok(zipped.body.length < plain.body.length);
    assert.ok(locs(unzipped).includes(`${BASE}${articlePath(a)}`));
  });

  it('answers 304 to a crawler that has it, and the new sitemap after a publish, an edit and an unpublish', async () => {
    const a = await buildArticle(t.db, { title: 'Blijft' }, new Date(start - 10_000));
    const b = await buildArticle(t.db, { title: 'Gaat weg' }, new Date(start - 10_000));
    const first = await request(t.app).get('/sitemap.xml');
    assert.equal(first.status, 200);
    const etag = String(first.headers.etag);
    assert.ok(first.headers['last-modified']);
    assert.equal((await request(t.app).get('/sitemap.xml').set('If-None-Match', etag)).status, 304);
    const since = String(first.headers['last-modified']);
    assert.equal((await request(t.app).get('/sitemap.xml').set('If-Modified-Since', since)).status, 304);

    // A reactie changes nothing the sitemap lists: still current.
    await buildReactie(t.db, a);
    assert.equal((await request(t.app).get('/sitemap.xml').set('If-None-Match', etag)).status, 304);

    // Published: the crawler's copy is out of date, and the new one lists it.
    const c = await buildArticle(t.db, { title: 'Nieuw' }, new Date(start - 5_000));
    const afterPublish = await request(t.app).get('/sitemap.xml').set('If-None-Match', etag);
    assert.equal(afterPublish.status, 200);
    assert.ok(locs(afterPublish.text).includes(`${BASE}${articlePath(c)}`));

    // Edited (a new address and a new last change).
    const renamed = await updateArticle(t.db, a.id, edited(a, 'Blijft, herzien', 'blijft-herzien'), new Date(start - 1_000));
    assert.ok(renamed);
    const afterEdit = await request(t.app).get('/sitemap.xml').set('If-None-Match', String(afterPublish.headers.etag));
    assert.equal(afterEdit.status, 200);
    const list = locs(afterEdit.text);
    assert.ok(list.includes(`${BASE}${articlePath(renamed)}`));
    assert.ok(!list.includes(`${BASE}${articlePath(a)}`));
    const entry = parseXml(afterEdit.text).urlset.url.find((u: { loc: string }) => u.loc === `${BASE}${articlePath(renamed)}`);
    assert.equal(entry.lastmod, new Date(start - 1_000).toISOString());

    // Withdrawn (back to concept): gone.
    await unpublishArticle(t.db, b.id, new Date(start));
    const afterUnpublish = await request(t.app).get('/sitemap.xml');
    assert.ok(!locs(afterUnpublish.text).includes(`${BASE}${articlePath(b)}`));
    assert.ok(locs(afterUnpublish.text).includes(`${BASE}${articlePath(c)}`));
  });

  it('follows an edit stamped no later than the newest change: the same millisecond, or a clock behind', async () => {
    const a = await buildArticle(t.db, { title: 'Eerste' }, new Date(start - 20_000));
    const b = await buildArticle(t.db, { title: 'Tweede' }, new Date(start - 20_000));
    const at = new Date(start - 1_000);
    const renamedA = await updateArticle(t.db, a.id, edited(a, 'Eerste, herzien', 'eerste-herzien'), at);
    assert.ok(renamedA);
    const first = await request(t.app).get('/sitemap.xml');
    assert.ok(locs(first.text).includes(`${BASE}${articlePath(renamedA)}`));

    // Another editor's change in the same millisecond: the newest change is still `at`.
    const renamedB = await updateArticle(t.db, b.id, edited(b, 'Tweede, herzien', 'tweede-herzien'), at);
    assert.ok(renamedB);
    const afterSame = await request(t.app).get('/sitemap.xml').set('If-None-Match', String(first.headers.etag));
    assert.equal(afterSame.status, 200);
    assert.ok(locs(afterSame.text).includes(`${BASE}${articlePath(renamedB)}`));
    assert.ok(!locs(afterSame.text).includes(`${BASE}${articlePath(b)}`));

    // An app server whose clock is a minute behind: its edit is older than the newest change.
    const again = await updateArticle(t.db, renamedB.id, edited(renamedB, 'Tweede, opnieuw', 'tweede-opnieuw'), new Date(start - 60_000));
    assert.ok(again);
    const afterBehind = await request(t.app).get('/sitemap.xml').set('If-None-Match', String(afterSame.headers.etag));
    assert.equal(afterBehind.status, 200);
    assert.ok(locs(afterBehind.text).includes(`${BASE}${articlePath(again)}`));
    assert.ok(!locs(afterBehind.text).includes(`${BASE}${articlePath(renamedB)}`));
  });

  it('lists a scheduled article from the moment it is due, not before', async () => {
    const due = new Date(start + 3_600_000);
    const scheduled = await buildArticle(t.db, { title: 'Gepland', publishedAt: due });
    const draft = await buildArticle(t.db, { title: 'Concept', status: 'draft', publishedAt: null });
    const path = `${BASE}${articlePath(scheduled)}`;
    const before = await request(t.app).get('/sitemap.xml');
    assert.equal(before.status, 200);
    assert.ok(!locs(before.text).includes(path));
    assert.ok(!before.text.includes(draft.slug));
    t.setNow(new Date(due.getTime() - 1));
    assert.equal((await request(t.app).get('/sitemap.xml').set('If-None-Match', String(before.headers.etag))).status, 304);
    t.setNow(due);
    const after = await request(t.app).get('/sitemap.xml').set('If-None-Match', String(before.headers.etag));
    assert.equal(after.status, 200);
    assert.ok(locs(after.text).includes(path));
    const entry = parseXml(after.text).urlset.url.find((u: { loc: string }) => u.loc === path);
    assert.equal(entry.lastmod, due.toISOString());
  });

  it('follows dossiers made and removed', async () => {
    const first = await request(t.app).get('/sitemap.xml');
    const dossier = await createDossier(t.db, { title: 'Haven', slug: 'haven', introMarkdown: '', participants: '' }, new Date());
    const withDossier = await request(t.app).get('/sitemap.xml').set('If-None-Match', String(first.headers.etag));
    assert.equal(withDossier.status, 200);
    assert.ok(locs(withDossier.text).includes(`${BASE}/dossiers/haven`));
    await deleteDossier(t.db, dossier.id);
    const without = await request(t.app).get('/sitemap.xml');
    assert.ok(!locs(without.text).includes(`${BASE}/dossiers/haven`));
  });

  it('an index names each file with its newest change; a part answers 304 and follows a change too', async () => {
    const app = splitSitemapApp(t);
    const articles: Article[] = [];
    for (let i = 0; i < 3; i++) articles.push(await buildArticle(t.db, { title: `Deel ${i}` }, new Date(start - (10 - i) * 60_000)));
    // 7 fixed pages + 3 articles: three files, the articles in the second (one) and the third (two).
    const index = await request(app).get('/sitemap.xml');
    assert.equal(index.status, 200);
    const entries = parseXml(index.text).sitemapindex.sitemap as Array<{ loc: string; lastmod?: string }>;
    assert.deepEqual(
      entries.map((e) => e.loc),
      [1, 2, 3].map((n) => `${BASE}/sitemap-${n}.xml`),
    );
    assert.equal(entries[0].lastmod, undefined);
    assert.equal(entries[1].lastmod, articles[0].updatedAt.toISOString());
    assert.equal(entries[2].lastmod, articles[2].updatedAt.toISOString());
    const part = await request(app).get('/sitemap-3.xml');
    assert.equal(part.status, 200);
    assert.equal((await request(app).get('/sitemap-3.xml').set('If-None-Match', String(part.headers.etag))).status, 304);
    const later = await buildArticle(t.db, { title: 'Later' }, new Date(start - 60_000));
    const changed = await request(app).get('/sitemap-3.xml').set('If-None-Match', String(part.headers.etag));
    assert.equal(changed.status, 200);
    assert.ok(locs(changed.text).includes(`${BASE}${articlePath(later)}`));
    assert.equal((await request(app).get('/sitemap-4.xml')).status, 404);
  });
});
