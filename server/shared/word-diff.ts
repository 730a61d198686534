// A word-level comparison of two texts, for people: what was taken out and what was put in, in
// order. jsdiff (the `diff` package) does the comparing: Myers' algorithm with a bound on the work,
// well kept and small; a hand-written LCS would be slower on long council documents.
import { diffLines, diffWordsWithSpace, type Change } from 'diff';

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

// Past this many edits the comparison of two long texts takes long (it grows with the text times the
// edits): 500 answers within a few hundred milliseconds for 200.000 characters. Beyond it the texts
// are compared by lines first, and the words of each changed block of lines after that.
const MAX_EDITS = 500;

type Changes = Change[] | undefined;

const replaced = (before: string, after: string): DiffPart[] => [
  ...(before ? [{ kind: 'removed' as const, text: before }] : []),
  ...(after ? [{ kind: 'added' as const, text: after }] : []),
];

const partOf = (c: Change): DiffPart => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value });

// Undefined (though typed otherwise) when the texts are further apart than MAX_EDITS.
const words = (before: string, after: string): Changes => diffWordsWithSpace(before, after, { maxEditLength: MAX_EDITS });

export function wordDiff(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ kind: 'same', text: before }] : [];
  const direct = words(before, after);
  if (direct) return direct.map(partOf);
  const lines: Changes = diffLines(before, after, { maxEditLength: MAX_EDITS });
  if (!lines) return replaced(before, after);
  const out: DiffPart[] = [];
  for (let i = 0; i < lines.length; i++) {
    const c = lines[i];
    const next = lines[i + 1];
    if (c.removed && next?.added) {
      const inner = words(c.value, next.value);
      out.push(...(inner ? inner.map(partOf) : replaced(c.value, next.value)));
      i++;
    } else out.push(partOf(c));
  }
  return out;
}

/** How many words a comparison added and removed ("+12 −3 woorden"). */
export function wordCounts(parts: DiffPart[]): { added: number; removed: number } {
  const words = (t: string) => t.split(/\s+/).filter(Boolean).length;
  let added = 0;
  let removed = 0;
  for (const p of parts) {
    if (p.kind === 'added') added += words(p.text);
    if (p.kind === 'removed') removed += words(p.text);
  }
  return { added, removed };
}

/** One labelled part of a comparison (Titel, Tekst, Tags, …). */
export interface DiffSection {
  label: string;
  parts: DiffPart[];
  changed: boolean;
}

// Unchanged text longer than this is shown by its ends, around what changed.
const CONTEXT = 200;

function shorten(parts: DiffPart[]): DiffPart[] {
  return parts.map((p, i) => {
    if (p.kind !== 'same' || [...p.text].length <= CONTEXT * 3) return p;
    const chars = [...p.text];
    const head = i === 0 ? '' : chars.slice(0, CONTEXT).join('');
    const tail = i === parts.length - 1 ? '' : chars.slice(-CONTEXT).join('');
    return { kind: 'same', text: `${head}${head ? ' ' : ''}[…]${tail ? ' ' : ''}${tail}` };
  });
}

export function diffSection(label: string, before: string, after: string): DiffSection {
  const changed = before !== after;
  return { label, parts: changed ? shorten(wordDiff(before, after)) : [], changed };
}
