// /documenten: residents browse council documents by type, portefeuillehouder, partij and year,
// each filter with counts, with stable URLs, and see which written questions still wait.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle } from '../helpers/builders';
import type { ArticleInput } from '../../server/articles/queries';

describe('documents: browsing /documenten', () => {
  let t: TestApp;
  const doc = (
    title: string,
    kind: ArticleInput['kind'],
    publishedAt: string,
    fields: Record<string, string | string[]>,
    questions: Array<[string, string | null]> = [],
  ) =>
    buildArticle(t.db, {
      title,
      kind,
      publishedAt: new Date(publishedAt),
      document: { fields, questions: questions.map(([question, answer], i) => ({ number: i + 1, question, answer })) },
    });

  before(async () => {
    t = await createTestApp();
    await doc('Memo over de Markt', 'memo', '2015-03-05T10:00:00Z', { onderwerp: 'Herinrichting Markt', portefeuillehouder: 'Jan Mesu' });
    await doc('RIB begroting', 'raadsinformatiebrief', '2016-06-01T10:00:00Z', { onderwerp: 'Begroting', portefeuillehouder: 'Jan Mesu' });
    await doc('Vragen parkeren', 'schriftelijke-vragen', '2016-02-01T10:00:00Z', { onderwerp: 'Parkeren', partijen: ['PvdA', 'D66'] }, [
      ['Vraag een?', 'Ja.'],
      ['Vraag twee?', null],
    ]);
    await doc('Vragen bomen', 'schriftelijke-vragen', '2016-04-01T10:00:00Z', { onderwerp: 'Bomen', partijen: ['D66'] }, [
      ['Waarom?', 'Daarom.'],
    ]);
    await buildArticle(t.db, { title: 'Gewoon nieuws', kind: 'nieuws' });
    await buildArticle(t.db, {
      title: 'Concept-memo',
      kind: 'memo',
      status: 'draft',
      document: { fields: { portefeuillehouder: 'Jan Mesu' }, questions: [] },
    });
  });
  after(async () => t.close());

  const page = async (url: string) => (await request(t.app).get(url).expect(200)).text;
  const titles = (html: string) => [...html.matchAll(/<h2><a href="[^"]+">([^<]+)<\/a><\/h2>/g)].map((m) => m[1]);

  it('lists every public document newest first, not news and not drafts, with counts per filter', async () => {
    const html = await page('/documenten');
    assert.deepEqual(titles(html), ['RIB begroting', 'Vragen bomen', 'Vragen parkeren', 'Memo over de Markt']);
    assert.match(html, /4 documenten\./);
    assert.match(html, /href="\/documenten\?soort=schriftelijke-vragen">Schriftelijke vragen<\/a>\s*<span class="count">\(2\)/);
    assert.match(html, /href="\/documenten\?portefeuillehouder=Jan\+Mesu">Jan Mesu<\/a>\s*<span class="count">\(2\)/);
    assert.match(html, /href="\/documenten\?partij=D66">D66<\/a>\s*<span class="count">\(2\)/);
    assert.match(html, /href="\/documenten\?jaar=2016">2016<\/a>\s*<span class="count">\(3\)/);
  });

  it('filters by partij and year together, with stable URLs, and shows which questions still wait', async () => {
    const html = await page('/documenten?partij=PvdA&jaar=2016');
    assert.deepEqual(titles(html), ['Vragen parkeren']);
    assert.match(html, /1 van 2 vragen nog niet beantwoord,\s+al \d+ dagen/);
    const bomen = await page('/documenten?partij=D66&soort=schriftelijke-vragen');
    assert.deepEqual(titles(bomen), ['Vragen bomen', 'Vragen parkeren']);
    assert.match(bomen, /Alle 1 vragen beantwoord/);
    // Removing one filter keeps the others.
    assert.match(
      bomen,
      /href="\/documenten\?soort=schriftelijke-vragen"[^>]*aria-current="true"|href="\/documenten\?partij=D66"[^>]*aria-current="true"/,
    );
    assert.deepEqual(titles(await page('/documenten?portefeuillehouder=Jan%20Mesu')), ['RIB begroting', 'Memo over de Markt']);
  });

  it('ignores unknown filter values and answers 404 for a page past the end', async () => {
    assert.equal(titles(await page('/documenten?soort=onzin&jaar=20xx')).length, 4);
    await request(t.app).get('/documenten?pagina=9').expect(404);
  });
});
