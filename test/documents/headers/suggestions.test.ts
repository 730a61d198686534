// Abstaining with a suggestion (issue 20, session 14): a field read from evidence that was too often wrong on fresh
// documents (parse/confidence.ts SUGGEST_BELOW: the title line as onderwerp, a letterhead's organisation as afzender)
// is not filled in but offered, with where it was read; a letterhead whose own address is in the place it names
// gives its organisation as afzender. On documents written for the test.
import assert from 'node:assert/strict';
import { scoreDocument } from '../../../server/documents/evaluation';
import { parseDocument } from '../../../server/documents/parse';
import { confidenceOf, SUGGEST_BELOW } from '../../../server/documents/parse/confidence';
import { BANKJES_MOTIE } from '../../helpers/documents';

const letter = (address: string, signature = 'Team Openbare Ruimte') =>
  [
    'Gemeente Oosterlo',
    '',
    address,
    '',
    'Aan de leden van de gemeenteraad',
    '',
    'Datum: 5 maart 2024',
    'Onderwerp: Nieuwe speeltuin',
    '',
    'Geachte leden van de raad,',
    '',
    'Het college heeft besloten om in het voorjaar een nieuwe speeltuin aan te leggen aan de Dorpsstraat, naast de school.',
    '',
    'Met vriendelijke groet,',
    '',
    signature,
  ].join('\n');

describe('documents: abstaining with a suggestion', () => {
  it('offers the title line as onderwerp instead of filling it in, with the line it stands on', () => {
    const doc = parseDocument(BANKJES_MOTIE);
    assert.equal(doc.type, 'motie');
    assert.equal(doc.fields.onderwerp, undefined);
    assert.deepEqual(doc.suggestions, [{ key: 'onderwerp', value: 'Bankjes in het Wilhelminapark', evidence: 'title', line: 0 }]);
    // The fields read from better evidence are filled in as before.
    assert.equal(doc.fields.datum, '2023-07-03');
    assert.deepEqual(doc.fields.indieners, ['Piet Jansen']);
  });

  it('offers a letterhead’s organisation as afzender, but fills it in when the letterhead’s address is in its place', () => {
    const elsewhere = parseDocument(letter('Postbus 12, 7701 AA Dedemsvaart'));
    assert.equal(elsewhere.fields.afzender, undefined);
    assert.deepEqual(elsewhere.suggestions, [{ key: 'afzender', value: 'Gemeente Oosterlo', evidence: 'letterhead', line: 0 }]);
    const own = parseDocument(letter('Postbus 12, 7701 AA OOSTERLO'));
    assert.equal(own.fields.afzender, 'Gemeente Oosterlo');
    assert.equal(own.evidence.afzender, 'letterhead-address');
    assert.deepEqual(own.suggestions, []);
    // A province is named after its region, not the place of its office: never confirmed by its address.
    const province = parseDocument(letter('Postbus 12, 7701 AA Oosterlo').replace('Gemeente Oosterlo', 'Provincie Oosterlo'));
    assert.equal(province.fields.afzender, undefined);
  });

  it('takes the college that signs as afzender over a letterhead’s organisation that is only offered', () => {
    const signed = parseDocument(letter('Postbus 12, 7701 AA Dedemsvaart', 'Burgemeester en wethouders van Oosterlo'));
    assert.equal(signed.fields.afzender, 'Burgemeester en wethouders van Oosterlo');
    assert.equal(signed.evidence.afzender, 'signature');
    assert.deepEqual(signed.suggestions, []);
    // A letterhead its own address confirms stays the sender.
    const own = parseDocument(letter('Postbus 12, 7701 AA OOSTERLO', 'Burgemeester en wethouders van Oosterlo'));
    assert.equal(own.fields.afzender, 'Gemeente Oosterlo');
  });

  it('takes who signs as afzender over the letterhead’s organisation (questions on the municipality’s paper)', () => {
    const text = [
      'Gemeente Oosterlo',
      '',
      'Datum: 2 mei 2024',
      'Onderwerp: Proef met een windmolen op de gemeentewerf',
      '',
      'Geacht college,',
      '',
      'Op de gemeentewerf heeft een jaar lang een windmolen gestaan; de raad hoorde sindsdien niets meer over de proef.',
      '',
      'Is het college bereid de raad en de inwoners te informeren over de uitkomst van de proef?',
      '',
      'Namens de fractie Dorpsbelangen Oosterlo',
      'A. de Boer',
    ].join('\n');
    const doc = parseDocument(text);
    assert.equal(doc.fields.afzender, 'de fractie Dorpsbelangen Oosterlo');
    assert.equal(doc.evidence.afzender, 'signature');
    assert.deepEqual(doc.suggestions, []);
    assert.equal(doc.lines[0].role, 'letterhead');
    // Without a signature the letterhead's organisation is only offered.
    const unsigned = parseDocument(text.replace('Namens de fractie Dorpsbelangen Oosterlo\nA. de Boer', 'Met vriendelijke groet.'));
    assert.equal(unsigned.fields.afzender, undefined);
    assert.deepEqual(unsigned.suggestions, [{ key: 'afzender', value: 'Gemeente Oosterlo', evidence: 'letterhead', line: 0 }]);
  });

  it('puts the threshold between the kinds of evidence it abstains on and the rest', () => {
    assert.ok(confidenceOf('onderwerp', 'title') < SUGGEST_BELOW);
    assert.ok(confidenceOf('afzender', 'letterhead') < SUGGEST_BELOW);
    for (const [key, evidence] of [
      ['onderwerp', 'label'],
      ['onderwerp', 'prose'],
      ['afzender', 'signature'],
      ['afzender', 'letterhead-address'],
      ['kenmerk', 'title'],
    ] as const)
      assert.ok(confidenceOf(key, evidence) >= SUGGEST_BELOW, `${key}/${evidence}`);
  });

  it('scores a suggestion as neither found nor wrong, and counts whether it was right', () => {
    const doc = parseDocument(BANKJES_MOTIE);
    const right = scoreDocument(doc, { type: 'motie', fields: { onderwerp: 'Bankjes in het Wilhelminapark' }, questions: [] });
    assert.deepEqual([right.fieldsFound, right.fieldsReported, right.suggestions, right.suggestionsRight], [0, 3, 1, 1]);
    const wrong = scoreDocument(doc, { type: 'motie', fields: { onderwerp: 'Bankjes' }, questions: [] });
    assert.equal(wrong.fieldsWrong, right.fieldsWrong);
    assert.deepEqual([wrong.suggestions, wrong.suggestionsRight], [1, 0]);
  });
});
