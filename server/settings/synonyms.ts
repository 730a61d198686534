// Abbreviations and synonyms for /zoeken, a setting the editors keep (schema.ts, searchSynonyms):
// one group a line, its forms separated by "=", case and accents do not matter. A search for one
// form of a group also finds the others (Wmo finds "Wet maatschappelijke ondersteuning" and back).
// Kept here, below the search feature, so the settings can check the text. Pure.

/** The most groups and forms: every form costs a little at every search. */
const GROUPS_MAX = 300;
const FORMS_MAX = 8;
const FORM_MAX = 80;

/** Abbreviations every Dutch municipality uses, and the ministries and parties in council texts. */
export const DEFAULT_SYNONYMS = [
  'Wmo = Wet maatschappelijke ondersteuning',
  'B&W = college van burgemeester en wethouders = burgemeester en wethouders',
  'OZB = onroerendezaakbelasting = onroerende-zaakbelasting = onroerende zaakbelasting',
  'WOZ = Wet waardering onroerende zaken = waardering onroerende zaken',
  'RIB = raadsinformatiebrief',
  'APV = algemene plaatselijke verordening',
  'Awb = Algemene wet bestuursrecht',
  'Wob = Wet openbaarheid van bestuur',
  'Woo = Wet open overheid',
  'GGD = gemeentelijke gezondheidsdienst',
  'BOA = buitengewoon opsporingsambtenaar',
  'AOW = Algemene Ouderdomswet',
  'mkb = midden- en kleinbedrijf = midden en kleinbedrijf',
  'ov = openbaar vervoer',
  'NS = Nederlandse Spoorwegen',
  'VvE = vereniging van eigenaren',
  'BSO = buitenschoolse opvang',
  'KDV = kinderdagverblijf',
  'vso = voortgezet speciaal onderwijs',
  'vo = voortgezet onderwijs',
  'po = primair onderwijs',
  'bp = bestemmingsplan',
  'RUD = regionale uitvoeringsdienst',
  'GR = gemeenschappelijke regeling',
  'VNG = Vereniging van Nederlandse Gemeenten',
  'BRP = basisregistratie personen',
  'BAG = basisregistratie adressen en gebouwen',
  'BSN = burgerservicenummer',
  'CJG = centrum voor jeugd en gezin',
  'UWV = Uitvoeringsinstituut Werknemersverzekeringen',
  'SVB = Sociale Verzekeringsbank',
  'azc = asielzoekerscentrum',
  'COA = Centraal Orgaan opvang asielzoekers',
  'MER = milieueffectrapport = milieueffectrapportage',
  'BIZ = bedrijveninvesteringszone',
  'RO = ruimtelijke ordening',
  'OM = Openbaar Ministerie',
  'WW = Werkloosheidswet',
  'Wsw = Wet sociale werkvoorziening',
  'KCC = klantcontactcentrum',
  'PvE = programma van eisen',
  'TK = Tweede Kamer',
  'EK = Eerste Kamer',
  'PS = Provinciale Staten',
  'GS = Gedeputeerde Staten',
  'BZK = Binnenlandse Zaken en Koninkrijksrelaties',
  'VWS = Volksgezondheid, Welzijn en Sport',
  'I&W = Infrastructuur en Waterstaat = IenW',
  'EZK = Economische Zaken en Klimaat',
  'OCW = Onderwijs, Cultuur en Wetenschap',
  'SZW = Sociale Zaken en Werkgelegenheid',
  'J&V = Justitie en Veiligheid = JenV',
  'LNV = Landbouw, Natuur en Voedselkwaliteit',
  'VROM = Volkshuisvesting, Ruimtelijke Ordening en Milieu',
  'PvdA = Partij van de Arbeid',
  'CDA = Christen-Democratisch Appèl',
  'VVD = Volkspartij voor Vrijheid en Democratie',
  'SP = Socialistische Partij',
  'PVV = Partij voor de Vrijheid',
  'CU = ChristenUnie',
  'SGP = Staatkundig Gereformeerde Partij',
  'PvdD = Partij voor de Dieren',
  'GL = GroenLinks',
  'BBB = BoerBurgerBeweging',
].join('\n');

/** The groups in the setting's text (each a list of forms as written), or the first line that is wrong. */
export function parseSynonyms(text: string): { ok: true; groups: string[][] } | { ok: false; error: string } {
  const groups: string[][] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === '') continue;
    const at = `regel ${i + 1}`;
    const forms = lines[i].split('=').map((f) => f.trim());
    if (forms.length < 2 || forms.some((f) => f === '')) {
      return { ok: false, error: `${at}: schrijf de vormen met een = ertussen, bijvoorbeeld "Wmo = Wet maatschappelijke ondersteuning".` };
    }
    if (forms.length > FORMS_MAX) return { ok: false, error: `${at}: hoogstens ${FORMS_MAX} vormen op één regel.` };
    const long = forms.find((f) => f.length > FORM_MAX);
    if (long) return { ok: false, error: `${at}: "${long.slice(0, 30)}…" is langer dan ${FORM_MAX} tekens.` };
    groups.push(forms);
  }
  if (groups.length > GROUPS_MAX) return { ok: false, error: `Hoogstens ${GROUPS_MAX} regels.` };
  return { ok: true, groups };
}

/** The groups of a stored setting; a text that no longer parses gives none rather than an error. */
export function synonymGroupsOf(text: string): string[][] {
  const parsed = parseSynonyms(text);
  return parsed.ok ? parsed.groups : [];
}
