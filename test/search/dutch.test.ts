// Dutch search as residents use it (issue 22): the word they have in mind finds the form in the
// text — plurals with a vowel change, diminutives, parts of compounds, abbreviations, one typo —
// on SQLite and PostgreSQL alike, with exact words ranked above stems and parts.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { resultLinks, searchPage } from '../helpers/search';
import { buildArticle, buildReactie } from '../helpers/builders';
import { loginAs, saveSettingsForm } from '../helpers/http';
import { articlePath } from '../../server/articles/queries';
import { dutchAnalyser } from '../../server/search/analyser/lexicon';
import { reindexAll, staleCount } from '../../server/search/indexer';
import { oneEditAway } from '../../server/search/suggest';

describe('search: the Dutch analyser', () => {
  const a = dutchAnalyser();
  const stems = (w: string) => a.analyse(w).stems;
  const parts = (w: string) => a.analyse(w).parts;

  it('gives a plural the stem of its singular, also when the vowel changes or the plural is a word of its own', () => {
    for (const [plural, singular] of [
      ['bomen', 'boom'],
      ['straten', 'straat'],
      ['zaken', 'zaak'],
      ['wegen', 'weg'],
      ['steden', 'stad'],
      ['schepen', 'schip'],
      ['leden', 'lid'],
      ['raden', 'raad'],
      ['kinderen', 'kind'],
      ['fietspaden', 'fietspad'],
      ['bestemmingsplannen', 'bestemmingsplan'],
    ]) {
      assert.ok(stems(plural).includes(singular), `${plural}: ${stems(plural).join(', ')}`);
      assert.ok(stems(singular).includes(singular), singular);
    }
  });

  it('gives a diminutive the stem of its word', () => {
    for (const [small, word] of [
      ['boompje', 'boom'],
      ['straatje', 'straat'],
      ['huisje', 'huis'],
      ['speeltuintje', 'speeltuin'],
    ]) {
      assert.ok(stems(small).includes(word), `${small}: ${stems(small).join(', ')}`);
    }
  });

  it('splits compounds into their parts, each as its stem, with the linking s or en', () => {
    assert.deepEqual(parts('gebiedscoordinatoren'), ['gebied', 'coordinator']);
    assert.deepEqual(parts('ondernemingsraad'), ['onderneming', 'raad']);
    assert.ok(parts('fietsenstalling').includes('fiets') && parts('fietsenstalling').includes('stalling'));
    assert.ok(parts('bomenkap').includes('boom') && parts('bomenkap').includes('kap'));
    assert.deepEqual(parts('raadsinformatiebrief'), ['raad', 'informatie', 'brief']);
    assert.deepEqual(parts('verkeersveiligheid'), ['verkeer', 'veiligheid']);
    // A compound the dictionary does not have is stemmed by its last part.
    assert.ok(stems('gebiedscoordinatoren').includes('gebiedscoordinator'));
    assert.ok(stems('ondernemingsraden').includes('ondernemingsraad'));
  });

  it('leaves words it does not know, short words and numbers as they are', () => {
    assert.deepEqual(a.analyse('zzxqw'), { stems: ['zzxqw'], parts: [], pieces: [] });
    assert.deepEqual(a.analyse('b'), { stems: ['b'], parts: [], pieces: [] });
    assert.deepEqual(a.analyse('2026'), { stems: ['2026'], parts: [], pieces: [] });
    assert.deepEqual(parts('gemeente'), []);
  });

  it('knows every string one typing error away', () => {
    const edits = oneEditAway('raad');
    for (const e of ['rad', 'arad', 'rrad', 'raadd', 'rood', 'araad', 'raa']) assert.ok(edits.includes(e) === (e !== 'rood'), e);
    assert.ok(!edits.includes('raad'));
  });
});

describe('search: /zoeken in Dutch', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  const page = (q: string, extra = '') => searchPage(t.app, q, extra);
  const links = resultLinks;

  it('finds the forms the issue named: boom → bomenkap, straten → straat, wegen → weg, coördinator → gebiedscoördinatoren', async () => {
    const kap = await buildArticle(t.db, {
      title: 'Raadsvragen over de bomenkap',
      kind: 'schriftelijke-vragen',
      bodyMarkdown: 'Waarom is de bomenkap aan de Kanaaldijk niet gemeld?',
    });
    const straat = await buildArticle(t.db, { title: 'Afsluiting', bodyMarkdown: 'De straat bij het station gaat dicht.' });
    const weg = await buildArticle(t.db, { title: 'Omleiding', bodyMarkdown: 'De weg naar Mierlo krijgt nieuw asfalt.' });
    const memo = await buildArticle(t.db, {
      title: 'Memo wijkaanpak',
      kind: 'memo',
      bodyMarkdown: 'De gebiedscoördinatoren spreken met de ondernemingsraden.',
    });
    assert.deepEqual(links(await page('boom.')), [articlePath(kap)]);
    assert.deepEqual(links(await page('straten.')), [articlePath(straat)]);
    assert.deepEqual(links(await page('wegen.')), [articlePath(weg)]);
    assert.deepEqual(links(await page('coördinator.')), [articlePath(memo)]);
    assert.deepEqual(links(await page('coordinator.')), [articlePath(memo)]);
    assert.deepEqual(links(await page('ondernemingsraad.')), [articlePath(memo)]);
    // The matching word is marked in the snippet, whatever form was typed.
    assert.match(await page('coördinator.'), /<mark>gebiedscoördinatoren<\/mark>/);
    assert.match(await page('boom.'), /<mark>bomenkap<\/mark>/);
  });

  it('finds a singular by its plural with a vowel change, and a diminutive by its word', async () => {
    const steden = await buildArticle(t.db, { title: 'Samenwerking', bodyMarkdown: 'Vijf steden in Brabant werken samen.' });
    const schip = await buildArticle(t.db, { title: 'Haven', bodyMarkdown: 'Een schip lag weken in de haven van de Zuid-Willemsvaart.' });
    const pleintje = await buildArticle(t.db, { title: 'Opknapbeurt', bodyMarkdown: 'Het pleintje achter de kerk wordt groener.' });
    assert.deepEqual(links(await page('stad brabant')), [articlePath(steden)]);
    assert.deepEqual(links(await page('schepen haven')), [articlePath(schip)]);
    assert.deepEqual(links(await page('plein kerk')), [articlePath(pleintje)]);
  });

  it('ranks the exact word above a stem or a part, newer first among equals', async () => {
    const part = await buildArticle(t.db, { title: 'Kermis', bodyMarkdown: 'De kermisattracties staan er weer.' });
    const exact = await buildArticle(t.db, { title: 'Markt', bodyMarkdown: 'De attractie van het jaar is terug.' });
    const plural = await buildArticle(t.db, { title: 'Zomer', bodyMarkdown: 'Nieuwe attracties in het park.' });
    assert.deepEqual(links(await page('attractie.')), [articlePath(exact), articlePath(plural), articlePath(part)]);
  });

  it('finds an abbreviation by what it stands for and back, and follows the editors’ own list', async () => {
    const wmo = await buildArticle(t.db, {
      title: 'Hulp thuis',
      bodyMarkdown: 'De Wet maatschappelijke ondersteuning regelt hulp bij het huishouden.',
    });
    const ozb = await buildArticle(t.db, { title: 'Belastingen 2027', bodyMarkdown: 'De OZB stijgt met de inflatie.' });
    assert.deepEqual(links(await page('wmo.')), [articlePath(wmo)]);
    assert.deepEqual(links(await page('onroerendezaakbelasting.')), [articlePath(ozb)]);
    const pmd = await buildArticle(t.db, {
      title: 'Afval',
      bodyMarkdown: 'Plastic, metaal en drankkartons gaan voortaan in de oranje container.',
    });
    assert.deepEqual(links(await page('pmd.')), []);
    await saveSettingsForm(t.app, t.db, { zoekSynoniemen: 'PMD = plastic, metaal en drankkartons' });
    assert.deepEqual(links(await page('pmd.')), [articlePath(pmd)]);
  });

  it('says "Bedoelde je …?" for a word one typing error away from a word in the index, and shows what that finds', async () => {
    const a = await buildArticle(t.db, { title: 'Parkeren', bodyMarkdown: 'De parkeergarage aan het Havenplein gaat om tien uur dicht.' });
    const html = await page('parkeergarrage havenplein');
    assert.match(
      html,
      /Niets gevonden voor <strong class="query">parkeergarrage havenplein<\/strong>\.\s+Bedoelde je <a href="\/zoeken\?q=parkeergarage\+havenplein">parkeergarage havenplein<\/a>\?/,
    );
    assert.deepEqual(links(html), [articlePath(a)]);
    // Nothing close: no suggestion.
    assert.doesNotMatch(await page('xqzwvkp'), /Bedoelde je/);
  });

  it('filters by type and by year, and keeps the filters when paging', async () => {
    const oud = await buildArticle(t.db, {
      title: 'Oude motie',
      kind: 'motie',
      bodyMarkdown: 'Over de kiosk.',
      publishedAt: new Date('2019-05-01T10:00:00Z'),
    });
    const nieuw = await buildArticle(t.db, { title: 'Kiosk open', bodyMarkdown: 'De kiosk is open.' });
    const reactie = await buildReactie(t.db, nieuw, { body: 'Eindelijk weer een kiosk!' });
    assert.equal(links(await page('kiosk')).length, 3);
    assert.deepEqual(links(await page('kiosk', '&soort=motie')), [articlePath(oud)]);
    assert.deepEqual(links(await page('kiosk', '&soort=reactie')), [`/reactie/${reactie}`]);
    assert.deepEqual(links(await page('kiosk', '&jaar=2019')), [articlePath(oud)]);
    const filtered = await page('kiosk', '&soort=nieuws&jaar=2019');
    assert.match(
      filtered,
      /Niets gevonden voor <strong class="query">kiosk<\/strong> met deze filters\. <a href="\/zoeken\?q=kiosk">Zoek zonder filters<\/a>/,
    );
    assert.match(filtered, /<option value="nieuws" selected>Artikelen<\/option>/);
    assert.match(filtered, /<option value="2019" selected>2019<\/option>/);
    // An unknown filter value is no filter at all.
    assert.equal(links(await page('kiosk', '&soort=geheim&jaar=abc')).length, 3);
  });

  it('re-indexes everything with progress, and finds the same afterwards', async () => {
    const a = await buildArticle(t.db, { title: 'Herindexeren', bodyMarkdown: 'De lantaarnpalen aan de Steenweg.' });
    assert.deepEqual(links(await page('lantaarnpaal steenweg')), [articlePath(a)]);
    const seen: Array<[number, number]> = [];
    const done = await reindexAll(t.db, (n, total) => seen.push([n, total]));
    const total = Number((await t.db('search_entries').count({ n: '*' }).first())?.n);
    assert.equal(done, total);
    assert.deepEqual(seen[0], [0, total]);
    assert.deepEqual(seen.at(-1), [total, total]);
    assert.equal(await staleCount(t.db), 0);
    assert.deepEqual(links(await page('lantaarnpaal steenweg')), [articlePath(a)]);
  });
});

describe('search: /beheer/zoeken, the abbreviations and synonyms editors keep', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('lets an editor change the list, refuses a wrong line with the line and keeps what was typed, and search follows at once', async () => {
    const editor = await loginAs(t.app, t.db, 'chief');
    const page = await editor.agent.get('/beheer/zoeken').expect(200);
    assert.match(page.text, /<a href="\/beheer\/zoeken">Zoeken<\/a>/);
    assert.match(page.text, /Wmo = Wet maatschappelijke ondersteuning/);
    assert.match(page.text, /In de index: \d+ artikel/);
    const bad = await editor.agent
      .post('/beheer/zoeken')
      .type('form')
      .send({ _csrf: editor.csrf, synoniemen: 'Wmo = Wet maatschappelijke ondersteuning\nhondenbelasting' });
    assert.equal(bad.status, 422);
    assert.match(bad.text, /regel 2: schrijf de vormen met een = ertussen/);
    assert.match(bad.text, />Wmo = Wet maatschappelijke ondersteuning\nhondenbelasting<\/textarea>/);
    const a = await buildArticle(t.db, { title: 'Hondenbelasting', bodyMarkdown: 'De belasting op honden gaat omlaag.' });
    await editor.agent
      .post('/beheer/zoeken')
      .type('form')
      .send({ _csrf: editor.csrf, synoniemen: 'hondentaks = hondenbelasting' })
      .expect(303);
    const found = await request(t.app).get('/zoeken?q=hondentaks.').expect(200);
    assert.match(found.text, new RegExp(`href="${articlePath(a)}"`));
    // The old list is gone: Wmo is a word like any other now.
    assert.equal(
      (await t.db('settings').where({ key: 'searchSynonyms' }).first('value')).value,
      JSON.stringify('hondentaks = hondenbelasting'),
    );
  });

  it('is not for residents', async () => {
    const res = await request(t.app).get('/beheer/zoeken').expect(302);
    assert.match(res.headers.location, /^\/beheer\/inloggen/);
  });
});
