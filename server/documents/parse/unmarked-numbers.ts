// Numbered items whose mark was lost: "1 Is het correct …?" / "2 Krijgt …?" / "2a Bent u …?" (a number and a space, as a
// PDF or a site gives a list without its dots) (issue 20, session 17). A number before a capital is a footnote, a
// count or a date just as often ("1 Telegraaf, 20 juni 2007", "12 Zandmeerders kwamen …"), so such lines are items
// only as a list: numbers that start at 1 and go up one by one (a part "2a" after 2), at least two, and one that asks.
import type { Line } from './lines';
import { numbered, type Numbered } from './numbering';

const UNMARKED = /^(\d{1,2})([a-h])?\s+(\p{Lu}.*)$/u;

/** The lines that are items of such a list, each read as its number, part and text. */
export function unmarkedItems(lines: Line[]): Map<number, Numbered> {
  const found: Array<{ at: number; item: Numbered; asks: boolean }> = [];
  lines.forEach((l, i) => {
    const t = l.text.trim();
    const m = UNMARKED.exec(t);
    if (!m || numbered(t) || Number(m[1]) === 0) return;
    // The item's paragraph: its line and the lines under it up to an empty one.
    let asks = /\?/.test(t);
    for (let k = i + 1; !asks && k < lines.length && lines[k].text.trim() && !UNMARKED.test(lines[k].text.trim()); k++)
      asks = /\?/.test(lines[k].text);
    found.push({ at: i, item: { number: Number(m[1]), label: `${m[1]}${m[2] ?? ''}`, role: null, style: 'unmarked', rest: m[3] }, asks });
  });
  const out = new Map<number, Numbered>();
  let run: typeof found = [];
  const flush = () => {
    const numbers = new Set(run.map((r) => r.item.number));
    if (numbers.size >= 2 && run.some((r) => r.asks)) for (const r of run) out.set(r.at, r.item);
    run = [];
  };
  for (const f of found) {
    const last = run[run.length - 1]?.item;
    const next = last
      ? f.item.number === last.number + 1 && f.item.label === String(f.item.number)
        ? true
        : f.item.number === last.number && f.item.label !== last.label && /[a-h]$/.test(f.item.label)
      : f.item.number === 1 && f.item.label === '1';
    if (!next) {
      flush();
      if (f.item.number === 1 && f.item.label === '1') run.push(f);
      continue;
    }
    run.push(f);
  }
  flush();
  return out;
}
