// Rules that make the recogniser read texts it was never tuned on (issue 20, session 11), each on a
// text written for the test in the shape real documents take when a PDF's text is pasted: no empty
// lines, footnotes between the questions, a head that runs straight into the first question.
import assert from 'node:assert/strict';
import { parseDocument } from '../../server/documents/parse';
import { contradictions } from '../../server/documents/parse/confidence';
import { plausible } from '../../server/documents/parse/values';

describe('documents: rules that generalise to unseen texts', () => {
  it('ends a footnote where the numbered questions go on, also without empty lines', () => {
    const got = parseDocument(
      [
        'Vragen van het lid Bakker (SP) aan de Minister van Volksgezondheid over de sluiting van de spoedeisende hulp in Heerlen (ingezonden 4 november 2024).',
        'Vraag 1',
        'Bent u bekend met het bericht dat de spoedeisende hulp in Heerlen ’s nachts dichtgaat? 1)',
        'Vraag 2',
        'Hoeveel inwoners wonen verder dan 45 minuten rijden van een spoedeisende hulp?',
        '1) De Limburger, 2 november 2024, ‘Spoedeisende hulp Heerlen ’s nachts dicht’ (https://www.limburger.nl/spoed)',
        'Tweede Kamer, vergaderjaar 2024–2025, Vragen 1',
        'Vraag 3',
        'Welke afspraken maakt u met de zorgverzekeraars over de ambulancezorg in de regio?',
        'Vraag 4',
        'Kunt u deze vragen beantwoorden voor het commissiedebat acute zorg?',
      ].join('\n'),
    );
    assert.equal(got.type, 'schriftelijke-vragen');
    assert.deepEqual(
      got.questions.map((q) => q.question),
      [
        'Bent u bekend met het bericht dat de spoedeisende hulp in Heerlen ’s nachts dichtgaat?',
        'Hoeveel inwoners wonen verder dan 45 minuten rijden van een spoedeisende hulp?',
        'Welke afspraken maakt u met de zorgverzekeraars over de ambulancezorg in de regio?',
        'Kunt u deze vragen beantwoorden voor het commissiedebat acute zorg?',
      ],
    );
  });

  it('ends a Kamervragen head at the first line that asks when no empty line follows it', () => {
    const got = parseDocument(
      [
        '2024Z19002',
        '(ingezonden 21 november 2024)',
        'Vragen van het lid De Vries (VVD) aan de staatssecretaris van Infrastructuur en Waterstaat over de Afsluitdijk',
        'Bent u bekend met het bericht dat de renovatie van de Afsluitdijk twee jaar vertraging oploopt?',
        'Hoe verklaart u dat de kosten opnieuw hoger uitvallen dan begroot?',
        'Wanneer informeert u de Kamer over de nieuwe planning?',
      ].join('\n'),
    );
    assert.equal(got.fields.onderwerp, 'de Afsluitdijk');
    assert.deepEqual(got.fields.indieners, ['De Vries']);
    assert.equal(got.questions.length, 3);
    assert.equal(
      got.questions[0].question,
      'Bent u bekend met het bericht dat de renovatie van de Afsluitdijk twee jaar vertraging oploopt?',
    );
  });
});

describe('documents: a header value runs to its end', () => {
  it('takes a one-line value alone, and ends a broken value at a label that has only a space before its value', () => {
    const got = parseDocument(
      [
        'Gemeente Hengelo',
        '',
        'Aan de leden van de gemeenteraad',
        '',
        'Datum          12 april 2022',
        'Ons kenmerk    2022/04581',
        'Behandeld door J. Smit',
        'Onderwerp      Voortgang herinrichting Marktplein',
        '',
        'Geachte leden van de raad,',
        '',
        'Met deze brief informeren wij u over de voortgang van de herinrichting van het Marktplein.',
      ].join('\n'),
    );
    assert.equal(got.type, 'brief');
    assert.equal(got.fields.kenmerk, '2022/04581');
    assert.equal(got.fields.behandeld_door, 'J. Smit');
    assert.equal(got.fields.onderwerp, 'Voortgang herinrichting Marktplein');
  });

  it('reads an addressee and a sender whose name goes on on the next line ("van de gemeente Ede", "te Maarssen")', () => {
    const got = parseDocument(
      [
        'Aan het college van burgemeester en wethouders',
        'van de gemeente Ede',
        'Postbus 9022',
        '6710 HK Ede',
        '',
        'Ede, 3 november 2021',
        '',
        'Betreft: zienswijze bestemmingsplan Veldhuizen',
        '',
        'Geacht college,',
        '',
        'Hierbij dienen wij een zienswijze in op het ontwerpbestemmingsplan.',
        '',
        'Hoogachtend,',
        'namens de gezamenlijke bewonersverenigingen',
        'te Veldhuizen',
      ].join('\n'),
    );
    assert.equal(got.fields.aan, 'het college van burgemeester en wethouders van de gemeente Ede');
    assert.equal(got.fields.afzender, 'de gezamenlijke bewonersverenigingen te Veldhuizen');
    assert.equal(got.fields.datum, '2021-11-03');
    assert.equal(got.lines.find((l) => l.text === 'te Veldhuizen')?.role, 'signer');
  });
});

describe('documents: a label in the text is no header', () => {
  it("reads no date, kenmerk or sender from a lone labelled line under the letter's first paragraph", () => {
    const text = [
      'Gemeente Zwolle',
      '',
      'Onderwerp: informatieavond over de nieuwe fietsbrug',
      '',
      'Geachte bewoners,',
      '',
      'Op de avond hieronder vertellen wij u graag meer over de bouw van de nieuwe fietsbrug over het Zwarte Water, en over de omleidingen tijdens de bouw.',
      '',
      'Datum: 25 mei 2023',
      '',
      'U bent van harte welkom in het wijkcentrum; aanmelden is niet nodig en er is koffie en thee voor iedereen.',
      '',
      'Van: het projectteam',
      '',
      'Met vriendelijke groet,',
      '',
      'Burgemeester en wethouders van Zwolle',
    ].join('\n');
    const got = parseDocument(text);
    assert.equal(got.type, 'brief');
    assert.equal(got.fields.onderwerp, 'informatieavond over de nieuwe fietsbrug');
    assert.equal(got.fields.datum, undefined);
    // Not "het projectteam" of the lone label: the college that signs, over the letterhead's organisation alone.
    assert.equal(got.fields.afzender, 'Burgemeester en wethouders van Zwolle');
    assert.ok(got.body.includes('Datum: 25 mei 2023'), got.body);
  });
});

describe('documents: labels of a document number, and values after empty lines', () => {
  it('reads "<genre> nummer" as the kenmerk, also with its value after empty lines, but no telephone number', () => {
    const got = parseDocument(
      [
        'Ledenbrief nummer',
        '',
        '',
        'Lbr. 24/012',
        '',
        'Telefoonnummer 070 373 83 93',
        '',
        'Geachte leden van college en gemeenteraad,',
        '',
        'Met deze brief informeren wij u over de nieuwe afspraken tussen het Rijk en de gemeenten over de jeugdzorg.',
      ].join('\n'),
    );
    assert.equal(got.type, 'brief');
    assert.equal(got.fields.kenmerk, 'Lbr. 24/012');
    assert.equal(got.lines[3].role, 'field');
  });

  it('takes no reference from a paragraph after a lone label', () => {
    const got = parseDocument(
      [
        'Briefnummer',
        '',
        'In 2024 hebben wij 312 brieven van inwoners ontvangen over de herinrichting van het centrum.',
        '',
        'Geachte leden van de raad,',
      ].join('\n'),
    );
    assert.equal(got.fields.kenmerk, undefined);
  });
});

describe('documents: a value must fit its kind, and fields may not contradict each other', () => {
  it('reports no date, telephone number, postcode or amount as a kenmerk, and no date or address in a name', () => {
    for (const v of ['12-03-2021', '3 maart 2021', '050 316 4110', '7550 AA', '€ 1.200', '09.30 uur'])
      assert.equal(plausible('kenmerk', v), false, v);
    for (const v of ['2021-0345', 'Lbr. 23/033', '35513 nr. 14', '2024Z18438', 'AH 617']) assert.equal(plausible('kenmerk', v), true, v);
    assert.equal(plausible('aan', 'de raad, 12 mei 2020'), false);
    assert.equal(plausible('afzender', 'griffie@gemeente.nl'), false);
    assert.equal(plausible('aan', 'de leden van de gemeenteraad'), true);
  });

  it('drops the less sure of two fields that cannot both be true, and both when they are as sure', () => {
    assert.deepEqual(
      contradictions({ ingekomen: '2024-03-10', datum_antwoord: '2024-03-01' }, { ingekomen: 'label', datum_antwoord: 'derived' }),
      ['datum_antwoord'],
    );
    assert.deepEqual(
      contradictions({ ingekomen: '2024-03-01', datum_antwoord: '2024-03-20' }, { ingekomen: 'label', datum_antwoord: 'label' }),
      [],
    );
    assert.deepEqual(contradictions({ afzender: 'De gemeenteraad', aan: 'de gemeenteraad' }, { afzender: 'prose', aan: 'prose' }).sort(), [
      'aan',
      'afzender',
    ]);
    assert.deepEqual(contradictions({ afzender: 'Fractie D66', aan: 'de gemeenteraad' }, { afzender: 'signature', aan: 'label' }), []);
  });

  it('reads a labelled answer date before the date the questions came in as no answer date', () => {
    const got = parseDocument(
      [
        'Schriftelijke vragen',
        '',
        'Ingekomen: 10 maart 2024',
        'Datum beantwoording: 1 maart 2024',
        'Onderwerp: Zwerfafval in het Stadspark',
        '',
        '1. Bent u bekend met de klachten over zwerfafval in het Stadspark?',
      ].join('\n'),
    );
    assert.equal(got.fields.ingekomen, '2024-03-10');
    assert.equal(got.fields.datum_antwoord, undefined);
    assert.equal(got.evidence.onderwerp, 'label');
  });
});

describe('documents: hard-wrapped questions keep their footnotes apart', () => {
  const wrapped = [
    'Vragen van het lid Jansen (SP) aan de minister van Sociale Zaken en',
    'Werkgelegenheid over de uitvoering van de Participatiewet in de',
    'gemeenten in het noorden van het land (ingezonden 5 november 2024).',
    '',
    'Antwoord van minister Van Hijum (Sociale Zaken en Werkgelegenheid)',
    '(ontvangen 28 november 2024).',
    '',
    'Vraag 1',
    'Bent u bekend met het bericht dat steeds meer gemeenten de',
    'uitvoering van de Participatiewet niet meer kunnen betalen»?1',
    'Ja.',
    'Vraag 2',
    'Hoeveel gemeenten hebben in 2024 een tekort op het budget voor',
    'de bijstand en hoe groot is dat tekort gemiddeld per gemeente?',
    '1Dagblad van het Noorden, 2 november 2024, https://www.dvhn.nl/x',
    'Dat is nog niet bekend; de gemeenten melden hun tekorten in het voorjaar.',
    'Vraag 3',
    'Bent u bereid het budget voor de bijstand in het noorden van het',
    'land te herzien voordat de begroting voor 2025 wordt vastgesteld?',
    'Nee.',
  ].join('\n');

  it('keeps an answer apart from a question whose question mark has a footnote mark after it, and a footnote apart from a question', () => {
    const got = parseDocument(wrapped);
    assert.equal(got.questions.length, 3);
    assert.deepEqual(
      got.questions.map((q) => q.answer),
      ['Ja.', 'Dat is nog niet bekend; de gemeenten melden hun tekorten in het voorjaar.', 'Nee.'],
    );
    assert.equal(
      got.questions[0].question,
      'Bent u bekend met het bericht dat steeds meer gemeenten de uitvoering van de Participatiewet niet meer kunnen betalen»?',
    );
    assert.equal(got.questions[0].answer, 'Ja.');
    assert.equal(
      got.questions[1].question,
      'Hoeveel gemeenten hebben in 2024 een tekort op het budget voor de bijstand en hoe groot is dat tekort gemiddeld per gemeente?',
    );
  });
});

describe('documents: signatures, outcomes and titles as unseen texts give them', () => {
  it('reads "Getekend," as a closing formula, the party in the function of the signer, and the outcome from the first sentence of its line', () => {
    const got = parseDocument(
      [
        'Motie hondenpoep in de Julianastraat',
        '',
        'Motie is aangenomen met 15 stemmen voor en 6 stemmen tegen (fractie Dorpsbelang). Dorpsbelang wil eerst een evaluatie.',
        '',
        'De gemeenteraad van Loon op Zand, in vergadering bijeen op 12 oktober 2021,',
        'constaterende dat er veel klachten zijn over hondenpoep;',
        'verzoekt het college meer afvalbakken te plaatsen,',
        'en gaat over tot de orde van de dag.',
        'Getekend,',
        'Ellen Verhagen',
        'Fractievoorzitter PvdA',
      ].join('\n'),
    );
    assert.equal(got.type, 'motie');
    assert.deepEqual(got.fields.indieners, ['Ellen Verhagen']);
    assert.deepEqual(got.fields.partijen, ['PvdA']);
    assert.equal(got.fields.status, 'aangenomen');
    assert.equal(got.fields.stemmen_voor, 15);
    assert.equal(got.fields.stemmen_tegen, 6);
    assert.equal(got.fields.datum, '2021-10-12');
  });

  it('reads the body that signs alone under the closing as the sender, a letter titled "Open brief aan X" as to X', () => {
    const got = parseDocument(
      [
        'Open brief aan de gemeenteraad van Almelo',
        '',
        'Geachte raadsleden,',
        '',
        'Wij maken ons als bewoners grote zorgen over de plannen voor de windturbines langs de snelweg, en vragen u die plannen opnieuw te bekijken.',
        '',
        'Met vriendelijke groet,',
        '',
        'Werkgroep Windwijzer Almelo',
      ].join('\n'),
    );
    assert.equal(got.type, 'brief');
    assert.equal(got.fields.aan, 'de gemeenteraad van Almelo');
    assert.equal(got.fields.afzender, 'Werkgroep Windwijzer Almelo');
    assert.equal(got.fields.onderwerp, undefined);
  });

  it('takes no exclamation and no "Motie van de leden X en Y" as the onderwerp', () => {
    const cheer = parseDocument(
      [
        'Bewoners bedankt!',
        '',
        'Beste bewoners,',
        '',
        'Hartelijk dank voor uw steun bij de verkiezingen van de wijkraad, wij gaan ons de komende vier jaar inzetten voor de hele wijk.',
      ].join('\n'),
    );
    assert.equal(cheer.fields.onderwerp, undefined);
    const motie = parseDocument(
      [
        'MOTIE VAN DE LEDEN DE VRIES EN BIKKER',
        '',
        'De Kamer,',
        '',
        'gehoord de beraadslaging,',
        'overwegende dat de wachttijden in de jeugdzorg oplopen en dat gemeenten daar zelf weinig aan kunnen veranderen;',
        'verzoekt de regering met de gemeenten afspraken te maken over kortere wachttijden,',
        'en gaat over tot de orde van de dag.',
      ].join('\n'),
    );
    assert.equal(motie.type, 'motie');
    assert.equal(motie.fields.onderwerp, undefined);
  });
});

describe('documents: bulleted questions with a remark after the question mark', () => {
  it('reads "Vragen aan het college over Z" and bullets that ask before a remark in brackets', () => {
    const got = parseDocument(
      [
        'Vragen aan het college over de sluiting van de bibliotheek in Oost.',
        '',
        'Naar aanleiding van berichten in de krant hebben wij enkele vragen die wij graag beantwoord willen zien.',
        '',
        '  • Klopt het dat de bibliotheek in Oost per 1 januari sluit? (bron: Dagblad, 3 mei).',
        '  • Hoeveel bezoekers had de bibliotheek in Oost in 2023?',
        '  • Bent u bereid de sluiting uit te stellen tot na de evaluatie?',
      ].join('\n'),
    );
    assert.equal(got.type, 'schriftelijke-vragen');
    assert.equal(got.fields.aan, 'het college');
    assert.equal(got.fields.onderwerp, 'de sluiting van de bibliotheek in Oost');
    assert.equal(got.questions.length, 3);
    assert.equal(got.questions[0].question, 'Klopt het dat de bibliotheek in Oost per 1 januari sluit? (bron: Dagblad, 3 mei).');
  });
});

describe('documents: no party or addressee from a fragment', () => {
  it('reports no document number as a party and no article alone as an addressee', () => {
    assert.equal(plausible('partijen', ['kst-31409-387']), false);
    assert.equal(plausible('partijen', ['en']), false);
    assert.equal(plausible('partijen', ['D66', 'GroenLinks-PvdA', 'Partij voor de Dieren']), true);
    assert.equal(plausible('aan', 'het'), false);
  });
});
