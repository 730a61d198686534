// Dutch political parties as data: the national parties that also sit in most councils, and the
// shapes of local party names ("Leefbaar Westland", "GemeenteBelang Westland", "Hart voor Den Haag",
// "Lokaal sterk", "Senioren Partij Maastricht"). A name counts as a party only when it is one of
// these, so "Het college heeft …" or "Fietsersbond" is never a party.
// The lists are the parties that held seats in the Tweede Kamer or in many councils since 2000.

/** National party names and their common abbreviations. */
const NATIONAL = [
  'VVD',
  'CDA',
  'D66',
  'PvdA',
  'Partij van de Arbeid',
  'Volkspartij voor Vrijheid en Democratie',
  'Christen-Democratisch Appèl',
  'Christen Democratisch Appèl',
  'Democraten 66',
  'Socialistische Partij',
  'Staatkundig Gereformeerde Partij',
  'GroenLinks',
  'GroenLinks-PvdA',
  'GroenLinks/PvdA',
  'GL-PvdA',
  'GL/PvdA',
  'PvdA-GroenLinks',
  'PvdA/GroenLinks',
  'SP',
  'ChristenUnie',
  'ChristenUnie-SGP',
  'ChristenUnie/SGP',
  'CU',
  'CU-SGP',
  'CU/SGP',
  'SGP',
  'PVV',
  'Partij voor de Vrijheid',
  'Partij voor de Dieren',
  'PvdD',
  '50PLUS',
  '50Plus',
  'DENK',
  'JA21',
  'FvD',
  'Forum voor Democratie',
  'Volt',
  'BBB',
  'BoerBurgerBeweging',
  'NSC',
  'Nieuw Sociaal Contract',
  'BIJ1',
  'Piratenpartij',
  'Leefbaar Nederland',
  'LPF',
  'Trots op Nederland',
  'GL',
  'BVNL',
  'Belang van Nederland',
  'Groep Van Haga',
  'Ja21',
  // Joint lists of two national parties that sit as one fraction in many councils: one party, written with a slash.
  // Two other parties with a slash between them ("CDA/VVD") may be two parties side by side: not in the lexicon.
  'PvdA/GroenLinks',
  'GroenLinks/PvdA',
  'PvdA/GL',
  'GL/PvdA',
  'ChristenUnie/SGP',
  'SGP/ChristenUnie',
  'CU/SGP',
  'SGP/CU',
];

const CAP = String.raw`\p{Lu}[\p{L}'’-]*`;
/**
 * The fractie after its party's name, also the council's, the Staten's or the Kamer's, and a compound broken at its
 * hyphen: "VVD-fractie", "PvdA-raadsfractie", "SP statenfractie", "CDA-kamerfractie", "SP- fractie".
 */
export const FRACTIE_WORD = String.raw`(?:\s*-?\s*(?:raads|staten|gemeenteraads|kamer)?fracties?)?`;
/** A place's name: its connecting words only before another capitalised word ("Capelle aan den IJssel", not "Katwijk de"). */
const PLACE = String.raw`(?:${CAP}|'s-${CAP}|’s-${CAP})(?:[ -](?:(?:aan|op|bij|den|de|der|in)[ -])*\p{Lu}[\p{L}'’-]*)*`;
/** Local party names: a party word with a place or a name. */
const LOCAL = [
  String.raw`(?:Leefbaar|Lokaal|Beter|Groep|(?:Gemeente|Dorps|Burger|Stads|Inwoners)[Bb]elang(?:en)?|Stadspartij|Dorpenpartij|Dorpspartij|Inwonerspartij|Senioren\s?Partij|Seniorenpartij|Ouderenpartij|Onafhankelijk|Progressief|Liberaal|Sterk|STERK|Gewoon|Samen|Lijst|Partij|Trots\s+[Oo]p|Hart\s+[Vv]oor|Echt\s+[Vv]oor|Open|Groen)\s+${PLACE}`,
  String.raw`${CAP}\s+(?:Belang(?:en)?|Lokaal|Sterk|STERK|Centraal|Actief|Anders|Vooruit|Transparant|Liberaal|Progressief|Verstandig)`,
  String.raw`Lokaal\s+sterk`,
  // One word with the party word glued on: "GemeenteBelangen", "Inwonersbelangen", "NZLokaal", "Stadspartij".
  String.raw`\p{Lu}[\p{L}\d]*(?:[Bb]elang(?:en)?|Lokaal|partij)(?![\p{L}\d])(?:\s+${PLACE})?`,
];

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const NATIONAL_PATTERN = [...NATIONAL]
  .sort((a, b) => b.length - a.length)
  .map(escape)
  .join('|');
/** A party name: national (optionally with its place, "D66 Helmond"), or local. */
export const PARTY = String.raw`(?:(?:${NATIONAL_PATTERN})(?:\s+${PLACE})?|${LOCAL.join('|')})`;
const WHOLE = new RegExp(`^${PARTY}$`, 'u');
const NATIONAL_ONLY = new RegExp(`^(?:${NATIONAL_PATTERN})$`, 'iu');

/** Whether a name is a party's name. */
export const isParty = (name: string): boolean => WHOLE.test(name.trim()) || NATIONAL_ONLY.test(name.trim());

/** An acronym a party goes by: capitals, digits and "&" ("BGE", "S&S", "AWP"), also with the small letters of its short words ("PDvZ"). */
const ACRONYM = /^\p{Lu}(?:[\p{Lu}&\d]|\p{Ll}{1,2}(?=\p{Lu})){1,7}$/u;
/** A local party's name in CamelCase: "DorpsVisie". */
const CAMEL = /^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}+$/u;
/** A short capitalised name without a sentence's punctuation: "Burgerforum Losser", "Stadspartij". */
const SHORT_NAME = (s: string) => /^\p{Lu}/u.test(s) && s.split(/\s+/).length <= 4 && !/[.,;:?!]/.test(s);

/**
 * The one test of a party's shape where a party is expected but need not be in the lexicon: a party of the lexicon, an
 * acronym or a name in CamelCase. Where it stands in brackets after a person's name ("Anna de Boer (Burgerforum
 * Losser)"), the place says it is a party, so a short capitalised name will do too.
 */
export function partyLike(name: string, place: 'list' | 'bracket' = 'list'): boolean {
  const s = name.trim();
  return isParty(s) || ACRONYM.test(s) || CAMEL.test(s) || (place === 'bracket' && SHORT_NAME(s));
}

const NATIONAL_AT_START = new RegExp(`^(?:${NATIONAL_PATTERN})(?=[\\s,]|$)`, 'u');
const LOCAL_AT_START = new RegExp(`^(?:${LOCAL.join('|')})(?=[\\s,]|$)`, 'u');

/** "Partij voor de Dieren Brabantse Delta", "VVD Rijswijk": a local branch by its national party's name; null otherwise. */
export function nationalBranch(name: string): string | null {
  const m = NATIONAL_AT_START.exec(name.trim());
  return m && /^(?:\s+\p{Lu}[\p{L}'’-]*)+$/u.test(name.trim().slice(m[0].length)) ? m[0] : null;
}

/**
 * A line of party names only, one for each of `count` signers above it ("Partij voor de Dieren SP Stadspartij"):
 * the names in order, or null when the line is anything else. Parties the lexicon knows are read by their name;
 * when all but one of the columns are known, the one left is a single capitalised word ("Stadspartij"). A single
 * signer's party line may be a local branch ("VVD Rijswijk"): the party is the national one. One party under
 * several signers is the party of each.
 */
export function partyRow(line: string, count: number): string[] | null {
  // "Partij voor de Vrijheid.": a full stop after the party line is no part of the name.
  const t = line.trim().replace(/(?<=\p{L})\.$/u, '');
  if (!t) return null;
  const cols: string[] = [];
  let unknown = 0;
  for (let rest = t; rest; rest = rest.replace(/^[\s,]+/, '')) {
    const m = NATIONAL_AT_START.exec(rest) ?? LOCAL_AT_START.exec(rest) ?? /^\p{Lu}[\p{L}\d'’-]*(?=[\s,]|$)/u.exec(rest);
    if (!m) return null;
    if (!isParty(m[0])) unknown++;
    cols.push(m[0]);
    rest = rest.slice(m[0].length);
  }
  const columns = count > 1 && cols.length === count && unknown <= 1 && unknown < count;
  // One party, perhaps a local branch ("Partij voor de Dieren Limburg", "VVD Rijswijk"): the party of each signer,
  // by its national name.
  const one = isParty(t) && (cols.length === 1 || (cols.length === 2 && unknown === 1 && NATIONAL_AT_START.test(t)));
  // Two signers over "VVD Groningen" may be of the VVD both, or of the VVD and of a party called Groningen: unclear.
  if (columns && one) return null;
  return columns ? cols : one ? Array<string>(count).fill(cols[0]) : null;
}

/**
 * Any verb in the present tense of the third person after the party at the start of a sentence: a word in lower case
 * ending in -t ("De VVD staat achter …", "Het CDA betreurt …"), not a noun of the party ("de VVD fractie").
 */
const PRESENT = String.raw`(?!fractie\b)\p{Ll}{2,}t\b`;
/** The place's adjective before a party's local branch: "De Almelose VVD-fractie". */
const PLACE_ADJECTIVE = String.raw`(?:\p{Lu}\p{Ll}+se\s+)?`;

/** Verbs a party does things with at the start of a sentence: "D66 zet …", "De PvdA deelt …", "GroenLinks is …". */
const ACTS = String.raw`(?:is|was|heeft|had|wil|wilde|vindt|vond|zet|zette|deelt|deelde|stelt|stelde|vraagt|vroeg|maakt|maakte|pleit|pleitte|wenst|ziet|zag|dient|diende|hoort|hoorde|las|leest|kreeg|krijgt|is\s+van\s+mening|maakt\s+zich|zijn|waren|hebben|hadden|willen|vinden|vonden|stellen|stelden|zien|pleiten|dienen|delen|maken)\b`;
/** Parties side by side as one subject: "De Partij voor de Dieren en GroenLinks", "VVD, CDA en D66". */
const PARTIES = String.raw`${PARTY}(?:\s*,\s*(?:de\s+|het\s+)?${PARTY})*(?:\s+en\s+(?:de\s+|het\s+)?${PARTY})?`;
/**
 * A sentence whose subject is a party: "(De) PARTY(-fractie) ACTS …", "De fractie van de Partij voor de Dieren heeft …"
 * (the party acting, as in the opening paragraphs of its questions; as a sender's line alone "De fractie van X" stays a
 * hint that a signature must confirm: headers.ts FRACTION_OF).
 */
const SUBJECT = new RegExp(
  String.raw`(?:^|(?<=[.!?]\s+))(?:(?:[Dd]e|[Hh]et)\s+)?(?:fractie\s+van\s+(?:de\s+|het\s+)?)?${PLACE_ADJECTIVE}(${PARTIES})${FRACTIE_WORD}\s+(?:${ACTS}|${PRESENT})`,
  'gmu',
);

/**
 * The same with the verb first: "In het vragenuur stelde de Partij voor de Dieren vragen", "… heeft de VVD de volgende
 * vragen", "… heeft de fractie van de PvdA u vragen gesteld".
 */
const ASKING = new RegExp(
  String.raw`\b(?:stelt|stelde|stellen|stelden|heeft|hebben|had|dient|diende)\s+(?:de\s+|het\s+)?(?:fractie\s+van\s+(?:de\s+|het\s+)?)?${PLACE_ADJECTIVE}(${PARTIES})${FRACTIE_WORD}\s+(?:\p{Ll}+\s+){0,4}?vragen\b`,
  'gu',
);

/** Who writes says for whom: "Namens de fractie van de Partij van de Arbeid doe ik u …", "namens D66 …". */
const ON_BEHALF = new RegExp(
  String.raw`\b[Nn]amens\s+(?:de\s+|het\s+)?(?:(?:fractie|raadsfractie|statenfractie)\s+(?:van\s+)?(?:de\s+|het\s+)?)?(${PARTY})(?![\p{L}-])`,
  'gu',
);

/** Who asks agrees with itself: "Is het college het met GroenLinks eens dat …?", "… het met de fractie van BVNL eens …". */
const AGREES = new RegExp(
  String.raw`\bhet\s+met\s+(?:de\s+|het\s+)?(?:fractie\s+van\s+(?:de\s+|het\s+)?)?(${PARTY})${FRACTIE_WORD}\s+eens\b`,
  'gu',
);

/**
 * The party or parties a text has acting: the subject of its sentences ("De PvdA deelt …", "De Partij voor de Dieren
 * en GroenLinks vinden …"), those that ask ("… hebben de SP en de VVD de volgende vragen"), on whose behalf it is
 * written, or with whom the college is asked to agree. The one group of parties every such sentence names, in order;
 * an empty list when there is none or the sentences name different parties.
 */
export function partiesActing(text: string): string[] {
  const groups = new Map<string, string[]>();
  for (const m of [...text.matchAll(SUBJECT), ...text.matchAll(ASKING), ...text.matchAll(ON_BEHALF), ...text.matchAll(AGREES)]) {
    const names = m[1]
      .split(/\s*,\s*|\s+en\s+/)
      .map((p) => p.replace(/^(?:de|het)\s+/i, '').trim())
      .filter(Boolean);
    const key = names
      .map((n) => n.toLowerCase())
      .sort()
      .join('|');
    if (!groups.has(key)) groups.set(key, names);
  }
  return groups.size === 1 ? [...groups.values()][0] : [];
}

/**
 * A party written as its abbreviation where the text spells it out once ("Sociaal Actieve Burgerpartij (SAB)", "SAB
 * (Sociaal Actieve Burgerpartij)"): the name in full, as the party writes it on its own paper. Abbreviations of the
 * lexicon's parties (VVD, CDA, SP) stay: they are those parties' names.
 */
export function spelledOut(party: string, text: string): string {
  const abbreviation = party.trim();
  if (!/^\p{Lu}[\p{Lu}\d&]{1,6}$/u.test(abbreviation) || isParty(abbreviation)) return party;
  // (A name starts a word: from each capital inside a long run of letters the pattern would read the run again.)
  const words = String.raw`((?<![\p{L}'-])\p{Lu}[\p{L}'-]*(?:\s+(?:voor\s+(?:de\s+|het\s+)?|van\s+(?:de\s+|het\s+)?|en\s+)?\p{Lu}[\p{L}'-]*){1,6})`;
  const letters = abbreviation.replace(/[\d&]/g, '');
  const initials = (parts: string[]) =>
    parts
      .filter((w) => /^\p{Lu}/u.test(w))
      .map((w) => w[0])
      .join('');
  for (const [re, before] of [
    [new RegExp(String.raw`${words}\s*\(\s*${abbreviation}\s*\)`, 'gu'), true],
    [new RegExp(String.raw`\b${abbreviation}\s*\(\s*${words}\s*\)`, 'gu'), false],
  ] as const)
    for (const m of text.matchAll(re)) {
      const full = m[1].trim().split(/\s+/);
      // Before the brackets the name is the last words whose initials spell the abbreviation: a capitalised word in
      // front of them ("Fractie Actieve Rivierstad Partij (ARP)", a sentence's first word) is no part of it.
      const from = before
        ? full.findIndex((w, k) => /^\p{Lu}/u.test(w) && initials(full.slice(k)) === letters)
        : initials(full) === letters
          ? 0
          : -1;
      if (from >= 0) return full.slice(from).join(' ');
    }
  return party;
}

/** The words before a party's name that say the name is its fraction's: "de fractie van de ", "Fracties van ", "raadsfractie ". */
export const FRACTION_OF = /^(?:de\s+)?(?:gemeenteraads|raads|staten)?fracties?\s+(?:van\s+)?(?:de\s+|het\s+)?/i;

/**
 * The party a sender is the fraction of: "de fractie van de PvdA", "De SP-fractie", "Fractie GroenLinks", "PVV
 * Maastricht" (the national party of a local branch), "Stadspartij"; null when the sender is no party of the lexicon,
 * or a local party of several words.
 */
export function fractionParty(sender: string): string | null {
  const name = sender
    .trim()
    .replace(/[,.:]$/, '')
    .replace(FRACTION_OF, '')
    .replace(/^(?:de|het)\s+/i, '')
    .replace(/\s*-?\s*(?:gemeenteraads|raads|staten)?fractie$/i, '')
    .trim();
  if (!name || !isParty(name)) return null;
  const national = nationalBranch(name);
  if (national) return national;
  // A local party of several words ("Gemeentebelangen De Wolden", "Leefbaar Ridderkerk"): whether the place is part of
  // the party's name is the party's own choice, not told by the sender alone.
  return /\s/.test(name) ? null : name;
}
