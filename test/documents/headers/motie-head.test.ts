// A motie's own fields read by the grammar of a motie's shapes (parse/motie-head.ts, issue 20, session 13): each
// rule on a motie written for the test in the shape municipal and Kamer moties take, and each rule's abstention.
import assert from 'node:assert/strict';
import { MOTIE_BODY } from '../../helpers/documents';
import { parseDocument, type ParsedDocument } from '../../../server/documents/parse';

/**
 * A value offered as a suggestion and not filled in (parse/confidence.ts SUGGEST_BELOW); "filled: …" when it was filled
 * in (a motie's own title shape is evidence of its own, "motie-title", filled in since session 16).
 */
const suggested = (d: ParsedDocument, key: string) =>
  d.fields[key] === undefined ? d.suggestions.find((s) => s.key === key)?.value : `filled: ${String(d.fields[key])}`;

const considerations = [
  'Constaterende dat:',
  '- het park aan de Dijk geen bankjes heeft;',
  '',
  'Overwegende dat:',
  '- ouderen er graag even zitten;',
  '',
  'Verzoekt het college om:',
  '- voor de zomer drie bankjes te plaatsen,',
  '',
  'en gaat over tot de orde van de dag.',
];

describe('documents: a motie read by its shapes', () => {
  it('reads the title after "Motie:" and the date of the meeting line, which stays in the text', () => {
    const got = parseDocument(
      [
        'Motie: Bankjes in het park',
        '',
        'De gemeenteraad van Dorp bijeen op donderdag 4 maart 2021 ter bespreking van de begroting 2022',
        '',
        ...considerations,
      ].join('\n'),
    );
    assert.equal(got.type, 'motie');
    assert.equal(got.fields.onderwerp, 'Bankjes in het park');
    assert.equal(got.fields.datum, '2021-03-04');
    assert.match(got.body, /bijeen op donderdag 4 maart 2021 ter bespreking/);
  });

  it('joins a meeting line broken after the town, and abstains on a meeting of two days', () => {
    const broken = parseDocument(
      [
        'De gemeenteraad van Dorp,',
        'in vergadering bijeen op dinsdag 9 juni 2022 ter bespreking van de voorjaarsnota; Overwegende dat:',
        '',
        ...considerations.slice(4),
      ].join('\n'),
    );
    assert.equal(broken.fields.datum, '2022-06-09');
    const twoDays = parseDocument(
      ['De raad van de gemeente Dorp in vergadering bijeen d.d. 8 en 10 juni 2022;', '', ...considerations].join('\n'),
    );
    assert.equal(twoDays.type, 'motie');
    assert.equal(twoDays.fields.datum, undefined);
  });

  it('reads the parties in brackets after the title, and the outcome a headline states with the party', () => {
    const bracket = parseDocument(
      [
        'Motie Bankjes in het park ( CDA D66 VVD)',
        '',
        'De gemeenteraad van Dorp, in vergadering bijeen op 4 maart 2021;',
        '',
        ...considerations,
      ].join('\n'),
    );
    assert.equal(suggested(bracket, 'onderwerp'), 'filled: Bankjes in het park');
    assert.deepEqual(bracket.fields.partijen, ['CDA', 'D66', 'VVD']);
    const headline = parseDocument(
      ['Eindelijk bankjes! Aangenomen motie Partij Vrij Dorp', '', 'Titel motie: bankjes in het park', '', ...considerations].join('\n'),
    );
    assert.equal(headline.fields.onderwerp, 'bankjes in het park');
    assert.equal(headline.fields.status, 'aangenomen');
    assert.deepEqual(headline.fields.partijen, ['Partij Vrij Dorp']);
  });

  it('takes the subject after "inzake" and an outcome at the end of the title; a line in capitals beside "MOTIE"', () => {
    const about = parseDocument(['Motie VVD inzake bankjes in het park verworpen', '', ...considerations].join('\n'));
    assert.equal(suggested(about, 'onderwerp'), 'filled: bankjes in het park');
    assert.equal(about.fields.status, 'verworpen');
    const capitals = parseDocument(
      [
        'MOTIE',
        '',
        'BANKJES IN HET PARK',
        '',
        'De raad van de gemeente Dorp, in vergadering bijeen op 4 maart 2021,',
        '',
        ...considerations,
      ].join('\n'),
    );
    assert.equal(suggested(capitals, 'onderwerp'), 'filled: BANKJES IN HET PARK');
  });

  it('reads signers as "Name, Party" lines, a "Namens:" line of parties, and "Fracties A en B" under a place and date', () => {
    const columns = parseDocument(
      ['Motie: Bankjes in het park', '', ...considerations, '', 'Anna de Vries, GroenLinks', 'Kees Bakker, D66'].join('\n'),
    );
    assert.deepEqual(columns.fields.indieners, ['Anna de Vries', 'Kees Bakker']);
    assert.deepEqual(columns.fields.partijen, ['GroenLinks', 'D66']);
    const namens = parseDocument(['Motie: Bankjes in het park', '', ...considerations, '', 'Namens: BDP – CDA - D66'].join('\n'));
    assert.deepEqual(namens.fields.partijen, ['BDP', 'CDA', 'D66']);
    const fracties = parseDocument(
      ['Motie: Bankjes in het park', '', ...considerations, '', 'Dorp, 4 maart 2021', '', 'Fracties CDA en DorpsBelang'].join('\n'),
    );
    assert.deepEqual(fracties.fields.partijen, ['CDA', 'DorpsBelang']);
  });

  it('reads "Name (Party)" under the formula, and "Name, Party" lines apart under a label "Ondertekening en naam:"', () => {
    const bracket = parseDocument(
      ['Motie: Bankjes in het park', '', ...considerations, '', ' ', '', 'Jan Pieter de Boer (SGP)'].join('\n'),
    );
    assert.deepEqual(bracket.fields.indieners, ['Jan Pieter de Boer']);
    assert.deepEqual(bracket.fields.partijen, ['SGP']);
    const apart = parseDocument(
      [
        'Motie: Bankjes in het park',
        '',
        ...considerations,
        '',
        'Ondertekening en naam:',
        '',
        'Anna de Vries, Partij voor de Dieren',
        '',
        'Kees Bakker, PvdA',
        'Lotte Smit, PvdA',
        '',
        'Lees ook onze andere moties',
      ].join('\n'),
    );
    assert.deepEqual(apart.fields.indieners, ['Anna de Vries', 'Kees Bakker', 'Lotte Smit']);
    assert.deepEqual(apart.fields.partijen, ['Partij voor de Dieren', 'PvdA']);
  });

  it('gives a motie signed "Namens de fractie van X," no afzender', () => {
    const got = parseDocument(
      ['Motie: Bankjes in het park', '', ...considerations, '', 'Namens de fractie van het CDA,', 'Anna de Vries'].join('\n'),
    );
    assert.equal(got.fields.afzender, undefined);
    assert.deepEqual(got.fields.indieners, ['Anna de Vries']);
  });

  it('reads a Kamer motie: all movers from its heading, every name under the closing formula, no title', () => {
    const kamer = [
      '36 999 Wijziging van de Wet op de parken',
      '',
      'Nr. 12 MOTIE VAN DE LEDEN VAN DER BERG EN JANSEN',
      '',
      'Voorgesteld tijdens het Wetgevingsoverleg van 5 oktober 2023',
      '',
      'Motie — bankjes',
      '',
      'De Kamer,',
      '',
      'gehoord de beraadslaging,',
      '',
      'verzoekt de regering gemeenten te steunen bij het plaatsen van bankjes,',
      '',
      'en gaat over tot de orde van de dag.',
      '',
      'Van der Berg',
    ].join('\n');
    const got = parseDocument(kamer);
    assert.equal(got.type, 'motie');
    assert.deepEqual(got.fields.indieners, ['Van der Berg', 'Jansen']);
    assert.equal(got.fields.datum, '2023-10-05');
    assert.equal(got.fields.onderwerp, undefined);
    const three = parseDocument(
      kamer.replace('LEDEN VAN DER BERG EN JANSEN', 'LID VAN DER BERG C.S.').replace('Van der Berg', 'Van der Berg,\nJansen\nPietersen'),
    );
    assert.deepEqual(three.fields.indieners, ['Van der Berg', 'Jansen', 'Pietersen']);
  });

  it('reads a Kamer motie flattened onto one line with its lines apart by runs of spaces: date and signers', () => {
    const got = parseDocument(
      [
        '36 999 Wijziging van de Wet op de parken  Nr. 12 MOTIE VAN HET LID JANSEN C.S.  Voorgesteld5 oktober 2023   De Kamer,',
        'gehoord de beraadslaging,  overwegende dat in veel parken geen bankjes staan en ouderen daardoor minder vaak naar buiten gaan;',
        'verzoekt de regering gemeenten te steunen bij het plaatsen van bankjes,  en gaat over tot de orde van de dag.  Jansen  Pietersen  De Groot',
      ].join('  '),
    );
    assert.equal(got.type, 'motie');
    assert.equal(got.fields.datum, '2023-10-05');
    assert.deepEqual(got.fields.indieners, ['Jansen', 'Pietersen', 'De Groot']);
    assert.equal(got.fields.onderwerp, undefined);
  });

  it('reads a motie register\'s number alone on the first line, a Kamerstuk\'s "NNNNN-VII nr. N", and an outcome the introduction reports', () => {
    const register = parseDocument(
      ['M-031', '', 'Motie - Bankjes in het park (voorheen M-120)', '', 'verzoekt het college:', '1. drie bankjes te plaatsen.'].join('\n'),
    );
    assert.equal(register.fields.kenmerk, 'M-031');
    assert.equal(suggested(register, 'onderwerp'), 'filled: Bankjes in het park');
    const record = parseDocument(
      [
        '- Nummer',
        '- 21-07',
        '- Titel',
        '- Motie 21-07 (vreemd aan de orde van de dag) inzake bankjes in het park',
        '- Status',
        '- Aangenomen',
      ].join('\n'),
    );
    assert.equal(record.type, 'motie');
    assert.equal(suggested(record, 'onderwerp'), 'filled: bankjes in het park');
    const kamerstuk = parseDocument(
      [
        'Dossier- en ondernummer',
        'Tweede Kamer2023-202436999-VII nr. 12',
        '',
        'Nr. 12 MOTIE VAN HET LID JANSEN',
        '',
        'De Kamer,',
        '',
        'gehoord de beraadslaging,',
        '',
        'verzoekt de regering bankjes te plaatsen,',
        '',
        'en gaat over tot de orde van de dag.',
        '',
        'Jansen',
      ].join('\n'),
    );
    assert.equal(kamerstuk.fields.kenmerk, '36999-VII nr. 12');
    const intro = parseDocument(
      [
        'Onze fractie diende een motie in over bankjes. Hierbij de motie zoals die unaniem is aangenomen door de raad.',
        '',
        'Motie: Bankjes in het park',
        '',
        ...considerations,
      ].join('\n'),
    );
    assert.equal(intro.fields.status, 'aangenomen');
    const unsure = parseDocument(
      ['Wij hopen dat de motie met algemene stemmen wordt aangenomen.', '', 'Motie: Bankjes in het park', '', ...considerations].join('\n'),
    );
    assert.equal(unsure.fields.status, undefined);
  });
  it('ends the dictum at "En gaan over tot de orde van de dag!" and reads signers whose local party is an acronym with small letters', () => {
    const got = parseDocument(
      [
        'Motie - Bankjes in het park',
        '',
        'De gemeenteraad van Dorp, in vergadering bijeen op 4 maart 2021,',
        '',
        ...considerations.slice(0, -1),
        'En gaan over tot de orde van de dag!',
        '',
        '  • Anna de Vries (PvdA)',
        '  • Piet Bakker (BvDo)',
        '  • Kees Smit (VVD)',
      ].join('\n'),
    );
    assert.equal(got.type, 'motie');
    assert.equal(got.fields.besluit, 'Verzoekt het college om:\n- voor de zomer drie bankjes te plaatsen');
    assert.deepEqual(got.fields.indieners, ['Anna de Vries', 'Piet Bakker', 'Kees Smit']);
    assert.deepEqual(got.fields.partijen, ['PvdA', 'BvDo', 'VVD']);
    // A word in brackets that is no acronym is no party: the list stops being read as signers with parties.
    const plainWord = parseDocument(
      [
        ...considerations.slice(0, -1),
        'En gaat hierna over tot de orde van de dag.',
        '',
        'Anna de Vries (PvdA)',
        'Piet Bakker (wethouder)',
      ].join('\n'),
    );
    assert.equal(plainWord.fields.besluit, 'Verzoekt het college om:\n- voor de zomer drie bankjes te plaatsen');
    assert.deepEqual(plainWord.fields.partijen, ['PvdA']);
  });
});

describe('documents: a motie outcome in other words, and a motie named in its introduction', () => {
  it('reads "afgewezen" as verworpen, in a title after a dash and in a site\'s "Deze motie is : Afgewezen"', () => {
    const got = parseDocument(
      [
        'Motie: Betere verlichting fietstunnel – afgewezen',
        '',
        'De fractie heeft in de raadsvergadering van 3 maart 2022 de onderstaande motie ingediend.',
        '',
        'Deze motie is : Afgewezen',
        '',
        'De gemeenteraad van Dalfsen, in vergadering bijeen op 3 maart 2022,',
        '',
        ...considerations,
      ].join('\n'),
    );
    assert.equal(got.type, 'motie');
    assert.equal(got.fields.onderwerp, 'Betere verlichting fietstunnel');
    assert.equal(got.fields.status, 'verworpen');
    const aanvaard = parseDocument(
      ['De motie is aanvaard.', '', 'De gemeenteraad van Dalfsen, in vergadering bijeen op 3 maart 2022,', '', ...considerations].join(
        '\n',
      ),
    );
    assert.equal(aanvaard.fields.status, 'aangenomen');
  });

  it('takes the name the introduction quotes for the motie as onderwerp when no title line gives one', () => {
    const got = parseDocument(
      [
        'Nieuws',
        '',
        '12/03/2021 - Iedereen wil een veilige schoolroute. Anna de Vries kreeg steun van vier fracties voor haar motie " Veilig naar school".',
        '',
        'De gemeenteraad van Dalfsen, bijeen op 11 maart 2021',
        '',
        ...considerations,
      ].join('\n'),
    );
    assert.equal(got.fields.onderwerp, 'Veilig naar school');
    // Not from a sentence that names another motie after the motie's text began.
    const none = parseDocument(
      ['De gemeenteraad van Dalfsen, bijeen op 11 maart 2021', '', ...considerations, '', 'Eerder diende zij de motie "Bankjes" in.'].join(
        '\n',
      ),
    );
    assert.notEqual(none.fields.onderwerp, 'Bankjes');
    // Nor from another motie the introduction refers to, which is not the one that follows.
    const other = parseDocument(
      [
        'Nieuws',
        '',
        '12/03/2021 - Het college voert de motie ‘Kappen met kappen’ nog altijd niet uit. Daarom vragen wij opnieuw aandacht voor de bomen.',
        '',
        'De gemeenteraad van Dalfsen, bijeen op 11 maart 2021',
        '',
        ...considerations,
      ].join('\n'),
    );
    assert.notEqual(other.fields.onderwerp, 'Kappen met kappen');
  });

  it("reads a motie register's portefeuillehouder (session 20: the motie type has the field)", () => {
    const got = parseDocument(
      ['Titel: Motie bankjes in het Dijkpark', 'Status: Aangenomen', 'Portefeuillehouder: A. de Wit', '', ...MOTIE_BODY].join('\n'),
    );
    assert.equal(got.type, 'motie');
    assert.equal(got.fields.portefeuillehouder, 'A. de Wit');
    assert.equal(got.fields.status, 'aangenomen');
  });
});
