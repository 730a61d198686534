// Council documents as data: an editor enters a document's fields and its questions and answers;
// residents see the card, the interleaved Q&A with anchors, and a teaser that says what it is about.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { ARTICLE_FORM, loginAs, type Agent } from '../helpers/http';
import { formBody, formFields } from '../helpers/form';
import { lineStarting, SEED_002 } from '../helpers/documents';
import { articlePath, findArticleBySlug } from '../../server/articles/queries';

const base = { ...ARTICLE_FORM, tekst: 'De fractie stelt de volgende vragen.' };

describe('documents: typed articles with fields and questions', () => {
  let t: TestApp;
  let ed: { agent: Agent; csrf: string };
  before(async () => {
    t = await createTestApp();
    ed = await loginAs(t.app, t.db, 'chief');
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

  it('gives every council type the common fields, each under its own label, and links the source by its name', async () => {
    const memo = (field: string) => `doc__memo__${field}`;
    const res = await save({
      titel: 'Memo deelfietsen',
      soort: 'memo',
      [memo('datum')]: '5 maart 2015',
      [memo('kenmerk')]: 'MEMO-2015-12',
      [memo('afzender')]: 'Wethouder Mieke Damsma',
      [memo('aan')]: 'Commissie Stadsontwikkeling',
      [memo('bijlagen')]: 'Evaluatie deelfietsen\nKaart stallingen',
      [memo('bron')]: 'https://maastricht.bestuurlijkeinformatie.nl/Agenda/Document/abc?documentId=12',
    });
    assert.equal(res.status, 303);
    const html = (
      await request(t.app)
        .get(articlePath((await findArticleBySlug(t.db, 'memo-deelfietsen'))!))
        .expect(200)
    ).text;
    const card = /<dl class="document-card">[\s\S]*?<\/dl>/.exec(html)![0];
    assert.deepEqual(
      [...card.matchAll(/<dt>([^<]+)<\/dt>/g)].map((m) => m[1]),
      ['Datum', 'Kenmerk', 'Van', 'Aan', 'Bijlagen', 'Bron'],
    );
    assert.match(card, /<dt>Van<\/dt>\s*<dd>\s*Wethouder Mieke Damsma/);
    assert.match(card, /<dt>Bijlagen<\/dt>\s*<dd>\s*Evaluatie deelfietsen, Kaart stallingen/);
    assert.match(
      card,
      /<dt>Bron<\/dt>\s*<dd>\s*<a href="https:\/\/maastricht\.bestuurlijkeinformatie\.nl\/Agenda\/Document\/abc\?documentId=12" rel="external noopener">iBabs<\/a>/,
    );
    const rows = await t.db('article_fields').select('key').orderBy('key');
    assert.ok(rows.some((r: { key: string }) => r.key === 'afzender'));
    assert.ok(!rows.some((r: { key: string }) => r.key === 'van'));
  });

  it('names the source by its host when it is no council system, and refuses an address that is no web address', async () => {
    const rib = (field: string) => `doc__raadsinformatiebrief__${field}`;
    const bad = await save({
      titel: 'RIB bron',
      soort: 'raadsinformatiebrief',
      [rib('kenmerk')]: '2015/14',
      [rib('bron')]: 'javascript:alert(1)',
    });
    assert.equal(bad.status, 422);
    assert.match(bad.text, /Alleen webadressen die met http:\/\/ of https:\/\/ beginnen zijn toegestaan\./);
    assert.match(bad.text, /name="doc__raadsinformatiebrief__bron"[^>]*value="javascript:alert\(1\)"/);
    assert.match(bad.text, /name="doc__raadsinformatiebrief__kenmerk"[^>]*value="2015\/14"/);
    const good = await save({
      titel: 'RIB bron',
      soort: 'raadsinformatiebrief',
      [rib('kenmerk')]: '2015/14',
      [rib('bron')]: 'www.helmond.nl/rib-2015-14',
    });
    assert.equal(good.status, 303);
    const html = (
      await request(t.app)
        .get(articlePath((await findArticleBySlug(t.db, 'rib-bron'))!))
        .expect(200)
    ).text;
    assert.match(html, /<dt>Nummer<\/dt>\s*<dd>\s*2015\/14/);
    assert.match(
      html,
      /<dt>Bron<\/dt>\s*<dd>\s*<a href="https:\/\/www\.helmond\.nl\/rib-2015-14" rel="external noopener">helmond\.nl<\/a>/,
    );
  });

  it('links a document to the meeting it was discussed in, in one sentence on the card', async () => {
    const rib = (field: string) => `doc__raadsinformatiebrief__${field}`;
    const res = await save({
      titel: 'RIB jeugdzorg',
      soort: 'raadsinformatiebrief',
      [rib('onderwerp')]: 'Wachtlijsten jeugdzorg',
      [rib('vergadering')]: 'commissie Maatschappij',
      [rib('vergaderdatum')]: '15-01-2018',
      [rib('agendapunt')]: 'Agendapunt 4',
    });
    assert.equal(res.status, 303);
    const article = (await findArticleBySlug(t.db, 'rib-jeugdzorg'))!;
    const html = (await request(t.app).get(articlePath(article)).expect(200)).text;
    assert.match(html, /<p class="document-meeting">Besproken in de commissie Maatschappij van 15 januari 2018, agendapunt 4\.<\/p>/);
    assert.doesNotMatch(html, /<dt>Agendapunt<\/dt>/, 'the sentence, not three loose fields');
    const form = (await ed.agent.get(`/beheer/artikelen/${article.id}`).expect(200)).text;
    assert.match(form, /name="doc__raadsinformatiebrief__vergaderdatum"[^>]*value="2018-01-15"/);

    // A meeting still to come is on the agenda; a bad date is refused with what was typed kept.
    const later = await save({
      titel: 'RIB later',
      soort: 'raadsinformatiebrief',
      [rib('vergadering')]: 'De gemeenteraad',
      [rib('vergaderdatum')]: '3 maart 2099',
    });
    assert.equal(later.status, 303);
    const next = (
      await request(t.app)
        .get(articlePath((await findArticleBySlug(t.db, 'rib-later'))!))
        .expect(200)
    ).text;
    assert.match(next, /Op de agenda van de gemeenteraad van 3 maart 2099\./);
    const bad = await save({
      titel: 'RIB fout',
      soort: 'raadsinformatiebrief',
      [rib('vergadering')]: 'De raad',
      [rib('vergaderdatum')]: 'volgende week',
    });
    assert.equal(bad.status, 422);
    assert.match(bad.text, /Datum van de vergadering: vul een datum in/);
    assert.match(bad.text, /name="doc__raadsinformatiebrief__vergadering"[^>]*value="De raad"/);
  });

  it('keeps a motie’s dictum of several lines whole, however long, and shows its line breaks', async () => {
    const motie = (field: string) => `doc__motie__${field}`;
    const long = `en daarbij ${'de bewoners, de ondernemers en de scholen van de binnenstad, '.repeat(12)}te betrekken`;
    const dictum = `verzoekt het college\r\n- binnen een jaar twintig nieuwe bomen te planten;\r\n- ${long};\r\nen gaat over tot de orde van de dag.`;
    const res = await save({ titel: 'Motie bomen', soort: 'motie', [motie('besluit')]: dictum, [motie('status')]: 'aangenomen' });
    assert.equal(res.status, 303);
    const article = (await findArticleBySlug(t.db, 'motie-bomen'))!;
    const html = (await request(t.app).get(articlePath(article)).expect(200)).text;
    assert.match(
      html,
      /<dt>Besluit<\/dt>\s*<dd>\s*verzoekt het college<br>- binnen een jaar twintig nieuwe bomen te planten;<br>- en daarbij/,
    );
    assert.match(html, /van de binnenstad, te betrekken;<br>en gaat over tot de orde van de dag\./);
    const form = (await ed.agent.get(`/beheer/artikelen/${article.id}`).expect(200)).text;
    assert.ok(form.includes(`>${dictum.replace(/\r\n/g, '\n')}</textarea>`), 'the editor gets the dictum back as typed');
  });
});

describe('documents: "Document importeren" fills the editor', () => {
  let t: TestApp;
  let ed: { agent: Agent; csrf: string };
  before(async () => {
    t = await createTestApp();
    ed = await loginAs(t.app, t.db, 'chief');
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

  it('warns above the form, and keeps it a concept, when the document answers fewer questions than it asks', async () => {
    const pasted = [
      'Schriftelijke vragen',
      '',
      'Onderwerp: Bomen in Wyck',
      'Partij: D66',
      '',
      '1. Hoeveel bomen zijn er gekapt?',
      '2. Worden er nieuwe geplant?',
      '',
      'Antwoord college van burgemeester en wethouders:',
      '',
      '1. Twaalf.',
    ].join('\n');
    const res = await ed.agent.post('/beheer/artikelen/importeren').type('form').send({ _csrf: ed.csrf, tekst: pasted });
    assert.equal(res.status, 200);
    const warning = res.text.indexOf('2 vragen gevonden, maar 1 antwoord: controleer de antwoorden voordat je publiceert.');
    assert.ok(warning > 0, 'the warning is shown');
    assert.ok(warning < res.text.indexOf('<form method="post" action="/beheer/artikelen?_csrf='), 'above the form');
    assert.match(res.text, /Het artikel staat daarom op concept\./);
    assert.match(res.text, /id="status-concept"[^>]*checked|checked[^>]*id="status-concept"/);
    assert.equal(Number((await t.db('articles').count({ n: '*' }).first())!.n), 0);
  });

  it('shows no warning when every question has its answer', async () => {
    const pasted = ['Schriftelijke vragen', '', 'Partij: D66', '', '1. Hoeveel?', '', 'Antwoord college:', '', '1. Twaalf.'].join('\n');
    const res = await ed.agent.post('/beheer/artikelen/importeren').type('form').send({ _csrf: ed.csrf, tekst: pasted });
    assert.equal(res.status, 200);
    assert.doesNotMatch(res.text, /Controleer dit voordat je publiceert/);
    assert.match(res.text, /Twaalf\./);
  });

  it('shows what it recognised, and recognises again with the editor’s corrections', async () => {
    const pasted = SEED_002;
    const lines = pasted.split('\n');
    const at = (start: string) => lineStarting(lines, start);
    const first = await ed.agent.post('/beheer/artikelen/importeren').type('form').send({ _csrf: ed.csrf, tekst: pasted });
    assert.equal(first.status, 200);
    assert.match(first.text, /<h2 id="herkend-kop">Wat we herkenden<\/h2>/);
    assert.match(first.text, /7 vragen, waarvan 7 met antwoord\./);
    // Each field links to the form field where it is corrected.
    assert.match(
      first.text,
      /<dt><a href="#doc__schriftelijke-vragen__ingekomen">Ingekomen bij de griffie<\/a><\/dt><dd>8 december 2017<\/dd>/,
    );
    assert.match(first.text, /<textarea id="doc__schriftelijke-vragen__ingekomen"|<input id="doc__schriftelijke-vragen__ingekomen"/);
    const question1 = at('1. Waarom kiest');
    assert.match(
      first.text,
      new RegExp(`<select id="rol_${question1}" name="rol_${question1}">[\\s\\S]*?<option value="question" selected>Vraag</option>`),
    );
    assert.match(first.text, new RegExp(`name="nummer_${question1}" value="1"`));
    // Inside the editor's form, above its fields, so what the editor changes below goes along when the text is recognised again.
    const formAt = first.text.indexOf('<form method="post" action="/beheer/artikelen?_csrf=');
    assert.ok(
      formAt < first.text.indexOf('Wat we herkenden') && first.text.indexOf('Wat we herkenden') < first.text.indexOf('name="titel"'),
    );

    // The editor's form as the browser sends it (the review is part of it): every block's role and number as shown,
    // three of them changed, and "Opnieuw herkennen met mijn correcties".
    const aanstaande = at('Aanstaande maandag');
    const naar = at('Naar aanleiding van uw bovengenoemde brief');
    const regisseur = at('De gemeente wil regisseur');
    const form = formBody(formFields(first.text), {
      actie: 'herkennen',
      [`rol_${aanstaande}`]: 'heading',
      [`rol_${naar}`]: 'letterhead',
      [`rol_${regisseur}`]: 'answer',
      [`nummer_${regisseur}`]: '2',
    });
    const again = await ed.agent.post('/beheer/artikelen').type('form').send(form);
    assert.equal(again.status, 200);
    assert.match(again.text, /3 correcties toegepast\./);
    const tekst = /<textarea[^>]*name="tekst"[^>]*>([\s\S]*?)<\/textarea>/.exec(again.text)![1];
    assert.match(tekst, /^## Aanstaande maandag presenteert/m);
    assert.doesNotMatch(tekst, /Naar aanleiding van uw bovengenoemde brief|De gemeente wil regisseur/);
    const answer2 = /<textarea[^>]*name="antwoord_2"[^>]*>([\s\S]*?)<\/textarea>/.exec(again.text);
    assert.ok(answer2, 'the editor has answer 2');
    assert.match(answer2[1], /Zoals gezegd[\s\S]*De gemeente wil regisseur/);
    assert.match(again.text, new RegExp(`<option value="letterhead" selected>Briefhoofd \\(weglaten\\)</option>`));
    assert.equal(Number((await t.db('articles').count({ n: '*' }).first())!.n), 0);
  });

  it('refuses a correction it cannot apply, in Dutch, keeping every choice', async () => {
    const pasted = [
      'Schriftelijke vragen',
      '',
      'Partij: D66',
      '',
      '1. Hoeveel?',
      '',
      'Antwoord college:',
      '',
      '1. Twaalf.',
      '',
      'Tot slot.',
    ].join('\n');
    const first = await ed.agent.post('/beheer/artikelen/importeren').type('form').send({ _csrf: ed.csrf, tekst: pasted });
    const shown = formFields(first.text);
    const send = (extra: Record<string, string>) =>
      ed.agent
        .post('/beheer/artikelen')
        .type('form')
        .send(formBody(shown, { actie: 'herkennen', ...extra }));
    const role = await send({ rol_10: 'handtekening', rol_4: 'answer', nummer_4: '0' });
    assert.equal(role.status, 422);
    assert.match(role.text, /Kies bij regel 11 een soort uit de lijst\./);
    assert.match(
      role.text,
      /Vul bij regel 5 het nummer van de vraag die dit antwoord beantwoordt in: een heel getal van 1 tot en met 200\./,
    );
    assert.match(role.text, /<option value="handtekening" selected>/);
    assert.match(role.text, /name="nummer_4" value="0"/);
    assert.match(role.text, /<input type="hidden" name="bron_tekst" value="Schriftelijke vragen\n/);
    const range = await send({ rol_99: 'body' });
    assert.equal(range.status, 422);
    assert.match(range.text, /De correcties noemen een regel die niet in deze tekst staat \(99\)/);
    const number = await send({ rol_10: 'question', nummer_10: '2,5' });
    assert.equal(number.status, 422);
    assert.match(number.text, /Vul bij regel 11 het nummer van de vraag in/);
  });

  it('asks for text when nothing was pasted', async () => {
    const res = await ed.agent.post('/beheer/artikelen/importeren').type('form').send({ _csrf: ed.csrf, tekst: '  ' });
    assert.equal(res.status, 422);
    assert.match(res.text, /Vul de tekst in/);
  });
});
