// Issue 25: a discussion read oldest first (the default), newest first or most appreciated first,
// threads kept whole and ordered by their top-level reactie; the choice is a link list, kept in a
// cookie, and the pages of a long discussion keep it. The page cache never answers ?volgorde=.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { hiddenInput } from '../helpers/http';
import { articlePath, type Article } from '../../server/articles/queries';

describe('volgorde: sorting a discussion', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  /** The reacties in the order the page shows them. */
  function order(html: string, ids: number[]): number[] {
    return ids
      .map((id) => ({ id, at: html.indexOf(`id="reactie-${id}"`) }))
      .filter((x) => x.at >= 0)
      .sort((a, b) => a.at - b.at)
      .map((x) => x.id);
  }

  const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);

  /** A: oldest, 1 waardering; B: 3 waarderingen and two replies (the first reply much appreciated); C: newest, none. */
  async function discussion(): Promise<{ article: Article; a: number; b: number; b1: number; b2: number; c: number; all: number[] }> {
    const article = await buildArticle(t.db);
    const a = await buildReactie(t.db, article, { body: 'Reactie A' }, minutesAgo(50));
    const b = await buildReactie(t.db, article, { body: 'Reactie B' }, minutesAgo(40));
    const b1 = await buildReactie(t.db, article, { parentId: b, body: 'Antwoord B1' }, minutesAgo(30));
    const c = await buildReactie(t.db, article, { body: 'Reactie C' }, minutesAgo(20));
    const b2 = await buildReactie(t.db, article, { parentId: b, body: 'Antwoord B2' }, minutesAgo(10));
    await t.db('reacties').where({ id: a }).update({ waarderingen: 1 });
    await t.db('reacties').where({ id: b }).update({ waarderingen: 3 });
    await t.db('reacties').where({ id: b1 }).update({ waarderingen: 9 });
    return { article, a, b, b1, b2, c, all: [a, b, b1, b2, c] };
  }

  const cookies = (res: request.Response): string[] => ([] as string[]).concat(res.headers['set-cookie'] ?? []);

  it('shows oldest first by default, newest first or most appreciated on request, threads whole', async () => {
    const d = await discussion();
    const path = articlePath(d.article);
    const plain = await request(t.app).get(path).expect(200);
    assert.deepEqual(order(plain.text, d.all), [d.a, d.b, d.b1, d.b2, d.c]);
    assert.match(plain.text, /<nav class="volgorde" aria-labelledby="volgorde-kop">/);
    assert.match(plain.text, /href="[^"]*\?volgorde=oudste#reacties-kop"\s+aria-current="true">Oudste eerst</);
    assert.equal(cookies(plain).length, 0, 'the default keeps no cookie');

    const newest = await request(t.app).get(`${path}?volgorde=nieuwste`).expect(200);
    assert.deepEqual(order(newest.text, d.all), [d.c, d.b, d.b1, d.b2, d.a], 'replies stay under their reactie, in their order');
    assert.match(newest.text, /volgorde=nieuwste#reacties-kop"\s+aria-current="true">Nieuwste eerst</);
    assert.doesNotMatch(newest.text, /volgorde=oudste#reacties-kop"\s+aria-current/);

    const best = await request(t.app).get(`${path}?volgorde=waardering`).expect(200);
    // B's thread first: its own 3, not its reply's 9, counts; then A (1), then C (0).
    assert.deepEqual(order(best.text, d.all), [d.b, d.b1, d.b2, d.a, d.c]);
    assert.match(best.text, /aria-current="true">Meest gewaardeerd</);
    // The canonical address is the article's: the order names no other page.
    assert.match(best.text, new RegExp(`<link rel="canonical" href="[^"?]*${path}">`));
  });

  it('keeps the choice in a cookie; the default drops it; an unknown order is no error', async () => {
    const d = await discussion();
    const path = articlePath(d.article);
    const chosen = await request(t.app).get(`${path}?volgorde=nieuwste`).expect(200);
    const kept = cookies(chosen).find((c) => c.startsWith('stadslog_volgorde=nieuwste'));
    assert.ok(kept, 'the choice is kept');
    assert.match(kept, /HttpOnly/i);
    const cookie = kept.split(';')[0];
    const later = await request(t.app).get(path).set('Cookie', cookie).expect(200);
    assert.deepEqual(order(later.text, d.all), [d.c, d.b, d.b1, d.b2, d.a]);
    const odd = await request(t.app).get(`${path}?volgorde=willekeurig`).set('Cookie', cookie).expect(200);
    assert.deepEqual(order(odd.text, d.all), [d.c, d.b, d.b1, d.b2, d.a], 'an unknown value keeps the reader’s order');
    const back = await request(t.app).get(`${path}?volgorde=oudste`).set('Cookie', cookie).expect(200);
    assert.deepEqual(order(back.text, d.all), [d.a, d.b, d.b1, d.b2, d.c]);
    assert.ok(
      cookies(back).some((c) => /^stadslog_volgorde=;/.test(c) && /Expires=Thu, 01 Jan 1970/.test(c)),
      'the default drops the cookie',
    );
    const anonymousOdd = await request(t.app).get(`${path}?volgorde=willekeurig`).expect(200);
    assert.equal(cookies(anonymousOdd).length, 0);
    assert.deepEqual(order(anonymousOdd.text, d.all), [d.a, d.b, d.b1, d.b2, d.c]);
  });

  it('is never answered from the page cache, nor kept in it', async () => {
    const d = await discussion();
    const path = articlePath(d.article);
    // Warm the cache with the default order, twice (the second is a hit).
    await request(t.app).get(path).expect(200);
    const hit = await request(t.app).get(path).expect(200);
    assert.deepEqual(order(hit.text, d.all), [d.a, d.b, d.b1, d.b2, d.c]);
    const newest = await request(t.app).get(`${path}?volgorde=nieuwste`).expect(200);
    assert.deepEqual(order(newest.text, d.all), [d.c, d.b, d.b1, d.b2, d.a]);
    const plainAgain = await request(t.app).get(path).expect(200);
    assert.deepEqual(order(plainAgain.text, d.all), [d.a, d.b, d.b1, d.b2, d.c], 'the sorted page was not kept for everyone');
  });

  it('keeps the order on the links between pages of a long discussion', async () => {
    const article = await buildArticle(t.db);
    const first = await buildReactie(t.db, article, { body: 'Op pagina 1' }, minutesAgo(30));
    const second = await buildReactie(t.db, article, { body: 'Op pagina 2' }, minutesAgo(20));
    const third = await buildReactie(t.db, article, { body: 'Op pagina 3' }, minutesAgo(10));
    await t.db('reacties').where({ id: second }).update({ thread_page: 2 });
    await t.db('reacties').where({ id: third }).update({ thread_page: 3 });
    const path = articlePath(article);
    const page2 = await request(t.app).get(`${path}?reacties=2&volgorde=nieuwste`).expect(200);
    assert.deepEqual(order(page2.text, [first, second, third]), [second]);
    assert.match(page2.text, /href="[^"]*\?reacties=1&amp;volgorde=nieuwste#reacties-kop">« Oudere reacties/);
    assert.match(page2.text, /href="[^"]*\?reacties=3&amp;volgorde=nieuwste#reacties-kop">Nieuwere reacties »/);
    // The order links stay on the page asked for.
    assert.match(page2.text, /href="[^"]*\?reacties=2&amp;volgorde=waardering#reacties-kop">Meest gewaardeerd/);
    const page1 = await request(t.app).get(`${path}?reacties=1`).expect(200);
    assert.match(page1.text, /href="[^"]*\?reacties=2#reacties-kop">Nieuwere reacties/, 'the default adds nothing');
  });

  it('keeps the order on the page sent back with an error in the reactie form', async () => {
    const d = await discussion();
    const path = articlePath(d.article);
    const cookie = 'stadslog_volgorde=nieuwste';
    const page = await request(t.app).get(path).set('Cookie', cookie).expect(200);
    const res = await request(t.app)
      .post(`${path}/reacties`)
      .set('Cookie', cookie)
      .type('form')
      .send({ _token: hiddenInput(page.text, '_token'), naam: 'Jan', email: 'jan@example.nl', website: '', reactie: '', antwoord_op: '' });
    assert.equal(res.status, 422);
    assert.deepEqual(order(res.text, d.all), [d.c, d.b, d.b1, d.b2, d.a]);
  });
});
