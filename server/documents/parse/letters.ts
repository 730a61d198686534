// Letter shapes that name who writes to whom outside a labelled header: a title "Open brief aan X".
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
