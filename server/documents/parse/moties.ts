// A motie's shapes outside its labelled header.
import { MOTIE_END } from './labels';
import type { Line } from './lines';
import { findDate } from './values';

/** A date alone on a line: "14 februari 2024", "dinsdag 2 november 2021". */
const DATE_LINE = /^(?:\p{L}+dag\s+)?(?:\d{1,2}\s+\p{L}+\.?\s+\d{4}|\d{1,2}[-/.]\d{1,2}[-/.]\d{4})\.?$/iu;

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
