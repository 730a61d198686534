// A PDF's running page header: a row of labels in capitals, perhaps with the organisation's name after them
// ("MOZARD ZAAKNUMMER PAGINA gemeente Zaanstad", "KENMERK DATUM PAGINA"), over a row of their values with the
// page's number ("10309255   1/4", "Z-24-1187  12 maart 2025  2 van 5"). Both rows are letterhead on every
// page: never the onderwerp or the text. The organisation it names is the document's sender when nothing
// better says who sends it.
import { conceptOf } from './labels';
import type { Line } from './lines';

const PAGE_MARK = /(?:^|\s)(?:\d{1,3}\s?\/\s?\d{1,3}|(?:pagina\s+)?\d{1,3}\s+van\s+\d{1,3})\s*$/i;
const ORGANISATION_AFTER = /\s((?:gemeente|provincie|waterschap|hoogheemraadschap)\s+\p{Lu}[\p{L}'’. -]{1,40}?)\s*$/u;

/** The labels-in-capitals row: two words in capitals or more at its start, one of them a label the lexicon knows. */
function labelRow(text: string): { organisation: string | null } | null {
  const t = text.replace(/\t/g, ' ').trim();
  const org = ORGANISATION_AFTER.exec(` ${t}`);
  const labels = (org ? t.slice(0, t.length - org[1].length) : t).trim().split(/\s+/);
  if (labels.length < 2 || !labels.every((w) => /^\p{Lu}{2,}$/u.test(w))) return null;
  if (!labels.some((w) => conceptOf(w) !== undefined)) return null;
  return { organisation: org ? org[1].trim() : null };
}

/** The values row: a few tokens, no sentence, ending in the page's number. */
const valueRow = (text: string): boolean => {
  const t = text.replace(/\t/g, ' ').trim();
  return PAGE_MARK.test(t) && t.split(/\s+/).length <= 8 && !/\p{Ll}{4,}.*\p{Ll}{4,}.*\p{Ll}{4,}/u.test(t);
};

/** The lines of every running header, and the organisation the header names (the first) with its line. */
export function runningHeaders(lines: Line[]): { lines: number[]; organisation: { name: string; line: number } | null } {
  const out: number[] = [];
  let organisation: { name: string; line: number } | null = null;
  for (let i = 0; i + 1 < lines.length; i++) {
    const row = lines[i].text ? labelRow(lines[i].text) : null;
    if (!row || !valueRow(lines[i + 1].text)) continue;
    out.push(i, i + 1);
    if (row.organisation) organisation ??= { name: row.organisation, line: i };
    i++;
  }
  return { lines: out, organisation };
}
