// Field values inside running text: a date somewhere in a line, lists of names or parties, the
// votes and the outcome of a motie.
import { parseDutchDate } from '../dates';
import { MOTIE_STATUSES } from '../types';

const MONTH =
  '(?:jan(?:uari)?|feb(?:ruari)?|maa(?:rt)?|mrt|apr(?:il)?|mei|jun[i]?|jul[i]?|aug(?:ustus)?|sep(?:t(?:ember)?)?|okt(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DATE_IN_TEXT = new RegExp(
  `(?<![\\d-])(?:(\\d{4}-\\d{1,2}-\\d{1,2})|(\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4})|(\\d{1,2}\\s+${MONTH}\\s+\\d{4}))(?![\\d-])`,
  'gi',
);

/** The first real date written somewhere in the text ("Maastricht, 5 maart 2015" → "2015-03-05"), or null. */
export function findDate(text: string): string | null {
  for (const m of text.replace(/\s+/g, ' ').matchAll(DATE_IN_TEXT)) {
    const iso = parseDutchDate((m[1] ?? m[2] ?? m[3]).replace(/\bmrt\b/i, 'maart'));
    if (iso) return iso;
  }
  return null;
}

/** "PvdA, D66 en Lokaal sterk" → ["PvdA", "D66", "Lokaal sterk"]; names and parties split on commas and "en". */
export function splitNames(text: string): string[] {
  return text
    .split(/\s*(?:[,;&\n]|\s\+\s|\sen\s|\sand\s)\s*/)
    .map((s) =>
      s
        .replace(/^(?:de|het)\s+(?=\S)/i, '')
        .replace(/[.:]+$/, '')
        .trim(),
    )
    .filter(Boolean);
}

/** Attachments: one per line or separated by semicolons, without their numbering. */
export function splitItems(text: string): string[] {
  return text
    .split(/\s*[;\n]\s*/)
    .map((s) => s.replace(/^(?:\d{1,2}[.)]|[-•*])\s*/, '').trim())
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

/** The motie's outcome word in the text, or null. */
export function readStatus(text: string): string | null {
  const m = new RegExp(`\\b(${MOTIE_STATUSES.join('|')})\\b`, 'i').exec(text);
  return m ? m[1].toLowerCase() : null;
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
