// The head of written questions as running text, read by its parts (issue 20, round 14; parse/askhead.ts):
// the genre noun, an optional article of the rules in brackets or after "ex"/"conform", "van …", "aan …",
// "over/inzake/betreffende …" and "(ingezonden …)", whatever the phrasing around them.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';
import { askHead } from '../../../server/documents/parse/askhead';

const questions = (head: string) =>
  parseDocument(
    [head, '', '1. Is het college bekend met de klachten van omwonenden?', '2. Welke maatregelen neemt het college, en wanneer?'].join(
      '\n',
    ),
  );

describe('documents: a head of written questions read by its parts', () => {
  it('reads an article in brackets, a fraction, an addressee and a subject', () => {
    const got = questions(
      'Vragen (conform artikel 74 van het Reglement van Orde), van de fractie van GroenLinks aan het college van burgemeester en wethouders over de bomenkap in het Wilhelminapark',
    );
    assert.equal(got.type, 'schriftelijke-vragen');
    assert.equal(got.fields.afzender, 'de fractie van GroenLinks');
    assert.deepEqual(got.fields.partijen, ['GroenLinks']);
    assert.equal(got.fields.aan, 'het college van burgemeester en wethouders');
    assert.equal(got.fields.onderwerp, 'de bomenkap in het Wilhelminapark');
  });

  it('reads "ex artikel 42 RvO" and "inzake" without taking the article into the subject', () => {
    const got = questions('Schriftelijke vragen ex artikel 42 RvO van de fractie D66 inzake de sluiting van het zwembad De Wetering');
    assert.equal(got.fields.onderwerp, 'de sluiting van het zwembad De Wetering');
    assert.deepEqual(got.fields.partijen, ['D66']);
    assert.equal(got.fields.afzender, 'de fractie D66');
  });

  it('reads a party fraction written as one word, and a local branch as its national party', () => {
    const got = questions('Vragen van de VVD-fractie aan het college over parkeren in de binnenstad');
    assert.deepEqual(got.fields.partijen, ['VVD']);
    assert.equal(got.fields.aan, 'het college');
    assert.equal(got.fields.onderwerp, 'parkeren in de binnenstad');
    const branch = questions(
      'Vragen ingevolge artikel 38 van de fractie van de Partij voor de Dieren Brabantse Delta aan het Dagelijks Bestuur over maaibeleid',
    );
    assert.deepEqual(branch.fields.partijen, ['Partij voor de Dieren']);
    assert.equal(branch.fields.aan, 'het Dagelijks Bestuur');
  });

  it('reads members with their parties and the day the questions were sent in', () => {
    const got = questions(
      'Raadsvragen van de raadsleden Jan Smit (PvdA) en Els Berg (SP) aan het college van B&W over de kinderopvang in Noord (ingezonden 3 mei 2021)',
    );
    assert.deepEqual(got.fields.indieners, ['Jan Smit', 'Els Berg']);
    assert.deepEqual(got.fields.partijen, ['PvdA', 'SP']);
    assert.equal(got.fields.onderwerp, 'de kinderopvang in Noord');
    assert.equal(got.fields.ingekomen, '2021-05-03');
  });

  it('takes a title that names who asks but not whom for who asks, not for the sender', () => {
    const got = questions('Raadsvragen van raadslid Jan de Boer (CDA) over de verkeersveiligheid op de Dorpsstraat');
    assert.deepEqual(got.fields.indieners, ['Jan de Boer']);
    assert.deepEqual(got.fields.partijen, ['CDA']);
    assert.equal(got.fields.afzender, undefined);
    const title = questions('Vervolgvragen van de fractie van MORGEN! naar aanleiding van de antwoorden over de bomenkap');
    assert.deepEqual(title.fields.partijen, ['MORGEN!']);
    assert.equal(title.fields.afzender, undefined);
    assert.equal(title.fields.onderwerp, undefined);
  });

  it('leaves out a part that is not of its kind', () => {
    // "aan de hand van" names no body or office; the rest of the head still counts, a sentence is no subject.
    assert.deepEqual(askHead('Vragen van de fractie van het CDA aan de hand van het rapport over de jeugdzorg'), {
      formal: false,
      who: 'de fractie van het CDA',
    });
    assert.equal(askHead('Vragen van bewoners over de nieuwe wijk'), null);
    assert.equal(askHead('Vragen die inwoners vaak stellen'), null);
  });
});

describe('documents: the article of the rules written out (rules28)', () => {
  it('reads "in het kader van artikel N van het Reglement van Orde voor …, jaar" between the addressee and the subject', () => {
    assert.deepEqual(
      askHead(
        'Schriftelijke vragen aan het college van burgemeester en wethouders in het kader van artikel 40 van het Reglement van Orde voor de vergaderingen en andere werkzaamheden van de raad 2019 inzake het zwembad De Houtvaart',
      ),
      { formal: true, to: 'het college van burgemeester en wethouders', about: 'het zwembad De Houtvaart' },
    );
  });

  it('takes the subject of a labelled subject that is such a head, and leaves the addressee to the letter', () => {
    const doc = parseDocument(
      [
        'Aan het college van burgemeester en wethouders van de gemeente Oosterlo',
        'Postbus 12',
        '',
        'Oosterlo, 4 maart 2024',
        '',
        'Betreft: schriftelijke vragen aan het college in het kader van artikel 40 van het Reglement van Orde voor de vergaderingen van de raad 2019 inzake het zwembad De Houtvaart',
        '',
        'Geacht college,',
        '',
        '1. Is het college bekend met de klachten van zwemmers over het koude water?',
        '2. Welke maatregelen neemt het college, en wanneer?',
      ].join('\n'),
    );
    assert.equal(doc.type, 'schriftelijke-vragen');
    assert.equal(doc.fields.onderwerp, 'het zwembad De Houtvaart');
    assert.equal(doc.fields.aan, 'het college van burgemeester en wethouders van de gemeente Oosterlo');
  });
});
