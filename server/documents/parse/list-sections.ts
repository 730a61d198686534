// Lines inside a numbered list: a short line standing alone between item N and item N + 1 of the same list is a
// section heading of the list ("1. …" / "Raadsbrief Groen Zandmeer" / "2. …"), never a signature: the text goes on
// with the list's next item right under it. A signature stands after the list, or before one that starts again.
import type { Line } from './lines';
import { numbered, SUB_ITEM } from './numbering';

const MAX_WORDS = 8;

/** The short lines standing alone (an empty line above and under) between two items of one list numbered N, N + 1. */
export function listSectionLines(lines: Line[]): Set<number> {
  const out = new Set<number>();
  const text = (i: number) => lines[i]?.text.trim() ?? '';
  const items: { line: number; number: number; style: string }[] = [];
  lines.forEach((l, i) => {
    const n = SUB_ITEM.test(text(i)) ? null : numbered(text(i));
    if (n && n.role !== 'antwoord') items.push({ line: i, number: n.number, style: n.style });
  });
  for (let k = 0; k + 1 < items.length; k++) {
    const [a, b] = [items[k], items[k + 1]];
    if (a.style !== b.style || b.number !== a.number + 1) continue;
    for (let i = a.line + 1; i < b.line; i++) {
      const t = text(i);
      if (!t || t.split(/\s+/).length > MAX_WORDS || /[.,;:?!]$/.test(t)) continue;
      if (!text(i - 1) && !text(i + 1)) out.add(i);
    }
  }
  return out;
}
