// Header fields of written questions from new sources (issue 20, session 14): who asks, to whom and about what,
// read from the head's grammar, a salutation, a form's lines and the signature. Invented examples only.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';
import {
  askedAbout,
  functionParty,
  memberAsks,
  partiesAsk,
  questionsTo,
  signerParty,
} from '../../../server/documents/parse/question-heads';

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

  it('reads a lead-in "Vragen aan X:" above the list as the addressee', () => {
    const got = questions(
      'SCHRIFTELIJKE VRAGEN',
      'Onderwerp: Parkeren bij het station',
      '',
      'Sinds de herinrichting van het stationsplein staan er dagelijks fietsen en auto’s op de stoep.',
      'Vragen aan het college van burgemeester en wethouders:',
    );
    assert.equal(got.fields.aan, 'het college van burgemeester en wethouders');
    // A lead-in that names a subject as well is a title's shape, not this one; a line that does not end the lead-in neither.
    assert.equal(questionsTo('Vragen aan de wethouder over de kermis:'), null);
    assert.equal(questionsTo('Vragen aan het college van B&W stellen we vaker'), null);
  });

  it("reads the fraction that asks from a sentence of the opening, over a municipality's letterhead", () => {
    const got = questions(
      'Gemeente Zandmeer',
      '',
      'Schriftelijke vragen DL fietspad Dorpsweg',
      '',
      'Geacht college,',
      '',
      'Op grond van artikel 40 van het Reglement van Orde stelt de fractie van Dorpslijst Zandmeer schriftelijke vragen aangaande het fietspad langs de Dorpsweg.',
    );
    assert.equal(got.fields.afzender, 'de fractie van Dorpslijst Zandmeer');
    assert.deepEqual(got.fields.partijen, ['Dorpslijst Zandmeer']);
    assert.equal(got.fields.onderwerp, 'het fietspad langs de Dorpsweg');
    // The answer's opening says from whom the questions came.
    const answer = questions(
      'Onderhoud sportpark De Kuil',
      'Op 3 maart hebben burgemeester en wethouders vragen ontvangen van de fractie Samen Verder over het onderhoud van sportpark De Kuil.',
    );
    assert.equal(answer.fields.afzender, 'de fractie Samen Verder');
    assert.deepEqual(answer.fields.partijen, ['Samen Verder']);
    assert.equal(answer.fields.onderwerp, 'het onderhoud van sportpark De Kuil');
  });

  it('reads a form line "Indiener: Name, raadslid Party" as one indiener and the party', () => {
    const got = questions('SCHRIFTELIJKE VRAGEN', 'Onderwerp: Bushalte Kerkstraat', 'Indiener: Sanne Visser, raadslid DorpsAnders', '');
    assert.deepEqual(got.fields.indieners, ['Sanne Visser']);
    assert.deepEqual(got.fields.partijen, ['DorpsAnders']);
  });

  it("reads a signer's party without the brackets, the function and the acronym, and a local branch as its party", () => {
    const signed = (...lines: string[]) =>
      parseDocument(['Schriftelijke vragen over de bushalte', '', ...QUESTIONS, '', 'Met vriendelijke groet,', '', ...lines].join('\n'));
    assert.deepEqual(signed('Pieter Bos', '(gemeenteraadslid Nieuwe Dorpspartij (NDP))').fields.partijen, ['Nieuwe Dorpspartij']);
    assert.deepEqual(signed('Pieter Bos', 'ChristenUnie Veenendaal').fields.partijen, ['ChristenUnie']);
    assert.deepEqual(signed('Pieter Bos', 'Partij voor de Dieren.').fields.partijen, ['Partij voor de Dieren']);
  });

  it('tells a function and a party from a name', () => {
    assert.equal(functionParty('raadslid Stadsbelang'), 'Stadsbelang');
    assert.equal(functionParty('Jan Smit'), null);
    assert.equal(functionParty('raadslid voor het eerst'), null);
    assert.equal(signerParty('Partij voor de Vrijheid.'), 'Partij voor de Vrijheid');
  });

  it('reads several fractions that ask in one sentence: as its subject, on whose behalf, or whose questions are answered', () => {
    const subject = questions(
      'Fracties willen opheldering over de nieuwe huisstijl',
      '',
      'Persbericht',
      'De Statenfracties van D66, PvdA en Dorpenbond hebben schriftelijke vragen gesteld aan het college van Gedeputeerde Staten, naar aanleiding van een folder.',
    );
    assert.equal(subject.fields.afzender, 'De Statenfracties van D66, PvdA en Dorpenbond');
    assert.deepEqual(subject.fields.partijen, ['D66', 'PvdA', 'Dorpenbond']);
    assert.equal(subject.fields.aan, 'het college van Gedeputeerde Staten');
    const behalf = questions(
      'Vragen',
      'Op grond van artikel 38 hebben vragenstellers, namens de fracties van respectievelijk de PvdA en het CDA, de volgende vragen tot het college van burgemeester en wethouders gericht:',
    );
    assert.deepEqual(behalf.fields.partijen, ['PvdA', 'CDA']);
    assert.equal(behalf.fields.aan, 'het college van burgemeester en wethouders');
    assert.equal(behalf.fields.afzender, undefined);
    const answered = questions('Hieronder het antwoord van het college op de vragen van D66, VVD en Volt, met de vragen erbij:');
    assert.deepEqual(answered.fields.partijen, ['D66', 'VVD', 'Volt']);
    // Names the lexicon does not know are no parties in this shape ("de vragen van Jansen en De Vries").
    assert.equal(partiesAsk('Hieronder de antwoorden op de vragen van Jansen en De Vries.'), null);
  });

  it('reads "De fractie van X heeft de volgende vragen:" as who asks', () => {
    const got = questions('Het zwembad sluit eerder dan gepland.', 'De fractie van Stadsbelang Noord heeft daarom de volgende vragen:');
    assert.equal(got.fields.afzender, 'De fractie van Stadsbelang Noord');
    assert.deepEqual(got.fields.partijen, ['Stadsbelang Noord']);
  });

  it("reads a news post's opening: the member with her party, to whom and about what; an image's placeholder is no subject", () => {
    const got = questions(
      'Raadslid Van den Berg stelt weer vragen',
      'mainImage',
      'Afbeelding is niet meer beschikbaar',
      'Karin van den Berg, raadslid D66, vroeg eerder naar de kramen. Nu komt zij met vragen aan het college over de verplaatsing van de weekmarkt.',
    );
    assert.deepEqual(got.fields.indieners, ['Karin van den Berg']);
    assert.deepEqual(got.fields.partijen, ['D66']);
    assert.equal(got.fields.aan, 'het college');
    assert.equal(got.fields.onderwerp, 'de verplaatsing van de weekmarkt');
    assert.equal(got.lines[2].role, 'letterhead');
    // A party the lexicon does not know after "raadslid" is not read this way; nor is an addressee that is no body.
    assert.equal(memberAsks('Jan Smit, raadslid sinds 2018, vraagt het.'), null);
    assert.equal(askedAbout('Er kwamen vragen aan de bewoners over de herinrichting.'), null);
  });

  it('reads a labelled subject that is itself a head of questions by its parts', () => {
    const got = questions(
      'Vragen over de nieuwe stal',
      'Assen, 4 maart 2024',
      'Betreft: Statenvragen van de SP Statenfractie Drenthe aan het college van GS ex artikel 40 RvO betreffende de vergunning voor de stal in Gieten',
      '',
      'Geacht college,',
    );
    assert.equal(got.fields.afzender, 'de SP Statenfractie Drenthe');
    assert.deepEqual(got.fields.partijen, ['SP']);
    assert.equal(got.fields.aan, 'het college van GS');
    assert.equal(got.fields.onderwerp, 'de vergunning voor de stal in Gieten');
    // A plain subject stays as it is.
    assert.equal(questions('Betreft: de vergunning voor de stal in Gieten').fields.onderwerp, 'de vergunning voor de stal in Gieten');
  });

  it('reads the party of "Namens de X Plaats" under the questions, and no indiener from a block above the questions', () => {
    const signed = parseDocument(
      ['Schriftelijke vragen inzake de speeltuin', '', ...QUESTIONS, '', 'Met vriendelijke groet,', 'Namens de SGP Rijssen'].join('\n'),
    );
    assert.equal(signed.fields.afzender, 'de SGP Rijssen');
    assert.deepEqual(signed.fields.partijen, ['SGP']);
    const page = parseDocument(
      [
        'Rondvraag',
        '',
        'Voorzitter',
        'B. de Graaf',
        'Toelichting',
        '',
        'Agendapunten',
        '',
        'De vragen van de fractie:',
        '',
        ...QUESTIONS,
      ].join('\n'),
    );
    assert.equal(page.fields.indieners, undefined);
  });
});
