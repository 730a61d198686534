// /zoeken: residents find articles, council documents (by their fields too) and approved reacties,
// Dutch-aware, ranked, with escaped highlights; what is not public is never found.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { resultLinks, searchPage } from '../helpers/search';
import { buildArticle, buildReactie } from '../helpers/builders';
import { loginAs, type Agent } from '../helpers/http';
import { articlePath } from '../../server/articles/queries';

describe('search: /zoeken', () => {
  let t: TestApp;
  let mod: { agent: Agent; csrf: string };
  before(async () => {
    t = await createTestApp();
    mod = await loginAs(t.app, t.db, 'moderator');
  });
  after(async () => t.close());

  const search = (q: string, extra = '') => searchPage(t.app, q, extra);
  /** The result links in order. */
  const links = resultLinks;
  const act = (id: number, actie: string) =>
    mod.agent.post(`/beheer/reacties/${id}/${actie}`).type('form').send({ _csrf: mod.csrf, terug: '/beheer/reacties' }).expect(303);

  it('finds an article by a word in its body, with the word highlighted', async () => {
    const a = await buildArticle(t.db, { title: 'Nieuws uit de raad', bodyMarkdown: 'De gemeente plant een **zwembad** aan de rivier.' });
    const html = await search('zwembad');
    assert.deepEqual(links(html), [articlePath(a)]);
    assert.match(html, /<span class="kind">Artikel<\/span>/);
    assert.match(html, /<mark>zwembad<\/mark>/);
    // The query shown once, as typed, escaped; not in quotes of our own.
    assert.match(html, /1 resultaat voor <strong class="query">zwembad<\/strong>\./);
  });

  it('finds an inflected Dutch form', async () => {
    const a = await buildArticle(t.db, { title: 'Verkeer', bodyMarkdown: 'Steeds meer fietsers op de Grote Markt.' });
    assert.deepEqual(links(await search('fietser')), [articlePath(a)]);
    assert.deepEqual(links(await search('fietsers markt.')), [articlePath(a)]);
  });

  it('finds a council document by a field value, labelled with its type', async () => {
    const a = await buildArticle(t.db, {
      title: 'Memo over het plein',
      kind: 'memo',
      document: { fields: { onderwerp: 'Herinrichting', portefeuillehouder: 'Wilhelmina Vrolijk' }, questions: [] },
    });
    const html = await search('Vrolijk');
    assert.deepEqual(links(html), [articlePath(a)]);
    assert.match(html, /<span class="kind">Memo<\/span>/);
  });

  it('folds case and accents both ways', async () => {
    const a = await buildArticle(t.db, { title: 'Het Café aan de haven', bodyMarkdown: 'Over het ĳsje en de coöperatie.' });
    assert.deepEqual(links(await search('cafe')), [articlePath(a)]);
    assert.deepEqual(links(await search('CAFÉ')), [articlePath(a)]);
    assert.deepEqual(links(await search('cooperatie')), [articlePath(a)]);
    assert.deepEqual(links(await search('ijsje')), [articlePath(a)]);
  });

  it('matches a prefix on the last word and on words ending in *', async () => {
    const a = await buildArticle(t.db, { title: 'Parkeren', bodyMarkdown: 'Een nieuwe parkeergarage onder het stadhuis.' });
    assert.deepEqual(links(await search('parkeergar')), [articlePath(a)]);
    assert.deepEqual(links(await search('stadh* nieuwe')), [articlePath(a)]);
    assert.deepEqual(links(await search('"parkeergar"')), []);
  });

  it('searches an unfinished word as the words of the index it starts, and a number by its digits', async () => {
    const a = await buildArticle(t.db, { title: 'Parkeerplaatsen', bodyMarkdown: 'Veertig parkeerplaatsen erbij, gebouwd in 2024.' });
    const html = await search('veertig parkeerpl');
    assert.deepEqual(links(html), [articlePath(a)]);
    assert.match(html, /<mark>parkeerplaatsen<\/mark>/);
    // Numbers are not among the counted words: the index's own prefix match finds them.
    assert.deepEqual(links(await search('parkeerplaatsen 202')), [articlePath(a)]);
  });

  it('matches phrases in quotes only as a phrase', async () => {
    const a = await buildArticle(t.db, { title: 'Groen', bodyMarkdown: 'De openbare ruimte wordt groener.' });
    const b = await buildArticle(t.db, { title: 'Groen twee', bodyMarkdown: 'De ruimte is openbare grond.' });
    assert.deepEqual(links(await search('"openbare ruimte"')), [articlePath(a)]);
    assert.deepEqual(new Set(links(await search('openbare ruimte'))), new Set([articlePath(a), articlePath(b)]));
  });

  it('ranks a title match above a match in the text', async () => {
    const inBody = await buildArticle(t.db, {
      title: 'Een bericht',
      bodyMarkdown: 'Iets over de kademuur en nog veel meer tekst over andere zaken.',
    });
    const inTitle = await buildArticle(t.db, { title: 'De kademuur', bodyMarkdown: 'Een verhaal.' });
    assert.deepEqual(links(await search('kademuur')), [articlePath(inTitle), articlePath(inBody)]);
  });

  it('escapes the text around a highlight', async () => {
    await buildArticle(t.db, { title: 'Code', bodyMarkdown: 'De brandweerkazerne: <script>alert(1)</script> en meer.' });
    const html = await search('brandweerkazerne');
    assert.match(html, /<mark>brandweerkazerne<\/mark>/);
    assert.doesNotMatch(html, /<script>alert/);
    // The snippet is made the same way on both databases: the tag shown as text.
    assert.match(html, /kazerne<\/mark>: &lt;script&gt;alert\(1\)&lt;\/script&gt; en meer/);
  });

  it('does not find a draft or a scheduled article until it is due', async () => {
    await buildArticle(t.db, { title: 'Concept', status: 'draft', bodyMarkdown: 'Over de geheimzinnige vuurtoren.' });
    const later = await buildArticle(t.db, {
      title: 'Later',
      bodyMarkdown: 'Over de luchtballon.',
      publishedAt: new Date(Date.now() + 3600_000),
    });
    assert.deepEqual(links(await search('vuurtoren')), []);
    assert.deepEqual(links(await search('luchtballon')), []);
    t.setNow(new Date(Date.now() + 2 * 3600_000));
    try {
      assert.deepEqual(links(await search('luchtballon')), [articlePath(later)]);
    } finally {
      t.setNow(undefined);
    }
  });

  it('finds approved reacties only, following moderation', async () => {
    const a = await buildArticle(t.db, { title: 'De markt' });
    const approved = await buildReactie(t.db, a, { body: 'Ik mis de haringkar op zaterdag.' });
    const pending = await buildReactie(t.db, a, { body: 'Wachtend over de oliebollenkraam.', status: 'pending' });
    await buildReactie(t.db, a, { body: 'Spam over de oliebollenkraam.', status: 'spam' });
    const html = await search('haringkar');
    assert.deepEqual(links(html), [`/reactie/${approved}`]);
    assert.match(html, /<span class="kind">Reactie<\/span>/);
    assert.match(html, /Reactie op De markt/);
    assert.deepEqual(links(await search('oliebollenkraam')), []);
    await act(pending, 'goedkeuren');
    assert.deepEqual(links(await search('oliebollenkraam')), [`/reactie/${pending}`]);
    await act(pending, 'prullenbak');
    assert.deepEqual(links(await search('oliebollenkraam')), []);
    // The link leads to the reactie on its article's page.
    const res = await request(t.app).get(`/reactie/${approved}`).expect(302);
    assert.match(res.headers.location, new RegExp(`#reactie-${approved}$`));
  });

  it('finds a reply only when the thread shows it: under approved parents, or the placeholder of a removed one', async () => {
    const a = await buildArticle(t.db);
    const parent = await buildReactie(t.db, a, { body: 'Een vraag.', status: 'pending' });
    const middle = await buildReactie(t.db, a, { parentId: parent, body: 'Tussenantwoord.' });
    const reply = await buildReactie(t.db, a, { parentId: middle, body: 'Over de zandbak.' });
    assert.deepEqual(links(await search('zandbak')), []);
    await act(parent, 'goedkeuren');
    assert.deepEqual(links(await search('zandbak')), [`/reactie/${reply}`]);
    // A public reactie taken off keeps its place (a placeholder): the reply under it is still shown and found.
    await act(middle, 'afkeuren');
    assert.deepEqual(links(await search('zandbak')), [`/reactie/${reply}`]);
    assert.deepEqual(links(await search('Tussenantwoord')), [], 'the removed text is never found');
  });

  it('finds the new text after a moderator edit, not the old', async () => {
    const a = await buildArticle(t.db);
    const id = await buildReactie(t.db, a, { body: 'Met een tikvout over de stadsbus.' });
    assert.deepEqual(links(await search('tikvout')), [`/reactie/${id}`]);
    await mod.agent
      .post(`/beheer/reacties/${id}/bewerken`)
      .type('form')
      .send({ _csrf: mod.csrf, naam: 'Jan', website: '', reactie: 'Zonder fouten over de streekbus.' })
      .expect(303);
    assert.deepEqual(links(await search('tikvout')), []);
    assert.deepEqual(links(await search('streekbus')), [`/reactie/${id}`]);
  });

  for (const wijze of ['anonimiseren', 'verwijderen']) {
    it(`never finds a reactie after AVG erasure (${wijze}), nor anyone's address`, async () => {
      const a = await buildArticle(t.db);
      const email = `wis-${wijze}@example.nl`;
      const id = await buildReactie(t.db, a, { authorEmail: email, authorName: 'Gerrit', body: `Over de ${wijze}steiger.` });
      const other = await buildReactie(t.db, a, { parentId: id, body: `Antwoord over de ${wijze}steiger.` });
      assert.deepEqual(new Set(links(await search(`${wijze}steiger`))), new Set([`/reactie/${id}`, `/reactie/${other}`]));
      assert.deepEqual(links(await search(email)), []);
      await mod.agent.post('/beheer/privacy/wissen').type('form').send({ _csrf: mod.csrf, email, wijze, bevestig: 'ja' }).expect(303);
      assert.deepEqual(links(await search(`${wijze}steiger`)), [`/reactie/${other}`]);
    });
  }

  it('pages ten results at a time', async () => {
    for (let i = 0; i < 12; i++) await buildArticle(t.db, { title: `Lantaarnpaal ${i}`, bodyMarkdown: 'Over een lantaarnpaal.' });
    const first = await search('lantaarnpaal');
    assert.equal(links(first).length, 10);
    assert.match(first, /12 resultaten/);
    assert.match(first, /Pagina 1 van 2/);
    assert.match(first, /href="\/zoeken\?q=lantaarnpaal&amp;pagina=2">Volgende »/);
    const second = await search('lantaarnpaal', '&pagina=2');
    assert.equal(links(second).length, 2);
    assert.equal(new Set([...links(first), ...links(second)]).size, 12);
    const past = await search('lantaarnpaal', '&pagina=7');
    assert.match(past, /geen resultaten meer/);
    assert.equal(links(await search('lantaarnpaal', '&pagina=abc')).length, 10);
  });

  it('gives a page with tips for an empty query and for one without words', async () => {
    const empty = (await request(t.app).get('/zoeken').expect(200)).text;
    assert.match(empty, /Zo zoek je/);
    assert.match(empty, /role="search"/);
    const odd = await search('?!*&|');
    assert.match(odd, /geen woord om op te zoeken/);
    assert.match(odd, /Zo zoek je/);
    assert.match(await search('onvindbaarwoord'), /Niets gevonden voor <strong class="query">onvindbaarwoord<\/strong>\./);
  });

  it('answers hostile queries with a page, never an error, and keeps what was typed', async () => {
    await buildArticle(t.db, { title: 'Gewoon', bodyMarkdown: 'Een fontein in het park.' });
    const hostile = [
      '"fontein',
      'fontein"',
      '"""',
      '*',
      '**fontein**',
      'fontein:*',
      'a:b c:',
      'fontein & | ! ( )',
      '(fontein',
      'NEAR(fontein park)',
      'fontein AND OR NOT park',
      'NOT',
      '-fontein',
      '- -- ---',
      "fontein' park''",
      'fontein <-> park',
      '\\ fontein \\',
      '🌳🌳 fontein 🌳',
      '🌳',
      '.,;:!?',
      'x'.repeat(5000),
      'fontein '.repeat(300),
      '\u0002fontein\u0003',
      '<script>alert(1)</script>',
      'de het een',
      '%',
      '^fontein$',
    ];
    for (const q of hostile) {
      const html = await search(q);
      assert.doesNotMatch(html, /<script>alert/, q);
    }
    // Operators are words like any other: "and", "or" and "not" are not in the text.
    assert.equal(links(await search('fontein AND OR NOT park')).length, 0);
    assert.equal(links(await search('fontein NEAR park')).length, 0);
    assert.equal(links(await search('fontein:* park')).length, 1);
    assert.equal(links(await search('-fontein')).length, 1);
    assert.equal(links(await search('🌳🌳 fontein 🌳')).length, 1);
    assert.match(await search('<script>x'), /value="&lt;script&gt;x"/);
    const qs = await request(t.app).get('/zoeken?q=a&q=b').expect(200);
    assert.match(qs.text, /Zo zoek je/);
  });

  it('has a search form in the header of every page', async () => {
    const html = (await request(t.app).get('/').expect(200)).text;
    assert.match(html, /<form class="site-search" method="get" action="\/zoeken" role="search">/);
  });

  it('asks search engines not to keep result pages (noindex), and only those', async () => {
    assert.match(await search('zwembad'), /<meta name="robots" content="noindex">/);
    assert.match(await search(''), /<meta name="robots" content="noindex">/);
    assert.doesNotMatch((await request(t.app).get('/').expect(200)).text, /name="robots"/);
  });
});
