// sitemap.xml lists exactly the public addresses (pages, dossiers, public articles) and splits into
// a sitemap index past the limit; robots.txt points to it and keeps beheer out.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle } from '../helpers/builders';
import { splitSitemapApp } from '../helpers/sitemap';
import { parseXml } from '../helpers/xml';
import { articlePath, type Article } from '../../server/articles/queries';
import { createDossier } from '../../server/dossiers/queries';

const BASE = 'http://127.0.0.1';
const FIXED = ['/', '/documenten', '/dossiers', '/archief', '/over-deze-weblog', '/privacy', '/toegankelijkheid'];

describe('sitemap.xml and robots.txt', () => {
  let t: TestApp;
  const published: Article[] = [];

  before(async () => {
    t = await createTestApp();
    const now = Date.now();
    for (let i = 0; i < 5; i++) {
      published.push(
        await buildArticle(t.db, {
          title: `Artikel ${i}`,
          kind: i % 2 ? 'memo' : 'nieuws',
          publishedAt: new Date(now - (10 - i) * 3_600_000),
        }),
      );
    }
    await buildArticle(t.db, { title: 'Concept', status: 'draft', publishedAt: null });
    await buildArticle(t.db, { title: 'Gepland', publishedAt: new Date(now + 3_600_000) });
    await createDossier(t.db, { title: 'Markt', slug: 'markt', introMarkdown: '', participants: '' }, new Date());
    await createDossier(t.db, { title: 'Zwembad', slug: 'zwembad', introMarkdown: '', participants: '' }, new Date());
  });
  after(async () => t.close());

  const locs = (xml: string): string[] => (parseXml(xml).urlset.url ?? []).map((u: { loc: string }) => u.loc);
  const expected = () => [...FIXED, '/dossiers/markt', '/dossiers/zwembad', ...published.map(articlePath)].map((p) => `${BASE}${p}`);

  it('lists exactly the public pages, dossiers and articles, with their last change', async () => {
    const res = await request(t.app).get('/sitemap.xml');
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /^application\/xml/);
    const doc = parseXml(res.text);
    assert.equal(doc.urlset['@xmlns'], 'http://www.sitemaps.org/schemas/sitemap/0.9');
    assert.deepEqual(locs(res.text), expected());
    const article = doc.urlset.url.find((u: { loc: string }) => u.loc === `${BASE}${articlePath(published[0])}`);
    assert.equal(article.lastmod, published[0].updatedAt.toISOString());
  });

  it('splits into a sitemap index past the limit, each part within it, together the same addresses', async () => {
    const app = splitSitemapApp(t);
    const index = await request(app).get('/sitemap.xml');
    assert.equal(index.status, 200);
    const parts = parseXml(index.text).sitemapindex.sitemap.map((s: { loc: string }) => s.loc);
    // 6 pages + 2 dossiers + 5 articles = 13 addresses: four files of at most four.
    assert.deepEqual(
      parts,
      [1, 2, 3, 4].map((n) => `${BASE}/sitemap-${n}.xml`),
    );
    const all: string[] = [];
    for (const part of parts) {
      const res = await request(app).get(part.slice(BASE.length));
      assert.equal(res.status, 200, part);
      const list = locs(res.text);
      assert.ok(list.length > 0 && list.length <= 4, `${part} has ${list.length}`);
      all.push(...list);
    }
    assert.deepEqual(all, expected());
    for (const path of ['/sitemap-5.xml', '/sitemap-0.xml', '/sitemap-x.xml'])
      assert.equal((await request(app).get(path)).status, 404, path);
    // Unsplit, the parts do not exist: /sitemap.xml is the one file.
    assert.equal((await request(t.app).get('/sitemap-1.xml')).status, 404);
  });

  it('robots.txt points to the sitemap and keeps beheer out', async () => {
    const res = await request(t.app).get('/robots.txt');
    assert.equal(res.status, 200);
    assert.match(String(res.headers['content-type']), /^text\/plain/);
    assert.match(res.text, /^User-agent: \*$/m);
    assert.match(res.text, /^Disallow: \/beheer$/m);
    assert.match(res.text, new RegExp(`^Sitemap: ${BASE}/sitemap.xml$`, 'm'));
  });
});
