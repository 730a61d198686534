// Council documents as data: an editor enters a document's fields and its questions and answers;
// residents see the card, the interleaved Q&A with anchors, and a teaser that says what it is about.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { ARTICLE_FORM, loginAs, type Agent } from '../helpers/http';
import { articlePath, findArticleBySlug } from '../../server/articles/queries';

const base = { ...ARTICLE_FORM, tekst: 'De fractie stelt de volgende vragen.' };

describe('documents: typed articles with fields and questions', () => {
  let t: TestApp;
  let ed: { agent: Agent; csrf: string };
  before(async () => {
    t = await createTestApp();
    ed = await loginAs(t.app, t.db, 'editor');
  });
  after(async () => t.close());

  const save = (fields: Record<string, string>, path = '/beheer/artikelen') =>
    ed.agent
      .post(path)
      .type('form')
      .send({ _csrf: ed.csrf, ...base, ...fields });
  const vragen = (field: string) => `doc__schriftelijke-vragen__${field}`;

  it('publishes written questions with a card and questions interleaved with their answers, each with an anchor', async () => {
    const res = await save({
      titel: 'Vragen over de parkeerdruk',
      soort: 'schriftelijke-vragen',
      [vragen('onderwerp')]: 'Parkeerdruk in Wittevrouwenveld',
      [vragen('datum')]: '5 maart 2015',
      [vragen('partijen')]: 'PvdA\nD66\r\nLokaal sterk',
      [vragen('ingekomen')]: '06-03-2015',
      vraag_1: 'Is het college bekend met de parkeerdruk?',
      antwoord_1: 'Ja.',
      vraag_2: 'Wat gaat het college doen?',
      antwoord_2: '',
      vraag_3: '',
      antwoord_3: '',
    });
    assert.equal(res.status, 303);
    const article = (await findArticleBySlug(t.db, 'vragen-over-de-parkeerdruk'))!;
    assert.equal(article.kind, 'schriftelijke-vragen');
    const html = (await request(t.app).get(articlePath(article)).expect(200)).text;
    assert.match(html, /<span class="kind">Schriftelijke vragen<\/span>/);
    assert.match(html, /<dt>Datum<\/dt>\s*<dd>\s*<time datetime="2015-03-05">5 maart 2015<\/time>/);
    assert.match(html, /<dt>Partijen<\/dt>\s*<dd>\s*PvdA, D66, Lokaal sterk/);
    assert.match(html, /<dt>Ingekomen bij de griffie<\/dt>\s*<dd>\s*<time datetime="2015-03-06">6 maart 2015/);
    const order = ['id="vraag-1"', 'id="antwoord-1"', 'id="vraag-2"', 'id="antwoord-2"'].map((s) => html.indexOf(s));
    assert.ok(
      order.every((i, n) => i > 0 && (n === 0 || i > order[n - 1])),
      'interleaved in order',
    );
    assert.match(html, /id="antwoord-2">[\s\S]*?Nog niet beantwoord/);
    assert.doesNotMatch(html, /Antwoorden toegevoegd op/, 'answers that came with the questions are not "added"');
    // The stored fields are queryable rows: a list is several rows, a date is ISO.
    const rows = await t.db('article_fields').where({ article_id: article.id }).orderBy(['key', 'position']);
    assert.deepEqual(
      rows.filter((r: { key: string }) => r.key === 'partijen').map((r: { value: string }) => r.value),
      ['PvdA', 'D66', 'Lokaal sterk'],
    );
    // The voorpagina shows the first sentence of the text, not the letterhead, nor the title again.
    const home = (await request(t.app).get('/').expect(200)).text;
    assert.match(home, /<div class="excerpt"><p>De fractie stelt de volgende vragen\.<\/p>/);
    assert.doesNotMatch(home, /over: Parkeerdruk/);
  });

  it('shows when answers were added later, and keeps the fields when the editor opens it again', async () => {
    const article = (await findArticleBySlug(t.db, 'vragen-over-de-parkeerdruk'))!;
    const form = (await ed.agent.get(`/beheer/artikelen/${article.id}`).expect(200)).text;
    assert.match(form, /name="doc__schriftelijke-vragen__onderwerp"[^>]*value="Parkeerdruk in Wittevrouwenveld"/);
    assert.match(form, /PvdA\nD66\nLokaal sterk<\/textarea>/);
    t.setNow(new Date('2026-12-01T10:00:00Z'));
    const res = await save(
      {
        titel: 'Vragen over de parkeerdruk',
        slug: 'vragen-over-de-parkeerdruk',
        publicatietijd: '2026-11-01T10:00',
        soort: 'schriftelijke-vragen',
        [vragen('onderwerp')]: 'Parkeerdruk in Wittevrouwenveld',
        [vragen('datum')]: '2015-03-05',
        vraag_1: 'Is het college bekend met de parkeerdruk?',
        antwoord_1: 'Ja.',
        vraag_2: 'Wat gaat het college doen?',
        antwoord_2: 'Wij onderzoeken een parkeervergunning.',
      },
      `/beheer/artikelen/${article.id}`,
    );
    t.setNow(undefined);
    assert.equal(res.status, 303);
    // Saved with a publication time in November: its permalink has that month now, whatever month it is today.
    const saved = (await findArticleBySlug(t.db, 'vragen-over-de-parkeerdruk'))!;
    const html = (await request(t.app).get(articlePath(saved)).expect(200)).text;
    assert.match(html, /Antwoorden toegevoegd op <time datetime="2026-12-01T10:00:00.000Z">1 december 2026<\/time>/);
    assert.match(html, /id="antwoord-2">[\s\S]*?Wij onderzoeken een parkeervergunning/);
    const home = (await request(t.app).get('/').expect(200)).text;
    assert.match(home, /Antwoorden van het college toegevoegd op\s*<time datetime="2026-12-01T10:00:00.000Z">1 december 2026<\/time>/);
  });

  it('refuses a date it cannot read and a motie status that does not exist, with a Dutch message per field, keeping everything typed', async () => {
    const motie = (field: string) => `doc__motie__${field}`;
    const res = await save({
      titel: 'Motie over bomen',
      soort: 'motie',
      [motie('datum')]: '31 februari 2020',
      [motie('status')]: 'weggestemd',
      [motie('onderwerp')]: 'Meer bomen <b>nu</b>',
      [vragen('onderwerp')]: 'Dit hoort bij een andere soort en blijft staan',
    });
    assert.equal(res.status, 422);
    assert.match(res.text, /Datum: vul een datum in, bijvoorbeeld 29-05-2012 of 29 mei 2012\./);
    assert.match(res.text, /Status: kies een van aangenomen, verworpen, ingetrokken, aangehouden\./);
    assert.match(res.text, /value="Meer bomen &lt;b&gt;nu&lt;\/b&gt;"/);
    assert.match(res.text, /value="Dit hoort bij een andere soort en blijft staan"/);
    assert.equal(await findArticleBySlug(t.db, 'motie-over-bomen'), null);
  });

  it('gives a motie its card with status and votes', async () => {
    const motie = (field: string) => `doc__motie__${field}`;
    const res = await save({
      titel: 'Motie zwerfafval',
      soort: 'motie',
      [motie('status')]: 'aangenomen',
      [motie('stemmen_voor')]: '21',
      [motie('stemmen_tegen')]: '14',
    });
    assert.equal(res.status, 303);
    const html = (
      await request(t.app)
        .get(articlePath((await findArticleBySlug(t.db, 'motie-zwerfafval'))!))
        .expect(200)
    ).text;
    assert.match(html, /<dt>Status<\/dt>\s*<dd>\s*aangenomen/);
    assert.match(html, /<dt>Stemmen voor<\/dt>\s*<dd>\s*21/);
  });
});

describe('documents: "Document importeren" fills the editor', () => {
  let t: TestApp;
  let ed: { agent: Agent; csrf: string };
  before(async () => {
    t = await createTestApp();
    ed = await loginAs(t.app, t.db, 'editor');
  });
  after(async () => t.close());

  it('recognises a pasted memo and fills the editor as a draft, saving nothing yet', async () => {
    const pasted = [
      'MEMO van college aan de raad',
      '',
      'datum : 29 mei 2012',
      'aan : de gemeenteraad',
      'van : het college van burgemeester en wethouders',
      '<b>Onderwerp:</b> Stand van zaken sociaal domein',
      'Portefeuillehouder : Jan Mesu',
      '',
      'Aanleiding',
      '',
      'In uw vergadering van april vroeg u om een stand van zaken.',
    ].join('\n');
    const res = await ed.agent.post('/beheer/artikelen/importeren').type('form').send({ _csrf: ed.csrf, tekst: pasted });
    assert.equal(res.status, 200);
    assert.match(res.text, /Het document is herkend/);
    assert.match(res.text, /<option value="memo" selected>/);
    assert.match(res.text, /name="doc__memo__portefeuillehouder"[^>]*value="Jan Mesu"/);
    assert.match(res.text, /name="doc__memo__datum"[^>]*value="2012-05-29"/);
    assert.match(res.text, /name="titel"[^>]*value="Memo: Stand van zaken sociaal domein"/);
    assert.match(res.text, /In uw vergadering van april vroeg u om een stand van zaken\./);
    assert.equal(Number((await t.db('articles').count({ n: '*' }).first())!.n), 0);
  });

  it('asks for text when nothing was pasted', async () => {
    const res = await ed.agent.post('/beheer/artikelen/importeren').type('form').send({ _csrf: ed.csrf, tekst: '  ' });
    assert.equal(res.status, 422);
    assert.match(res.text, /Vul de tekst in/);
  });
});
