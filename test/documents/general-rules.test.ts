// General rules of the recogniser (issue 20, session 10), each on a text written for the test in the
// shape real documents take: a Kamervragen head with "(ingezonden D)" on a line of its own,
// unnumbered questions each in a paragraph of their own, and a site's "Antwoorden" link above
// numbered questions.
import assert from 'node:assert/strict';
import { parseDocument } from '../../server/documents/parse';
import { plausible } from '../../server/documents/parse/values';

describe('documents: general rules of the recogniser', () => {
  it('reads "(ingezonden D)" on its own line above the head as the day the questions were sent in', () => {
    const got = parseDocument(
      [
        '2024Z19001',
        '',
        '(ingezonden 21 november 2024)',
        '',
        'Vragen van het leden Jansen en Bakker (beiden CDA) aan de minister van Binnenlandse Zaken over de bereikbaarheid van gemeentehuizen.',
        '',
        '1. Bent u bekend met het bericht dat steeds meer gemeentehuizen alleen op afspraak open zijn?',
        '',
        '2. Hoeveel gemeenten hebben hun openingstijden het afgelopen jaar beperkt?',
      ].join('\n'),
    );
    assert.equal(got.type, 'schriftelijke-vragen');
    assert.equal(got.fields.datum, '2024-11-21');
    assert.equal(got.fields.ingekomen, '2024-11-21');
    assert.equal(got.fields.kenmerk, '2024Z19001');
    assert.deepEqual(got.fields.indieners, ['Jansen', 'Bakker']);
    assert.deepEqual(got.fields.partijen, ['CDA']);
    assert.equal(got.fields.onderwerp, 'de bereikbaarheid van gemeentehuizen');
    assert.equal(got.lines[2].role, 'field');
  });

  it('takes each paragraph that asks as the next question when the questions have no numbers and no answers', () => {
    const got = parseDocument(
      [
        '(ingezonden 21 november 2024)',
        '',
        'Vragen van het lid Jansen (SP) aan de staatssecretaris van Onderwijs over wachtlijsten in het speciaal onderwijs.',
        '',
        'Bent u bekend met het bericht dat honderden kinderen op een wachtlijst staan voor het speciaal onderwijs? 1)',
        '',
        'Hoeveel kinderen zitten op dit moment thuis zonder passend onderwijs?',
        '',
        'In de regio Utrecht wachten kinderen volgens ouders gemiddeld een half jaar.',
        'Klopt dat beeld, en hoe lang wachten kinderen in andere regio’s?',
        '',
        'Kunt u deze vragen beantwoorden voor het notaoverleg passend onderwijs?',
        '',
        '1) NOS, 18 november 2024, ‘Honderden kinderen wachten op plek in speciaal onderwijs’',
      ].join('\n'),
    );
    assert.equal(got.type, 'schriftelijke-vragen');
    assert.deepEqual(
      got.questions.map((q) => [q.number, q.question, q.answer]),
      [
        [1, 'Bent u bekend met het bericht dat honderden kinderen op een wachtlijst staan voor het speciaal onderwijs?', null],
        [2, 'Hoeveel kinderen zitten op dit moment thuis zonder passend onderwijs?', null],
        [
          3,
          'In de regio Utrecht wachten kinderen volgens ouders gemiddeld een half jaar. Klopt dat beeld, en hoe lang wachten kinderen in andere regio’s?',
          null,
        ],
        [4, 'Kunt u deze vragen beantwoorden voor het notaoverleg passend onderwijs?', null],
      ],
    );
  });

  it('finds no list of questions in a letter that asks something here and there', () => {
    const got = parseDocument(
      [
        'Geacht college,',
        '',
        'Onze vereniging volgt de plannen voor het stationsgebied al jaren met belangstelling.',
        '',
        'Wie had gedacht dat de bouw zo lang zou duren? De bewoners merken elke dag de overlast van het bouwverkeer.',
        '',
        'Wij vragen u de bewoners beter te informeren over de planning en de omleidingen.',
        '',
        'Is het niet tijd voor een bewonersavond?',
        '',
        'Wij rekenen op een goede samenwerking en horen graag van u.',
        '',
        'Met vriendelijke groet,',
        '',
        'Bewonersvereniging Stationskwartier',
      ].join('\n'),
    );
    assert.deepEqual(got.questions, []);
  });

  it('reads numbered items that ask under an "Antwoorden" link above them as questions without answers', () => {
    const got = parseDocument(
      [
        'Schriftelijke vragen over de sluiting van het zwembad',
        '',
        'Antwoorden',
        '',
        'Zwolle, 3 april 2023',
        '',
        'Geacht college,',
        '',
        'De fractie van de ChristenUnie heeft de volgende vragen over de sluiting van zwembad De Vrijheid:',
        '',
        '1) Wanneer heeft het college besloten het zwembad te sluiten?',
        '',
        '2) Welke andere zwembaden kunnen de schoolkinderen gebruiken?',
        '',
        'Hoogachtend,',
        '',
        'Anne de Boer',
      ].join('\n'),
    );
    assert.equal(got.type, 'schriftelijke-vragen');
    assert.deepEqual(
      got.questions.map((q) => [q.number, q.question, q.answer]),
      [
        [1, 'Wanneer heeft het college besloten het zwembad te sluiten?', null],
        [2, 'Welke andere zwembaden kunnen de schoolkinderen gebruiken?', null],
      ],
    );
    assert.deepEqual(got.warnings, []);
  });

  it('keeps numbered answers under an answer heading as answers when nothing above asks', () => {
    const got = parseDocument(
      [
        'Beantwoording schriftelijke vragen zwembad',
        '',
        'Antwoorden college:',
        '',
        '1. Het college heeft op 14 maart besloten het zwembad te sluiten.',
        '',
        '2. De schoolkinderen kunnen terecht in zwembad De Meerval.',
      ].join('\n'),
    );
    assert.ok(!got.questions.some((q) => /besloten het zwembad te sluiten/.test(q.question)));
  });

  it("reports a value only when it is of its field's kind: a missing field is better than a wrong one", () => {
    assert.ok(plausible('kenmerk', '2008-09200/8/A.23, CW'));
    assert.ok(!plausible('kenmerk', 'zie de bijlage'));
    assert.ok(plausible('aan', 'Zijne excellentie H.G.J. Kamp Minister van Economische Zaken'));
    assert.ok(!plausible('aan', 'de minister van Binnenlandse Zaken en Koninkrijksrelaties over het'));
    assert.ok(!plausible('onderwerp', 'U heeft op 13 juni het algemeen overleg verkeersveiligheid. Graag willen'));
    assert.ok(!plausible('onderwerp', 'fiets-/'));
    assert.ok(plausible('bijlagen', ['31']));
    assert.ok(!plausible('bijlagen', [': : :']));
    assert.ok(!plausible('indieners', ['Jansen 2024']));
    assert.ok(!plausible('indieners', ['Kirsten de Wrede', 'Status', 'Overgenomen', 'Voor']));
    assert.ok(plausible('partijen', ['Partij voor de Dieren', 'Lokaal sterk', 'GroenLinks-PvdA']));
    assert.ok(!plausible('partijen', ['PvdD', 'Lees onze andere moties']));
    assert.ok(!plausible('partijen', ['1']));

    const got = parseDocument(
      [
        'Aan: de leden van de gemeenteraad',
        'Onderwerp: Wij informeren u hierbij over de stand van zaken. De bouw ligt op schema.',
        'Ons kenmerk: zie boven',
        'Datum: 3 april 2023',
        '',
        'Geachte leden van de raad,',
        '',
        'De bouw van de nieuwe sporthal ligt op schema; de oplevering is in september.',
      ].join('\n'),
    );
    assert.equal(got.fields.onderwerp, undefined);
    assert.equal(got.fields.kenmerk, undefined);
    assert.equal(got.fields.aan, 'de leden van de gemeenteraad');
    assert.match(got.body, /Wij informeren u hierbij over de stand van zaken/);
  });

  it('reads questions put to "u" one after another, without numbers or blank lines, as written questions', () => {
    const got = parseDocument(
      [
        'Het bericht over lege schoolgebouwen',
        'Anna de Wit (SP)',
        'Bent u bekend met het bericht dat honderd schoolgebouwen leegstaan?1',
        'Hoeveel van die gebouwen zijn in handen van gemeenten?',
        'Deelt u de mening dat leegstaande scholen als woning kunnen dienen?',
        'Bent u bereid hierover met gemeenten in gesprek te gaan?',
      ].join('\n'),
    );
    assert.equal(got.type, 'schriftelijke-vragen');
    assert.deepEqual(
      got.questions.map((q) => q.question),
      [
        'Bent u bekend met het bericht dat honderd schoolgebouwen leegstaan?',
        'Hoeveel van die gebouwen zijn in handen van gemeenten?',
        'Deelt u de mening dat leegstaande scholen als woning kunnen dienen?',
        'Bent u bereid hierover met gemeenten in gesprek te gaan?',
      ],
    );
  });

  it('sets apart the "over" a PDF ran together with the word before or after it in a Kamervragen head', () => {
    const got = parseDocument(
      [
        'Vragen van de leden Jansen en Bakker (beiden CDA) aan de Ministers van Financiën en van Volksgezondheid, Welzijn en',
        'Sportover de wachttijden in de jeugdzorg (ingezonden 3 december 2024).',
        '',
        'Vraag 1',
        'Kent u het bericht over de wachttijden in de jeugdzorg?',
        '',
        'Vraag 2',
        'Hoe lang wacht een kind gemiddeld op hulp?',
      ].join('\n'),
    );
    assert.equal(got.fields.aan, 'de Ministers van Financiën en van Volksgezondheid, Welzijn en Sport');
    assert.equal(got.fields.onderwerp, 'de wachttijden in de jeugdzorg');
    const glued = parseDocument(
      'Vragen van het lid Jansen (SP) aan de Minister van Infrastructuur en Waterstaat overde sluiting van de Merwedekanaalbrug (ingezonden 3 december 2024).\n\n1. Waarom is de brug gesloten?',
    );
    assert.equal(glued.fields.aan, 'de Minister van Infrastructuur en Waterstaat');
    assert.equal(glued.fields.onderwerp, 'de sluiting van de Merwedekanaalbrug');
  });

  it('reads a header of table cells ending in "|": the title is the onderwerp, the cell of names with parties who asks', () => {
    const got = parseDocument(
      [
        'Het bericht over lege kerkgebouwen |',
        '|',
        'Anna de Wit (SP), Piet Bakker (CDA), Els Visser (SP) |',
        '|',
        'Jan Jansen (minister binnenlandse zaken) (VVD) |',
        '|',
        '![]() |',
        'Bent u bekend met het bericht dat honderd kerkgebouwen leegstaan?',
        'Ja.',
        'Bent u bereid hierover met gemeenten in gesprek te gaan?',
        'Nee.',
      ].join('\n'),
    );
    assert.equal(got.type, 'schriftelijke-vragen');
    assert.equal(got.fields.onderwerp, 'Het bericht over lege kerkgebouwen');
    assert.deepEqual(got.fields.indieners, ['Anna de Wit', 'Piet Bakker', 'Els Visser']);
    assert.deepEqual(got.fields.partijen, ['SP', 'CDA']);
    assert.equal(got.fields.aan, undefined);
  });

  it('pairs questions and answers that alternate line by line without numbers when an answer answers as only an answer does', () => {
    const long =
      'Het Rijk houdt niet bij welke kerkgebouwen leegstaan of in handen van gemeenten zijn, omdat dat een zaak van de eigenaren';
    const got = parseDocument(
      [
        'Het bericht over lege kerkgebouwen |',
        '|',
        'Anna de Wit (SP) |',
        '|',
        'Jan Jansen (minister binnenlandse zaken) (VVD) |',
        '|',
        '![]() |',
        'Bent u bekend met het bericht dat honderd kerkgebouwen leegstaan, en dat gemeenten steeds vaker worden gevraagd ze over te nemen?1',
        'Ja.',
        'Hoeveel van die gebouwen zijn in handen van gemeenten, en hoeveel daarvan staan al langer dan een jaar leeg?',
        `${long} en van de gemeenten is. Ook de gemeenten houden het niet bij.`,
        `${long} is, en omdat het geen taak van het Rijk is dat bij te houden.`,
        'Bent u bereid hierover met gemeenten in gesprek te gaan?',
        'Zie het antwoord op vraag 2.',
      ].join('\n'),
    );
    assert.deepEqual(
      got.questions.map((q) => [q.question, q.answer]),
      [
        [
          'Bent u bekend met het bericht dat honderd kerkgebouwen leegstaan, en dat gemeenten steeds vaker worden gevraagd ze over te nemen?',
          'Ja.',
        ],
        [
          'Hoeveel van die gebouwen zijn in handen van gemeenten, en hoeveel daarvan staan al langer dan een jaar leeg?',
          `${long} en van de gemeenten is. Ook de gemeenten houden het niet bij. ${long} is, en omdat het geen taak van het Rijk is dat bij te houden.`,
        ],
        ['Bent u bereid hierover met gemeenten in gesprek te gaan?', 'Zie het antwoord op vraag 2.'],
      ],
    );
    const letter = parseDocument(
      [
        'Geacht college,',
        '',
        'Wij schrijven u over de kerk aan de Dorpsstraat. Is het waar dat zij wordt gesloopt?',
        'Wij horen het graag van u.',
        'Kunt u ons zeggen wanneer het besluit valt?',
        'Wij danken u voor uw antwoord.',
      ].join('\n'),
    );
    assert.deepEqual(letter.questions, []);
  });

  it('reads the head of one question, "Vraag van het lid X (P) aan …", as it reads "Vragen van …"', () => {
    const got = parseDocument(
      [
        'Vergaderjaar 2024–2025 Aanhangsel van de Handelingen',
        '585',
        'Vraag van het lid Jansen (SP) aan de Minister van Justitie en',
        'Veiligheid over de wachttijden bij de rechtbanken (ingezonden',
        '1 oktober 2024).',
        'Vraag 1',
        'Hoe lang wacht een zaak gemiddeld op een zitting?',
      ].join('\n'),
    );
    assert.equal(got.type, 'schriftelijke-vragen');
    assert.equal(got.fields.aan, 'de Minister van Justitie en Veiligheid');
    assert.equal(got.fields.onderwerp, 'de wachttijden bij de rechtbanken');
    assert.equal(got.fields.ingekomen, '2024-10-01');
    assert.equal(got.fields.kenmerk, '585');
    assert.deepEqual(got.fields.indieners, ['Jansen']);
  });

  it('reads the parties on a line under the signers, also after an empty line: in columns, or one party for all', () => {
    const motion = (signature: string[]) =>
      parseDocument(
        [
          "Motie 'Bankjes in het park'",
          '',
          'De raad van de gemeente Groningen, in vergadering bijeen op 22 mei 2019,',
          '',
          'Verzoekt het college:',
          '',
          '  • Meer bankjes in het Noorderplantsoen te plaatsen',
          '',
          'En gaat over tot de orde van de dag!',
          '',
          ...signature,
          '',
          'Status',
          '',
          'Voor',
        ].join('\n'),
      );
    const three = motion(['Gerjan Kelder Wim Kok Amrut Sijbolts', '', 'Partij voor de Dieren SP Stadspartij']);
    assert.deepEqual(three.fields.indieners, ['Gerjan Kelder', 'Wim Kok', 'Amrut Sijbolts']);
    assert.deepEqual(three.fields.partijen, ['Partij voor de Dieren', 'SP', 'Stadspartij']);
    const one = motion(['Coen Sleddering Caroline de Mooij Menno Ezinga', '', 'VVD Groningen']);
    assert.deepEqual(one.fields.indieners, ['Coen Sleddering', 'Caroline de Mooij', 'Menno Ezinga']);
    assert.deepEqual(one.fields.partijen, ['VVD']);
    // Two signers over "VVD Groningen": one party or two, the line does not say; a missing field beats a wrong one.
    const two = motion(['Coen Sleddering Caroline de Mooij', '', 'VVD Groningen']);
    assert.deepEqual(two.fields.indieners, ['Coen Sleddering', 'Caroline de Mooij']);
    assert.equal(two.fields.partijen, undefined);
  });

  it("ends a signature at a label on its own line, so a motie's vote lines without empty lines give no signers or parties", () => {
    const got = parseDocument(
      [
        "Motie 'Bankjes in het park'",
        '',
        'De raad van de gemeente Groningen, in vergadering bijeen op 22 mei 2019,',
        '',
        'Verzoekt het college:',
        '',
        '  • Meer bankjes in het Noorderplantsoen te plaatsen',
        '',
        'En gaat over tot de orde van de dag!',
        '',
        'Gerjan Kelder',
        'Status',
        'Verworpen',
        'Voor',
        'PvdD, GroenLinks',
        'Tegen',
        'VVD, SP, D66, PvdA, CDA',
      ].join('\n'),
    );
    assert.deepEqual(got.fields.indieners, ['Gerjan Kelder']);
    assert.equal(got.fields.partijen, undefined);
    assert.deepEqual(got.signers, ['Gerjan Kelder']);
  });

  it('reports no onderwerp that is a fragment: a bracket left open, a trailing separator', () => {
    assert.equal(plausible('onderwerp', 'de faillissementen in onze circulaire economie(ingezonden'), false);
    assert.equal(plausible('onderwerp', 'Het bericht ‘Frankrijk zal Palestina erkennen als staat’ |'), false);
    // One word in lower case may be a labelled onderwerp ("Onderwerp: verkeer"): not enough to reject it.
    assert.equal(plausible('onderwerp', 'verkeer'), true);
    assert.equal(plausible('onderwerp', 'Agenda Dieren (maatschappelijk draagvlak geen voorwaarde)'), true);
    assert.equal(plausible('aan', 'college'), true);
  });
});

describe('documents: provincial questions answered by Gedeputeerde Staten', () => {
  it('pairs "Vraag N:" with "Antwoord Gedeputeerde Staten van X:" under it, and takes no article of the rules for a subject', () => {
    const got = parseDocument(
      [
        'Schriftelijke vragen (art. 39 RvO)',
        '',
        'Vragen',
        '',
        ' • Vraag 1:',
        '  Is het college bekend met de overlast van ganzen in de polder?',
        ' • Antwoord Gedeputeerde Staten van Zandland:',
        '  Ja, wij kennen de klachten van de boeren.',
        '',
        ' • Vraag 2:',
        '  Welke maatregelen neemt het college?',
        ' • Antwoord Gedeputeerde Staten van Zandland:',
        '  Wij laten de ganzen tellen en spreken met de boeren.',
      ].join('\n'),
    );
    assert.deepEqual(
      got.questions.map((q) => [q.number, q.answer]),
      [
        [1, 'Ja, wij kennen de klachten van de boeren.'],
        [2, 'Wij laten de ganzen tellen en spreken met de boeren.'],
      ],
    );
    assert.equal(got.fields.onderwerp, undefined);
  });
});
