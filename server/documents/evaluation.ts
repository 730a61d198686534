// How well the paste-import reads a labelled document: the type, every header field the text states
// (found, missing, wrong) and every question with its answer. Pure: the labels come in, a score goes
// out; `npm run documents:eval` runs it over the real-document corpus and prints the figures.
import type { ParsedDocument } from './parse';

export interface LabelledQuestion {
  number: string | number;
  question: string;
  answer: string | null;
}

export interface DocumentLabels {
  /** The type, or the types that are all right (a letter of the college may be a brief or a raadsinformatiebrief). */
  type: string | string[];
  fields: Record<string, string | string[] | number>;
  questions: LabelledQuestion[];
  signers?: string[];
}

export interface DocumentScore {
  typeRight: boolean;
  /** Fields the labels state. */
  fieldsExpected: number;
  /** Of those, found with the stated value. */
  fieldsFound: number;
  /** Fields the parser reported. */
  fieldsReported: number;
  /** Reported fields whose value differs from the label, or that the text does not state. */
  fieldsWrong: number;
  questionsExpected: number;
  /** Questions found with the right text and the right answer (or rightly none). */
  pairsRight: number;
  /** Values offered to the editor but not filled in (not counted as reported), and of those, the labelled value. */
  suggestions: number;
  suggestionsRight: number;
  /** What went wrong, one line each, for the report. */
  misses: string[];
}

/** Markup left over from copying, typographic variants, whitespace and a closing stop do not count. */
export function normalise(value: string): string {
  return value
    .normalize('NFC')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\*+|(?<=\s|^)_+|_+(?=\s|$|[.,;:])/g, '')
    .replace(/[‘’‚`]/g, "'")
    .replace(/[“”„]/g, '"')
    .replace(/[–—‑]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[.,;:]+$/, '')
    .toLowerCase();
}

const tokens = (s: string) => normalise(s).match(/[\p{L}\p{N}]+/gu) ?? [];

/** Token F1 of two texts: 1 when they hold the same words, 0 when none are shared. */
export function overlap(a: string, b: string): number {
  const ta = tokens(a);
  const tb = tokens(b);
  if (!ta.length && !tb.length) return 1;
  if (!ta.length || !tb.length) return 0;
  const counts = new Map<string, number>();
  for (const t of tb) counts.set(t, (counts.get(t) ?? 0) + 1);
  let common = 0;
  for (const t of ta) {
    const n = counts.get(t) ?? 0;
    if (n > 0) {
      common++;
      counts.set(t, n - 1);
    }
  }
  const precision = common / ta.length;
  const recall = common / tb.length;
  return common ? (2 * precision * recall) / (precision + recall) : 0;
}

/** A text counts as the labelled one at this overlap (a stray word or a kept number may differ). */
const SAME_TEXT = 0.85;

function sameValue(got: unknown, want: string | string[] | number): boolean {
  if (Array.isArray(want)) {
    if (!Array.isArray(got) || got.length !== want.length) return false;
    const a = got.map((v) => normalise(String(v))).sort();
    const b = want.map((v) => normalise(String(v))).sort();
    return a.every((v, i) => v === b[i]);
  }
  if (typeof got !== 'string' && typeof got !== 'number') return false;
  return normalise(String(got)) === normalise(String(want));
}

/** Fields read from the text's body rather than its header: not scored. */
const BODY_FIELDS = new Set(['besluit']);

const label = (n: string | number) => String(n).toLowerCase().replace(/\s+/g, '');

export function scoreDocument(
  got: Pick<ParsedDocument, 'type' | 'fields' | 'questions'> & Partial<Pick<ParsedDocument, 'suggestions'>>,
  want: DocumentLabels,
): DocumentScore {
  const misses: string[] = [];
  const typeRight = ([] as string[]).concat(want.type).includes(got.type);
  if (!typeRight) misses.push(`soort: ${got.type}, verwacht ${([] as string[]).concat(want.type).join(' of ')}`);
  // Header fields only: a motie's dictum (besluit) is its text, not a header, and the corpus does not label it.
  const reported = Object.entries(got.fields).filter(([k, v]) => v !== undefined && v !== '' && !BODY_FIELDS.has(k));
  let fieldsFound = 0;
  for (const [key, value] of Object.entries(want.fields)) {
    if (sameValue(got.fields[key], value)) fieldsFound++;
    else if (got.fields[key] === undefined) misses.push(`${key}: niet gevonden (${JSON.stringify(value)})`);
  }
  let fieldsWrong = 0;
  for (const [key, value] of reported) {
    const wanted = want.fields[key];
    if (wanted !== undefined && sameValue(value, wanted)) continue;
    fieldsWrong++;
    misses.push(`${key}: ${JSON.stringify(value)}, verwacht ${wanted === undefined ? '(niets)' : JSON.stringify(wanted)}`);
  }
  let pairsRight = 0;
  // By the text's own label first, then by position; the first question with a label keeps it.
  const byLabel = new Map<string, (typeof got.questions)[number]>();
  for (const q of got.questions) if (!byLabel.has(label(q.label ?? q.number))) byLabel.set(label(q.label ?? q.number), q);
  for (const q of got.questions) if (!byLabel.has(label(q.number))) byLabel.set(label(q.number), q);
  want.questions.forEach((q, i) => {
    const found = byLabel.get(label(q.number)) ?? got.questions[i];
    if (!found) {
      misses.push(`vraag ${q.number}: niet gevonden`);
      return;
    }
    const questionRight = overlap(found.question, q.question) >= SAME_TEXT;
    const answerRight = q.answer === null ? found.answer === null : found.answer !== null && overlap(found.answer, q.answer) >= SAME_TEXT;
    if (questionRight && answerRight) pairsRight++;
    else if (!questionRight) misses.push(`vraag ${q.number}: andere vraagtekst`);
    else
      misses.push(
        `vraag ${q.number}: ${q.answer === null ? 'antwoord gevonden waar er geen is' : found.answer === null ? 'antwoord niet gevonden' : 'ander antwoord'}`,
      );
  });
  // A suggestion fills nothing: it is neither found nor wrong, only counted, and right when it is the labelled value.
  const offered = got.suggestions ?? [];
  const suggestionsRight = offered.filter((s) => want.fields[s.key] !== undefined && sameValue(s.value, want.fields[s.key])).length;
  for (const s of offered)
    if (!(want.fields[s.key] !== undefined && sameValue(s.value, want.fields[s.key])))
      misses.push(`voorstel ${s.key}: ${JSON.stringify(s.value)}, verwacht ${JSON.stringify(want.fields[s.key] ?? '(niets)')}`);
  return {
    typeRight,
    fieldsExpected: Object.keys(want.fields).length,
    fieldsFound,
    fieldsReported: reported.length,
    fieldsWrong,
    questionsExpected: want.questions.length,
    pairsRight,
    suggestions: offered.length,
    suggestionsRight,
    misses,
  };
}

/** A set's totals: the counts of its documents added up, and how many documents had the right type. */
export type SetScore = Omit<DocumentScore, 'typeRight' | 'misses'> & { documents: number; typesRight: number };

export function sumScores(scores: DocumentScore[]): SetScore {
  const total: SetScore = {
    documents: scores.length,
    typesRight: 0,
    fieldsExpected: 0,
    fieldsFound: 0,
    fieldsReported: 0,
    fieldsWrong: 0,
    questionsExpected: 0,
    pairsRight: 0,
    suggestions: 0,
    suggestionsRight: 0,
  };
  for (const s of scores) {
    total.typesRight += s.typeRight ? 1 : 0;
    total.fieldsExpected += s.fieldsExpected;
    total.fieldsFound += s.fieldsFound;
    total.fieldsReported += s.fieldsReported;
    total.fieldsWrong += s.fieldsWrong;
    total.questionsExpected += s.questionsExpected;
    total.pairsRight += s.pairsRight;
    total.suggestions += s.suggestions;
    total.suggestionsRight += s.suggestionsRight;
  }
  return total;
}

/** One value the recogniser read for a field: filled in or only suggested, its evidence, and whether it is the label's. */
export interface FieldOutcome {
  key: string;
  evidence: string | undefined;
  suggested: boolean;
  right: boolean;
}

/**
 * Every header field the recogniser read, filled in or suggested, with whether the labels agree: what a calibration
 * of its evidence is fitted on (`npm run documents:cv`).
 */
export function fieldOutcomes(
  got: Pick<ParsedDocument, 'fields'> & Partial<Pick<ParsedDocument, 'evidence' | 'suggestions'>>,
  want: DocumentLabels,
): FieldOutcome[] {
  const right = (key: string, value: unknown) => want.fields[key] !== undefined && sameValue(value, want.fields[key]);
  const filled = Object.entries(got.fields)
    .filter(([k, v]) => v !== undefined && v !== '' && !BODY_FIELDS.has(k))
    .map(([key, value]) => ({ key, evidence: got.evidence?.[key], suggested: false, right: right(key, value) }));
  const offered = (got.suggestions ?? []).map((s) => ({ key: s.key, evidence: s.evidence, suggested: true, right: right(s.key, s.value) }));
  return [...filled, ...offered];
}
