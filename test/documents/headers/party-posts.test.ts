// Heads of written questions as parties post them on their sites (issue 20, session 19, from round sixteen's dev
// documents): each rule on a text written for the test, and where it holds back.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';

const questions = ['', '1. Is het college bekend met de klachten?', '', '2. Wat gaat het college hieraan doen?'];

describe('documents: heads of written questions on party sites', () => {
  it('reads who asks with the verb before its subject: "Hierover heeft X de volgende vragen:", "Namens X stelt raadslid Y vragen aan …"', () => {
    const hierover = parseDocument(
      [
        'Ex Art. 47-vragen m.b.t. parkeren bij de sporthal',
        '',
        'Geacht College,',
        '',
        'Bewoners klagen al maanden over auto’s op de stoep.',
        '',
        'Hierover heeft Stadspartij Rivierstad de volgende vragen:',
        ...questions,
      ].join('\n'),
    );
    assert.equal(hierover.type, 'schriftelijke-vragen');
    assert.equal(hierover.fields.onderwerp, 'parkeren bij de sporthal');
    assert.deepEqual(hierover.fields.partijen, ['Stadspartij Rivierstad']);

    const namens = parseDocument(
      [
        'Zorgen over de markt',
        '',
        'RIVIERSTAD Namens het CDA stelt raadslid Karin Smit vragen aan burgemeester en wethouders over de kramen op het plein.',
        ...questions,
      ].join('\n'),
    );
    assert.equal(namens.fields.aan, 'burgemeester en wethouders');
    assert.deepEqual(namens.fields.partijen, ['CDA']);
    // "enkele" is how many, not who: the fraction asks.
    const enkele = parseDocument(
      ['Geacht college,', '', 'Hierover heeft de fractie van Stadspartij Rivierstad enkele vragen:', ...questions].join('\n'),
    );
    assert.deepEqual(enkele.fields.partijen, ['Stadspartij Rivierstad']);
  });

  it('reads "De fractie van X heeft de volgende vragen ingediend ter beantwoording door het college:"', () => {
    const got = parseDocument(
      [
        'Kermis moet blijven',
        '',
        'De fractie van Dorpsbelang heeft de volgende vragen ingediend ter beantwoording door het college:',
        ...questions,
      ].join('\n'),
    );
    assert.deepEqual(got.fields.partijen, ['Dorpsbelang']);
  });

  it('spells out a party written as its abbreviation where the text gives its name in full', () => {
    const partiesUnder = (from: string, asks: string) =>
      parseDocument(
        [`Van: ${from}`, '', 'Geacht college,', '', `Hierover heeft de fractie van ${asks} enkele vragen:`, ...questions].join('\n'),
      ).fields.partijen;
    assert.deepEqual(partiesUnder('Actieve Rivierstad Partij (ARP)', 'ARP'), ['Actieve Rivierstad Partij']);
    // A capitalised word in front of the name is no part of it.
    assert.deepEqual(partiesUnder('Fractie Actieve Rivierstad Partij (ARP)', 'ARP'), ['Actieve Rivierstad Partij']);
    // A party of the lexicon keeps its own short name.
    assert.deepEqual(partiesUnder('Volkspartij voor Vrijheid en Democratie (VVD)', 'de VVD'), ['VVD']);
  });

  it('takes the subject of "Betreft: schriftelijke vragen ex art.43 RvO betreffende Z", and none from a Betreft that names only the genre', () => {
    const about = parseDocument(
      ['Betreft: schriftelijke vragen ex art.43 RvO betreffende Standplaatsen tijdens de kermis', '', 'Vragen:', ...questions].join('\n'),
    );
    assert.equal(about.fields.onderwerp, 'Standplaatsen tijdens de kermis');
    // The subject after a date's "van" or after a dash.
    for (const betreft of [
      'Betreft: schriftelijke vragen ex art. 42 RvO van 12 maart 2023 inzake Parkeren in de wijk',
      'Betreft: Schriftelijke vragen ex art. 42 RvO - Parkeren in de wijk',
    ])
      assert.equal(
        parseDocument([betreft, '', 'Geacht college,', ...questions].join('\n')).fields.onderwerp,
        'Parkeren in de wijk',
        betreft,
      );
    const genreOnly = parseDocument(
      [
        'Rivierstad a/d Maas, 20-06-2019.',
        '',
        'Aan: het college van burgemeester en wethouders van de gemeente Rivierstad a/d Maas',
        '',
        'Betreft: schriftelijke vragen ex. art. 32 RvO van de gemeente Rivierstad a/d Maas.',
        '',
        'Geacht college,',
        ...questions,
      ].join('\n'),
    );
    assert.equal(genreOnly.fields.onderwerp, undefined);
    // A place with "a/d" in its name still dates the letter.
    assert.equal(genreOnly.fields.datum, '2019-06-20');
  });

  it('dates a page by its "Publicatiedatum:" when the text dates the questions to no other day', () => {
    const got = parseDocument(
      [
        'Schriftelijke vragen over zwerfafval bij scholen',
        '',
        'Publicatiedatum: 5 jul. 2019',
        '',
        'Geacht college,',
        '',
        'De ChristenUnie heeft de volgende vragen:',
        ...questions,
      ].join('\n'),
    );
    assert.equal(got.fields.datum, '2019-07-05');
    const other = parseDocument(
      [
        'Publicatiedatum: 5 jul. 2019',
        '',
        'Op 28 juni 2019 heeft de ChristenUnie vragen gesteld over zwerfafval.',
        '',
        'De ChristenUnie heeft de volgende vragen:',
        ...questions,
      ].join('\n'),
    );
    assert.equal(other.fields.datum, '2019-06-28');
  });

  it('reads the signer under the closing of a page whose paragraphs stand apart by a line of spaces between doubled breaks', () => {
    const text = [
      'Geacht college,',
      'De ChristenUnie heeft de volgende vragen:',
      '1) Is het college bekend met de klachten?',
      '2) Wat gaat het college doen?',
      'Hoogachtend,',
    ]
      .join('\n\n \n\n')
      .concat('\n\n \n\n \n\nAnna Bakker, ChristenUnie');
    assert.deepEqual(parseDocument(text).signers, ['Anna Bakker']);
    // In a text with single breaks, a name five lines under the closing is no signature.
    const single = [
      'Geacht college,',
      'De ChristenUnie heeft de volgende vragen:',
      '1) Is het college bekend met de klachten?',
      'Hoogachtend,',
    ].join('\n\n');
    assert.deepEqual(parseDocument(`${single}\n\n\n\n\n\nAnna Bakker, ChristenUnie`).signers, []);
  });

  it('reads "College van Burgemeester en Wethouders te X" above the place and date as the addressee, and not a sender\'s letterhead', () => {
    const got = parseDocument(
      [
        'College van Burgemeester en Wethouders te Rivierstad',
        '',
        'Rivierstad, 25 juli 2022',
        'Betreft: Lege pinautomaten',
        '',
        'Geacht college,',
        ...questions,
      ].join('\n'),
    );
    assert.equal(got.fields.aan, 'College van Burgemeester en Wethouders te Rivierstad');
    assert.equal(got.fields.datum, '2022-07-25');
    const letterhead = parseDocument(
      [
        'College van Burgemeester en Wethouders',
        '',
        'Rivierstad, 25 juli 2022',
        'Betreft: Lege pinautomaten',
        '',
        'Geachte leden van de raad,',
        '',
        'Hierbij informeren wij u.',
      ].join('\n'),
    );
    assert.notEqual(letterhead.fields.aan, 'College van Burgemeester en Wethouders');
    // "te" before a place, not before a verb: then only the greeting says to whom.
    const verb = parseDocument(
      ['Het college van B&W te informeren', '', 'Betreft: Lege pinautomaten', '', 'Geacht college,', ...questions].join('\n'),
    );
    assert.equal(verb.fields.aan, 'college');
  });

  it('takes no signer from the words a site puts under a post ("Comments", "Delen")', () => {
    const got = parseDocument(
      [
        'Geacht college,',
        '',
        'De ChristenUnie heeft de volgende vragen:',
        ...questions,
        '',
        'Namens de fractie van de ChristenUnie',
        '',
        'Anna Bakker',
        '',
        'Comments',
        '',
        'Delen',
      ].join('\n'),
    );
    assert.deepEqual(got.signers, ['Anna Bakker']);
    assert.deepEqual(got.fields.indieners, ['Anna Bakker']);
  });

  it("leaves a site's widget words out of the last answer and out of the signers", () => {
    const got = parseDocument(
      [
        'Geacht college,',
        '',
        '1. Is het college bekend met de klachten?',
        '',
        'Antwoord: Ja, sinds maart.',
        '',
        '2. Wat doet u eraan?',
        '',
        'Antwoord: Niets.',
        '',
        'Comments',
        '',
        'Tweet',
      ].join('\n'),
    );
    assert.deepEqual(
      got.questions.map((q) => q.answer),
      ['Ja, sinds maart.', 'Niets.'],
    );
    assert.deepEqual(got.signers, []);
  });
});
