// Who asks, read from the sender and from the fraction acting (issue 20, session 20): a member with a party as the
// sender ("Van: Anna Bakker (SGP)"), a party's fraction as the sender, and "de fractie van X" as the subject of the
// opening's sentences. Invented examples only.
import assert from 'node:assert/strict';
import { MOTIE_BODY } from '../../helpers/documents';
import { parseDocument } from '../../../server/documents/parse';
import { fractionParty, isParty, partiesActing } from '../../../server/documents/parse/parties';
import { partiesOf } from '../../../server/documents/parse/signatures';

const QUESTIONS = ['1. Is het college bekend met de klachten van omwonenden?', '2. Welke maatregelen neemt het college, en wanneer?'];
const questions = (...head: string[]) => parseDocument([...head, '', ...QUESTIONS].join('\n'));

describe('documents: who asks, from the sender and the fraction acting', () => {
  it('reads a member with a party as sender as the one who asks and the party', () => {
    const got = questions(
      'Schriftelijke vragen (art. 39 RvO)',
      'Datum: 17 november 2022',
      'Van: Anna Bakker (SGP)',
      'Onderwerp: Bankjes in het Dijkpark',
    );
    assert.equal(got.type, 'schriftelijke-vragen');
    assert.equal(got.fields.afzender, 'Anna Bakker (SGP)');
    assert.deepEqual(got.fields.indieners, ['Anna Bakker']);
    assert.deepEqual(got.fields.partijen, ['SGP']);
    // Two members of two parties.
    const two = questions('Schriftelijke vragen', 'Van: Anna Bakker (SGP) en Piet de Groot (CDA)', 'Onderwerp: Bankjes');
    assert.deepEqual(two.fields.indieners, ['Anna Bakker', 'Piet de Groot']);
    assert.deepEqual(two.fields.partijen, ['SGP', 'CDA']);
  });

  it("reads a party's fraction as sender as the party, never a local party of several words", () => {
    assert.equal(fractionParty('de fractie van de PvdA'), 'PvdA');
    assert.equal(fractionParty('De SP-fractie'), 'SP');
    assert.equal(fractionParty('Fractie GroenLinks,'), 'GroenLinks');
    assert.equal(fractionParty('PVV Zandmeer'), 'PVV');
    assert.equal(fractionParty('Stadspartij'), 'Stadspartij');
    // Whether the place is part of a local party's name is the party's choice: not told by the sender alone.
    assert.equal(fractionParty('de fractie Dorpsbelangen Zandmeer'), null);
    assert.equal(fractionParty('Fietsersbond Zandmeer'), null);
    assert.equal(fractionParty('het college van burgemeester en wethouders'), null);
    const got = questions('Schriftelijke vragen', 'Van: de fractie van de PvdA', 'Onderwerp: Bankjes in het Dijkpark');
    assert.deepEqual(got.fields.partijen, ['PvdA']);
    assert.equal(got.fields.indieners, undefined);
  });

  it('reads "de fractie van X" as the subject of a sentence or as who asks', () => {
    assert.deepEqual(partiesActing('De fractie van de Partij voor de Dieren heeft de bijeenkomst online gevolgd.'), [
      'Partij voor de Dieren',
    ]);
    assert.deepEqual(partiesActing('In de afgelopen jaren heeft de fractie van de PvdA u vragen gesteld over geluid.'), ['PvdA']);
    // Inside a sentence about something else the fraction does not act.
    assert.deepEqual(partiesActing('Wij delen de zorg van de fractie van de PvdA over het geluid.'), []);
    const got = questions(
      'Vragen over de bijeenkomst over de wolf',
      '',
      'Geachte voorzitter,',
      '',
      'Op 3 oktober vond in Zandmeer een bijeenkomst plaats over de wolf. De fractie van de Partij voor de Dieren heeft deze bijeenkomst gevolgd.',
    );
    assert.deepEqual(got.fields.partijen, ['Partij voor de Dieren']);
  });

  it('reads a joint list of two national parties as one party, and a list of fractions as parties, no persons', () => {
    assert.ok(isParty('PvdA/GroenLinks'));
    assert.ok(isParty('ChristenUnie/SGP'));
    // Two other parties with a slash between them may be two parties side by side.
    assert.ok(!isParty('CDA/VVD'));
    assert.deepEqual(partiesOf('Fractie PvdA/GroenLinks'), ['PvdA/GroenLinks']);
    const motie = parseDocument(
      ['Motie bankjes in het Dijkpark', 'Ingediend door: Fracties van de PvdA/GL, CDA en SGP', '', ...MOTIE_BODY].join('\n'),
    );
    assert.equal(motie.type, 'motie');
    assert.deepEqual(motie.fields.partijen, ['PvdA/GL', 'CDA', 'SGP']);
    assert.equal(motie.fields.indieners, undefined);
  });
});
