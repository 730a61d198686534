// A word-level comparison of two texts, for people: what was taken out and what was put in, in
// order. jsdiff (the `diff` package) does the comparing: Myers' algorithm with a bound on the work,
// well kept and small; a hand-written LCS would be slower on long council documents.
import { diffWordsWithSpace, type Change } from 'diff';

export interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

// Past this many edits (two very different long texts) the comparison would take seconds: then it
// says "all of it was replaced", which is true and quick.
const MAX_EDITS = 5000;

export function wordDiff(before: string, after: string): DiffPart[] {
  if (before === after) return before ? [{ kind: 'same', text: before }] : [];
  // Undefined (though typed otherwise) when the texts are further apart than MAX_EDITS.
  const changes = diffWordsWithSpace(before, after, { maxEditLength: MAX_EDITS }) as Change[] | undefined;
  if (!changes)
    return [...(before ? [{ kind: 'removed' as const, text: before }] : []), ...(after ? [{ kind: 'added' as const, text: after }] : [])];
  return changes.map((c) => ({ kind: c.added ? 'added' : c.removed ? 'removed' : 'same', text: c.value }));
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
