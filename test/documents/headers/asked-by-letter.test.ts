// An answer letter dates the questions it answers by the letter they came in: "Bij brief van D hebt u … vragen
// gesteld", as "Op D hebt u … vragen gesteld" does (issue 20, session 16, rules30). Invented examples only.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';

const answer = (opening: string) =>
  parseDocument(
    [
      'Beantwoording schriftelijke vragen over bankjes aan de Dijk',
      '',
      'Geachte heer De Wit,',
      '',
      opening,
      '',
      '1. Waarom is het bankje aan de Dijk weggehaald?',
      'Het bankje was kapot en wordt in mei vervangen.',
    ].join('\n'),
  );

describe('documents: questions dated by the letter they came in', () => {
  it('dates the questions and their ingekomen by "bij (uw) brief van D … vragen gesteld"', () => {
    for (const opening of [
      'Bij brief van 3 maart 2021 hebt u een aantal artikel 35 vragen gesteld over de bankjes. Hieronder de antwoorden.',
      'Bij uw brief van 3 maart 2021 heeft u ons vragen gesteld over de bankjes.',
      'Op 3 maart 2021 heeft u vragen gesteld over de bankjes.',
    ]) {
      const doc = answer(opening);
      assert.equal(doc.fields.datum, '2021-03-03', opening);
      assert.equal(doc.fields.ingekomen, '2021-03-03', opening);
    }
  });

  it('reads no date from a letter that reports something else', () => {
    assert.equal(answer('Bij brief van 3 maart 2021 hebben wij u geïnformeerd over de bankjes.').fields.ingekomen, undefined);
  });
});
