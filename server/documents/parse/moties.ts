// A motie's shapes outside its labelled header.
import { ONE_DATE } from './dates';
import { MOTIE_END } from './labels';
import type { Line } from './lines';
import { findDate, OUTCOME_WORD, statusOf } from './values';

/** A date alone on a line: "14 februari 2024", "dinsdag 2 november 2021". */
const DATE_LINE = new RegExp(`^${ONE_DATE}\\.?$`, 'iu');

/**
 * The newer Kamer layout dates a motie on its last line, under the signers: "En gaat over tot de orde van de dag." /
 * "Ceder" / "Stoffer" / "" / "14 februari 2024". The date counts only when it is the text's last line and the closing
 * formula stands a few lines above it (a date at the end of any other text is a page's or a letter's). Returns the
 * line and its date, or null.
 */
export function closingDate(lines: Line[]): { line: number; date: string } | null {
  const content: number[] = [];
  for (let i = lines.length - 1; i >= 0 && content.length < 10; i--) if (lines[i].text.trim()) content.push(i);
  if (!content.length) return null;
  const last = content[0];
  const text = lines[last].text.replace(/\t/g, ' ').trim();
  if (!DATE_LINE.test(text)) return null;
  const date = findDate(text);
  const closes = content.slice(1).some((i) => MOTIE_END.test(lines[i].text));
  return date && closes ? { line: last, date: text } : null;
}

/**
 * The outcome a sentence of the text reports about this motie: "Deze motie is met algemene stemmen aangenomen." →
 * "aangenomen". Only a sentence that opens with the motie and says it was done (is/werd), with no negation or
 * expectation between ("De motie werd niet aangenomen", "De motie is naar verwachting aangenomen"); null otherwise.
 */
// "Deze motie is met algemene stemmen aangenomen.", "Deze motie is : Afgewezen" (a site's field).
const REPORTED = new RegExp(String.raw`^(?:de|deze)\s+motie\s+(?:is|werd)\s*:?\s+((?:[\p{L}-]+\s+){0,4}?)(${OUTCOME_WORD})\b`, 'iu');

export function reportedOutcome(text: string): string | null {
  for (const s of text.replace(/\s+/g, ' ').split(/(?<=[.!?])\s+(?=\p{Lu})/u)) {
    const m = REPORTED.exec(s.trim());
    if (m && !/\b(?:niet|nog|naar|verwachting|waarschijnlijk|mogelijk|toch)\b/i.test(m[1])) return statusOf(m[2]);
  }
  return null;
}
