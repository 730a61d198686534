// "(ingezonden 8 februari 2019, nr. 2019Z02475)": the number the questions were registered under, after the day they were
// sent in, is their kenmerk; the date still dates them (issue 20, session 17, rules31). Invented examples only.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';

describe('documents: the registered number beside "ingezonden"', () => {
  it('reads date and number from a Kamervragen head and from the head of its answers', () => {
    const asked = parseDocument(
      [
        'Vragen van het lid Verhoef (Groen) aan de minister van Bosbeheer over de bomenkap in Zandmeer (ingezonden 3 maart 2025, nr. 2025Z04117).',
        '',
        'Vraag 1',
        'Kent u het bericht over de bomenkap?',
      ].join('\n'),
    );
    assert.equal(asked.fields.datum, '2025-03-03');
    assert.equal(asked.fields.ingekomen, '2025-03-03');
    assert.equal(asked.fields.kenmerk, '2025Z04117');

    const answered = parseDocument(
      [
        'Antwoorden Vragen van de leden Verhoef (Groen) en Bakker (Midden) aan de minister van Bosbeheer over de bomenkap in Zandmeer. (ingezonden 3 maart 2025, nr. 2025Z04117)',
        '',
        'Vraag 1',
        'Kent u het bericht over de bomenkap?',
        '',
        'Antwoord op vraag 1',
        'Ja.',
      ].join('\n'),
    );
    assert.equal(answered.fields.datum, '2025-03-03');
    assert.equal(answered.fields.kenmerk, '2025Z04117');
    assert.deepEqual(answered.fields.indieners, ['Verhoef', 'Bakker']);
  });
});
