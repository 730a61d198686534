// Field values inside running text: a date somewhere in a line, lists of names or parties, the
// votes and the outcome of a motie.
import { parseDutchDate } from '../dates';
import { MOTIE_STATUSES } from '../types';
import { DATE_IN_TEXT, EXACT_DATE } from './dates';
import { conceptOf } from './labels';

/** The first real date written somewhere in the text ("Maastricht, 5 maart 2015" → "2015-03-05"), or null. */
export function findDate(text: string): string | null {
  for (const m of text.replace(/\s+/g, ' ').matchAll(DATE_IN_TEXT)) {
    const iso = parseDutchDate(m[0].replace(/\bmrt\b/i, 'maart'));
    if (iso) return iso;
  }
  return null;
}

/** "De Vries", "Het Hart": a surname that starts with its article, not an article before a party's name. */
const SURNAME_DE = /^(?:De|Het)\s+\p{Lu}\p{Ll}+[.:]*$/u;

/**
 * "PvdA, D66 en Lokaal sterk" → ["PvdA", "D66", "Lokaal sterk"]; names and parties split on commas and "en". The
 * article before a name goes ("de PvdA", "het CDA"), but not the "De" of a surname ("De Vries", "De Roon").
 */
export function splitNames(text: string): string[] {
  return text
    .split(/\s*(?:[,;&\n]|\s\+\s|\sen\s|\sand\s)\s*/)
    .map((s) =>
      s
        .replace(/^(?:de|het)\s+(?=\S)/i, (article, at: number, all: string) => (SURNAME_DE.test(all) ? article : ''))
        .replace(/[.:]+$/, '')
        .trim(),
    )
    .filter(Boolean);
}

/**
 * Attachments: one per line or separated by semicolons, without their numbering. A number run into a letter ("17.a
 * Schriftelijke vragen.docx") is the attachment's own number, not a list's.
 */
export function splitItems(text: string): string[] {
  return text
    .split(/\s*[;\n]\s*/)
    .map((s) => s.replace(/^(?:\d{1,2}[.)]|[-•*])(?!\p{Ll})\s*/u, '').trim())
    .filter(Boolean);
}

/** "Jan Jansen (PvdA)" → name and party. */
export function nameAndParty(item: string): { name: string; party?: string } {
  const m = /^(.+?)\s*\(([^()]+)\)$/.exec(item);
  return m ? { name: m[1].trim(), party: m[2].trim() } : { name: item };
}

/** "stemmen voor: 21, tegen: 14", "aangenomen met 21 stemmen voor en 14 tegen", "21 voor / 14 tegen". */
export function readVotes(text: string): { voor?: number; tegen?: number } {
  const first = /\b(voor|tegen)\b/i.exec(text);
  if (!first) return {};
  // The first of the two words tells the order: "21 (stemmen) voor" puts the number before the word.
  const before = /\b\d{1,3}\s+(?:stemmen\s+|stem\s+)?$/i.test(text.slice(0, first.index));
  const count = (word: string) => {
    const m = before
      ? new RegExp(`\\b(\\d{1,3})\\s+(?:stemmen\\s+|stem\\s+)?${word}\\b`, 'i').exec(text)
      : new RegExp(`\\b${word}\\b\\s*[:=]?\\s*(\\d{1,3})\\b`, 'i').exec(text);
    return m ? Number(m[1]) : undefined;
  };
  const out: { voor?: number; tegen?: number } = {};
  const voor = count('voor');
  const tegen = count('tegen');
  if (voor !== undefined) out.voor = voor;
  if (tegen !== undefined) out.tegen = tegen;
  return out;
}

/** Words for a motie's outcome beside the statuses' own: "afgewezen" is verworpen, "aanvaard" aangenomen. */
const OUTCOME_SYNONYMS: Record<string, (typeof MOTIE_STATUSES)[number]> = { afgewezen: 'verworpen', aanvaard: 'aangenomen' };
/** A motie's outcome as a word of the text (a pattern, no group): a status or a synonym. */
export const OUTCOME_WORD = `(?:${[...MOTIE_STATUSES, ...Object.keys(OUTCOME_SYNONYMS)].join('|')})`;
/** The status an outcome word stands for. */
export const statusOf = (word: string): string => OUTCOME_SYNONYMS[word.toLowerCase()] ?? word.toLowerCase();

const OUTCOME_IN_TEXT = new RegExp(`\\b(${OUTCOME_WORD})\\b`, 'i');

/** The motie's outcome word in the text, as its status, or null. */
export function readStatus(text: string): string | null {
  const m = OUTCOME_IN_TEXT.exec(text);
  return m ? statusOf(m[1]) : null;
}

/** Quotes around a whole value ("…", ‘…’, «…») go. */
export function unquote(text: string): string {
  const t = text.trim();
  const m = /^["'“”‘’«„](.+)["'“”‘’»]$/u.exec(t);
  return m && !/["“”«»]/u.test(m[1]) ? m[1].trim() : t;
}

/**
 * "Erkens (VVD)" → names [Erkens], parties [VVD]; "Bouchallikh, Bromet en Kröger (allen GroenLinks)" →
 * three names, one party; "X (VVD) en Y (CDA)" → two of each. Names without a party of their own
 * take the next one given.
 */
export function membersAndParties(text: string): { names: string[]; parties: string[] } {
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  const tokens = text.split(/(\(|\)|,\s*|\s+en\s+)/);
  for (const tok of tokens) {
    if (tok === '(') depth++;
    if (tok === ')') depth--;
    if (depth === 0 && /^(?:,\s*|\s+en\s+)$/.test(tok)) {
      parts.push(cur);
      cur = '';
    } else cur += tok;
  }
  parts.push(cur);
  const names: string[] = [];
  const parties: string[] = [];
  for (const p of parts.map((s) => s.trim()).filter(Boolean)) {
    const m = /^(.*?)\s*\(([^()]+)\)$/.exec(p);
    // "het lid Thieme en het lid Ouwehand": the second name has its own "het lid".
    names.push((m ? m[1] : p).replace(/^(?:het\s+)?(?:kamer)?lid\s+/i, '').trim());
    if (m) parties.push(m[2].replace(/^(?:allen|beiden|beide|alle\s+drie)\s+/i, '').trim());
  }
  return { names: names.filter(Boolean), parties: [...new Set(parties)] };
}

/** A value that stops in the middle of a phrase ("… tussen", "… inzake de Wet", "fiets-/"): cut off, not whole. */
const DANGLING = /\s(?:de|het|een|van|en|of|in|op|aan|over|met|voor|tussen|tot|te|bij|naar|om|door|uit|dat|die|als)$|[-/:|]$/i;
/** A bracket opened and not closed ("… economie(ingezonden"): the value ran into the next phrase or was cut off. */
const unbalanced = (v: string) =>
  (v.match(/\(/g) ?? []).length !== (v.match(/\)/g) ?? []).length || (v.match(/\[/g) ?? []).length !== (v.match(/\]/g) ?? []).length;
/**
 * Abbreviations whose full stop ends no sentence: titles before a name ("dhr. Staghouwer", "drs. A. Bakker") and the
 * short words of council texts ("ex. Artikel 36", "art. 42", "bijv. Den Haag", "m.b.t. Z"), in lower case.
 */
const ABBREVIATIONS = [
  ...['dhr', 'mevr', 'mw', 'mej', 'drs', 'dr', 'ir', 'mr', 'prof', 'ing', 'bc', 'jhr', 'st', 'sr', 'jr'],
  ...['bijv', 'resp', 'jl', 'nr', 'art', 'ca', 'ex', 'vs', 'evt', 'incl', 't.a.v', 'm.b.t', 'o.a', 'i.p.v', 'n.a.v'],
];
/** The abbreviations as a pattern, each also with its first letter in capitals ("Art.", "Ex."). */
export const ABBREVIATION = ABBREVIATIONS.map((a) => `[${a[0]}${a[0].toUpperCase()}]${a.slice(1).replace(/\./g, '\\.')}`).join('|');

/**
 * Two sentences ("… overleg. Graag …"): running text, not a header's value. Initials ("H.G.J. Kamp") are no sentence end,
 * and neither is an abbreviation (ABBREVIATIONS).
 */
const SENTENCE_BREAK = new RegExp(String.raw`(?<!\p{L})(?!(?:${ABBREVIATION})\.)\p{L}*\p{Ll}{2}[.!?]\s+\p{Lu}`, 'u');
/** A sentence of the letter's text starts with who writes or is written to. */
const SENTENCE_START = /^(?:u|ik|wij|we|zij|hij|graag|hierbij|naar\s+aanleiding\s+van)\s/i;
/**
 * What looks like a reference but is another kind of value: a date ("12-03-2021", "3 maart 2021"), a telephone
 * number, a postcode, an amount or a clock time.
 */
const NO_REFERENCE = [
  EXACT_DATE,
  /^(?:\+31|0)[\s(-]*\d[\d\s()-]{7,}$/,
  /^\d{4}\s?[A-Z]{2}$/,
  /^(?:€|eur\b)/i,
  /^\d{1,2}[:.]\d{2}(?:\s*uur)?$/,
];
/**
 * An onderwerp that names the series its document appeared in, not its subject: "Vergaderjaar 2024–2025 Aanhangsel
 * van de Handelingen", "Tweede Kamer der Staten-Generaal", "Provinciaal Blad van …", "Gemeenteblad 2023".
 */
const PUBLICATION =
  /\b(?:vergaderjaar\s+\d{4}|aanhangsel\s+van\s+de\s+handelingen|tweede\s+kamer\s+der\s+staten-generaal|eerste\s+kamer\s+der\s+staten-generaal|provinciaal\s+blad|gemeenteblad|staatscourant|staatsblad)\b/iu;
/**
 * A subject that only points back at what the text said before it names nothing by itself: a demonstrative with a noun
 * or two ("dit onderwerp", "deze kwestie"); or an article with one word whose thing the text before introduced ("Maandag
 * vond er een bijeenkomst plaats. … Wij hebben vragen over de bijeenkomst."). A headline's "vragen over de hondenpoep"
 * or a lead's first mention of it names it.
 */
export function refersBack(subject: string, before = ''): boolean {
  const t = subject.trim();
  if (/^(?:deze|dit|die|dat|dezelfde|hetzelfde|bovengenoemde|voornoemde|genoemde)\s+\S+(?:\s+\S+)?$/iu.test(t)) return true;
  const one = /^(?:de|het)\s+(\p{Ll}[\p{L}-]*)$/u.exec(t);
  return !!one && new RegExp(String.raw`(?<!\p{L})(?:een|deze|dit)\s+${one[1]}(?!\p{L})`, 'iu').test(before);
}

/** Fields that name a person, a body or a subject. */
const NAMES = new Set(['afzender', 'aan', 'portefeuillehouder', 'inlichtingen_bij', 'behandeld_door']);
const MAX_WORDS: Record<string, number> = {
  onderwerp: 40,
  afzender: 20,
  aan: 20,
  portefeuillehouder: 12,
  inlichtingen_bij: 12,
  behandeld_door: 12,
};

/**
 * Whether a recognised value is of its field's kind (precision first: a missing field is better than a wrong
 * one). A kenmerk looks like a reference (a digit, a few words), an agendapunt is numbered; an onderwerp, afzender or aan is a name or a
 * title, not a sentence of the text nor a phrase cut off; a person's name is a few words without digits; a list
 * item holds a letter or a digit.
 */
export function plausible(key: string, value: unknown): boolean {
  if (Array.isArray(value)) {
    if (!value.every((v) => typeof v === 'string' && /[\p{L}\d]/u.test(v))) return false;
    // A label or an outcome ("Voor", "Tegen", "Status", "Overgenomen") read into a list of names: the list is not sure.
    const word = (v: string) => conceptOf(v) !== undefined || readStatus(v) === v.toLowerCase().trim();
    if (key === 'indieners') return value.every((v: string) => v.split(/\s+/).length <= 5 && !/\d/.test(v) && !word(v));
    // A party's name has a letter and at most one word in lower case that is no small word ("Lokaal sterk",
    // "Partij voor de Dieren"); "Lees onze andere moties" is a site's link.
    const lowerWords = (v: string) => v.split(/\s+/).filter((w) => /^\p{Ll}/u.test(w) && !/^(?:voor|de|van|het|en|der)$/.test(w)).length;
    // A party's name has a capital ("D66", "Partij voor de Dieren") and no document number ("kst-31409-387").
    if (key === 'partijen')
      return value.every(
        (v: string) => v.split(/\s+/).length <= 6 && /\p{Lu}/u.test(v) && !/\d{3}/.test(v) && lowerWords(v) <= 1 && !word(v),
      );
    return true;
  }
  if (typeof value !== 'string') return true;
  // An agenda item is numbered ("4", "4.A Algemene beschouwingen", "punt 7b"); a policy area ("Agendapunt: infrastructuur
  // en veiligheid" over a party's questions) is no item of a meeting's agenda.
  // Numbered in figures or in Roman numerals ("7b …", "IV Ingekomen stukken", "punt XII").
  if (key === 'agendapunt') return /\d/.test(value) || /(?:^|\s)[IVXLC]{1,6}[a-z]?(?=[\s.:]|$)/u.test(value);
  if (key === 'kenmerk' || key === 'uw_referentie')
    return (
      /\d/.test(value) &&
      value.length <= 40 &&
      value.split(/\s+/).length <= 6 &&
      // "Uw brief van: 12 april 2012" refers to the letter by its date; the document's own kenmerk is no date.
      !NO_REFERENCE.slice(key === 'uw_referentie' ? 1 : 0).some((re) => re.test(value.trim()))
    );
  // A name or a title holds no address of a site or a mailbox, and no date ("aan": "de raad, 12 mei 2020").
  if (NAMES.has(key) && (/@|https?:\/\/|www\./i.test(value) || findDate(value) !== null)) return false;
  // An article or a small word alone ("het") is a cut-off value, not a name.
  if (NAMES.has(key) && /^(?:de|het|een|en|van|aan|of)$/i.test(value.trim())) return false;
  if (key === 'onderwerp' && (PUBLICATION.test(value) || refersBack(value))) return false;
  // A subject is no labelled line of another field ("Antwoorddatum: 28 mrt. 2022", "Datum: …").
  const labelled = /^([\p{L}][\p{L} -]{1,30}):\s*\S/u.exec(value.trim());
  if (key === 'onderwerp' && labelled && conceptOf(labelled[1]) !== undefined && conceptOf(labelled[1]) !== 'onderwerp') return false;
  const max = MAX_WORDS[key];
  if (max === undefined) return true;
  const v = value.trim();
  return (
    v.split(/\s+/).length <= max &&
    !DANGLING.test(v) &&
    !SENTENCE_BREAK.test(v) &&
    !SENTENCE_START.test(v) &&
    !/\?$/.test(v) &&
    !unbalanced(v)
  );
}
