// The open-data API: public articles and documents with their fields and questions, dossiers,
// paged with cursors that hold while items arrive, ETags, CORS, and Dutch errors as JSON.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { createDossier, addArticleToDossier } from '../../server/dossiers/queries';

describe('open-data API', () => {
  let t: TestApp;
  const day = 86_400_000;
  const start = Date.now() - 30 * day;
  before(async () => {
    t = await createTestApp({ baseUrl: 'https://stadslog.example' });
    for (let i = 0; i < 25; i++) await buildArticle(t.db, { title: `Nieuws ${i}`, publishedAt: new Date(start + i * day) });
    const vragen = await buildArticle(t.db, {
      title: 'Vragen over de Markt',
      kind: 'schriftelijke-vragen',
      publishedAt: new Date(start + 26 * day),
      document: {
        fields: {
          datum: '2015-03-05',
          kenmerk: '2015/031',
          afzender: 'Fractie PvdA',
          onderwerp: 'De Markt',
          partijen: ['PvdA', 'D66'],
          ingekomen: '2015-03-06',
          vergadering: 'commissie Maatschappij',
          vergaderdatum: '2015-04-20',
          agendapunt: '4',
          bron: 'https://maastricht.notubiz.nl/document/1234',
        },
        questions: [
          { number: 1, question: 'Klopt het?', answer: 'Ja.' },
          { number: 2, question: 'Wanneer?', answer: null },
        ],
      },
    });
    await buildArticle(t.db, { title: 'Concept', status: 'draft' });
    await buildArticle(t.db, { title: 'Straks', publishedAt: new Date(Date.now() + day) });
    await buildReactie(t.db, vragen, { authorEmail: 'geheim-adres@example.nl', ip: '203.0.113.77' });
    const dossier = await createDossier(
      t.db,
      { title: 'De Markt', slug: 'markt', introMarkdown: 'Alles over de *Markt*.', participants: 'College' },
      new Date(),
    );
    await addArticleToDossier(t.db, dossier.id, vragen.id, new Date());
  });
  after(async () => t.close());

  it('lists public articles newest first, with a next link whose cursor holds while articles arrive', async () => {
    const first = await request(t.app).get('/api/v1/artikelen?aantal=10').expect(200);
    assert.match(String(first.headers['content-type']), /application\/json/);
    const titles = (first.body.data as Array<{ title: string }>).map((a) => a.title);
    assert.deepEqual(titles.slice(0, 3), ['Vragen over de Markt', 'Nieuws 24', 'Nieuws 23']);
    assert.ok(!titles.includes('Concept') && !titles.includes('Straks'));
    assert.match(first.body.next, /^https:\/\/stadslog\.example\/api\/v1\/artikelen\?aantal=10&na=/);
    assert.match(first.body.data[0].url, /^https:\/\/stadslog\.example\/\d{4}\/\d{2}\/testartikel-[a-z0-9]+$/);
    await buildArticle(t.db, { title: 'Net binnen' });
    const second = await request(t.app)
      .get(new URL(first.body.next as string).pathname + new URL(first.body.next as string).search)
      .expect(200);
    assert.deepEqual(
      (second.body.data as Array<{ title: string }>).map((a) => a.title),
      Array.from({ length: 10 }, (_, i) => `Nieuws ${15 - i}`),
    );
    const third = await request(t.app)
      .get(new URL(second.body.next as string).pathname + new URL(second.body.next as string).search)
      .expect(200);
    assert.equal(third.body.data.length, 6);
    assert.equal(third.body.next, null);
  });

  it('gives documents with their fields and questions, filtered by type', async () => {
    const docs = await request(t.app).get('/api/v1/documenten?soort=schriftelijke-vragen').expect(200);
    assert.equal(docs.body.data.length, 1);
    const doc = docs.body.data[0];
    assert.equal(doc.type, 'schriftelijke-vragen');
    assert.deepEqual(doc.fields.partijen, ['PvdA', 'D66']);
    assert.equal(doc.fields.kenmerk, '2015/031');
    assert.equal(doc.fields.afzender, 'Fractie PvdA');
    assert.equal(doc.document_date, '2015-03-05');
    assert.deepEqual(doc.source, { url: 'https://maastricht.notubiz.nl/document/1234', name: 'Notubiz' });
    assert.deepEqual(doc.meeting, {
      name: 'commissie Maatschappij',
      date: '2015-04-20',
      agenda_item: '4',
      text: 'Besproken in de commissie Maatschappij van 20 april 2015, agendapunt 4',
    });
    // Submitted on 6 March 2015, due 30 days later, one question still open: late, counted from the submission.
    assert.equal(doc.answer_term.submitted, '2015-03-06');
    assert.equal(doc.answer_term.deadline, '2015-04-05');
    assert.equal(doc.answer_term.answered, false);
    assert.ok(doc.answer_term.days_late > 3000, String(doc.answer_term.days_late));
    assert.match(
      doc.answer_term.text,
      /^Ingediend op 6 maart 2015\. 1 van 2 vragen nog niet beantwoord, al \d+ dagen\. Antwoord te laat: de termijn liep af op 5 april 2015, \d+ dagen geleden\.$/,
    );
    assert.deepEqual(doc.questions, [
      { number: 1, label: null, question: 'Klopt het?', answer: 'Ja.' },
      { number: 2, label: null, question: 'Wanneer?', answer: null },
    ]);
    const one = await request(t.app).get(`/api/v1/artikelen/${doc.id}`).expect(200);
    assert.deepEqual(one.body.data.dossiers[0].slug, 'markt');
    assert.equal(one.body.data.reactie_count, 1);
    assert.equal((await request(t.app).get('/api/v1/documenten').expect(200)).body.data.length, 1);
    const wrong = await request(t.app).get('/api/v1/documenten?soort=roman').expect(400);
    assert.match(wrong.body.error, /Onbekende soort\. Kies uit: memo/);
  });

  it('lists dossiers and a dossier’s articles', async () => {
    const list = await request(t.app).get('/api/v1/dossiers').expect(200);
    assert.deepEqual(
      list.body.data.map((d: { slug: string; article_count: number }) => [d.slug, d.article_count]),
      [['markt', 1]],
    );
    assert.match(list.body.data[0].intro_html, /<em>Markt<\/em>/);
    const one = await request(t.app).get('/api/v1/dossiers/markt').expect(200);
    assert.deepEqual(one.body.data.participants, ['College']);
    const articles = await request(t.app).get('/api/v1/dossiers/markt/artikelen').expect(200);
    assert.deepEqual(
      articles.body.data.map((a: { title: string }) => a.title),
      ['Vragen over de Markt'],
    );
    await request(t.app).get('/api/v1/dossiers/bestaat-niet').expect(404);
  });

  it('answers 304 to a known ETag, CORS for GET, 405 for writes, and Dutch errors as JSON', async () => {
    const first = await request(t.app).get('/api/v1/dossiers').set('Origin', 'https://elders.example').expect(200);
    assert.equal(first.headers['access-control-allow-origin'], '*');
    assert.match(String(first.headers.etag), /^W\/"/);
    await request(t.app).get('/api/v1/dossiers').set('If-None-Match', String(first.headers.etag)).expect(304);
    const preflight = await request(t.app).options('/api/v1/artikelen').set('Origin', 'https://elders.example').expect(204);
    assert.match(String(preflight.headers['access-control-allow-methods']), /GET/);
    const post = await request(t.app).post('/api/v1/artikelen').set('Origin', 'http://127.0.0.1').send({}).expect(405);
    assert.match(post.body.error, /alleen gelezen/);
    for (const bad of ['na=kapot', 'aantal=0', 'aantal=101', 'aantal=abc', `na=${'x'.repeat(100)}`]) {
      const res = await request(t.app).get(`/api/v1/artikelen?${bad}`).expect(400);
      assert.match(res.body.error, /^De parameter/);
    }
    assert.match((await request(t.app).get('/api/v1/artikelen/999999').expect(404)).body.error, /bestaat niet/);
    assert.match((await request(t.app).get('/api/v2/iets').expect(404)).body.error, /open-data-API/);
  });

  it('lists the reacties readers see, newest first, in pages that hold', async () => {
    const article = await buildArticle(t.db, { title: 'Druk besproken' });
    const ids: number[] = [];
    for (let i = 0; i < 7; i++)
      ids.push(await buildReactie(t.db, article, { body: `Reactie ${i}` }, new Date(Date.now() - (10 - i) * 60_000)));
    const held = await buildReactie(t.db, article, { status: 'pending', body: 'Nog niet' });
    await buildReactie(t.db, article, { parentId: held, body: 'Onder een wachtende' });
    await buildReactie(t.db, article, { status: 'spam', body: 'Koop nu' });
    const first = await request(t.app).get(`/api/v1/artikelen/${article.id}/reacties?aantal=4`).expect(200);
    assert.deepEqual(
      first.body.data.map((r: { text: string }) => r.text),
      ['Reactie 6', 'Reactie 5', 'Reactie 4', 'Reactie 3'],
    );
    assert.equal(first.body.data[0].url, `https://stadslog.example/reactie/${ids[6]}`);
    assert.equal(first.body.data[0].html, '<p>Reactie 6</p>');
    assert.deepEqual(Object.keys(first.body.data[0]).sort(), [
      'article_id',
      'author',
      'author_url',
      'created_at',
      'featured',
      'html',
      'id',
      'parent_id',
      'text',
      'url',
      'waarderingen',
    ]);
    const next = new URL(first.body.next as string);
    const second = await request(t.app)
      .get(next.pathname + next.search)
      .expect(200);
    assert.deepEqual(
      second.body.data.map((r: { text: string }) => r.text),
      ['Reactie 2', 'Reactie 1', 'Reactie 0'],
    );
    assert.equal(second.body.next, null);
    const all = await request(t.app).get('/api/v1/reacties?aantal=100').expect(200);
    const texts = all.body.data.map((r: { text: string }) => r.text);
    assert.ok(
      texts.includes('Reactie 0') && !texts.includes('Nog niet') && !texts.includes('Onder een wachtende') && !texts.includes('Koop nu'),
    );
    const draft = await buildArticle(t.db, { status: 'draft' });
    await request(t.app).get(`/api/v1/artikelen/${draft.id}/reacties`).expect(404);
  });

  it('never tells an e-mail address or IP address, not even hashed', async () => {
    const crypto = await import('node:crypto');
    const email = 'geheim-adres@example.nl';
    const forms = [
      email,
      crypto.createHash('md5').update(email).digest('hex'),
      crypto.createHash('sha256').update(email).digest('hex'),
      '203.0.113.77',
    ];
    for (const path of [
      '/api/v1',
      '/api/v1/artikelen',
      '/api/v1/documenten',
      '/api/v1/dossiers',
      '/api/v1/dossiers/markt/artikelen',
      '/api/v1/reacties',
    ]) {
      const body = (await request(t.app).get(path).expect(200)).text;
      for (const f of forms) assert.ok(!body.includes(f), `${path} contains ${f}`);
    }
  });
});
