// General rules of the recogniser (issue 20, session 10), each on a text written for the test in the
// shape real documents take: a Kamervragen head with "(ingezonden D)" on a line of its own,
// unnumbered questions each in a paragraph of their own, and a site's "Antwoorden" link above
// numbered questions.
import assert from 'node:assert/strict';
import { parseDocument } from '../../server/documents/parse';

describe('documents: general rules of the recogniser', () => {
  it('reads "(ingezonden D)" on its own line above the head as the day the questions were sent in', () => {
    const got = parseDocument(
      [
        '2024Z19001',
        '',
        '(ingezonden 21 november 2024)',
        '',
        'Vragen van het leden Jansen en Bakker (beiden CDA) aan de minister van Binnenlandse Zaken over de bereikbaarheid van gemeentehuizen.',
        '',
        '1. Bent u bekend met het bericht dat steeds meer gemeentehuizen alleen op afspraak open zijn?',
        '',
        '2. Hoeveel gemeenten hebben hun openingstijden het afgelopen jaar beperkt?',
      ].join('\n'),
    );
    assert.equal(got.type, 'schriftelijke-vragen');
    assert.equal(got.fields.datum, '2024-11-21');
    assert.equal(got.fields.ingekomen, '2024-11-21');
    assert.equal(got.fields.kenmerk, '2024Z19001');
    assert.deepEqual(got.fields.indieners, ['Jansen', 'Bakker']);
    assert.deepEqual(got.fields.partijen, ['CDA']);
    assert.equal(got.fields.onderwerp, 'de bereikbaarheid van gemeentehuizen');
    assert.equal(got.lines[2].role, 'field');
  });
});
