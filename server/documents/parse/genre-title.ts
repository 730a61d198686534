// A document's genre from its own title line at the head, before its text begins: a genre word alone on
// its line, in capitals or not, also with a footnote mark glued on by the PDF ("Raadsinformatiebrief1",
// "MEMO²", "Kennisgeving*"). The title outranks any word in the body ("in deze raadsinformatiebrief …").
import type { DocumentTypeKey } from '../types';

/** A footnote mark glued to a title word: one or two digits, superscripts or asterisks. */
const GLUED_MARK = /^(\p{L}{3,})(?:\d{1,2}|[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,2}|\*{1,3})$/u;

/** "Raadsinformatiebrief1" → "Raadsinformatiebrief"; any other line as it is. */
export function withoutGluedMark(line: string): string {
  const m = GLUED_MARK.exec(line.trim());
  return m ? m[1] : line.trim();
}

/**
 * Genre words that name a college's information to the council without saying "raadsinformatiebrief", as the
 * whole title line: "Kennisgeving", "Raadsmededeling", "Collegebericht". Weaker than a stated genre: a text that
 * asks and answers numbered questions under such a title is answers to questions (see detectType).
 */
const INFORMING_COUNCIL = /^(?:kennisgeving|raadsmededeling|collegebericht|raadsinformatienota)$/i;

/** The genre a title line alone states by one of the lexicon's weaker words, or null. */
export function informingTitle(line: string): DocumentTypeKey | null {
  return INFORMING_COUNCIL.test(withoutGluedMark(line)) ? 'raadsinformatiebrief' : null;
}
