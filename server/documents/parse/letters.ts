// Letter shapes that name who writes to whom outside a labelled header: a title "Open brief aan X".
import type { Line } from './lines';
import { isParty } from './parties';
import { splitNames } from './values';

/** A party's short name the lexicon may not know: "GBLV", "PvdA", "D66". */
const ACRONYM = /^(?:[\p{Lu}\d]{2,6}|\p{Lu}\p{Ll}{0,2}\p{Lu}{1,4})$/u;

/**
 * The addressee a letter's title names: "Open brief aan de gemeente Apeldoorn" → "de gemeente Apeldoorn", "Open
 * brief aan D66, GBLV en GroenLinks……" → "D66, GBLV en GroenLinks" (a list of parties: each a party the lexicon knows
 * or a party's acronym, one known at least). A run of dots at the end is no part of it; anything else ("Brief aan
 * Sinterklaas") is no addressee.
 */
export function letterAddressee(title: string): string | null {
  const m = /^(?:open\s+)?brief\s+aan\s+(.+?)[\s.…]*$/iu.exec(title.replace(/\t/g, ' ').trim());
  if (!m) return null;
  const to = m[1];
  if (/^(?:de|het)\s/i.test(to)) return to.length >= 6 && to.length <= 83 ? to : null;
  const items = splitNames(to);
  return items.length && items.every((p) => isParty(p) || ACRONYM.test(p)) && items.some(isParty) ? to : null;
}

/** "[Stichting N65](https://…)" → "Stichting N65"; an image "![…](…)" goes. */
const plainLinks = (t: string) => t.replace(/!\[[^\]]*\]\([^)]*\)/g, ' ').replace(/\[([^\]]+)\]\([^)\s]*\)/g, '$1');
const WHAT = String.raw`(?:open\s+)?(?:brief|e-?mail|mail|mailbericht|oproep|reactie)`;
const DATE = String.raw`(?:op\s+\d{1,2}\s+\p{L}+\s+\d{4}\s+)?`;
/** "Van X ontvingen wij (op D) de volgende mail:". */
const RECEIVED = new RegExp(
  String.raw`^van\s+(.{3,90}?)\s+(?:ontvingen|kregen)\s+(?:wij|we)\s+${DATE}(?:de\s+)?volgende\s+${WHAT}\b`,
  'iu',
);
/** "X heeft/hebben (op D) de volgende brief gestuurd aan Y", "X stuurde (op D) (de) volgende brief aan Y". */
const SENT = new RegExp(
  String.raw`^(.{3,90}?)\s+(?:heeft|hebben|stuurde|stuurden|schreef|schreven)\s+${DATE}(?:de\s+)?volgende\s+${WHAT}\s+(?:\p{Ll}+\s+)?aan\s+(.{3,90}?)(?:\s+(?:gestuurd|gedaan|verstuurd|geschreven|gericht))?\s*[.:]?$`,
  'iu',
);

/** The article goes before a name ("de GGD Hart van Brabant" → "GGD Hart van Brabant"), not before a word ("het college"). */
const named = (t: string) => t.trim().replace(/^(?:[Dd]e|[Hh]et)\s+(?=\p{Lu})/u, '');

/**
 * A post or page that quotes a letter says so in its opening sentence: "Van de Omgevingsmanager X ontvingen wij de
 * volgende mail:", "De Stichting N65 en VughtParticipeert hebben de volgende oproep gedaan aan de GGD …". The letter
 * follows: who wrote it (afzender) and to whom (aan, when named). Only the first sentences of the text count; null
 * when none introduces a letter.
 */
export function introducedLetter(opening: string): { afzender?: string; aan?: string } | null {
  const sentences = plainLinks(opening)
    .replace(/[*_]+/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .split(/(?<=[.:!?])\s+(?=\p{Lu})/u)
    .slice(0, 3);
  for (const s of sentences) {
    const received = RECEIVED.exec(s);
    if (received) return { afzender: named(received[1]) };
    const sent = SENT.exec(s);
    // "Wij stuurden de volgende brief aan …": a letter, its sender not named.
    if (sent)
      return /^(?:wij|we|ik|zij)$/i.test(sent[1].trim()) ? { aan: named(sent[2]) } : { afzender: named(sent[1]), aan: named(sent[2]) };
  }
  return null;
}

/** The text's first lines with text (up to eight), joined: where a post says what it quotes. */
export function openingText(lines: Line[], skip: Set<number> = new Set()): string {
  const out: string[] = [];
  for (let i = 0; i < lines.length && out.length < 8; i++)
    if (lines[i].text.trim() && !skip.has(i)) out.push(lines[i].text.replace(/\t/g, ' ').trim());
  return out.join(' ');
}
