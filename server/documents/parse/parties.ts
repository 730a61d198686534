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
];

const CAP = String.raw`\p{Lu}[\p{L}'’-]*`;
const PLACE = String.raw`(?:${CAP}|'s-${CAP}|’s-${CAP})(?:[ -](?:aan|op|bij|den|de|der|in|\p{Lu}[\p{L}'’-]*))*`;
/** Local party names: a party word with a place or a name. */
const LOCAL = [
  String.raw`(?:Leefbaar|Lokaal|Beter|Groep|Gemeentebelang|GemeenteBelang|Stadspartij|Dorpenpartij|Burgerbelangen|Dorpsbelangen|Senioren\s?Partij|Seniorenpartij|Ouderenpartij|Onafhankelijk|Progressief|Gewoon|Samen|Lijst|Partij|Trots\s+op|Hart\s+voor|Echt\s+voor|Open|Groen)\s+${PLACE}`,
  String.raw`${CAP}\s+(?:Belang|Lokaal|Sterk|Centraal|Actief|Anders|Vooruit|Transparant|Liberaal|Progressief)`,
  String.raw`Lokaal\s+sterk`,
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

/** Verbs a party does things with at the start of a sentence: "D66 zet …", "De PvdA deelt …", "GroenLinks is …". */
const ACTS = String.raw`(?:is|was|heeft|had|wil|wilde|vindt|vond|zet|zette|deelt|deelde|stelt|stelde|vraagt|vroeg|maakt|maakte|pleit|pleitte|wenst|ziet|zag|dient|diende|hoort|hoorde|las|leest|kreeg|krijgt|is\s+van\s+mening|maakt\s+zich)\b`;
/**
 * A sentence whose subject is a party: "(De) PARTY(-fractie) ACTS …". ("De fractie van X …" is only a hint that a
 * signature must confirm: headers.ts FRACTION_OF.)
 */
const SUBJECT = new RegExp(String.raw`(?:^|(?<=[.!?]\s+))(?:(?:[Dd]e|[Hh]et)\s+)?(${PARTY})(?:[ -]?fractie)?\s+${ACTS}`, 'gmu');

/** The same with the verb first: "In het vragenuur stelde de Partij voor de Dieren vragen", "… heeft de VVD de volgende vragen". */
const ASKING = new RegExp(
  String.raw`\b(?:stelt|stelde|stellen|stelden|heeft|hebben|had|dient|diende)\s+(?:de\s+|het\s+)?(${PARTY})(?:[ -]?fractie)?\s+(?:\p{Ll}+\s+){0,4}?vragen\b`,
  'gu',
);

/** The parties a text names as the subject of its sentences, in order, each once. */
export function partiesActing(text: string): string[] {
  const out: string[] = [];
  for (const m of [...text.matchAll(SUBJECT), ...text.matchAll(ASKING)]) {
    const name = m[1].trim();
    if (!out.some((p) => p.toLowerCase() === name.toLowerCase())) out.push(name);
  }
  return out;
}
