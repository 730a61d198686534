// A block of header lines whose labels stand before their values with only a space ("Onderwerp Verlenging …",
// "Portefeuillehouder A. de Wit", "Verzenddatum 3 maart 2025"): a PDF's header table read line by line. Such a
// line starts a header of its own; a hard-wrapped line above it never runs on into it.
import { conceptOf, LETTERHEAD, type Concept } from './labels';
import type { Line } from './lines';

/** Labels shorter than this are common words at a sentence's start ("Aan de …", "Van harte …"). */
const MIN_LABEL = 5;

/** Whether the line opens with a known header label of up to four words, capitalised, followed by a value. */
function opensWithLabel(text: string): boolean {
  const words = text.replace(/\t/g, ' ').trim().split(/\s+/);
  if (!/^\p{Lu}/u.test(words[0] ?? '')) return false;
  for (let n = Math.min(4, words.length - 1); n >= 1; n--) {
    const label = words.slice(0, n).join(' ');
    if (label.length < MIN_LABEL || /[:.,;]$/.test(label)) continue;
    if (conceptOf(label) !== undefined) return true;
  }
  return false;
}

/**
 * Whether input line `s` is the next header of a block of label lines: it opens with a label, and so does the line
 * above it (as `group` joined it with the lines before), or the one above that when a value runs on between them.
 */
export function nextHeaderOfBlock(input: string[], group: number[], s: number): boolean {
  if (!opensWithLabel(input[s])) return false;
  if (opensWithLabel(input[group[s - 1]])) return true;
  return s >= 2 && group[s - 1] === s - 1 && valueRunsOn(input[s - 1]) && opensWithLabel(input[group[s - 2]]);
}

/** The rest of a header's value on a line of its own: short, no sentence, no label ("Koog aan de Zaan als monument"). */
export function valueRunsOn(text: string): boolean {
  const t = text.replace(/\t/g, ' ').trim();
  return !!t && t.split(/\s+/).length <= 12 && !/[.:;!?]$/.test(t) && !opensWithLabel(t);
}

/**
 * A label in capitals before its value on the same line, without a colon ("AAN Gemeenteraad", "ONDERWERP
 * Maatregelen evenement", "DATUM 13 augustus 2026"): a letterhead's label column read into one line. The value
 * is not in capitals itself (a heading in capitals is no label and value).
 */
export function capitalsLabel(text: string): { label: string; concept: Concept; value: string } | null {
  const words = text.replace(/\t/g, ' ').trim().split(/\s+/);
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    const label = words.slice(0, n).join(' ');
    if (label !== label.toUpperCase() || !/^\p{Lu}{3}/u.test(label)) continue;
    const concept = conceptOf(label);
    const value = words.slice(n).join(' ');
    if (concept === undefined || concept === LETTERHEAD || !/\p{Ll}/u.test(value)) continue;
    return { label, concept, value };
  }
  return null;
}

/**
 * The value of a label alone on its line when it stands after one empty line: a short name (four words at most,
 * capitalised, no sentence), with another label after it. The line's index, or null.
 */
export function valueAfterBlank(lines: Line[], label: number, isLabel: (i: number) => boolean): number | null {
  const text = (k: number) => lines[k]?.text.replace(/\t/g, ' ').trim() ?? '';
  if (text(label + 1) || !text(label + 2)) return null;
  const v = text(label + 2);
  if (v.split(/\s+/).length > 4 || !/^\p{Lu}/u.test(v) || /[.:;!?,]$/.test(v) || isLabel(label + 2)) return null;
  let k = label + 3;
  while (k < lines.length && !text(k) && k <= label + 4) k++;
  return isLabel(k) ? label + 2 : null;
}
