// A letter to the raad or the Staten that says it informs them is a raadsinformatiebrief (issue 20, session 14): a
// Statenbrief of Gedeputeerde Staten, a college's letter "Met deze brief informeren wij u …". On letters written for
// the test; a letter to someone else, or one that answers a letter, stays a brief.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';

const letter = (to: string, opening: string, extra: string[] = []) =>
  [
    to,
    'Provincie Zeeveld',
    'Postbus 90, 4330 AA Middelstad',
    '',
    'Datum: 12 maart 2024',
    'Kenmerk: PZ-2024-0412',
    ...extra,
    'Onderwerp: Voortgang fietspaden langs de dijk',
    '',
    opening,
    '',
    'De aanleg van de fietspaden langs de dijk loopt volgens plan; in het voorjaar begint het laatste deel.',
    '',
    'Gedeputeerde Staten van Zeeveld,',
  ].join('\n');

describe('documents: an informing letter to the raad or the Staten', () => {
  it('types a letter to the Staten or the raad that says it informs them as a raadsinformatiebrief', () => {
    for (const [to, opening] of [
      ['Provinciale Staten van Zeeveld', 'Met deze brief informeren wij u over de voortgang van de fietspaden.'],
      ['Aan de leden van de gemeenteraad', 'Hierbij informeer ik u over de voortgang van de fietspaden.'],
      ['Provinciale Staten van Zeeveld', 'Toezending aan Provinciale Staten met oogmerk: [X] ter informatie'],
      ['Aan de leden van de gemeenteraad', 'Met deze Statenbrief informeren we u over de voortgang van de fietspaden.'],
    ])
      assert.equal(parseDocument(letter(to, opening)).type, 'raadsinformatiebrief', `${to} / ${opening}`);
  });

  it('leaves a letter to someone else, one that does not say it informs, and one answering a letter a brief', () => {
    const informs = 'Met deze brief informeren wij u over de voortgang van de fietspaden.';
    assert.equal(parseDocument(letter('Aan de heer J. Jansen', informs)).type, 'brief');
    assert.equal(
      parseDocument(letter('Provinciale Staten van Zeeveld', 'Wij schrijven u over de voortgang van de fietspaden.')).type,
      'brief',
    );
    assert.equal(parseDocument(letter('Provinciale Staten van Zeeveld', informs, ['Uw referentie: 2024/77'])).type, 'brief');
    // "[ ] ter informatie" not ticked says nothing.
    const unticked = 'Toezending aan Provinciale Staten met oogmerk: [ ] ter informatie';
    assert.equal(parseDocument(letter('Provinciale Staten van Zeeveld', unticked)).type, 'brief');
  });
});
