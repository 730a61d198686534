// The review step's corrections (server/documents/parse/overrides.ts): the same text recognised again
// with the editor's role for some lines, on seed 002 (7 questions, then the college's 7 answers).
import assert from 'node:assert/strict';
import { parseDocument } from '../../server/documents/parse';
import type { LineOverride } from '../../server/documents/parse/overrides';
import { lineStarting, SEED_002 } from '../helpers/documents';

const TEXT = SEED_002;
const plain = parseDocument(TEXT);
const at = (start: string) => lineStarting(plain.lines, start);
const parse = (o: Record<number, LineOverride>) => parseDocument(TEXT, new Map(Object.entries(o).map(([k, v]) => [Number(k), v])));

const AANSTAANDE = at('Aanstaande maandag');
const NAAR_AANLEIDING = at('Naar aanleiding van uw bovengenoemde brief');
const GEMEENTE_REGISSEUR = at('De gemeente wil regisseur');
const ANSWER_1 = at('1. Die keuze');
const QUESTION_1 = at('1. Waarom kiest');
const VERZOEKEN = at('Wij verzoeken het college');
const BLANKSMA = at('mevr. P.J.M.G. Blanksma');

describe('documents: the review step’s corrections re-recognise the text', () => {
  before(() => {
    for (const i of [AANSTAANDE, NAAR_AANLEIDING, GEMEENTE_REGISSEUR, ANSWER_1, QUESTION_1, VERZOEKEN, BLANKSMA]) assert.ok(i > 0);
    assert.equal(plain.questions.length, 7);
  });

  it('changes nothing without corrections', () => {
    assert.deepEqual(parseDocument(TEXT, new Map()), plain);
  });

  it('makes a line a heading, drops a letterhead line, and keeps a line as text', () => {
    const doc = parse({ [AANSTAANDE]: { role: 'heading' }, [NAAR_AANLEIDING]: { role: 'letterhead' } });
    assert.match(doc.body, /^## Aanstaande maandag presenteert/m);
    assert.doesNotMatch(doc.body, /Naar aanleiding van uw bovengenoemde brief/);
    assert.equal(doc.lines[AANSTAANDE].role, 'heading');
    assert.equal(doc.lines[NAAR_AANLEIDING].role, 'letterhead');
    assert.deepEqual(doc.questions, plain.questions);
  });

  it('adds a line to an answer or a question, after what it had', () => {
    const doc = parse({ [NAAR_AANLEIDING]: { role: 'answer', number: 2 }, [GEMEENTE_REGISSEUR]: { role: 'question', number: 2 } });
    assert.equal(doc.questions.length, 7);
    assert.match(doc.questions[1].answer!, /^Zoals gezegd[\s\S]*\n\nNaar aanleiding van uw bovengenoemde brief/);
    assert.match(doc.questions[1].question, /^Druist het zelf aansturen[\s\S]*\n\nDe gemeente wil regisseur/);
    assert.deepEqual(doc.questions[0], plain.questions[0]);
    assert.doesNotMatch(doc.body, /Naar aanleiding van uw bovengenoemde brief|De gemeente wil regisseur/);
    assert.deepEqual([doc.lines[NAAR_AANLEIDING].role, doc.lines[NAAR_AANLEIDING].number], ['answer', 2]);
  });

  it('takes a line out of its pair, and then warns about the missing answer', () => {
    const doc = parse({ [ANSWER_1]: { role: 'body' } });
    assert.equal(doc.questions[0].answer, null);
    assert.match(doc.body, /Die keuze is alleen gemaakt/);
    assert.deepEqual(doc.warnings, ['7 vragen gevonden, maar 6 antwoorden: controleer de antwoorden voordat je publiceert.']);
  });

  it('starts a new pair for a number past the last, and drops a pair with no lines left', () => {
    const more = parse({ [VERZOEKEN]: { role: 'question', number: 8 } });
    assert.equal(more.questions.length, 8);
    assert.match(more.questions[7].question, /^Wij verzoeken het college/);
    assert.equal(more.questions[7].answer, null);
    const fewer = parse({ [QUESTION_1]: { role: 'body' }, [ANSWER_1]: { role: 'body' } });
    assert.equal(fewer.questions.length, 6);
    assert.match(fewer.questions[0].question, /^Druist/);
    assert.equal(fewer.questions[0].label, '2', 'it keeps the number the text gave it');
  });

  it('takes a signer or a field out when its line gets another role', () => {
    const datum = plain.lines.findIndex((l) => l.field === 'datum');
    const doc = parse({ [BLANKSMA]: { role: 'answer', number: 7 }, [datum]: { role: 'body' } });
    assert.ok(!doc.signers.some((s) => s.includes('Blanksma')));
    assert.match(doc.questions[6].answer!, /Blanksma/);
    assert.equal(doc.fields.datum, undefined);
    assert.equal(doc.fields.ingekomen, plain.fields.ingekomen);
    assert.match(doc.body, /^\W*Datum\W+8 december 2017/m);
  });
});
