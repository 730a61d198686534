// Header fields of documents from sources the recogniser has never seen (issue 20, session 16, rules29): parties as a
// small grammar and lexicon, who asks and to whom in the opening's sentences, signers written "Name Party", and a
// municipal motie's number, title and outcome. Invented examples only.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';
import { isParty, partiesActing } from '../../../server/documents/parse/parties';
import { fractionAsks, memberAsking, questionsPutTo } from '../../../server/documents/parse/question-heads';
import { nameThenParty, pairsRunTogether } from '../../../server/documents/parse/signatures';

const QUESTIONS = ['1. Is het college bekend met de klachten van omwonenden?', '2. Welke maatregelen neemt het college, en wanneer?'];
const questions = (...head: string[]) => parseDocument([...head, '', ...QUESTIONS].join('\n'));

const considerations = [
  'De raad van de gemeente Zandmeer, in vergadering bijeen op 12 maart 2024,',
  '',
  'Constaterende dat:',
  '- het park aan de Dijk geen bankjes heeft;',
  '',
  'Verzoekt het college om:',
  '- voor de zomer drie bankjes te plaatsen,',
  '',
  'en gaat over tot de orde van de dag.',
];

describe('documents: parties, who asks and municipal moties from new sources', () => {
  it('knows the national parties and the shapes of local party names', () => {
    for (const name of ['BVNL', 'Belang van Nederland', 'GL', 'JA21', 'Partij voor de Dieren', 'ChristenUnie', 'GroenLinks-PvdA'])
      assert.ok(isParty(name), name);
    // Local shapes: a party word before or after a place, or glued onto one word.
    for (const name of ['STERK Zandmeer', 'Sterk Zandmeer', 'Liberaal Zandmeer', 'Zandmeer Verstandig', 'Dorpsbelangen Zandmeer'])
      assert.ok(isParty(name), name);
    for (const name of ['GemeenteBelangen', 'Inwonersbelangen', 'ZMLokaal', 'Burgerpartij Zandmeer', 'Stadspartij'])
      assert.ok(isParty(name), name);
    // A word alone, a person and a sentence are no party.
    for (const name of ['Belang', 'Lokaal', 'Anna de Vries', 'Het college', 'Fietsersbond']) assert.ok(!isParty(name), name);
  });

  it('reads who asks from a paragraph with a bar and a year in it, also as a council fraction ("PvdA-raadsfractie")', () => {
    assert.deepEqual(partiesActing('Daarom heeft de Zandmeerse PvdA-raadsfractie de volgende vragen gesteld:'), ['PvdA']);
    assert.deepEqual(partiesActing('Hierover stelt de SP statenfractie de volgende vragen.'), ['SP']);
    // "Bibliotheek | Leescentrum" and "2017 de" in running text make no address line of the letterhead.
    const got = questions(
      'Vragen over de sluiting van de bibliotheek',
      '',
      'Het college heeft besloten per 1 juli 2017 de bibliotheek te laten beheren door Bibliotheek | Leescentrum. Daarover heeft de PvdA-raadsfractie de volgende vragen gesteld aan het college:',
    );
    assert.deepEqual(got.fields.partijen, ['PvdA']);
  });

  it('reads a signer written "Name Party" with only a space, and parties and names run together', () => {
    assert.deepEqual(nameThenParty('Anna Bakker SP'), { name: 'Anna Bakker', party: 'SP' });
    assert.deepEqual(nameThenParty('Piet de Groot Partij voor de Dieren'), { name: 'Piet de Groot', party: 'Partij voor de Dieren' });
    assert.deepEqual(nameThenParty('Els Smit STERK Zandmeer'), { name: 'Els Smit', party: 'STERK Zandmeer' });
    // A name whose last words read as a local party's shape ("Groen Vermeer") stays a name.
    assert.equal(nameThenParty('Anna Maria Groen Vermeer'), null);
    assert.equal(nameThenParty('Anna Bakker'), null);
    assert.deepEqual(pairsRunTogether('CDA, Jan de Boer Leefbaar Zandmeer, Els Smit'), [
      { name: 'Jan de Boer', party: 'CDA' },
      { name: 'Els Smit', party: 'Leefbaar Zandmeer' },
    ]);
    assert.equal(pairsRunTogether('Jan de Boer, Els Smit, Piet Jansen'), null);

    const columns = parseDocument(
      [
        'Motie: Bankjes in het park',
        '',
        ...considerations,
        '',
        'Anna Bakker SP',
        '',
        'Piet de Groot Partij voor de Dieren',
        '',
        'Status',
      ].join('\n'),
    );
    assert.deepEqual(columns.fields.indieners, ['Anna Bakker', 'Piet de Groot']);
    assert.deepEqual(columns.fields.partijen, ['SP', 'Partij voor de Dieren']);

    const together = parseDocument(
      ['Motie: Bankjes in het park', '', ...considerations, '', 'Namens de fracties', '', 'CDA, Jan de Boer STERK Zandmeer, Els Smit'].join(
        '\n',
      ),
    );
    assert.deepEqual(together.fields.indieners, ['Jan de Boer', 'Els Smit']);
    assert.deepEqual(together.fields.partijen, ['CDA', 'STERK Zandmeer']);
  });

  it('reads parties side by side as one subject, and the party the college is asked to agree with', () => {
    assert.deepEqual(partiesActing('De Partij voor de Dieren en GroenLinks vinden dit essentieel.'), [
      'Partij voor de Dieren',
      'GroenLinks',
    ]);
    assert.deepEqual(partiesActing('Daarom hebben de SP en de VVD hierover de volgende vragen:'), ['SP', 'VVD']);
    assert.deepEqual(partiesActing('Is het college het met BVNL eens dat de wegen slecht zijn?'), ['BVNL']);
    // Two sentences that name different parties: unclear who asks.
    assert.deepEqual(partiesActing('De VVD vindt dit goed. Het CDA vindt dit slecht.'), []);
    // The paragraphs above the questions say who asks; a party inside a question does not make it unclear.
    const got = parseDocument(
      [
        'Schriftelijke vragen over de bushalte',
        '',
        'De Partij voor de Dieren stelt daarom vragen over de bushalte.',
        '',
        '1. Het CDA heeft in 2013 vragen gesteld over de bushalte. Hoe staat het daarmee?',
        '2. Is het college het met ons eens?',
      ].join('\n'),
    );
    assert.deepEqual(got.fields.partijen, ['Partij voor de Dieren']);
    // The party as the subject is who asks; whether it is the sender the labels of the corpus differ on: no afzender.
    assert.equal(got.fields.afzender, undefined);
    // Only a question names the party: it is the one that asks.
    const inside = parseDocument(
      ['1. Is het college het met GemeenteBelangen eens dat het park te klein is?', '2. Wat gaat u doen?'].join('\n'),
    );
    assert.deepEqual(inside.fields.partijen, ['GemeenteBelangen']);
  });

  it('reads who asks from the asking sentence: a party with its article, the passive, a member', () => {
    assert.deepEqual(fractionAsks('De SP-fractie heeft de volgende vragen:'), { party: 'SP' });
    assert.deepEqual(fractionAsks('De volgende vragen zijn door de fractie Dorpslijst Zandmeer gesteld.'), {
      afzender: 'de fractie Dorpslijst Zandmeer',
      party: 'Dorpslijst Zandmeer',
    });
    // A headline without the article ("ZMLokaal stelt vragen …") names who asks, not the sender.
    assert.equal(fractionAsks('ZMLokaal stelt vragen aan het college over de kermis.'), null);
    assert.deepEqual(memberAsking('Anna de Vries van GroenLinks vraagt aan GS naar de stand van zaken.'), {
      name: 'Anna de Vries',
      party: 'GroenLinks',
    });
    assert.deepEqual(memberAsking('Raadslid Jan Pieter Smit stelt daarom de onderstaande vragen.'), { name: 'Jan Pieter Smit' });
    // The fraction of its chairman asks, not the chairman.
    assert.equal(memberAsking('De fractie van fractievoorzitter Jan Smit stelt daarom de volgende vragen.'), null);
    const passive = questions('Schriftelijke vragen', '', 'De volgende vragen zijn door de fractie PvdA Zandmeer gesteld.');
    assert.equal(passive.fields.afzender, 'de fractie PvdA Zandmeer');
    assert.deepEqual(passive.fields.partijen, ['PvdA']);
  });

  it('reads to whom the opening puts the questions, and abstains when it names two', () => {
    assert.equal(questionsPutTo('Daarom hebben wij de volgende vragen gesteld aan het college:'), 'het college');
    assert.equal(questionsPutTo('De vragen hebben wij nu schriftelijk voorgelegd aan het college. De vragen zijn:'), 'het college');
    assert.equal(
      questionsPutTo('Naar aanleiding hiervan heeft de SP de volgende vragen aan het college van\nGedeputeerde Staten:'),
      'het college van Gedeputeerde Staten',
    );
    assert.equal(questionsPutTo('Anna de Vries vraagt aan GS naar de stand van zaken.'), 'GS');
    assert.equal(questionsPutTo('Onze fractie wil het college hierover in de raadsvergadering de volgende vragen stellen:'), 'het college');
    // No body ("aan u"), or two different ones: nothing.
    assert.equal(questionsPutTo('Wij leggen de volgende vragen aan u voor.'), null);
    assert.equal(questionsPutTo('Wij stelden eerder vragen aan de burgemeester. Nu stellen wij vragen aan het college.'), null);
    const got = questions('Vuurwerk in het dorp', '', 'Daarom hebben wij de volgende vragen gesteld aan het college:');
    assert.equal(got.fields.aan, 'het college');
    // A letter that mentions questions put to a minister has no addressee from that sentence.
    const letter = parseDocument(
      [
        'Geachte voorzitter,',
        '',
        'Eerder zijn er vragen gesteld aan de minister van Financiën.',
        '',
        'Met vriendelijke groet,',
        '',
        'Jan de Boer',
      ].join('\n'),
    );
    assert.notEqual(letter.fields.aan, 'de minister van Financiën');
  });

  it('reads "Mondelinge vragen N, D", a closing "Indiener, Name" and keeps a history of askings undated', () => {
    const got = questions('Mondelinge vragen Raadsbrief Parkeren', '', 'Mondelinge vragen 7, 12 maart 2024', '', 'Indiener, Anna de Vries');
    assert.equal(got.fields.onderwerp, 'Raadsbrief Parkeren');
    assert.equal(got.fields.kenmerk, '7');
    assert.equal(got.fields.datum, '2024-03-12');
    const signed = parseDocument([...QUESTIONS, '', 'Indiener, Anna de Vries'].join('\n'));
    assert.deepEqual(signed.fields.indieners, ['Anna de Vries']);
    const history = questions(
      'Laadpalen',
      '',
      'Dorpsbelangen heeft op 11 oktober 2021 vragen gesteld over laadpalen. Op 22 oktober 2021 is deze vraag wederom gesteld.',
    );
    assert.equal(history.fields.datum, undefined);
  });

  it("reads a register's record whose labels are glued to their values, and its date written month first", () => {
    const record = [
      'Moties',
      '',
      'Datum3/12/2024',
      'AgendapuntRaadsvergadering 12-03-2024 > 5 Begroting',
      'TitelMotie 7 Bankjes in het park',
      'RaadsledenAnna de Vries (D66)',
      'Piet Smit (CDA)',
      'PortefeuillehouderKees Bakker',
      'ToelichtingConstaterende dat: • het park geen bankjes heeft.',
    ];
    const got = parseDocument(record.join('\n'));
    assert.equal(got.type, 'motie');
    assert.equal(got.fields.onderwerp, 'Bankjes in het park');
    assert.deepEqual(got.fields.indieners, ['Anna de Vries', 'Piet Smit']);
    assert.deepEqual(got.fields.partijen, ['D66', 'CDA']);
    // "3/12/2024" is 12 March: the record names the meeting as "12-03-2024".
    assert.equal(got.fields.datum, '2024-03-12');
    // Without the day confirmed elsewhere the date is read as Dutch dates are written.
    const unconfirmed = parseDocument(record.map((l) => l.replace('12-03-2024', 'de raad')).join('\n'));
    assert.equal(unconfirmed.fields.datum, '2024-12-03');
    // Two glued lines are no record: "Datum3/12/2024" stays text.
    assert.equal(parseDocument(['Datum3/12/2024', 'TitelMotie 7 Bankjes', '', 'Tekst van de pagina.'].join('\n')).fields.datum, undefined);
  });

  it('reads a local fraction by its party, and no subject from an exclaiming headline', () => {
    const local = questions('Zandmeerse SGP-fractie stelt vragen over de hondenpoep', '', 'Wij hebben de volgende vragen.');
    assert.deepEqual(local.fields.partijen, ['SGP']);
    assert.equal(local.fields.onderwerp, 'de hondenpoep');
    // The subject of the clause that asks: a party the lexicon knows, or names joined by a slash.
    assert.deepEqual(questions('College durft niet aan een verbod, ZDP/Hart stelt vragen').fields.partijen, ['ZDP/Hart']);
    assert.deepEqual(questions('Kermis te lang, Dorpsbelangen stelt vragen').fields.partijen, ['Dorpsbelangen']);
    assert.equal(questions('Kermis te lang, Jansen stelt vragen').fields.partijen, undefined);
    const exclaiming = questions('Schriftelijke vragen PvdA Zandmeer gevaar kunstgras!');
    assert.equal(exclaiming.fields.onderwerp, undefined);
  });

  it("reads a municipal motie's number, title and outcome from its head", () => {
    const numbered = parseDocument(['Motie (M 12) “Bankjes in het park”', '', ...considerations].join('\n'));
    assert.equal(numbered.fields.kenmerk, 'M 12');
    // A motie's own title shape is filled in, not only suggested.
    assert.equal(numbered.fields.onderwerp, 'Bankjes in het park');
    // A number in Roman numerals is no kenmerk (a kenmerk holds a digit), but no part of the title either.
    const roman = parseDocument(['Motie IV Bankjes in het park', '', ...considerations].join('\n'));
    assert.equal(roman.fields.kenmerk, undefined);
    assert.equal(roman.fields.onderwerp, 'Bankjes in het park');
    const rejected = parseDocument(['Motie bankjes (verworpen)', '', ...considerations].join('\n'));
    assert.equal(rejected.fields.onderwerp, 'bankjes');
    assert.equal(rejected.fields.status, 'verworpen');
    const register = parseDocument(
      [
        'Anna de Vries diende de motie namens het CDA in welke door de raad van Zandmeer is aangenomen!',
        '',
        'Programma: 2.1 Openbare ruimte 2024-012M',
        'Motie Bankjes in het park',
        '',
        ...considerations,
      ].join('\n'),
    );
    assert.equal(register.fields.kenmerk, '2024-012M');
    assert.equal(register.fields.status, 'aangenomen');
    // An expectation is no outcome; a headline with the outcome inside is no title.
    const expected = parseDocument(
      [
        'Wij dienen de motie in die naar verwachting is aangenomen door de raad.',
        '',
        'Motie Bankjes in het park',
        '',
        ...considerations,
      ].join('\n'),
    );
    assert.equal(expected.fields.status, undefined);
    const headline = parseDocument(['Motie bankjes verworpen, coalitie tegen', '', ...considerations].join('\n'));
    assert.equal(headline.fields.onderwerp, undefined);
  });
  it('reads a local party whose small words are written with a capital, and a place name only up to its last capitalised word', () => {
    for (const name of ['Hart Voor Zandmeer', 'Trots Op Zandmeer', 'Echt Voor Zandmeer', 'Leefbaar Capelle aan den IJssel'])
      assert.ok(isParty(name), name);
    assert.deepEqual(partiesActing('Geacht college, naar aanleiding van de branden heeft Hart Voor Zandmeer de volgende vragen:'), [
      'Hart Voor Zandmeer',
    ]);
    assert.ok(!isParty('Hart Voor Zandmeer de'));
  });
  it('reads a function in brackets after a signer as her function, not as a party', () => {
    const signedBy = (signer: string) =>
      parseDocument(
        ['Geacht college,', '', 'Onze fractie heeft de volgende vragen:', '', ...QUESTIONS, '', 'Met vriendelijke groet,', '', signer].join(
          '\n',
        ),
      );
    const signed = signedBy('Anna de Vries (Burgerlid)');
    assert.deepEqual(signed.signers, ['Anna de Vries']);
    assert.equal(signed.fields.partijen, undefined);
    assert.deepEqual(signedBy('Anna de Vries (Zandpartij)').fields.partijen, ['Zandpartij']);
  });
});
