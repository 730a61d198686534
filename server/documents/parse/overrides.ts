// The editor's corrections in the review step: per input line a role that replaces the recognised
// one. "letterhead" drops the line, "heading" makes it a "##" heading in the body, "body" keeps it as
// text, "question N" / "answer N" adds it to pair N (a position, 1..n; a number past the last pair
// starts a new one). Lines taken from a pair leave it; a pair with no lines left goes; a pair whose
// lines changed gets its text again from its lines, without their question or answer marks.
import type { Role } from './body';
import { joinLines, type Line } from './lines';
import { numbered } from './numbering';
import type { FoundQuestion } from './questions';

export const OVERRIDE_ROLES = ['body', 'heading', 'letterhead', 'question', 'answer'] as const;
export type OverrideRole = (typeof OVERRIDE_ROLES)[number];

export interface LineOverride {
  role: OverrideRole;
  /** The pair's position for 'question' and 'answer'. */
  number?: number;
}

/** Input line index (as in ParsedDocument.lines) → the editor's role for it. */
export type LineOverrides = ReadonlyMap<number, LineOverride>;

export const needsNumber = (role: string): boolean => role === 'question' || role === 'answer';

export interface OverrideState {
  roles: Role[];
  fieldOf: Map<number, string>;
  numberOf: Map<number, number>;
}

export interface Overridden {
  pairs: FoundQuestion[];
  /** Fields whose every line the editor gave another role. */
  droppedFields: Set<string>;
  /** The texts of the lines the editor gave a role. */
  texts: string[];
  /** A question or answer changed. */
  pairsChanged: boolean;
}

/** A pair's text from its lines in their order (added lines after the pair's own): paragraphs where lines are not adjacent, marks taken off. */
function textOfLines(lines: Line[], indices: number[]): string {
  const paras: string[][] = [];
  let last = -2;
  for (const i of new Set(indices)) {
    const raw = lines[i].text.replace(/\t+/g, ' ').trim();
    const t = (numbered(raw)?.rest ?? raw.replace(/^antwoord\s*:\s*/i, '')).trim();
    if (i !== last + 1 || !paras.length) paras.push([]);
    if (t) paras[paras.length - 1].push(t);
    last = i;
  }
  return paras
    .map(joinLines)
    .filter(Boolean)
    .join('\n\n')
    .replace(/[ \t]+/g, ' ');
}

/** Applies the overrides to the recognised roles (mutated in `state`) and returns the pairs after them. */
export function applyOverrides(lines: Line[], state: OverrideState, found: FoundQuestion[], overrides: LineOverrides): Overridden {
  const { roles, fieldOf, numberOf } = state;
  const pairs = found.map((p) => ({ ...p, questionLines: [...p.questionLines], answerLines: [...p.answerLines] }));
  const changedQ = new Set<FoundQuestion>();
  const changedA = new Set<FoundQuestion>();
  const touchedFields = new Set<string>();
  const texts: string[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const o = overrides.get(lines[i].source);
    if (!o || !lines[i].text.trim()) continue;
    if (!seen.has(lines[i].source)) texts.push(lines[i].text.trim());
    seen.add(lines[i].source);
    for (const p of pairs) {
      if (p.questionLines.includes(i)) changedQ.add(p);
      if (p.answerLines.includes(i)) changedA.add(p);
      p.questionLines = p.questionLines.filter((x) => x !== i);
      p.answerLines = p.answerLines.filter((x) => x !== i);
    }
    const field = fieldOf.get(i);
    if (field) touchedFields.add(field);
    fieldOf.delete(i);
    numberOf.delete(i);
    roles[i] = o.role;
    if (!needsNumber(o.role) || !o.number) continue;
    let pair = pairs.find((p) => p.number === o.number);
    if (!pair) pairs.push((pair = { number: o.number, question: '', answer: null, questionLines: [], answerLines: [] }));
    if (o.role === 'question') {
      pair.questionLines.push(i);
      changedQ.add(pair);
    } else {
      pair.answerLines.push(i);
      changedA.add(pair);
    }
  }
  for (const p of changedQ) p.question = textOfLines(lines, p.questionLines);
  for (const p of changedA) p.answer = textOfLines(lines, p.answerLines) || null;
  const kept = pairs.filter((p) => p.questionLines.length || p.answerLines.length).sort((a, b) => a.number - b.number);
  kept.forEach((p, k) => {
    // A pair that moves up keeps the number the text gave it as its label.
    if (p.number !== k + 1 && !p.label && found.some((f) => f.number === p.number)) p.label = String(p.number);
    p.number = k + 1;
    for (const i of [...p.questionLines, ...p.answerLines]) numberOf.set(i, p.number);
  });
  const remaining = new Set(fieldOf.values());
  return {
    pairs: kept,
    droppedFields: new Set([...touchedFields].filter((f) => !remaining.has(f))),
    texts,
    pairsChanged: changedQ.size + changedA.size > 0 || kept.length !== found.length,
  };
}
