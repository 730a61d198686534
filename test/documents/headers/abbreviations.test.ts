// A title or another abbreviation before a name ("dhr. Staghouwer", "drs. A. Bakker") ends no sentence: a header's value
// that holds one is still a name or a subject, not running text (issue 20, session 17, rules31). Invented examples only.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';
import { plausible } from '../../../server/documents/parse/values';

describe('documents: abbreviations inside a header value', () => {
  it('takes a value with a title before a name, not one with two sentences', () => {
    assert.equal(plausible('onderwerp', 'het bezoek van dhr. Verhoef aan de nieuwe stal'), true);
    assert.equal(plausible('aan', 'mevr. drs. A. Bakker'), true);
    assert.equal(plausible('onderwerp', 'de stal in Zandmeer. De raad wil weten'), false);
    assert.equal(plausible('onderwerp', 'het overleg is voorbij. Graag horen wij'), false);
  });

  it('reads the subject of a questions head that names someone by his title', () => {
    const doc = parseDocument(
      [
        'Zandmeer, 3 maart 2025',
        '',
        'Betreft: Statenvragen van de Partij voor de Dieren Statenfractie Zandmeer aan het college van GS betreffende het bezoek van dhr. Verhoef aan de nieuwe stal.',
        '',
        'Geacht college,',
        '',
        '1. Is het college op de hoogte van het bezoek?',
        '2. Was dhr. Verhoef daar als gedeputeerde?',
      ].join('\n'),
    );
    assert.equal(doc.type, 'schriftelijke-vragen');
    assert.equal(doc.fields.onderwerp, 'het bezoek van dhr. Verhoef aan de nieuwe stal');
  });
});
