// A college's information to the council (issue 20, round 15): the genre from its own title line, labels
// without a colon, a PDF's running header, the addressee and the college as sender. Invented examples of
// other municipalities' layouts; the real documents of round twelve are measured by documents:eval.
import assert from 'node:assert/strict';
import { parseDocument } from '../../../server/documents/parse';

const text = (...lines: string[]) => lines.join('\n');

describe('documents: a college informing the council', () => {
  it('reads the genre from a title line with a footnote mark glued on, over a letter salutation in the text', () => {
    const got = parseDocument(
      text(
        'RAADSINFORMATIEBRIEF1',
        '',
        'Onderwerp: Verplaatsing van de milieustraat',
        'Portefeuillehouder: A. de Wit',
        '',
        'Geachte leden van de raad,',
        '',
        'Met deze brief informeren wij u over de verplaatsing van de milieustraat naar het bedrijventerrein.',
      ),
    );
    assert.equal(got.type, 'raadsinformatiebrief');
  });

  it('reads "Kennisgeving" as the title of a college member informing the council', () => {
    const got = parseDocument(
      text(
        'gemeente Heerhugowaard',
        'Kennisgeving',
        'AAN: Gemeenteraad',
        'DATUM: 3 maart 2025',
        'ONDERWERP: Afsluiting van de Stationsweg',
        '',
        'Van 10 tot en met 14 maart is de Stationsweg afgesloten voor het vervangen van de riolering.',
        '',
        'Met vriendelijke groet, P. Jansen, wethouder',
      ),
    );
    assert.equal(got.type, 'raadsinformatiebrief');
    assert.equal(got.fields.onderwerp, 'Afsluiting van de Stationsweg');
  });

  it('keeps numbered questions with their answers under such a title as answers to questions', () => {
    const got = parseDocument(
      text(
        'Kennisgeving',
        'ONDERWERP: Technische vragen over het bestemmingsplan Molenwijk',
        '',
        '1. Wanneer begint de bouw van de eerste woningen?',
        'Antwoord: In het voorjaar van 2026.',
        '',
        '2. Hoeveel sociale huurwoningen komen er?',
        'Antwoord: Dertig procent van de woningen.',
      ),
    );
    assert.equal(got.type, 'schriftelijke-vragen');
  });

  it('does not take a public notice that only starts with the genre word for the title', () => {
    const got = parseDocument(
      text(
        'Kennisgeving van een ontwerpbesluit',
        '',
        'Burgemeester en wethouders maken bekend dat het ontwerpbesluit vanaf 1 april ter inzage ligt in het gemeentehuis.',
      ),
    );
    assert.equal(got.type, 'nieuws');
  });
});

describe('documents: header labels without a colon', () => {
  it('reads a block of "Label value" lines, a value running on over a second line between two labels', () => {
    const got = parseDocument(
      text(
        'Raadsinformatiebrief',
        '',
        'Onderwerp Herinrichting van het Marktplein en de aanliggende straten in',
        'het centrum van Oosterhout',
        'Portefeuillehouder K. van Dijk',
        'Portefeuille Openbare ruimte',
        '',
        'Aan de leden van de gemeenteraad van Oosterhout,',
        '',
        'Inleiding',
        'Het college heeft besloten het Marktplein opnieuw in te richten. In deze brief leest u hoe en wanneer dat gebeurt.',
      ),
    );
    assert.equal(got.type, 'raadsinformatiebrief');
    assert.equal(got.fields.onderwerp, 'Herinrichting van het Marktplein en de aanliggende straten in het centrum van Oosterhout');
    assert.equal(got.fields.portefeuillehouder, 'K. van Dijk');
  });

  it('keeps the next label its own line in a text a PDF wrapped at one width, also after a value run on', () => {
    const paragraph = [
      'Het college heeft in maart besloten de kruising bij het station opnieuw in te richten, zodat',
      'fietsers en voetgangers veiliger kunnen oversteken en bussen minder lang hoeven te wachten bij',
      'de verkeerslichten. In deze brief leest u welke maatregelen wij nemen en wanneer zij klaar zijn.',
      'De werkzaamheden beginnen na de zomervakantie en duren naar verwachting ongeveer vier maanden;',
      'in die periode is de kruising voor autoverkeer afgesloten en rijden bussen een omleidingsroute',
      'via de Stationsweg en de Molenstraat. Omwonenden en ondernemers krijgen vooraf een brief met',
      'de planning, en op de website van de gemeente staat de actuele stand van de werkzaamheden.',
      'Wij verwachten dat de nieuwe kruising in december van dit jaar in gebruik wordt genomen.',
    ];
    const got = parseDocument(
      text(
        'Raadsinformatiebrief',
        '',
        'Onderwerp Voortgang aanpak kruising Stationsplein',
        'aangepaste uitvoeringsstrategie en de bestuurlijke rapportage over de eerste helft van 2026',
        'Portefeuillehouder K. van Dijk',
        'Portefeuille Verkeer en Vervoer',
        '',
        ...paragraph,
      ),
    );
    assert.equal(got.fields.portefeuillehouder, 'K. van Dijk');
    assert.equal(
      got.fields.onderwerp,
      'Voortgang aanpak kruising Stationsplein aangepaste uitvoeringsstrategie en de bestuurlijke rapportage over de eerste helft van 2026',
    );
  });

  it('does not cut a hard-wrapped sentence before a label word unless a block of labels is above it', () => {
    const lines = [
      'Raadsinformatiebrief',
      '',
      'Het college heeft op 4 maart besloten de subsidie voor het buurthuis te verlengen. De',
      'Portefeuillehouder heeft dit besluit met de bewoners van de wijk besproken op een avond in het buurthuis.',
      'De bewoners waren tevreden over de uitkomst en over de manier waarop de gemeente hen heeft betrokken.',
      'Wij houden u op de hoogte van de verdere ontwikkelingen rond het buurthuis en de subsidie voor de',
      'komende jaren, en van de evaluatie die in het najaar met de bewoners en het bestuur wordt gehouden.',
      'Daarna besluit het college over de subsidie voor de periode na 2027 en informeert het de raad daarover.',
      'Met deze brief voldoet het college aan de toezegging die de wethouder in de commissie heeft gedaan.',
      'Wij vertrouwen erop u hiermee voldoende te hebben geïnformeerd over de stand van zaken in de wijk.',
    ];
    const got = parseDocument(text(...lines));
    assert.equal(got.fields.portefeuillehouder, undefined);
  });

  it('reads a letterhead label in capitals before its value on one line, also alone', () => {
    const got = parseDocument(
      text(
        'gemeente Heusden',
        'Kennisgeving',
        'AAN Gemeenteraad',
        '',
        'DATUM 12 mei 2025',
        '',
        'ONDERWERP Afsluiting Julianabrug',
        '',
        'Van 2 tot en met 6 juni is de Julianabrug afgesloten voor onderhoud aan het val.',
      ),
    );
    assert.equal(got.fields.aan, 'Gemeenteraad');
    assert.equal(got.fields.datum, '2025-05-12');
    assert.equal(got.fields.onderwerp, 'Afsluiting Julianabrug');
  });

  it('takes no heading in capitals for a label and its value', () => {
    const got = parseDocument(
      text(
        'Raadsinformatiebrief',
        'Onderwerp: Jaarverslag leerplicht',
        '',
        'ONDERWERP EN AANLEIDING',
        'Elk jaar stelt het college het jaarverslag leerplicht vast en stuurt het dat aan de raad.',
      ),
    );
    assert.equal(got.fields.onderwerp, 'Jaarverslag leerplicht');
  });
});

describe('documents: the college as sender from its signature', () => {
  it('takes "burgemeester en wethouders van X" under the closing as the sender, and names before their functions as signers', () => {
    const got = parseDocument(
      text(
        'Raadsinformatiebrief',
        'Onderwerp: Resultaten van de burgerpeiling 2025',
        '',
        'Aan de leden van de gemeenteraad van Borne,',
        '',
        'Met deze brief informeren wij u over de resultaten van de burgerpeiling van dit voorjaar.',
        '',
        'Hoogachtend,',
        'burgemeester en wethouders van Borne,',
        '',
        'mr. A. Kuipers, burgemeester',
        '',
        'drs. B. Smeets, gemeentesecretaris',
      ),
    );
    assert.equal(got.fields.afzender, 'burgemeester en wethouders van Borne');
    assert.deepEqual(got.signers, ['mr. A. Kuipers', 'drs. B. Smeets']);
  });

  it('takes Gedeputeerde Staten of a province as the sender', () => {
    const got = parseDocument(
      text(
        'Statenbrief',
        'Onderwerp: Voortgang van de energietransitie',
        '',
        'Geachte leden van Provinciale Staten,',
        '',
        'Met deze brief informeren wij u over de voortgang van de energietransitie in onze provincie.',
        '',
        'Hoogachtend,',
        'Gedeputeerde Staten van Drenthe,',
        '',
        'J. Bos, voorzitter',
        '',
        'K. Mulder, secretaris',
      ),
    );
    assert.equal(got.fields.afzender, 'Gedeputeerde Staten van Drenthe');
  });
});

describe("documents: a PDF's running page header", () => {
  const page = (n: number, of: number) => [
    'ZAAKNUMMER DATUM PAGINA gemeente Hof van Twente',
    `Z2025-00412   14 maart 2025   ${n}/${of}`,
    '',
  ];
  const rib = (...closing: string[]) =>
    parseDocument(
      text(
        ...page(1, 2),
        'Raadsinformatiebrief',
        '',
        'Onderwerp Stand van zaken zwembad De Hofkamp',
        'Portefeuillehouder L. Nijhof',
        '',
        'Het college informeert u over de renovatie van het zwembad. De werkzaamheden liggen op schema en blijven binnen het budget.',
        '',
        ...page(2, 2),
        'De opening van het gerenoveerde zwembad is gepland in september van dit jaar, na de zomervakantie.',
        '',
        ...closing,
      ),
    );

  it('is letterhead on every page, never text, and names the municipality as sender', () => {
    const got = rib();
    assert.equal(got.fields.afzender, 'gemeente Hof van Twente');
    assert.equal(got.fields.onderwerp, 'Stand van zaken zwembad De Hofkamp');
    assert.ok(!/ZAAKNUMMER|2\/2/.test(got.body), got.body);
    assert.deepEqual(
      got.lines.filter((l) => /ZAAKNUMMER|Z2025-00412/.test(l.text)).map((l) => l.role),
      ['letterhead', 'letterhead', 'letterhead', 'letterhead'],
    );
  });

  it('gives way to the college that signs', () => {
    const got = rib(
      'Hoogachtend,',
      'burgemeester en wethouders van Hof van Twente,',
      '',
      'E. Baars, secretaris',
      '',
      'A. Vos, burgemeester',
    );
    assert.equal(got.fields.afzender, 'burgemeester en wethouders van Hof van Twente');
  });

  it('takes no heading in capitals over a sentence for a running header', () => {
    const got = parseDocument(
      text(
        'Raadsinformatiebrief',
        'Onderwerp: Fietsroutes',
        '',
        'PLANNING EN UITVOERING gemeente Hengelo',
        'De eerste fietsroute is in 2026 klaar, de tweede volgt een jaar later.',
      ),
    );
    assert.ok(/PLANNING EN UITVOERING/.test(got.body), got.body);
  });
});

describe('documents: a college member in the letterhead as sender', () => {
  const notice = (...head: string[]) =>
    parseDocument(
      text(
        ...head,
        'Postbus 40',
        '7460 AA Rijssen',
        'Kennisgeving',
        'AAN Gemeenteraad',
        'DATUM 2 april 2025',
        'ONDERWERP Kap van de lindes aan de Haarstraat',
        '',
        'De lindes aan de Haarstraat zijn ziek en worden in mei gekapt en door nieuwe bomen vervangen.',
      ),
    );

  it('takes the office and the name under the organisation, on two lines or on one', () => {
    assert.equal(notice('gemeente Rijssen-Holten', 'wethouder', 'T. Nijkamp').fields.afzender, 'wethouder T. Nijkamp');
    assert.equal(notice('gemeente Rijssen-Holten', 'Locoburgemeester A. ter Haar').fields.afzender, 'Locoburgemeester A. ter Haar');
  });

  it('keeps the organisation when no office holder follows it (offered, as a letterhead’s organisation is)', () => {
    const got = notice('gemeente Rijssen-Holten', 'Afdeling Openbare Ruimte');
    assert.equal(got.fields.afzender, undefined);
    assert.deepEqual(
      got.suggestions.map((s) => [s.key, s.value]),
      [['afzender', 'gemeente Rijssen-Holten']],
    );
  });
});

describe('documents: a letterhead label in capitals with its value after an empty line', () => {
  it('reads "AAN" / "" / "Gemeenteraad" when another label follows', () => {
    const got = parseDocument(
      text(
        'Kennisgeving',
        'AAN',
        '',
        'Gemeenteraad',
        '',
        'DATUM 7 oktober 2025',
        'ONDERWERP Openingstijden van het gemeentehuis',
        '',
        'Vanaf 1 november is het gemeentehuis op vrijdagmiddag gesloten; afspraken blijven mogelijk.',
      ),
    );
    assert.equal(got.fields.aan, 'Gemeenteraad');
  });

  it('takes no paragraph after an empty line for the value when no label follows', () => {
    const got = parseDocument(
      text('Kennisgeving', 'ONDERWERP', '', 'Openingstijden', '', 'Vanaf 1 november is het gemeentehuis op vrijdagmiddag gesloten.'),
    );
    assert.equal(got.fields.onderwerp, undefined);
  });
});
