// Header fields of written questions from new sources (issue 20, session 14): who asks, to whom and about what,
// read from the head's grammar, a salutation, a form's lines and the signature. Invented examples only.
import assert from 'node:assert/strict';
import { parseDocument } from '../../server/documents/parse';

const QUESTIONS = ['1. Is het college bekend met de klachten van omwonenden?', '2. Welke maatregelen neemt het college, en wanneer?'];
const questions = (...head: string[]) => parseDocument([...head, '', ...QUESTIONS].join('\n'));

describe('documents: header fields of written questions from new sources', () => {
  it('reads a party the lexicon knows as who asks in the head, without "fractie"', () => {
    const got = questions('Schriftelijke vragen van de SP aan het college van B&W over de sluiting van de bibliotheek');
    assert.equal(got.type, 'schriftelijke-vragen');
    assert.equal(got.fields.afzender, 'de SP');
    assert.deepEqual(got.fields.partijen, ['SP']);
    assert.equal(got.fields.aan, 'het college van B&W');
    assert.equal(got.fields.onderwerp, 'de sluiting van de bibliotheek');
    // A local branch with its Statenfractie, and the article of the rules between the parts.
    const branch = questions(
      'Statenvragen van de ChristenUnie Statenfractie Drenthe aan het college van GS ex artikel 40 RvO over de busverbinding naar Zweeloo',
    );
    assert.deepEqual(branch.fields.partijen, ['ChristenUnie']);
    assert.equal(branch.fields.afzender, 'de ChristenUnie Statenfractie Drenthe');
    assert.equal(branch.fields.aan, 'het college van GS');
    assert.equal(branch.fields.onderwerp, 'de busverbinding naar Zweeloo');
  });

  it('reads a member written with a capital ("Statenlid X") as the indiener, and keeps a title\'s subject over the lead\'s', () => {
    const got = questions(
      'Vragen over de waterkwaliteit',
      'Schriftelijke vragen van Statenlid Anna de Vries over de kwaliteit van het zwemwater.',
    );
    assert.deepEqual(got.fields.indieners, ['Anna de Vries']);
    assert.equal(got.fields.onderwerp, 'de waterkwaliteit');
    assert.equal(got.fields.afzender, undefined);
  });
});
