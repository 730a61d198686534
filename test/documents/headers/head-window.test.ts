// A head of written questions runs on over the lines under it until a labelled line of the header ends it, also in a
// text without empty lines (issue 20, session 16, rules30). Invented examples only.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';

describe('documents: a labelled line ends a questions head', () => {
  it('reads the head without the labelled line and the paragraph under it', () => {
    const doc = parseDocument(
      [
        'Schriftelijke vragen van de Partij voor de Dieren aan het college van B&W over zwerfkatten',
        'Indiendatum: 3 mei 2021',
        'In de krant van vorige week stond dat het aantal zwerfkatten in Zandmeer is verdubbeld.',
        '1. Is het college bekend met dit bericht?',
        '2. Wat gaat het college doen om het aantal zwerfkatten terug te brengen?',
      ].join('\n'),
    );
    assert.equal(doc.fields.onderwerp, 'zwerfkatten');
    assert.equal(doc.fields.aan, 'het college van B&W');
    assert.equal(doc.fields.ingekomen, '2021-05-03');
  });

  it('still reads a head that runs on over a second line', () => {
    const doc = parseDocument(
      [
        'Schriftelijke vragen van de Partij voor de Dieren aan het college van B&W over het aantal',
        'zwerfkatten in de wijk Zandmeer-Oost',
        '1. Is het college bekend met dit bericht?',
      ].join('\n'),
    );
    assert.equal(doc.fields.onderwerp, 'het aantal zwerfkatten in de wijk Zandmeer-Oost');
  });
});
