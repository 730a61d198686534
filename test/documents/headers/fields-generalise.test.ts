// Issue 20, session 13: the header fields on documents the rules were not written for. The confidence of a field
// by its evidence comes from a fresh-error calibration (older releases on later rounds' dev documents), and the party
// that asks is read by the grammar of the opening sentence rather than by a list of verbs. Texts written for the test.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';
import { confidenceOf, THRESHOLD, unsure } from '../../../server/documents/parse/confidence';
import { partiesActing } from '../../../server/documents/parse/parties';
import { plausible } from '../../../server/documents/parse/values';

describe('documents: fields on unseen documents', () => {
  it('rates a field by how often its evidence was right on fresh documents', () => {
    // A labelled or prose header of a date was right far more often than a title line read as the onderwerp.
    assert.ok(confidenceOf('datum', 'prose') > 0.9);
    assert.ok(confidenceOf('onderwerp', 'title') < 0.5);
    assert.ok(confidenceOf('onderwerp', 'title') < confidenceOf('onderwerp', 'prose'));
    // Rarely seen pairs lean on their evidence's share, unseen evidence on the share of all fields.
    assert.ok(confidenceOf('behandeld_door', 'label') > 0.8);
    assert.equal(confidenceOf('bijlagen', undefined), confidenceOf('status', undefined));
  });

  it('drops a field whose evidence is below the threshold, and none without recorded evidence', () => {
    const fields = { datum: '2024-03-01', onderwerp: 'Bomenkap', afzender: 'Gemeente Ergens' };
    assert.deepEqual(unsure(fields, { datum: 'prose', onderwerp: 'title' }, 0.5), ['onderwerp']);
    assert.deepEqual(unsure(fields, { datum: 'prose', onderwerp: 'title' }, THRESHOLD), []);
    assert.deepEqual(unsure(fields, {}, 0.99), []);
  });

  it('reads the party that asks from a sentence with the party as subject and any verb in the present tense', () => {
    assert.deepEqual(partiesActing('De VVD staat achter de plannen, maar heeft nog vragen.'), ['VVD']);
    assert.deepEqual(partiesActing('Het CDA betreurt het besluit van het college.'), ['CDA']);
    // A noun after the party is no verb.
    assert.deepEqual(partiesActing('De VVD fractie dankt het college.'), ['VVD']);
    assert.deepEqual(partiesActing('De D66 wethouder is op vakantie.'), []);
  });

  it("reads a local branch named by its place's adjective, and the party on whose behalf the writer asks", () => {
    assert.deepEqual(partiesActing('De Ergenlose SP-fractie heeft daarom de volgende vragen:'), ['SP']);
    assert.deepEqual(partiesActing('Namens de fractie van de Partij van de Arbeid stel ik u de volgende vragen.'), [
      'Partij van de Arbeid',
    ]);
    assert.deepEqual(partiesActing('Namens GroenLinks stel ik de volgende vragen.'), ['GroenLinks']);
    // "namens" before something that is no party names no party.
    assert.deepEqual(partiesActing('Namens de bewoners van de Dorpsstraat vragen wij aandacht.'), []);
  });

  it('fills partijen of written questions from the opening sentence', () => {
    const got = parseDocument(
      [
        'Schriftelijke vragen over de speeltuin aan de Beukenlaan',
        '',
        'Geacht college,',
        '',
        'Namens de fractie van de Socialistische Partij stel ik u enkele vragen over de speeltuin aan de Beukenlaan, die sinds de zomer gesloten is.',
        '',
        '1. Waarom is de speeltuin gesloten?',
        '2. Wanneer gaat de speeltuin weer open?',
      ].join('\n'),
    );
    assert.equal(got.type, 'schriftelijke-vragen');
    assert.deepEqual(got.fields.partijen, ['Socialistische Partij']);
  });

  it('reads no series a document appeared in as its onderwerp', () => {
    for (const v of ['Vergaderjaar 2023–2024 Aanhangsel van de Handelingen', 'Tweede Kamer der Staten-Generaal', 'Gemeenteblad 2022'])
      assert.equal(plausible('onderwerp', v), false, v);
    assert.equal(plausible('onderwerp', 'Handelingen van de raad over de Stationsweg'), true);
    const got = parseDocument(
      [
        'Tweede Kamer der Staten-Generaal',
        '',
        'Geachte voorzitter,',
        '',
        'Hierbij stuur ik u de antwoorden op de vragen van de vaste commissie over de staat van de dijken in het rivierengebied.',
        '',
        'Hoogachtend,',
        '',
        'De minister van Infrastructuur en Waterstaat,',
        'P. de Vries',
      ].join('\n'),
    );
    assert.equal(got.fields.onderwerp, undefined);
  });

  it("reads a motie's indieners written as names with their party in brackets under its last formula", () => {
    const motie = (signature: string[]) =>
      parseDocument(
        [
          'Motie vreemd aan de orde van de dag: bankjes in het Wilhelminapark',
          '',
          'De raad van de gemeente Ergens, in vergadering bijeen op 3 maart 2022,',
          '',
          'constaterende dat er in het Wilhelminapark geen bankjes meer staan;',
          '',
          'verzoekt het college om voor de zomer weer bankjes te plaatsen,',
          '',
          'en gaat over tot de orde van de dag.',
          '',
          ' ',
          '',
          ...signature,
        ].join('\n'),
      );
    const one = motie(['Anna de Boer (Lokaal Ergens)']);
    assert.deepEqual(one.fields.indieners, ['Anna de Boer']);
    assert.deepEqual(one.fields.partijen, ['Lokaal Ergens']);
    const two = motie(['P. Smit (CDA), J. Bakker (D66)']);
    assert.deepEqual(two.fields.indieners, ['P. Smit', 'J. Bakker']);
    assert.deepEqual(two.fields.partijen, ['CDA', 'D66']);
    // A sentence in brackets is no party.
    assert.equal(motie(['Anna de Boer (zie ook de toelichting hieronder)']).fields.indieners, undefined);
  });

  it('reads signers under "Ondertekening en naam:", each as name, comma and party', () => {
    const got = parseDocument(
      [
        'Motie: een zebrapad bij de school',
        '',
        'Het algemeen bestuur, in vergadering bijeen op 12 april 2023,',
        '',
        'verzoekt het dagelijks bestuur een zebrapad aan te leggen bij de school aan de Dorpsstraat,',
        '',
        'en gaat over tot de orde van de dag.',
        '',
        'Ondertekening en naam:',
        '',
        'Marieke Visser, Partij voor de Dieren',
        'Karel Jansen, OWP',
      ].join('\n'),
    );
    assert.deepEqual(got.fields.indieners, ['Marieke Visser', 'Karel Jansen']);
    assert.deepEqual(got.fields.partijen, ['Partij voor de Dieren', 'OWP']);
    assert.deepEqual(got.signers, ['Marieke Visser', 'Karel Jansen']);
  });

  it('reads the date of a place-and-date line written with "d.d." and a closing comma', () => {
    const text = (dateline: string) =>
      [
        'Vragen ex artikel 44 van het Reglement van Orde',
        '',
        dateline,
        '',
        'Geacht college,',
        '',
        'Naar aanleiding van berichten in de krant over de haven hebben wij de volgende vragen aan het college.',
        '',
        '1. Bent u bekend met de berichten over de haven?',
        '2. Wat gaat u doen om de overlast te beperken?',
      ].join('\n');
    assert.equal(parseDocument(text('Vlissingen, d.d. 14-03-2019,')).fields.datum, '2019-03-14');
    assert.equal(parseDocument(text('Vlissingen, 14 maart 2019')).fields.datum, '2019-03-14');
  });

  it('reads an organisation with "t.a.v." under it as the addressee in the address window, not as the sender', () => {
    const text = [
      'Gemeente Ergenshoven',
      't.a.v. het college van burgemeester en wethouders',
      'Postbus 12',
      '1234 AB  ERGENSHOVEN',
      '',
      'Datum: 3 april 2024',
      'Onderwerp: Afronding melding houtopstand',
      '',
      'Geacht college,',
      '',
      'Op 1 maart ontvingen wij een melding voor het vellen van drie eiken aan de Dorpsweg.',
    ].join('\n');
    const { fields } = parseDocument(text);
    assert.equal(fields.aan, 'Gemeente Ergenshoven t.a.v. het college van burgemeester en wethouders');
    assert.notEqual(fields.afzender, 'Gemeente Ergenshoven');
    // Without "t.a.v." the organisation on top is the letterhead's sender, as before.
    const letterhead = parseDocument(text.replace('t.a.v. het college van burgemeester en wethouders\n', '')).fields;
    assert.equal(letterhead.afzender, 'Gemeente Ergenshoven');
  });

  it('takes no labelled line of another field as the onderwerp, and reads "Antwoorddatum" as the date of the answer', () => {
    assert.equal(plausible('onderwerp', 'Antwoorddatum: 28 mrt. 2022'), false);
    assert.equal(plausible('onderwerp', 'Datum: 4 maart 2022'), false);
    assert.equal(plausible('onderwerp', 'Hondenuitlaatplekken: te weinig en slecht onderhouden'), true);
    const { fields } = parseDocument(
      [
        'Schriftelijke vragen van de fractie van de Partij voor de Dieren over hondenuitlaatplekken',
        '',
        '1. Is het college bekend met de klachten over de uitlaatplekken?',
        '',
        'Indiendatum: 4 mrt. 2022',
        'Antwoorddatum: 28 mrt. 2022',
      ].join('\n'),
    );
    assert.equal(fields.datum_antwoord, '2022-03-28');
    assert.notEqual(fields.onderwerp, 'Antwoorddatum: 28 mrt. 2022');
  });

  it("reads a two-column letterhead whose values a PDF's text layer glued to the next label", () => {
    const text = [
      'Provincie Ergens',
      'Postbus 1',
      '1234 AB  Ergenstad',
      '',
      'Datum',
      '21.05.2024  Kenmerk',
      'D2024-011394Zaaknummer',
      '2024-009167  Pagina',
      '1 van 2',
      '',
      'Onderwerp: Voortgang windbeleid',
      '',
      'Geachte leden van de Staten,',
      '',
      'Met deze brief informeren wij u over de voortgang van het windbeleid in 2024 en verder.',
    ].join('\n');
    const { fields } = parseDocument(text);
    assert.equal(fields.datum, '2024-05-21');
    assert.equal(fields.kenmerk, 'D2024-011394');
    assert.equal(fields.onderwerp, 'Voortgang windbeleid');
  });

  it('reads a nota to the college or to GS as a memo, with its author and registration number', () => {
    const text = (title: string) =>
      [
        title,
        '',
        'Onderwerp: Beantwoording brieven van gemeenten over het windbeleid',
        'Registratiekenmerk: 2023-063875',
        'Auteur: team Energie',
        '',
        'Gedeputeerde Staten besluiten de brieven van twee gemeenten te beantwoorden volgens de bijgevoegde brieven.',
      ].join('\n');
    const nota = parseDocument(text('NOTA GS-MANDAAT'));
    assert.equal(nota.type, 'memo');
    assert.equal(nota.fields.kenmerk, '2023-063875');
    assert.equal(nota.fields.afzender, 'team Energie');
    assert.equal(parseDocument(text('Collegenota')).type, 'memo');
    // A reply to objections or an amendment of a bill is no memo.
    assert.notEqual(parseDocument(text('Nota van beantwoording zienswijzen')).type, 'memo');
  });
});
