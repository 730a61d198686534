// The archive: /archief lists every month with its number of public articles, as WordPress does
// ("november 2026 (12)"), /YYYY a year's months, /YYYY/MM the month's articles in pages. An article
// is in the month of its permalink (Amsterdam time), also around midnight and the clock changes.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle } from '../helpers/builders';
import { articlePath, type Article } from '../../server/articles/queries';

const utc = (iso: string) => new Date(iso);

describe('archive by year and month', () => {
  let t: TestApp;
  const november: Article[] = [];
  let boundary: Article[];
  let draft: Article;

  before(async () => {
    t = await createTestApp();
    for (let day = 1; day <= 12; day++) {
      november.push(
        await buildArticle(t.db, { title: `November ${day}`, publishedAt: utc(`2026-11-${String(day).padStart(2, '0')}T12:00:00Z`) }),
      );
    }
    await buildArticle(t.db, { title: 'Oktober', publishedAt: utc('2026-10-10T12:00:00Z') });
    await buildArticle(t.db, { title: 'Januari vorig jaar', publishedAt: utc('2025-01-15T12:00:00Z') });
    // Around midnight in Amsterdam, in winter and summer time and on the nights the clock changes.
    boundary = [
      await buildArticle(t.db, { title: 'Net december', publishedAt: utc('2026-11-30T23:30:00Z') }), // 1 dec 00:30 CET
      await buildArticle(t.db, { title: 'Net juli', publishedAt: utc('2026-06-30T22:30:00Z') }), // 1 jul 00:30 CEST
      await buildArticle(t.db, { title: 'Nog juni', publishedAt: utc('2026-06-30T21:30:00Z') }), // 30 jun 23:30 CEST
      await buildArticle(t.db, { title: 'Net november', publishedAt: utc('2026-10-31T23:30:00Z') }), // 1 nov 00:30 CET, after the change
      await buildArticle(t.db, { title: 'Net april', publishedAt: utc('2026-03-31T22:30:00Z') }), // 1 apr 00:30 CEST, after the change
      await buildArticle(t.db, { title: 'Nieuwjaar', publishedAt: utc('2025-12-31T23:30:00Z') }), // 1 jan 2026 00:30 CET
    ];
    draft = await buildArticle(t.db, { title: 'Concept in augustus', status: 'draft', publishedAt: utc('2026-08-10T12:00:00Z') });
    await buildArticle(t.db, { title: 'Gepland', publishedAt: new Date(Date.now() + 40 * 86_400_000) });
  });
  after(async () => t.close());

  const get = (path: string) => request(t.app).get(path);

  it('lists every month with its count, linking the month, newest first, with year totals', async () => {
    const res = await get('/archief');
    assert.equal(res.status, 200);
    const months = [
      ...res.text.matchAll(/<li><a href="(\/\d{4}\/\d{2})">([a-z]+ \d{4})<\/a> <span class="count">\((\d+)\)<\/span><\/li>/g),
    ].map((m) => `${m[1]} ${m[2]} (${m[3]})`);
    assert.deepEqual(months, [
      '/2026/12 december 2026 (1)',
      '/2026/11 november 2026 (13)',
      '/2026/10 oktober 2026 (1)',
      '/2026/07 juli 2026 (1)',
      '/2026/06 juni 2026 (1)',
      '/2026/04 april 2026 (1)',
      '/2026/01 januari 2026 (1)',
      '/2025/01 januari 2025 (1)',
    ]);
    assert.ok(res.text.includes('<h2><a href="/2026">2026</a> <span class="count">(19)</span></h2>'));
    assert.ok(res.text.includes('<h2><a href="/2025">2025</a> <span class="count">(1)</span></h2>'));
    assert.ok(!res.text.includes('augustus'), 'a draft counts nowhere');
  });

  it('puts each article in the month of its permalink', async () => {
    for (const a of boundary) {
      const month = articlePath(a).slice(0, 8);
      const res = await get(month);
      assert.equal(res.status, 200, month);
      // November has two pages; the early hours of 1 November are on the last.
      const more = res.text.includes('?pagina=2') ? (await get(`${month}?pagina=2`)).text : '';
      assert.ok(`${res.text}${more}`.includes(`href="${articlePath(a)}"`), `${a.title} is in ${month}`);
    }
  });

  it('shows a year with its months only', async () => {
    const res = await get('/2025');
    assert.equal(res.status, 200);
    assert.ok(res.text.includes('<h1>Archief 2025</h1>'));
    assert.ok(res.text.includes('href="/2025/01">januari 2025</a> <span class="count">(1)</span>'));
    assert.ok(!res.text.includes('/2026/11'));
  });

  it('lists a month’s articles newest first, ten to a page', async () => {
    const first = await get('/2026/11');
    assert.equal(first.status, 200);
    assert.ok(first.text.includes('<h1>Archief november 2026</h1>'));
    assert.ok(first.text.includes('13 artikelen'));
    const titles = (html: string) => [...html.matchAll(/<h2><a href="[^"]+">([^<]+)<\/a><\/h2>/g)].map((m) => m[1]);
    assert.deepEqual(
      titles(first.text),
      Array.from({ length: 10 }, (_, i) => `November ${12 - i}`),
    );
    assert.ok(first.text.includes('href="/2026/11?pagina=2"'));
    const second = await get('/2026/11?pagina=2');
    assert.equal(second.status, 200);
    assert.deepEqual(titles(second.text), ['November 2', 'November 1', 'Net november']);
    assert.equal((await get('/2026/11?pagina=3')).status, 404);
    assert.equal((await get('/2026/11?pagina=nul')).status, 404);
  });

  it('answers a friendly Dutch 404 for a year or month without articles', async () => {
    for (const [path, message] of [
      ['/2031', 'In 2031 is op deze weblog niets gepubliceerd.'],
      ['/2026/02', 'In februari 2026 is op deze weblog niets gepubliceerd.'],
      ['/2026/08', 'In augustus 2026 is op deze weblog niets gepubliceerd.'],
      ['/2026/13', 'Deze maand bestaat niet.'],
      ['/0001/01', 'In januari 1 is op deze weblog niets gepubliceerd.'],
      ['/9999', 'In 9999 is op deze weblog niets gepubliceerd.'],
      ['/9999/12', 'In december 9999 is op deze weblog niets gepubliceerd.'],
    ]) {
      const res = await get(path);
      assert.equal(res.status, 404, path);
      assert.ok(res.text.includes(message), `${path}: ${message}`);
      assert.ok(res.text.includes('Niet gevonden'));
      assert.ok(!res.text.includes(draft.title), 'the draft stays hidden');
    }
  });

  it('leaves article permalinks and pages where they were', async () => {
    assert.equal((await get(articlePath(november[0]))).status, 200);
    assert.equal((await get('/privacy')).status, 200);
    assert.equal((await get('/over-deze-weblog')).status, 200);
    assert.equal((await get('/12345')).status, 404);
  });

  it('links the archive from every page', async () => {
    const res = await get('/');
    assert.ok(res.text.includes('<a href="/archief">Archief</a>'));
  });
});
