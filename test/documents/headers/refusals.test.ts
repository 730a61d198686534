// Session 18 (rules32, issue 20): header fields refused, or read in full, by general shapes rather than by the documents
// that showed them: a record's line with a label of its own ends the value above it, an attachment keeps its own
// number, a subject that only points back at the text before is none, a headline that says what became of the
// questions names no subject, a page's date is the document's only when the page states one and the text dates the
// questions to no other day, a party's shape is one test. Every text is written for the test.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';
import { partyLike } from '../../../server/documents/parse/parties';
import { refersBack } from '../../../server/documents/parse/values';

describe('documents: refusing header values of the wrong shape', () => {
  it("ends a record's value at a glued label the vocabulary does not know, and keeps an attachment's own number", () => {
    const record = [
      'Artikel 40 vragen',
      '',
      'OnderwerpBankjes in het park',
      'SoortSchriftelijk ex art. 40 RvO',
      'RaadsledenAnna de Vries (D66)',
      'ToelichtingIn het park staan geen bankjes meer sinds de storm van vorig jaar.',
      'Bijlage(s)4.b Vragen over bankjes.docx',
    ];
    const got = parseDocument(record.join('\n'));
    assert.equal(got.type, 'schriftelijke-vragen');
    // "Soort" is no label of the vocabulary, but it stands between two of the record's labels: no part of the subject.
    assert.equal(got.fields.onderwerp, 'Bankjes in het park');
    // "4.b" is the attachment's number in the register, not a list's numbering.
    assert.deepEqual(got.fields.bijlagen, ['4.b Vragen over bankjes.docx']);
    assert.deepEqual(got.fields.indieners, ['Anna de Vries']);
    // A party written with a capital inside ("GroenLinks Zandmeer") between two labels is no label.
    const party = parseDocument(record.map((l) => (l.startsWith('Soort') ? 'GroenLinks Zandmeer' : l)).join('\n'));
    assert.equal(party.lines.find((l) => l.text === 'GroenLinks Zandmeer')?.text, 'GroenLinks Zandmeer');
    // A list's numbering still goes: "1. Bijlage A" is "Bijlage A".
    const listed = parseDocument(record.map((l) => (l.startsWith('Bijlage') ? 'Bijlage(s)1. Kaart van het park' : l)).join('\n'));
    assert.deepEqual(listed.fields.bijlagen, ['Kaart van het park']);
  });

  it('reads no subject that points back, and reads one after "met betrekking tot" or "omtrent"', () => {
    const letter = (title: string, ...opening: string[]) =>
      parseDocument(
        [
          title,
          '',
          'Geacht college,',
          '',
          ...opening,
          '',
          '1. Waarom was de wethouder er niet bij?',
          '2. Wanneer krijgen de bewoners een antwoord op hun brief?',
        ].join('\n'),
      );
    const opening = [
      'Vorige week vond er in het dorpshuis een inspraakavond plaats over het zwembad.',
      '',
      'Wij hebben een aantal vragen over de inspraakavond.',
    ];
    // "de inspraakavond" is the one the text introduced ("een inspraakavond"): the title says what the questions are about.
    assert.equal(
      letter('Schriftelijke vragen met betrekking tot de sluiting van zwembad De Put', ...opening).fields.onderwerp,
      'de sluiting van zwembad De Put',
    );
    assert.equal(letter('Vragen omtrent de sluiting van zwembad De Put', ...opening).fields.onderwerp, 'de sluiting van zwembad De Put');
    // Without a title, no subject rather than "de inspraakavond".
    assert.equal(letter('', ...opening).fields.onderwerp, undefined);
    // A first mention names its thing: "Wij hebben vragen over de inspraakavond." alone gives it.
    assert.equal(letter('', 'Wij hebben een aantal vragen over de inspraakavond.').fields.onderwerp, 'de inspraakavond');
    assert.equal(refersBack('dit onderwerp'), true);
    assert.equal(refersBack('deze kwestie'), true);
    assert.equal(refersBack('de hondenpoep', 'Zandmeerse SGP stelt vragen over de hondenpoep'), false);
    assert.equal(refersBack('de sluiting van het zwembad', 'Er is een sluiting'), false);
  });

  it('reads no subject from a headline that says what became of the questions', () => {
    const page = (title: string) =>
      parseDocument([title, '', 'Geacht college,', '', '1. Wanneer worden de paden in het park schoongemaakt?'].join('\n'));
    assert.equal(page('Vragen over hondenpoep in het park nog steeds niet beantwoord').fields.onderwerp, undefined);
    assert.equal(page('Vragen over hondenpoep in het park eindelijk beantwoord').fields.onderwerp, undefined);
    assert.equal(page('Vragen over hondenpoep in het park').fields.onderwerp, 'hondenpoep in het park');
    // A participle in the subject's own clause, after its auxiliary, is no headline's predicate.
    assert.equal(
      page('Vragen over de wijze waarop klachten worden behandeld').fields.onderwerp,
      'de wijze waarop klachten worden behandeld',
    );
  });

  it("dates a document by the page's date only when the page states one, and not when the text dates the questions otherwise", () => {
    const questions = ['', '1. Wanneer gaat de begraafplaats weer open?', '2. Worden de bewoners daarover ingelicht?'];
    // A site's date over a dateline of another day: which is the document's is not said.
    const twoDates = parseDocument(
      [
        'Zandmeer Lokaal stelt vragen over de begraafplaats',
        '',
        '20 juni 2019',
        '',
        'Zandmeer, 21 juni 2019 - Naar aanleiding van een bericht in de krant heeft Zandmeer Lokaal vragen gesteld aan het college.',
        ...questions,
      ].join('\n'),
    );
    assert.equal(twoDates.fields.datum, undefined);
    // A dateline whose sentence puts the questions on another day (no year: no date of the questions either).
    const otherDay = parseDocument(
      [
        'Antwoorden over de begraafplaats',
        '',
        'Zandmeer 27.03.2021 – Op 25 januari hebben B&W vragen ontvangen van de fractie Zandmeer Lokaal over de begraafplaats.',
        ...questions,
      ].join('\n'),
    );
    assert.equal(otherDay.fields.datum, undefined);
    // One page date and nothing against it: the document's date, as before.
    const one = parseDocument(
      [
        'Zandmeer Lokaal stelt vragen over de begraafplaats',
        '',
        'Zandmeer 15.07.2023 – Zandmeer Lokaal heeft vragen gesteld aan het college over de begraafplaats.',
        ...questions,
      ].join('\n'),
    );
    assert.equal(one.fields.datum, '2023-07-15');
    const alone = parseDocument(
      ['Zandmeer Lokaal stelt vragen over de begraafplaats', '', 'vrijdag 7 juni 2019', '', 'Geacht college,', ...questions].join('\n'),
    );
    assert.equal(alone.fields.datum, '2019-06-07');
    // A sentence that opens with a preposition and a date is no dateline, and does not contest the page's date.
    const since = parseDocument(
      [
        'Zandmeer Lokaal stelt vragen over de begraafplaats',
        '',
        'vrijdag 7 juni 2019',
        '',
        'Sinds 3 maart 2019 – toen de brug dichtging – rijden de bussen om.',
        '',
        'Geacht college,',
        ...questions,
      ].join('\n'),
    );
    assert.equal(since.fields.datum, '2019-06-07');
  });

  it('tells a party by one test of its shape: the lexicon, an acronym, CamelCase, and in brackets a short name', () => {
    for (const name of ['VVD', 'PDvZ', 'S&S', 'DorpsVisie', 'Partij voor de Dieren']) assert.equal(partyLike(name), true, name);
    for (const name of ['raadslid', 'Burgerforum Losser', 'de volgende vragen']) assert.equal(partyLike(name), false, name);
    assert.equal(partyLike('Burgerforum Losser', 'bracket'), true);
    // "Name, Party" under questions takes a party in CamelCase as it takes an acronym.
    const signed = parseDocument(
      [
        'Schriftelijke vragen over de begraafplaats',
        '',
        'Geacht college,',
        '',
        '1. Wanneer gaat de begraafplaats weer open?',
        '',
        'Met vriendelijke groet,',
        '',
        'Piet Smit, DorpsVisie',
      ].join('\n'),
    );
    assert.deepEqual(signed.fields.indieners, ['Piet Smit']);
    assert.deepEqual(signed.fields.partijen, ['DorpsVisie']);
  });

  it('reads an agenda item only when it is numbered', () => {
    const questions = (agendapunt: string) =>
      parseDocument(
        [
          'Schriftelijke vragen over de bankjes in het park',
          '',
          `Agendapunt: ${agendapunt}`,
          '',
          'Geacht college,',
          '',
          '1. Wanneer komen de bankjes terug?',
        ].join('\n'),
      );
    // A policy area under the label is no item of a meeting's agenda.
    assert.equal(questions('openbare ruimte en groen').fields.agendapunt, undefined);
    assert.equal(questions('7b Bankjes in het park').fields.agendapunt, '7b Bankjes in het park');
    assert.equal(questions('IV Ingekomen stukken').fields.agendapunt, 'IV Ingekomen stukken');
  });

  it('reads a fraction\'s party without the hyphen of its compound, also when a space sets it apart ("de SP- fractie")', () => {
    const signed = (namens: string) =>
      parseDocument(
        [
          'Schriftelijke vragen over de bus',
          '',
          'Geacht college,',
          '',
          '1. Waarom rijdt lijn 12 niet meer?',
          '',
          `Namens ${namens},`,
          '',
          'Jan Smit',
        ].join('\n'),
      );
    assert.deepEqual(signed('de SP- fractie').fields.partijen, ['SP']);
    assert.deepEqual(signed('de SP-fractie').fields.partijen, ['SP']);
    assert.deepEqual(signed('de VVD fractie').fields.partijen, ['VVD']);
  });
});
