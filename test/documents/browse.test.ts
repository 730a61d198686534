// /documenten: residents find council documents by their own date (not the day the weblog posted
// them), filter by type, year, month, afzender, partij and portefeuillehouder, each filter with
// counts and a stable URL, and see when written questions were submitted, by when the answer is
// due and whether it is late.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle } from '../helpers/builders';
import { saveSettingsForm } from '../helpers/http';
import { articlePath, type Article, type ArticleInput } from '../../server/articles/queries';

describe('documents: browsing /documenten by the documents’ own date', () => {
  let t: TestApp;
  const articles: Record<string, Article> = {};
  const doc = async (
    title: string,
    kind: ArticleInput['kind'],
    publishedAt: string,
    fields: Record<string, string | string[]>,
    questions: Array<[string, string | null]> = [],
  ) => {
    articles[title] = await buildArticle(t.db, {
      title,
      kind,
      publishedAt: new Date(publishedAt),
      document: { fields, questions: questions.map(([question, answer], i) => ({ number: i + 1, question, answer })) },
    });
  };

  before(async () => {
    t = await createTestApp({ pageCacheBytes: 0 });
    // The weblog posted them all in January 2018; the documents themselves are from 2015 to 2018.
    t.setNow(new Date('2018-01-20T10:00:00Z'));
    await doc('Memo over de Markt', 'memo', '2018-01-10T10:00:00Z', {
      datum: '2015-03-05',
      kenmerk: 'MEMO-12',
      afzender: 'College van B&W',
      onderwerp: 'Herinrichting Markt',
      portefeuillehouder: 'Jan Mesu',
    });
    await doc('RIB begroting', 'raadsinformatiebrief', '2018-01-11T10:00:00Z', {
      datum: '2016-06-01',
      kenmerk: '2016/14',
      afzender: 'College van B&W',
      portefeuillehouder: 'Jan Mesu',
    });
    await doc(
      'Vragen parkeren',
      'schriftelijke-vragen',
      '2018-01-12T10:00:00Z',
      { datum: '2017-12-05', ingekomen: '2017-12-08', partijen: ['PvdA', 'D66'] },
      [
        ['Vraag een?', 'Ja.'],
        ['Vraag twee?', null],
      ],
    );
    await doc('Vragen speeltuin', 'schriftelijke-vragen', '2018-01-13T10:00:00Z', { datum: '2017-12-01', datum_antwoord: '2017-12-12' }, [
      ['Wanneer?', null],
    ]);
    await doc('Vragen bomen', 'schriftelijke-vragen', '2018-01-20T08:00:00Z', { datum: '2018-01-20', partijen: ['D66'] }, [
      ['Waarom?', null],
    ]);
    await doc('Brief zonder datum', 'brief', '2018-01-14T10:00:00Z', { afzender: 'Gemeente Maastricht' });
    await buildArticle(t.db, { title: 'Gewoon nieuws', kind: 'nieuws', publishedAt: new Date('2018-01-15T10:00:00Z') });
    await buildArticle(t.db, {
      title: 'Concept-memo',
      kind: 'memo',
      status: 'draft',
      document: { fields: { datum: '2017-01-01', portefeuillehouder: 'Jan Mesu' }, questions: [] },
    });
  });
  after(async () => t.close());

  const page = async (url: string) => (await request(t.app).get(url).expect(200)).text;
  const titles = (html: string) => [...html.matchAll(/<h2><a href="[^"]+">([^<]+)<\/a><\/h2>/g)].map((m) => m[1]);
  /** The entry of one document in the list. */
  const entry = (html: string, title: string) => {
    const m = new RegExp(`<li>\\s*<span class="kind">[^<]*</span>\\s*<h2><a href="[^"]+">${title}</a></h2>[\\s\\S]*?</li>`).exec(html);
    assert.ok(m, `${title} is listed`);
    return m[0].replace(/\s+/g, ' ');
  };
  const facet = (html: string, href: string, label: string, n: number) =>
    assert.match(
      html,
      new RegExp(
        `href="${href.replace(/[?+]/g, '\\$&').replace(/&(?!amp;)/g, '&amp;')}"[^>]*>${label}</a>\\s*<span class="count">\\(${n}\\)`,
      ),
    );

  it('lists every public document by its own date, newest first, with counts per year of that date', async () => {
    const html = await page('/documenten');
    assert.deepEqual(titles(html), [
      'Vragen bomen',
      'Brief zonder datum',
      'Vragen parkeren',
      'Vragen speeltuin',
      'RIB begroting',
      'Memo over de Markt',
    ]);
    assert.match(html.replace(/\s+/g, ' '), /6 documenten, op datum van het document, nieuwste eerst\./);
    facet(html, '/documenten?jaar=2018', '2018', 2);
    facet(html, '/documenten?jaar=2017', '2017', 2);
    facet(html, '/documenten?jaar=2015', '2015', 1);
    facet(html, '/documenten?soort=schriftelijke-vragen', 'Schriftelijke vragen', 3);
    facet(html, '/documenten?afzender=College+van+B%26W', 'College van B&amp;W', 2);
    facet(html, '/documenten?portefeuillehouder=Jan+Mesu', 'Jan Mesu', 2);
    facet(html, '/documenten?partij=D66', 'D66', 2);
    assert.doesNotMatch(html, /Concept-memo|Gewoon nieuws/);
  });

  it('shows each entry’s date, kenmerk or nummer and sender, under the labels of its type, and says when it has no date of its own', async () => {
    const html = await page('/documenten');
    assert.match(
      entry(html, 'Memo over de Markt'),
      /<time datetime="2015-03-05">5 maart 2015<\/time> · Kenmerk: MEMO-12 · Van: College van B&amp;W/,
    );
    assert.match(
      entry(html, 'RIB begroting'),
      /<time datetime="2016-06-01">1 juni 2016<\/time> · Nummer: 2016\/14 · Afzender: College van B&amp;W/,
    );
    assert.match(
      entry(html, 'Brief zonder datum'),
      /Geplaatst op <time datetime="2018-01-14">14 januari 2018<\/time> \(het document zelf heeft geen datum\) · Afzender: Gemeente Maastricht/,
    );
  });

  it('sorts oldest first on request, and filters by year and then month with stable URLs', async () => {
    const oldest = await page('/documenten?volgorde=oudste');
    assert.deepEqual(titles(oldest), [
      'Memo over de Markt',
      'RIB begroting',
      'Vragen speeltuin',
      'Vragen parkeren',
      'Brief zonder datum',
      'Vragen bomen',
    ]);
    assert.match(oldest.replace(/\s+/g, ' '), /op datum van het document, oudste eerst\./);
    assert.match(oldest, /href="\/documenten">Nieuwste eerst<\/a>/);
    // The order is kept when a filter is chosen.
    facet(oldest, '/documenten?jaar=2017&volgorde=oudste', '2017', 2);

    const y2017 = await page('/documenten?jaar=2017');
    assert.deepEqual(titles(y2017), ['Vragen parkeren', 'Vragen speeltuin']);
    facet(y2017, '/documenten?jaar=2017&maand=12', 'december', 2);
    const december = await page('/documenten?jaar=2017&maand=12');
    assert.deepEqual(titles(december), ['Vragen parkeren', 'Vragen speeltuin']);
    // Another year leaves the month of this one behind.
    facet(december, '/documenten?jaar=2018', '2018', 2);
    assert.deepEqual(titles(await page('/documenten?jaar=2017&maand=11')), []);
    // A month without a year is no filter.
    assert.equal(titles(await page('/documenten?maand=12')).length, 6);
  });

  it('filters by afzender, partij and portefeuillehouder, each with the other filters kept', async () => {
    assert.deepEqual(titles(await page('/documenten?afzender=College%20van%20B%26W')), ['RIB begroting', 'Memo over de Markt']);
    assert.deepEqual(titles(await page('/documenten?partij=D66&soort=schriftelijke-vragen')), ['Vragen bomen', 'Vragen parkeren']);
    assert.deepEqual(titles(await page('/documenten?portefeuillehouder=Jan%20Mesu&jaar=2016')), ['RIB begroting']);
    const both = await page('/documenten?partij=PvdA&jaar=2017');
    assert.deepEqual(titles(both), ['Vragen parkeren']);
    assert.match(both, /href="\/documenten\?jaar=2017"[^>]*aria-current="true"|href="\/documenten\?partij=PvdA"[^>]*aria-current="true"/);
  });

  it('says when written questions were submitted, by when the answer is due, and that it is late, counting from the submission', async () => {
    const html = await page('/documenten?soort=schriftelijke-vragen');
    const parkeren = entry(html, 'Vragen parkeren');
    assert.match(parkeren, /Ingediend op 8 december 2017\./);
    assert.match(parkeren, /1 van 2 vragen nog niet beantwoord, al 43 dagen\./);
    assert.match(parkeren, /<strong>Antwoord te laat: de termijn liep af op 7 januari 2018, 13 dagen geleden\.<\/strong>/);
    const bomen = entry(html, 'Vragen bomen');
    assert.match(
      bomen,
      /Ingediend op 20 januari 2018\. De vraag is nog niet beantwoord, sinds vandaag\. Antwoord uiterlijk 19 februari 2018\./,
    );
    assert.doesNotMatch(html, /al 0 dagen/);
    const speeltuin = entry(html, 'Vragen speeltuin');
    assert.match(speeltuin, /Ingediend op 1 december 2017\. Beantwoord op 12 december 2017\./);
    assert.doesNotMatch(speeltuin, /te laat|nog niet beantwoord/);
    // The document page says the same.
    const vragen = await page(articlePath(articles['Vragen parkeren']));
    assert.match(vragen.replace(/\s+/g, ' '), /Ingediend op 8 december 2017\. 1 van 2 vragen nog niet beantwoord, al 43 dagen\./);
    assert.match(vragen, /Antwoord te laat: de termijn liep af op 7 januari 2018, 13 dagen geleden\./);
  });

  it('takes the answer term from the settings', async () => {
    await saveSettingsForm(t.app, t.db, { antwoordtermijn: '14' });
    const html = await page('/documenten?soort=schriftelijke-vragen');
    assert.match(entry(html, 'Vragen bomen'), /Antwoord uiterlijk 3 februari 2018\./);
    assert.match(entry(html, 'Vragen parkeren'), /de termijn liep af op 22 december 2017, 29 dagen geleden/);
    assert.match(await page(articlePath(articles['Vragen speeltuin'])), /Beantwoord op 12 december 2017\./);
    await saveSettingsForm(t.app, t.db, { antwoordtermijn: '30' });
  });

  it('ignores unknown filter values and answers 404 for a page past the end', async () => {
    assert.equal(titles(await page('/documenten?soort=onzin&jaar=20xx&maand=13&volgorde=raar')).length, 6);
    await request(t.app).get('/documenten?pagina=9').expect(404);
  });
});
