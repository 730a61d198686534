// A question's own label ("5a", "A1") where the document numbers it otherwise than its place: stored,
// shown on the page and in the API, kept in the editor, filled in by the paste-import.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../../helpers/app';
import { ARTICLE_FORM, loginAs, type Agent } from '../../helpers/http';
import { articlePath, findArticleBySlug } from '../../../server/articles/queries';

describe('documents: a question keeps the label the document gives it', () => {
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
      .send({ _csrf: ed.csrf, ...ARTICLE_FORM, tekst: 'De fractie stelt de volgende vragen.', soort: 'schriftelijke-vragen', ...fields });

  it('shows "Vraag 5a" on the page and in the API, keeps it in the editor, and stores no label equal to the place', async () => {
    const res = await save({
      titel: 'Vragen over de speeltuin',
      label_1: '1',
      vraag_1: 'Kent het college de speeltuin?',
      antwoord_1: 'Ja.',
      label_2: '5a',
      vraag_2: 'Wanneer gaat de speeltuin open?',
      antwoord_2: 'In mei.',
      label_3: ' 5b ',
      vraag_3: 'Wie betaalt het onderhoud?',
      antwoord_3: '',
    });
    assert.equal(res.status, 303);
    const article = (await findArticleBySlug(t.db, 'vragen-over-de-speeltuin'))!;
    const rows = await t.db('document_questions').where({ article_id: article.id }).orderBy('number').select('number', 'label');
    assert.deepEqual(
      rows.map((r: { number: number; label: string | null }) => [Number(r.number), r.label]),
      [
        [1, null],
        [2, '5a'],
        [3, '5b'],
      ],
    );
    const html = (await request(t.app).get(articlePath(article)).expect(200)).text;
    assert.match(html, /<a href="#vraag-1">Vraag 1<\/a>/);
    assert.match(html, /<a href="#vraag-2">Vraag 5a<\/a>/);
    assert.match(html, /<a href="#antwoord-2">Antwoord 5a<\/a>/);
    assert.match(html, /<a href="#vraag-3">Vraag 5b<\/a>/);
    assert.doesNotMatch(html, />Vraag 2</);

    const api = (await request(t.app).get(`/api/v1/artikelen/${article.id}`).expect(200)).body.data as {
      questions: Array<{ number: number; label: string | null; question: string }>;
    };
    assert.deepEqual(
      api.questions.map((q) => [q.number, q.label]),
      [
        [1, null],
        [2, '5a'],
        [3, '5b'],
      ],
    );

    const edit = (await ed.agent.get(`/beheer/artikelen/${article.id}`).expect(200)).text;
    assert.match(edit, /<label for="label_2">Nummer van vraag 2<\/label>/);
    assert.match(edit, /name="label_2"[^>]*value="5a"/);
    assert.match(edit, /name="label_1"[^>]*value=""/);
  });

  it('refuses a label longer than 20 characters with a Dutch message, keeping everything typed', async () => {
    const res = await save({
      titel: 'Vragen met een te lang nummer',
      label_1: 'Vraag nummer vijf onderdeel a',
      vraag_1: 'Kent het college de speeltuin?',
      antwoord_1: '',
    });
    assert.equal(res.status, 422);
    assert.match(res.text, /Nummer van vraag 1 mag hoogstens 20 tekens lang zijn; nu zijn het er 29\./);
    assert.match(res.text, /name="label_1"[^>]*value="Vraag nummer vijf onderdeel a"/);
    assert.match(res.text, /Kent het college de speeltuin\?/);
    assert.equal(await findArticleBySlug(t.db, 'vragen-met-een-te-lang-nummer'), null);
  });

  it('fills the labels of questions with parts in from a pasted text', async () => {
    const pasted = [
      'Schriftelijke vragen over de speeltuin',
      '',
      '1. Kent het college de speeltuin?',
      '2. Over het onderhoud:',
      'a. Wie betaalt het onderhoud?',
      'b. Hoe vaak wordt de speeltuin gecontroleerd?',
      '',
      'Namens D66, Frans Bastiaens',
    ].join('\n');
    const res = await ed.agent.post('/beheer/artikelen/importeren').type('form').send({ _csrf: ed.csrf, tekst: pasted });
    assert.equal(res.status, 200);
    assert.match(res.text, /name="label_2"[^>]*value="2a"/);
    assert.match(res.text, /name="label_3"[^>]*value="2b"/);
  });
});
