// A short line standing alone between question N and question N + 1 heads a section of the list; it is no signature
// (issue 20, session 16, rules30). Invented examples only.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';
import { listSectionLines } from '../../../server/documents/parse/list-sections';
import { toLines } from '../../../server/documents/parse/lines';

const SECTIONED = [
  'Schriftelijke vragen over het groen in Zandmeer',
  '',
  'De fractie van GroenLinks stelt de volgende vragen.',
  '',
  'Bomen aan de Dijk',
  '',
  '1. Hoeveel bomen zijn er dit jaar aan de Dijk gekapt?',
  '',
  'Wilma Hendriks Park',
  '',
  '2. Wanneer wordt het park opnieuw ingeplant?',
  '',
  'Zwerfafval',
  '',
  '3. Is het college bereid meer afvalbakken te plaatsen?',
];

describe('documents: section headings inside a numbered list', () => {
  it('finds the short lines standing alone between two items that follow each other', () => {
    const lines = toLines(SECTIONED.join('\n'));
    assert.deepEqual([...listSectionLines(lines)], [8, 12]);
    // Not between items that do not follow each other (a list that starts again), nor a sentence.
    const again = toLines(['1. Is dat zo?', '', 'Anna de Vries', '', '1. Klopt het antwoord?'].join('\n'));
    assert.deepEqual([...listSectionLines(again)], []);
    const sentence = toLines(['1. Is dat zo?', '', 'Dat vragen wij ons af.', '', '2. Klopt het?'].join('\n'));
    assert.deepEqual([...listSectionLines(sentence)], []);
  });

  it('reads a heading that looks like a name as a heading, not as the questions’ signer', () => {
    const doc = parseDocument(SECTIONED.join('\n'));
    assert.deepEqual(doc.signers, []);
    assert.equal(doc.fields.indieners, undefined);
    assert.equal(doc.questions.length, 3);
    assert.ok(doc.questions.every((q) => q.answer === null));
    // The same name under the last question signs them.
    const signed = parseDocument([...SECTIONED, '', 'Wilma Hendriks', 'GroenLinks'].join('\n'));
    assert.deepEqual(signed.signers, ['Wilma Hendriks']);
  });
});
