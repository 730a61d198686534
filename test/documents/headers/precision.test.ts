// Precision rules of issue 20, round 15: a value is refused, or read in full, by the shape of the text around it
// (a genre word before a title, a browser's title bar, an open letter's title), each on a text written for the test.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';
import { asksInList, headSaysAnswered } from '../../../server/documents/parse/asking';
import { withoutGluedFootnote } from '../../../server/documents/parse/footnotes';
import { introducedLetter, letterAddressee } from '../../../server/documents/parse/letters';
import { reportedOutcome } from '../../../server/documents/parse/moties';
import { numbered } from '../../../server/documents/parse/numbering';
import { dashedNameAndParty, looksLikeName, nameAndFunction, partiesOf, partyOfFunction } from '../../../server/documents/parse/signatures';

describe('documents: precision of titles and addressees', () => {
  it('leaves the genre out of a title\'s subject: "Schriftelijke vervolgvragen", "Schriftelijke vraag", "Statenvragen"', () => {
    for (const [title, subject] of [
      ['Schriftelijke vervolgvragen Parkeerbeleid', 'Parkeerbeleid'],
      ['Schriftelijke vraag Snoeien van de linden', 'Snoeien van de linden'],
      ['Statenvragen stikstofdepositie Peelrand', 'stikstofdepositie Peelrand'],
      ['Vragen aan het college: Bibliotheek Weerselo', 'Bibliotheek Weerselo'],
      // A date in figures after the subject is the document's stamp; one in words may be the subject's own.
      ['Mondelinge vragen Parkeren bij het station 3-2-2022', 'Parkeren bij het station'],
      ['Schriftelijke vragen over de kinderboerderij (14-04-2020)', 'de kinderboerderij'],
      ['Schriftelijke vragen over de informatieavond 14 april 2020', 'de informatieavond 14 april 2020'],
      // Figures that are no day of the calendar stay: an article's number, a version.
      ['Schriftelijke vragen over wijziging artikel 2.1.12', 'wijziging artikel 2.1.12'],
    ]) {
      const got = parseDocument(
        [
          title,
          '',
          'Geacht college,',
          '',
          'De fractie heeft over dit onderwerp de volgende vragen aan het college, naar aanleiding van berichten in de krant.',
          '',
          '1. Bent u bekend met het bericht in de krant van vorige week?',
          '2. Wat gaat u doen om de bewoners te informeren?',
        ].join('\n'),
      );
      assert.equal(got.fields.onderwerp, subject, title);
    }
    const to = parseDocument(
      [
        'Vragen aan het college: Bibliotheek Weerselo',
        '',
        'Het college wordt verzocht de volgende vragen schriftelijk te beantwoorden:',
        '',
        '1. Kunt u de raad voor het zomerreces informeren over de bibliotheek?',
      ].join('\n'),
    );
    assert.equal(to.fields.aan, 'het college');
  });

  it('reads no subject from a browser\'s title bar ("Site | Titel")', () => {
    const got = parseDocument(
      [
        'Het Dorpsblad | Brief aan de bewoners van de Kerkbuurt',
        '',
        'Brief aan de bewoners van de Kerkbuurt over de werkzaamheden.',
        '',
        'Beste bewoners,',
        '',
        'In de komende weken wordt de riolering in uw straat vervangen, en daarom is de straat een tijd lang afgesloten voor verkeer.',
      ].join('\n'),
    );
    assert.equal(got.fields.onderwerp, undefined);
  });

  it('reads the addressee of an open letter to parties, without the run of dots after it', () => {
    assert.equal(letterAddressee('Open brief aan D66, GBLV en GroenLinks......'), 'D66, GBLV en GroenLinks');
    assert.equal(letterAddressee('Open brief aan de gemeente Apeldoorn.'), 'de gemeente Apeldoorn');
    assert.equal(letterAddressee('Brief aan Sinterklaas'), null);
    assert.equal(letterAddressee('Open brief aan Jan en Piet'), null);
    const got = parseDocument(
      [
        'Open brief aan VVD, CDA en SP…',
        '',
        'Geachte fractieleden,',
        '',
        'Op 3 mei bent u in de wijk geweest om met de bewoners te praten over de nieuwe brug, en daar zijn wij u dankbaar voor.',
      ].join('\n'),
    );
    assert.equal(got.type, 'brief');
    assert.equal(got.fields.aan, 'VVD, CDA en SP');
  });
});

describe("documents: a motie's date from its shapes", () => {
  const motie = (top: string[], bottom: string[]) =>
    parseDocument(
      [
        ...top,
        'Constaterende dat de speeltuin aan de Kerkstraat al twee jaar gesloten is;',
        '',
        'Verzoekt het college de speeltuin voor de zomer weer te openen,',
        '',
        'En gaat over tot de orde van de dag.',
        '',
        ...bottom,
      ].join('\n'),
    );

  it('dates a motie by the meeting of the raad, not by the date a site posted it', () => {
    const got = motie(
      [
        '03 november 2021',
        '',
        'Motie speeltuin Kerkstraat',
        '',
        'De raad van de gemeente Kapelle, in vergadering bijeen op dinsdag 2 november 2021,',
        '',
      ],
      ['J. de Vries', 'CDA'],
    );
    assert.equal(got.type, 'motie');
    assert.equal(got.fields.datum, '2021-11-02');
  });

  it("dates written questions by the letter's own place and date line, not by the date a site posted them", () => {
    const got = parseDocument(
      [
        'Vragen over de verlichting van het fietspad',
        '',
        '12 maart 2019',
        '',
        'Toelichting: sinds de winter brandt de verlichting langs het fietspad naar het station niet meer.',
        '',
        'Deurne, 11 maart 2019',
        '',
        'Schriftelijke vragen aan het college van burgemeester en wethouders',
        '',
        'Geacht college,',
        '',
        '1. Wanneer wordt de verlichting langs het fietspad hersteld?',
        '2. Wie is verantwoordelijk voor het onderhoud van deze verlichting?',
        '',
        'Met vriendelijke groet,',
        '',
        'Karin Smits',
      ].join('\n'),
    );
    assert.equal(got.fields.datum, '2019-03-11');
  });

  it('reads "Voorgesteld tijdens het Wetgevingsoverleg van D" as the date', () => {
    const got = motie(
      ['MOTIE VAN HET LID PIRI', '', 'Voorgesteld tijdens het Wetgevingsoverleg van 12 februari 2024', '', 'De Kamer,', ''],
      ['Piri'],
    );
    assert.equal(got.fields.datum, '2024-02-12');
  });

  it('reads the date on the last line under the signers, and no date at the end of a text that is no motie', () => {
    const got = motie(['MOTIE VAN HET LID CEDER C.S.', '', 'De Kamer,', ''], ['Ceder', 'Stoffer', '', '14 februari 2024']);
    assert.equal(got.type, 'motie');
    assert.equal(got.fields.datum, '2024-02-14');
    assert.deepEqual(got.fields.indieners, ['Ceder', 'Stoffer']);
    assert.equal(got.lines.find((l) => l.text === '14 februari 2024')?.role, 'field');
    const letter = parseDocument(
      [
        'Geachte leden van de raad,',
        '',
        'Met deze brief informeren wij u over de voortgang van de bouw van de nieuwe sporthal aan de Dorpsstraat in het centrum.',
        '',
        'Met vriendelijke groet,',
        'J. Jansen',
        '',
        '14 februari 2024',
      ].join('\n'),
    );
    assert.equal(letter.fields.datum, undefined);
  });
});

describe('documents: signers in columns with their function', () => {
  it('reads "NAME   Fractievoorzitter PARTY" rows as signers with the fractie as their party', () => {
    assert.deepEqual(nameAndFunction('J. in het Veld\tFractievoorzitter CDA'), { name: 'J. in het Veld', func: 'Fractievoorzitter CDA' });
    assert.equal(nameAndFunction('Fractievoorzitter Burgerforum'), null);
    assert.equal(nameAndFunction('Kerkstraat 12\tWethouder'), null);
    assert.deepEqual(partyOfFunction('Fractievoorzitter Dorpsforum'), ['Dorpsforum']);
    assert.deepEqual(partyOfFunction('Raadslid Dorpsforum'), []);
    const got = parseDocument(
      [
        'MOTIE',
        'De raad van de gemeente Losser in vergadering bijeen op 10 november 2015',
        'Onderwerp: Maatregelen overlast hondenpoep',
        '',
        'De raad, constaterende dat de overlast van hondenpoep voor veel inwoners ergernis nummer één is;',
        'Verzoekt het college om maatregelen te onderzoeken;',
        '',
        'En gaat over tot de orde van de dag.',
        '',
        'J. in het Veld             Fractievoorzitter CDA',
        'L. ter Haar-Naafs     Fractievoorzitter Dorpsforum',
      ].join('\n'),
    );
    assert.equal(got.type, 'motie');
    assert.deepEqual(got.fields.indieners, ['J. in het Veld', 'L. ter Haar-Naafs']);
    assert.deepEqual(got.fields.partijen, ['CDA', 'Dorpsforum']);
  });
});

describe('documents: a party written with a person or its fractie', () => {
  it('splits "VVD – Sylvia Hosman" into the person and the party, and reads "de VVD Statenfractie Noord-Brabant" as VVD', () => {
    assert.deepEqual(dashedNameAndParty('VVD – Sylvia Hosman'), { name: 'Sylvia Hosman', party: 'VVD' });
    assert.deepEqual(dashedNameAndParty('Jan de Boer - CDA'), { name: 'Jan de Boer', party: 'CDA' });
    assert.equal(dashedNameAndParty('Noord – Zuid'), null);
    assert.deepEqual(partiesOf('de VVD Statenfractie Noord-Brabant'), ['VVD']);
    assert.deepEqual(partiesOf('CDA fractie Moerdijk'), ['CDA']);
    // A compound broken at its hyphen ("SP- fractie") names the party without the hyphen.
    assert.deepEqual(partiesOf('de SP- fractie'), ['SP']);
    assert.deepEqual(partiesOf('de GroenLinks -fractie'), ['GroenLinks']);
    // The council's, the Staten's or the Kamer's fractie: the party before the word.
    assert.deepEqual(partiesOf('de PvdA-raadsfractie'), ['PvdA']);
    assert.deepEqual(partiesOf('CDA-kamerfractie'), ['CDA']);
    const got = parseDocument(
      [
        'SCHRIFTELIJKE VRAGEN',
        '',
        'Indiener(s) VVD – Sylvia Hosman',
        'Datum 29 januari 2014',
        '',
        '1. Heeft het college kennis genomen van het artikel in de krant over de windmolens bij de dijk?',
        '2. Klopt het dat de provincie een aandeel wil in het windpark?',
      ].join('\n'),
    );
    assert.deepEqual(got.fields.indieners, ['Sylvia Hosman']);
    assert.deepEqual(got.fields.partijen, ['VVD']);
    const signed = parseDocument(
      [
        'Geacht college,',
        '',
        'Naar aanleiding van het bericht in de krant hebben wij de volgende vragen over de windmolens op land.',
        '',
        '1. Bent u bekend met het bericht?',
        '2. Bent u bereid het klimaatakkoord met de Staten te bespreken?',
        '',
        'Namens de VVD Statenfractie Noord-Brabant,',
        'Peter Portheine',
      ].join('\n'),
    );
    assert.deepEqual(signed.fields.partijen, ['VVD']);
  });
});

describe('documents: questions without a question mark', () => {
  it('reads a bullet that asks by its grammar in a list of questions, and no bullet of remarks', () => {
    assert.equal(asksInList('Wat voor onderzoek heeft er plaatsgevonden naar de molens.', 2), true);
    assert.equal(asksInList('Wat voor onderzoek heeft er plaatsgevonden naar de molens.', 0), false);
    assert.equal(asksInList('De molens staan in het buitengebied.', 2), false);
    const got = parseDocument(
      [
        'Schriftelijke vragen over kleine windmolens',
        '',
        'Geacht college,',
        '',
        'Naar aanleiding van het persbericht heeft onze fractie het college verzocht de volgende vragen te beantwoorden:',
        '',
        '• Waren alle bezwaren beantwoord voordat het persbericht werd verstuurd?',
        '• Wat voor onafhankelijk onderzoek heeft er plaatsgevonden naar de gevolgen voor flora en fauna.',
        '• Hoe is de keuze voor vier ondernemers tot stand gekomen?',
      ].join('\n'),
    );
    assert.equal(got.type, 'schriftelijke-vragen');
    assert.deepEqual(
      got.questions.map((q) => q.question),
      [
        'Waren alle bezwaren beantwoord voordat het persbericht werd verstuurd?',
        'Wat voor onafhankelijk onderzoek heeft er plaatsgevonden naar de gevolgen voor flora en fauna.',
        'Hoe is de keuze voor vier ondernemers tot stand gekomen?',
      ],
    );
  });
});

describe('documents: answers a listing page announces', () => {
  it('pairs unnumbered questions with the paragraphs under them when a cell names the minister who answers', () => {
    assert.equal(headSaysAnswered(['Jan Jansen (minister van justitie en veiligheid) (VVD) |']), true);
    assert.equal(headSaysAnswered(['Vragen van het lid Bakker (SP) aan de minister van Justitie']), false);
    const got = parseDocument(
      [
        'De sluiting van het politiebureau in Hoorn |',
        '|',
        'Anne Bakker (SP) |',
        '|',
        'Jan Jansen (minister justitie en veiligheid) (VVD) |',
        '|',
        'Bent u bekend met het bericht dat het politiebureau in Hoorn sluit? Wat vindt u daarvan?',
        'Het bureau sluit niet: de openingstijden veranderen. Ik heb de burgemeester daarover gesproken.',
        'Hoeveel agenten werken er in Hoorn?',
      ].join('\n'),
    );
    assert.equal(got.type, 'schriftelijke-vragen');
    assert.deepEqual(
      got.questions.map((q) => [q.question, q.answer]),
      [
        [
          'Bent u bekend met het bericht dat het politiebureau in Hoorn sluit? Wat vindt u daarvan?',
          'Het bureau sluit niet: de openingstijden veranderen. Ik heb de burgemeester daarover gesproken.',
        ],
        ['Hoeveel agenten werken er in Hoorn?', null],
      ],
    );
  });
});

describe("documents: a question's register number", () => {
  it('reads "Vraag 1115 2018-2022" as the kenmerk, not as question 11', () => {
    assert.equal(numbered('Vraag 1115 2018-2022'), null);
    assert.equal(numbered('Vraag 11: Wat kost het?')?.number, 11);
    const got = parseDocument(
      [
        'Het College van Burgemeester en Wethouders',
        'van de Gemeente Westland',
        '',
        '22 september 2021',
        '',
        'Betreft: schriftelijke vragen over de inzameling van huisafval',
        '',
        'Vraag 1115 2018-2022',
        '',
        'Edelachtbaar College,',
        '',
        'Gisteren ontkende de wethouder in de raadsvergadering dat de kosten van ondergrondse containers lager zijn. Dit leidt tot de volgende vragen:',
        '',
        '  • Waarom heeft de wethouder voor de inzameling huis aan huis gekozen?',
        '  • Is dit niet een nieuw feit?',
      ].join('\n'),
    );
    assert.equal(got.fields.kenmerk, '1115 2018-2022');
    assert.deepEqual(
      got.questions.map((q) => q.question),
      ['Waarom heeft de wethouder voor de inzameling huis aan huis gekozen?', 'Is dit niet een nieuw feit?'],
    );
  });
});

describe('documents: a post that quotes a letter', () => {
  it('types it brief and reads who wrote it to whom from the sentence that introduces it', () => {
    assert.deepEqual(introducedLetter('Van de **Omgevingsmanager van de gemeente Boxtel** ontvingen wij de volgende mail:'), {
      afzender: 'Omgevingsmanager van de gemeente Boxtel',
    });
    assert.deepEqual(introducedLetter('Wij stuurden op 3 mei 2020 de volgende brief aan het college.'), {
      aan: 'het college',
    });
    assert.equal(introducedLetter('Wij hebben de volgende vragen aan het college gesteld.'), null);
    const got = parseDocument(
      [
        'De [Stichting Groene Dijk](https://example.org/) en Dorpsraad Oost hebben de volgende oproep gedaan aan de [GGD West](https://example.org/ggd).',
        '',
        'Wij roepen dringend uw hulp in om een onderzoek te starten naar de gevolgen van het verkeer op de dijk voor de gezondheid van de bewoners.',
        '',
        'Het gaat ons met name om fijnstof, en om de toename van het zware verkeer na de verbreding van de weg.',
      ].join('\n'),
    );
    assert.equal(got.type, 'brief');
    assert.equal(got.fields.afzender, 'Stichting Groene Dijk en Dorpsraad Oost');
    assert.equal(got.fields.aan, 'GGD West');
    const news = parseDocument(
      [
        'Dorpsraad Oost heeft vorige week een brief gestuurd aan de GGD over het verkeer op de dijk.',
        '',
        'De GGD heeft nog niet gereageerd, en de bewoners wachten met spanning op een antwoord over het onderzoek.',
      ].join('\n'),
    );
    assert.equal(news.type, 'nieuws');
  });
});

describe("documents: an addressee's block is no signature", () => {
  it('reads no person in "van de Gemeente Westland"', () => {
    assert.equal(looksLikeName('van de Gemeente Westland'), false);
    assert.equal(looksLikeName('J. van de Berg'), true);
    const got = parseDocument(
      [
        'Het College van Burgemeester en Wethouders',
        'van de Gemeente Westland',
        'Postbus 150',
        '2670 AD  NAALDWIJK',
        '',
        'Geacht College,',
        '',
        'Graag ontvangen wij een reactie van het college op de uitlating van de wethouder in de vergadering van gisteren.',
        '',
        'Namens de fractie van Westland Verstandig',
        'Peter Duijsens',
      ].join('\n'),
    );
    assert.deepEqual(got.signers, ['Peter Duijsens']);
  });
});

describe("documents: a motie's outcome reported in a sentence", () => {
  it('reads "Deze motie is met algemene stemmen aangenomen." and no negated or expected outcome', () => {
    assert.equal(reportedOutcome('Wij dienden een motie in. Deze motie is met algemene stemmen aangenomen. Lees hieronder.'), 'aangenomen');
    assert.equal(reportedOutcome('De motie werd niet aangenomen.'), null);
    assert.equal(reportedOutcome('De motie is naar verwachting aangenomen.'), null);
    assert.equal(reportedOutcome('Als de motie is aangenomen, gaat het college aan de slag.'), null);
    const got = parseDocument(
      [
        'Motie speeltuin Kerkstraat',
        '',
        'Tijdens de raadsvergadering van 2 november heeft het CDA een motie ingediend over de speeltuin. Deze motie is met algemene stemmen aangenomen.',
        '',
        'De raad van de gemeente Kapelle, in vergadering bijeen op dinsdag 2 november 2021,',
        '',
        'Constaterende dat de speeltuin aan de Kerkstraat al twee jaar gesloten is;',
        '',
        'Verzoekt het college de speeltuin voor de zomer weer te openen,',
        '',
        'En gaat over tot de orde van de dag.',
      ].join('\n'),
    );
    assert.equal(got.type, 'motie');
    assert.equal(got.fields.status, 'aangenomen');
  });
});

describe('documents: footnotes a PDF glued to a question or an answer', () => {
  it('cuts the footnote whose number sticks to its first word after the sentence end, and keeps "3D-" and "2 vragen"', () => {
    assert.equal(withoutGluedFootnote('Wat doet u hieraan? 2Tweede Kamer.nl. Wetsvoorstel jeugdzorg.'), 'Wat doet u hieraan?');
    assert.equal(
      withoutGluedFootnote('Ja. Zie ook het antwoord op vraag 1 en 3. 2Zie A/67/828.'),
      'Ja. Zie ook het antwoord op vraag 1 en 3.',
    );
    assert.equal(withoutGluedFootnote('Wij kopen printers. 3D-printen is duur.'), 'Wij kopen printers. 3D-printen is duur.');
    assert.equal(withoutGluedFootnote('Wij stellen u vragen. 2 vragen blijven open.'), 'Wij stellen u vragen. 2 vragen blijven open.');
    const got = parseDocument(
      [
        'Vragen van het lid Bakker (SP) aan de minister van Volksgezondheid over de jeugdzorg (ingezonden 4 november 2024).',
        '',
        'Vraag 1',
        'Welke acties heeft u ondernomen om de personeelstekorten aan te pakken? 1Tweede Kamer.nl. Wetsvoorstel jeugdzorg.',
        '',
        'Antwoord 1',
        'De aanpak van de tekorten heeft grote prioriteit.',
      ].join('\n'),
    );
    assert.equal(got.questions[0].question, 'Welke acties heeft u ondernomen om de personeelstekorten aan te pakken?');
  });
});

describe("documents: a hard-wrapped motie's clauses", () => {
  it('starts the dictum on its own line after a consideration that ends in ";", so it becomes the besluit', () => {
    const got = parseDocument(
      [
        'MOTIE VAN DE LEDEN VAN BAARLE EN CEDER',
        'Voorgesteld 26 januari 2023',
        'De Kamer,',
        'gehoord de beraadslaging,',
        'constaterende dat er in de aanvulling sprake is van een vermogensgrens om',
        'te bepalen of er recht is op toegang tot de bijstand voor ouderen in Nederland;',
        'overwegende dat in het onderzoek daarom wordt geconstateerd dat de invulling',
        'van procedures en de bejegening bij uitvoerders een rol spelen bij het ontstaan',
        'van hardvochtige effecten voor burgers op het gebied van hun bestaanszekerheid;',
        'verzoekt de regering om samen met de SVB de mogelijkheden te verkennen om',
        'maatwerk toe te kunnen passen binnen de vermogenstoets van de aanvulling voor',
        'gevallen waarin de vermogenstoets leidt tot hardheid in de dagelijkse praktijk,',
        'en gaat over tot de orde van de dag.',
        'Van Baarle',
        'Ceder',
      ].join('\n'),
    );
    assert.equal(got.type, 'motie');
    assert.match(String(got.fields.besluit), /^verzoekt de regering om samen met de SVB/);
  });
});

describe('documents: the addressee of a Kamervragen head', () => {
  it('ends the addressee of a Kamervragen head at what prompted the questions ("naar aanleiding van …")', () => {
    const got = parseDocument(
      [
        'Vragen van het lid De Boer (VVD) aan de minister van Infrastructuur naar aanleiding van de berichten over gladde fietspaden.',
        '',
        '1. Kent u de berichten over gladde fietspaden in de winter?',
        '2. Wat gaat u doen om fietsers te beschermen?',
      ].join('\n'),
    );
    assert.equal(got.fields.aan, 'de minister van Infrastructuur');
    assert.equal(got.fields.onderwerp, 'gladde fietspaden');
    const without = parseDocument(
      [
        'Vragen van het lid De Boer (VVD) aan de minister van Infrastructuur n.a.v. een bericht in de krant.',
        '',
        '1. Kent u het bericht?',
      ].join('\n'),
    );
    assert.equal(without.fields.aan, 'de minister van Infrastructuur');
    assert.equal(without.fields.onderwerp, undefined);
  });
});
