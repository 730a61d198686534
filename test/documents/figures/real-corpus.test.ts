// The corpus of real council and government documents (test/fixtures/documents/real): only its shape is
// checked here, not the paste-import. Every text has labels that a scorer can trust (a known type, real
// dates, unique question numbers), the holdout set is about a third of the whole, and the README lists
// every file with its source.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DOCUMENT_TYPE_KEYS, MOTIE_STATUSES } from '../../../server/documents/types';

const REAL = path.join(__dirname, '..', '..', 'fixtures', 'documents', 'real');
const SETS = ['dev', 'holdout'] as const;

const DATE_FIELDS = ['datum', 'ingekomen', 'datum_antwoord'];
const LIST_FIELDS = ['partijen', 'indieners', 'bijlagen'];
const NUMBER_FIELDS = ['stemmen_voor', 'stemmen_tegen'];
const TEXT_FIELDS = [
  'onderwerp',
  'afzender',
  'aan',
  'kenmerk',
  'portefeuillehouder',
  'inlichtingen_bij',
  'uw_referentie',
  'behandeld_door',
  'status',
];

interface Labels {
  type: string;
  fields: Record<string, unknown>;
  questions: Array<{ number: unknown; question: unknown; answer: unknown }>;
  signers: unknown[];
  notes?: unknown;
}

function documents(): Array<{ set: string; name: string; text: string; labels: Labels }> {
  return SETS.flatMap((set) =>
    fs
      .readdirSync(path.join(REAL, set))
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => {
        const name = f.slice(0, -'.txt'.length);
        const json = path.join(REAL, set, `${name}.expected.json`);
        assert.ok(fs.existsSync(json), `${set}/${f} has no ${name}.expected.json`);
        return {
          set,
          name,
          text: fs.readFileSync(path.join(REAL, set, f), 'utf8'),
          labels: JSON.parse(fs.readFileSync(json, 'utf8')) as Labels,
        };
      }),
  );
}

/** A real calendar date written as YYYY-MM-DD. */
function isDate(value: unknown): boolean {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

describe('the corpus of real council documents', () => {
  const docs = documents();

  it('holds at least 36 documents, each with a text', () => {
    assert.ok(docs.length >= 36, `${docs.length} documents`);
    for (const d of docs) assert.ok(d.text.trim().length > 0, `${d.set}/${d.name}.txt is empty`);
  });

  it('has a text for every label file', () => {
    for (const set of SETS)
      for (const f of fs.readdirSync(path.join(REAL, set)).filter((f) => f.endsWith('.expected.json'))) {
        const txt = f.replace(/\.expected\.json$/, '.txt');
        assert.ok(fs.existsSync(path.join(REAL, set, txt)), `${set}/${f} has no ${txt}`);
      }
  });

  it('labels every document with a known type, known fields and real dates', () => {
    for (const { set, name, labels } of docs) {
      const at = `${set}/${name}`;
      assert.ok((DOCUMENT_TYPE_KEYS as readonly string[]).includes(labels.type), `${at}: type ${labels.type}`);
      assert.equal(typeof labels.fields, 'object', `${at}: fields`);
      for (const [key, value] of Object.entries(labels.fields)) {
        if (DATE_FIELDS.includes(key)) assert.ok(isDate(value), `${at}: ${key} ${String(value)} is no YYYY-MM-DD date`);
        else if (LIST_FIELDS.includes(key))
          assert.ok(
            Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'string' && v.trim() === v && v !== ''),
            `${at}: ${key} is not a list of names`,
          );
        else if (NUMBER_FIELDS.includes(key)) assert.ok(Number.isInteger(value), `${at}: ${key} is not a number`);
        else if (TEXT_FIELDS.includes(key))
          assert.ok(typeof value === 'string' && value !== '' && !/\s{2}|^\s|\s$/.test(value), `${at}: ${key} is not collapsed text`);
        else assert.fail(`${at}: unknown field ${key}`);
      }
      if (labels.fields.status !== undefined)
        assert.ok((MOTIE_STATUSES as readonly string[]).includes(labels.fields.status as string), `${at}: status`);
      assert.ok(Array.isArray(labels.signers) && labels.signers.every((s) => typeof s === 'string'), `${at}: signers`);
    }
  });

  it('numbers the questions of each document uniquely, with collapsed text and an answer or null', () => {
    let withQuestions = 0;
    for (const { set, name, labels } of docs) {
      const at = `${set}/${name}`;
      assert.ok(Array.isArray(labels.questions), `${at}: questions`);
      const numbers = labels.questions.map((q) => q.number);
      assert.ok(
        numbers.every((n) => typeof n === 'string' && n !== ''),
        `${at}: question numbers are labels as strings`,
      );
      assert.equal(new Set(numbers).size, numbers.length, `${at}: question numbers ${numbers.join(', ')} are not unique`);
      for (const q of labels.questions) {
        assert.ok(
          typeof q.question === 'string' && q.question !== '' && !/\s{2}|^\s|\s$|\n/.test(q.question),
          `${at}: question ${String(q.number)}`,
        );
        assert.ok(
          q.answer === null || (typeof q.answer === 'string' && q.answer !== '' && !/\s{2}|\n/.test(q.answer)),
          `${at}: answer ${String(q.number)}`,
        );
      }
      if (labels.questions.length > 0) withQuestions++;
    }
    assert.ok(withQuestions >= 12, `${withQuestions} documents with questions`);
  });

  it('keeps 30 to 40 % of the documents apart as the holdout set', () => {
    const holdout = docs.filter((d) => d.set === 'holdout').length;
    const share = holdout / docs.length;
    assert.ok(share >= 0.3 && share <= 0.4, `holdout ${holdout}/${docs.length}`);
  });

  it('lists every file in the README', () => {
    const readme = fs.readFileSync(path.join(REAL, 'README.md'), 'utf8');
    for (const { set, name } of docs) assert.ok(readme.includes(`${set}/${name}.txt`), `README misses ${set}/${name}.txt`);
  });
});
