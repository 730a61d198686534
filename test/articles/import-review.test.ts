// The import's review step as pure decisions (server/articles/import-review.ts, import-recognise.ts):
// the form's choices read per block, a split or a join renumbering only the questions (or only the
// answers) after it, the review's blocks and folded letterhead, and the rule that keeps what the
// editor changed in the form when the text is recognised again.
import assert from 'node:assert/strict';
import { parseDocument } from '../../server/documents/parse';
import { emptyArticleForm } from '../../server/articles/admin-form';
import {
  applyEdit,
  correctionsOf,
  readChoices,
  readEdit,
  recognisedChoices,
  reviewOf,
  type ReviewBlock,
} from '../../server/articles/import-review';
import { importFormValues, keepEdits, recognisedValues } from '../../server/articles/import-recognise';
import { lineStarting, SEED_002, TREES_QUESTIONS } from '../helpers/documents';

const TEXT = TREES_QUESTIONS;
const plain = parseDocument(TEXT);
const recognise = (choices: ReturnType<typeof recognisedChoices>) => {
  const { overrides, errors } = correctionsOf(choices, plain);
  assert.deepEqual(errors, {});
  return parseDocument(TEXT, overrides);
};
const blocks = (review: ReturnType<typeof reviewOf>): ReviewBlock[] => review.groups.flatMap((g) => (g.letterhead ? g.blocks : [g.block]));

describe('articles: the import review’s decisions', () => {
  before(() => {
    // What the parser makes of it, which the tests below correct: question 1 has two lines, answer 3 is left as text.
    assert.deepEqual(
      plain.lines.map((l) => `${l.role}${l.number ?? ''}`),
      [
        'title',
        'blank',
        'field',
        'field',
        'blank',
        'question1',
        'question1',
        'question2',
        'blank',
        'heading',
        'blank',
        'answer1',
        'answer2',
        'body',
      ],
    );
  });

  it('reads a block’s select for all its lines, and names a line that is not in the text', () => {
    const read = readChoices({ 'rol_5-6': 'body', 'nummer_5-6': '', rol_13: 'answer', nummer_13: '3' }, plain);
    assert.deepEqual(read.errors, {});
    assert.deepEqual(
      [read.choices.get(5), read.choices.get(6), read.choices.get(7)],
      [
        { role: 'body', number: '' },
        { role: 'body', number: '' },
        { role: 'question', number: '2' },
      ],
    );
    assert.deepEqual(read.choices.get(13), { role: 'answer', number: '3' });
    assert.equal(read.names.get(6), 'rol_5-6');
    assert.match(readChoices({ 'rol_12-99': 'body' }, plain).errors.correcties, /niet in deze tekst staat \(12-99\)/);
    assert.match(readChoices({ rol_1: 'body' }, plain).errors.correcties, /\(1\)/, 'a blank line is no line to correct');
    const wrong = readChoices({ 'rol_5-6': 'handtekening' }, plain);
    assert.deepEqual(correctionsOf(wrong.choices, plain, wrong.names).errors, { 'rol_5-6': 'Kies bij regels 6–7 een soort uit de lijst.' });
  });

  it('splits a question at a line: the questions after it move one up, the answers stay', () => {
    const edit = readEdit('splitsen:6');
    assert.deepEqual(edit, { kind: 'split', line: 6 });
    const { choices } = applyEdit(recognisedChoices(plain), new Set(), edit);
    assert.deepEqual(
      [5, 6, 7, 11, 12].map((i) => `${choices.get(i)!.role}${choices.get(i)!.number}`),
      ['question1', 'question2', 'question3', 'answer1', 'answer2'],
    );
    choices.set(13, { role: 'answer', number: '3' });
    const doc = recognise(choices);
    assert.deepEqual(
      doc.questions.map((q) => [q.question, q.answer]),
      [
        ['Hoeveel bomen zijn er gekapt?', 'Twaalf bomen.'],
        ['Worden er nieuwe geplant?', 'Ja, twintig nieuwe.'],
        ['Wanneer begint het planten?', 'Volgend jaar in maart.'],
      ],
    );
    assert.deepEqual(doc.warnings, []);
  });

  it('joins a question with the one before, and then says which answer has no question', () => {
    const { choices } = applyEdit(recognisedChoices(plain), new Set(), readEdit('samenvoegen:7')!);
    const doc = recognise(choices);
    assert.equal(doc.questions.length, 2);
    assert.equal(doc.questions[0].question, 'Hoeveel bomen zijn er gekapt? Worden er nieuwe geplant? Wanneer begint het planten?');
    assert.equal(doc.questions[1].question, '');
    assert.deepEqual(doc.warnings, ['Antwoord 2 heeft geen vraag: controleer de vragen en antwoorden voordat je publiceert.']);
    // Joining the answers too puts it right.
    const both = applyEdit(choices, new Set(), { kind: 'join', line: 12 }).choices;
    const fixed = recognise(both);
    assert.equal(fixed.questions.length, 1);
    assert.match(fixed.questions[0].answer!, /^Twaalf bomen\.\s+Ja, twintig nieuwe\.$/);
    assert.deepEqual(fixed.warnings, []);
    // Question 1 has nothing before it to join.
    assert.deepEqual(applyEdit(recognisedChoices(plain), new Set(), { kind: 'join', line: 5 }).choices, recognisedChoices(plain));
  });

  it('shows blocks of lines with one select, split and join buttons where they apply, and marks the editor’s corrections', () => {
    const review = reviewOf({ doc: plain, plain, text: TEXT, applied: new Map() });
    const shown = blocks(review).map((b) => [b.name, b.role, b.number, b.splitAt, b.joinable, b.corrected]);
    assert.deepEqual(shown, [
      ['rol_0', 'title', '', [], false, false],
      ['rol_2', 'field', '', [], false, false],
      ['rol_3', 'field', '', [], false, false],
      ['rol_5-6', 'question', '1', [6], false, false],
      ['rol_7', 'question', '2', [], true, false],
      ['rol_9', 'heading', '', [], false, false],
      ['rol_11', 'answer', '1', [], false, false],
      ['rol_12', 'answer', '2', [], true, false],
      ['rol_13', 'body', '', [], false, false],
    ]);
    assert.equal(review.lineCount, 10);

    const choices = recognisedChoices(plain);
    choices.set(13, { role: 'answer', number: '3' });
    const { overrides } = correctionsOf(choices, plain);
    const corrected = reviewOf({ doc: parseDocument(TEXT, overrides), plain, text: TEXT, applied: overrides });
    const last = blocks(corrected).at(-1)!;
    assert.deepEqual([last.name, last.role, last.number, last.corrected, last.recognisedAs], ['rol_13', 'answer', '3', true, 'Tekst']);
    assert.equal(corrected.corrected, 1);
    assert.equal(corrected.applied, JSON.stringify([{ line: 13, role: 'answer', number: 3 }]));
  });

  it('folds a run of dropped letterhead into one group, and lets a block’s lines be chosen one by one', () => {
    const text = [
      'Gemeente Maastricht',
      'Postbus 1992',
      '6201 BZ Maastricht',
      'Telefoon 14043',
      'www.gemeentemaastricht.nl',
      '',
      'Aan de leden van de gemeenteraad',
      '',
      'Datum: 5 maart 2015',
      'Onderwerp: Sociale diensten',
      '',
      'Geachte leden van de raad,',
      '',
      'Het bedrijfsplan is opgeleverd. Het dient als basis',
      'voor het besluit over de uitvoeringsorganisatie.',
      'Alle gremia worden geïnformeerd.',
    ].join('\n');
    const doc = parseDocument(text);
    const review = reviewOf({ doc, plain: doc, text, applied: new Map() });
    const folded = review.groups.filter((g) => g.letterhead);
    assert.ok(folded.length >= 1, JSON.stringify(doc.lines.map((l) => l.role)));
    assert.ok(folded.every((g) => g.letterhead && g.blocks.every((b) => b.role === 'letterhead')));
    const paragraph = blocks(review).find((b) => b.lines.some((l) => l.text.startsWith('voor het besluit')))!;
    assert.ok(paragraph.lines.length >= 2 && paragraph.loosable && paragraph.splitAt.length === 0);
    const loose = applyEdit(recognisedChoices(doc), new Set(), { kind: 'loose', line: paragraph.first });
    const after = blocks(reviewOf({ doc, plain: doc, text, applied: new Map(), breaks: loose.breaks }));
    assert.ok(paragraph.lines.every((l) => after.some((b) => b.first === l.index && b.last === l.index)));
  });

  describe('recognising again keeps what the editor changed', () => {
    const seed = SEED_002;
    const first = parseDocument(seed);
    const before = recognisedValues(first);

    it('keeps the editor’s title, field, body and answer, and fills in the rest anew', () => {
      const submitted = importFormValues(first, 'Redactie');
      submitted.title = 'Vragen over de gebiedsteams';
      submitted.document.fields['doc__schriftelijke-vragen__onderwerp'] = 'Gebiedsteams';
      submitted.document.questions[2].answer = 'Mijn eigen antwoord 3.';
      // A browser sends a textarea with CRLF: not a change.
      submitted.body = submitted.body.replace(/\n/g, '\r\n');
      // The editor makes the first body paragraph a heading and drops the letter's salutation line.
      const choices = recognisedChoices(first);
      const aanstaande = lineStarting(first.lines, 'Aanstaande maandag');
      choices.set(aanstaande, { role: 'heading', number: '' });
      const { overrides } = correctionsOf(choices, first);
      const fresh = recognisedValues(parseDocument(seed, overrides));
      const { values, kept } = keepEdits(submitted, before, fresh);
      assert.equal(values.title, 'Vragen over de gebiedsteams');
      assert.equal(values.document.fields['doc__schriftelijke-vragen__onderwerp'], 'Gebiedsteams');
      assert.equal(values.document.questions[2].answer, 'Mijn eigen antwoord 3.');
      assert.equal(values.document.questions[1].answer, fresh.document.questions[1].answer);
      assert.match(values.body, /^## Aanstaande maandag/m, 'the body the editor did not change follows the correction');
      assert.deepEqual(kept, ['de titel', 'Onderwerp', 'antwoord 3']);
    });

    it('keeps a question row the editor added by hand, and the editor’s body over a correction', () => {
      const submitted = importFormValues(first, 'Redactie');
      submitted.body = 'Mijn eigen inleiding.';
      submitted.document.questions.push({ label: '', question: 'Een achtste vraag?', answer: '' });
      const { values, kept } = keepEdits(submitted, before, before);
      assert.equal(values.body, 'Mijn eigen inleiding.');
      assert.equal(values.document.questions.length, 8);
      assert.equal(values.document.questions[7].question, 'Een achtste vraag?');
      assert.deepEqual(kept, ['de tekst', 'vraag 8']);
      assert.deepEqual(keepEdits({ ...emptyArticleForm('x'), ...before, document: before.document }, before, before).kept, []);
    });
  });
});
