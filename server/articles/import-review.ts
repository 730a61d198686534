// The review step of "Document importeren": inside the filled-in editor, what was recognised in the
// text, as blocks of lines (consecutive lines with the same role and number), each with a role the
// editor can correct (rol_<first>[-<last>], and nummer_… for a question or an answer). Blocks of
// questions and answers can be split at a line or joined with the one before, in one click; dropped
// letterhead is folded away. Everything here is pure: the routes read the form with readChoices,
// apply a click with applyEdit, check the result with correctionsOf and show it with reviewOf;
// documents/parse/overrides.ts applies the corrections that differ from what was recognised.
import type { LineRole, ParsedDocument } from '../documents/parse';
import { needsNumber, OVERRIDE_ROLES, type LineOverride, type OverrideRole } from '../documents/parse/overrides';
import { formatIsoDate } from '../documents/dates';
import { documentToForm, fieldName } from '../documents/form';
import type { StoredCorrection } from '../documents/queries';
import { DOCUMENT_TYPES } from '../documents/types';
import type { FieldErrors } from '../shared/validation';

const ROLE_LABELS: Record<string, string> = {
  body: 'Tekst',
  heading: 'Tussenkop',
  question: 'Vraag',
  answer: 'Antwoord',
  letterhead: 'Briefhoofd (weglaten)',
  field: 'Gegeven',
  title: 'Titel',
  signer: 'Ondertekening',
};

/** Pair numbers up to this: more questions than any council document asks. */
const MAX_NUMBER = 200;
/** A block names at most this many lines: a 30-page document's longest paragraph is far shorter. */
const MAX_BLOCK = 2000;

const isOverrideRole = (role: string): role is OverrideRole => (OVERRIDE_ROLES as readonly string[]).includes(role);

/** One line as the editor chose it: a role and, for a question or answer, its number (as typed). */
export interface Choice {
  role: string;
  number: string;
}

/** Input line index → the editor's choice, for every line that is not blank. */
export type Choices = Map<number, Choice>;

const recognised = (l: LineRole): Choice => ({ role: l.role, number: needsNumber(l.role) && l.number ? String(l.number) : '' });

/** The choices as recognised: what the selects show before the editor changes anything. */
export function recognisedChoices(doc: ParsedDocument): Choices {
  const out: Choices = new Map();
  doc.lines.forEach((l, i) => {
    if (l.role !== 'blank') out.set(i, recognised(l));
  });
  return out;
}

const lineRange = (n: number, m: number) => (n === m ? `regel ${n + 1}` : `regels ${n + 1}–${m + 1}`);

/** What the review form sent: every line's choice, the lines where the editor asked a block to start, and the form name of each line's select. */
export interface ReadChoices {
  choices: Choices;
  breaks: Set<number>;
  /** Line → the name of the select (rol_…) that chose for it, so an error is shown there. */
  names: Map<number, string>;
  errors: FieldErrors;
}

/**
 * The review's choices in a form body: rol_<i> or rol_<first>-<last> (a block) and nummer_…, over
 * the document as recognised without corrections; lines the form does not name keep their
 * recognised role. A line that does not exist in the text is an error, in Dutch.
 */
export function readChoices(body: Record<string, unknown>, plain: ParsedDocument): ReadChoices {
  const choices = recognisedChoices(plain);
  const names = new Map<number, string>();
  const unknown: string[] = [];
  for (const key of Object.keys(body)) {
    const m = /^(rol|nummer)_(\d{1,6})(?:-(\d{1,6}))?$/.exec(key) ?? (/^(rol|nummer)_(.*)$/.exec(key) ? [key, '', '-1'] : null);
    if (!m) continue;
    const first = Number(m[2]);
    const last = m[3] === undefined ? first : Number(m[3]);
    const lines = first >= 0 && last >= first && last - first <= MAX_BLOCK ? plain.lines.slice(first, last + 1) : [];
    if (!lines.length || last >= plain.lines.length || lines.every((l) => l.role === 'blank')) {
      unknown.push(key.replace(/^(?:rol|nummer)_/, ''));
      continue;
    }
    const value = typeof body[key] === 'string' ? body[key].trim() : '';
    for (let i = first; i <= last; i++) {
      const c = choices.get(i);
      if (!c) continue;
      if (m[1] === 'rol') {
        c.role = value;
        names.set(i, key);
      } else c.number = value;
    }
  }
  const errors: FieldErrors = {};
  if (unknown.length)
    errors.correcties = `De correcties noemen een regel die niet in deze tekst staat (${[...new Set(unknown)].slice(0, 5).join(', ')}). Herken de tekst opnieuw en kies de soorten nog eens.`;
  const breaks = new Set<number>();
  const los = body.los;
  for (const v of Array.isArray(los) ? los : [los])
    if (typeof v === 'string' && /^\d{1,6}$/.test(v) && choices.has(Number(v))) breaks.add(Number(v));
  return { choices, breaks, names, errors };
}

/** The choices the stored corrections make, over a new recognition of the same text. */
export function choicesFromStored(stored: StoredCorrection[], plain: ParsedDocument): Choices {
  const choices = recognisedChoices(plain);
  for (const c of stored) {
    if (!choices.has(c.line) || typeof c.role !== 'string') continue;
    choices.set(c.line, { role: c.role, number: c.number ? String(c.number) : '' });
  }
  return choices;
}

export interface Corrections {
  overrides: Map<number, LineOverride>;
  errors: FieldErrors;
}

/**
 * The choices that differ from what was recognised, as corrections to recognise the text with. A
 * role not offered for that line, or a number that is not a whole number from 1, is an error in
 * Dutch, keyed by the select or number box the editor used.
 */
export function correctionsOf(choices: Choices, plain: ParsedDocument, names = new Map<number, string>()): Corrections {
  const errors: FieldErrors = {};
  const overrides = new Map<number, LineOverride>();
  const ranges = new Map<string, [number, number]>();
  for (const [index, name] of names) {
    const r = ranges.get(name);
    ranges.set(name, r ? [Math.min(r[0], index), Math.max(r[1], index)] : [index, index]);
  }
  for (const [index, c] of [...choices].sort((a, b) => a[0] - b[0])) {
    const line = plain.lines[index];
    const name = names.get(index) ?? `rol_${index}`;
    const [first, last] = ranges.get(name) ?? [index, index];
    const where = lineRange(first, last);
    if (!isOverrideRole(c.role) && c.role !== line.role) {
      errors[name] ??= `Kies bij ${where} een soort uit de lijst.`;
      continue;
    }
    const number = /^\d{1,3}$/.test(c.number) ? Number(c.number) : NaN;
    const numberOk = number >= 1 && number <= MAX_NUMBER;
    if (needsNumber(c.role) ? !numberOk : c.number !== '' && !numberOk) {
      errors[name.replace(/^rol_/, 'nummer_')] ??= needsNumber(c.role)
        ? `Vul bij ${where} het nummer van de ${c.role === 'question' ? 'vraag' : 'vraag die dit antwoord beantwoordt'} in: een heel getal van 1 tot en met ${MAX_NUMBER}.`
        : `Het nummer bij ${where} moet een heel getal van 1 tot en met ${MAX_NUMBER} zijn, of leeg.`;
      continue;
    }
    const was = recognised(line);
    if (c.role === was.role && (!needsNumber(c.role) || String(number) === was.number)) continue;
    if (!isOverrideRole(c.role)) continue;
    overrides.set(index, { role: c.role, ...(needsNumber(c.role) ? { number } : {}) });
  }
  return { overrides, errors };
}

/** Corrections as they are kept (in the form's "herkend" field and with the saved article). */
export const storedCorrections = (overrides: ReadonlyMap<number, LineOverride>): StoredCorrection[] =>
  [...overrides].sort((a, b) => a[0] - b[0]).map(([line, o]) => ({ line, role: o.role, ...(o.number ? { number: o.number } : {}) }));

/** The corrections a form's "herkend" field (JSON) names, checked against the text; anything else in it is ignored. */
export function parseStoredCorrections(json: string): StoredCorrection[] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(value)) return [];
  return value.flatMap((v: unknown) => {
    const c = v as Partial<StoredCorrection> | null;
    if (!c || !Number.isInteger(c.line) || typeof c.role !== 'string') return [];
    return [{ line: c.line!, role: c.role, ...(Number.isInteger(c.number) ? { number: c.number } : {}) }];
  });
}

/** A click in the review: split a block at a line, join a question or answer with the one before, or let a block's lines be chosen one by one. */
export type ReviewEdit = { kind: 'split' | 'join' | 'loose'; line: number };

/** The click the "actie" button named ("splitsen:14", "samenvoegen:14", "los:14"), or null. */
export function readEdit(actie: string): ReviewEdit | null {
  const m = /^(splitsen|samenvoegen|los):(\d{1,6})$/.exec(actie);
  if (!m) return null;
  return { kind: m[1] === 'splitsen' ? 'split' : m[1] === 'samenvoegen' ? 'join' : 'loose', line: Number(m[2]) };
}

/**
 * The choices after a click. Splitting question (or answer) N at a line gives that line and the
 * lines of N after it the number N + 1, and every later question (answer) one more; joining N with
 * N − 1 is the reverse. Only questions move when questions are split or joined, only answers when
 * answers are: that is how an answer that was read as two, or two questions read as one, are put
 * right, and the pairs after it follow. "Los" only starts a new block at the line.
 */
export function applyEdit(choices: Choices, breaks: Set<number>, edit: ReviewEdit): { choices: Choices; breaks: Set<number> } {
  const out: Choices = new Map([...choices].map(([i, c]) => [i, { ...c }]));
  const nextBreaks = new Set(breaks);
  const at = out.get(edit.line);
  if (!at) return { choices: out, breaks: nextBreaks };
  if (edit.kind === 'loose') {
    // Every line of the block becomes a block of its own.
    for (let i = edit.line; out.get(i)?.role === at.role && out.get(i)?.number === at.number; i++) nextBreaks.add(i);
    return { choices: out, breaks: nextBreaks };
  }
  const n = Number(at.number);
  if (!needsNumber(at.role) || !(n >= 1)) return { choices: out, breaks: nextBreaks };
  if (edit.kind === 'join' && n < 2) return { choices: out, breaks: nextBreaks };
  for (const [i, c] of out) {
    if (c.role !== at.role) continue;
    const m = Number(c.number);
    if (edit.kind === 'split') {
      if (m > n || (m === n && i >= edit.line)) c.number = String(m + 1);
    } else if (m >= n) c.number = String(m - 1);
  }
  return { choices: out, breaks: nextBreaks };
}

export interface ReviewBlock {
  first: number;
  last: number;
  lines: Array<{ index: number; text: string }>;
  /** The select's name and id: rol_<first>, or rol_<first>-<last> for a block of several lines. */
  name: string;
  numberName: string;
  /** "regel 12" or "regels 12–16", for the labels. */
  where: string;
  options: Array<[string, string]>;
  role: string;
  number: string;
  /** The editor gave (some of) these lines another role or number than was recognised. */
  corrected: boolean;
  /** What was recognised, when the editor corrected it ("Vraag 3"). */
  recognisedAs: string;
  /** The lines a question or answer block can be split before: those that start a sentence or an item, after the first. */
  splitAt: number[];
  /** The first block of question (answer) N ≥ 2: it can be joined with N − 1. */
  joinable: boolean;
  /** A block of several lines: its lines can be chosen one by one. */
  loosable: boolean;
}

export interface ReviewSuggestion {
  label: string;
  name: string;
  value: string;
  from: string;
}

/** Where a suggestion was read, in Dutch ("de titelregel (regel 3)"). */
const EVIDENCE_PLACE: Record<string, string> = { title: 'de titelregel', letterhead: 'het briefhoofd', signature: 'de ondertekening' };

/** The suggestions of a recognition as the editor is offered them, in the order of the type's fields. */
function suggestionsOf(doc: ParsedDocument): ReviewSuggestion[] {
  const defs = DOCUMENT_TYPES[doc.type].fields;
  return defs.flatMap((f) => {
    const s = doc.suggestions.find((x) => x.key === f.key);
    if (!s) return [];
    const name = fieldName(doc.type, f.key);
    const value = documentToForm(doc.type, { fields: { [f.key]: s.value }, questions: [] }).fields[name] ?? '';
    const place = EVIDENCE_PLACE[s.evidence] ?? 'de tekst';
    return value ? [{ label: f.label, name, value, from: s.line === undefined ? place : `${place} (regel ${s.line + 1})` }] : [];
  });
}

/** Blocks in order; a run of dropped letterhead is one folded group. */
export type ReviewGroup =
  { letterhead: false; block: ReviewBlock } | { letterhead: true; blocks: ReviewBlock[]; lines: number; where: string };

export interface Review {
  /** The text recognised: sent back with the form for a new article; null when it is kept with the article. */
  text: string | null;
  groups: ReviewGroup[];
  /** Lines shown (not blank). */
  lineCount: number;
  fields: Array<{ label: string; value: string; target: string }>;
  /**
   * Values the recogniser did not fill in because their kind of evidence was too often wrong (parse.ts
   * `suggestions`): each is offered next to its empty field, "Voorstel: … — Overnemen". `name` is the form field,
   * `value` what taking it over puts there, `from` where it was read, in Dutch.
   */
  suggestions: ReviewSuggestion[];
  questions: number;
  answered: number;
  signers: string[];
  /** Where the signers end up in the form, when they do: the indieners or the afzender. */
  signersTarget: { label: string; target: string } | null;
  /** The lines dropped as letterhead. */
  dropped: number;
  errors: FieldErrors;
  /** The corrections the form below was filled with, as JSON (the form's "herkend" field). */
  applied: string;
  breaks: number[];
  /** How many of the editor's corrections were applied. */
  corrected: number;
  /** What the editor had changed in the form and was kept when the text was recognised again. */
  kept: string[];
}

function optionsFor(l: LineRole, typeLabel: (key: string) => string): Array<[string, string]> {
  const own: Array<[string, string]> = isOverrideRole(l.role)
    ? []
    : [[l.role, l.field ? `${ROLE_LABELS.field}: ${typeLabel(l.field)}` : ROLE_LABELS[l.role]]];
  return [...own, ...OVERRIDE_ROLES.map((r): [string, string] => [r, ROLE_LABELS[r]])];
}

const roleText = (c: Choice, l: LineRole, typeLabel: (key: string) => string) =>
  c.role === 'field' && l.field
    ? `${ROLE_LABELS.field}: ${typeLabel(l.field)}`
    : `${ROLE_LABELS[c.role] ?? c.role}${needsNumber(c.role) && c.number ? ` ${c.number}` : ''}`;

/**
 * Where a question or answer can be split: before a line that follows a finished sentence or
 * starts an item ("6.", "b)", "-"). Inside a hard-wrapped sentence a split button would only be
 * one more stop for the keyboard; "Regels apart kiezen" still reaches every line.
 */
const startsAnew = (before: string, line: string) =>
  /[.?!:;)”"*]\s*(?:<\/\w+>)?\s*$/.test(before) || /^\s*(?:[*_]+|<\w+>)?\s*(?:\(?\d{1,3}[a-z]?[.):]|[a-z][.)]|[-•–])\s/i.test(line);

export interface ReviewInput {
  /** The document recognised with the corrections. */
  doc: ParsedDocument;
  /** The same text recognised without them. */
  plain: ParsedDocument;
  /** The text, when the form carries it. */
  text: string | null;
  /** What the selects show: the editor's choices (as sent, when they came back with errors), or what was recognised. */
  choices?: Choices;
  breaks?: Set<number>;
  errors?: FieldErrors;
  applied: ReadonlyMap<number, LineOverride>;
  kept?: string[];
}

/** The review of a recognised document, in blocks. */
export function reviewOf(input: ReviewInput): Review {
  const { doc, plain } = input;
  const fieldDefs = DOCUMENT_TYPES[doc.type].fields;
  const label = (key: string) => fieldDefs.find((f) => f.key === key)?.label ?? key;
  const choices = input.choices ?? recognisedChoices(doc);
  const breaks = input.breaks ?? new Set<number>();
  const blocks: ReviewBlock[] = [];
  let current: ReviewBlock | null = null;
  let currentKey = '';
  const started = new Set<string>();
  doc.lines.forEach((l, index) => {
    const c = choices.get(index);
    if (!c) return;
    const p = plain.lines[index];
    const key = `${c.role}|${c.number}|${c.role === p.role ? (p.field ?? '') : ''}`;
    const was = recognised(p);
    const corrected = input.applied.has(index) || c.role !== was.role || c.number !== was.number;
    if (current && current.last === index - 1 && !breaks.has(index) && currentKey === key) {
      current.last = index;
      current.lines.push({ index, text: l.text });
      current.corrected ||= corrected;
      return;
    }
    current = {
      first: index,
      last: index,
      lines: [{ index, text: l.text }],
      name: '',
      numberName: '',
      where: '',
      options: optionsFor(p, label),
      role: c.role,
      number: c.number,
      corrected,
      recognisedAs: roleText(was, p, label),
      splitAt: [],
      joinable: false,
      loosable: false,
    };
    currentKey = key;
    blocks.push(current);
  });
  for (const b of blocks) {
    const range = b.first === b.last ? `${b.first}` : `${b.first}-${b.last}`;
    b.name = `rol_${range}`;
    b.numberName = `nummer_${range}`;
    b.where = lineRange(b.first, b.last);
    const qa = needsNumber(b.role) && /^\d+$/.test(b.number);
    b.splitAt = qa ? b.lines.filter((l, k) => k > 0 && startsAnew(b.lines[k - 1].text, l.text)).map((l) => l.index) : [];
    b.loosable = b.lines.length > 1;
    const key = `${b.role}|${b.number}`;
    b.joinable = qa && Number(b.number) >= 2 && !started.has(key);
    if (qa) started.add(key);
    if (!b.corrected) b.recognisedAs = '';
  }
  const groups: ReviewGroup[] = [];
  for (const block of blocks) {
    const last = groups[groups.length - 1];
    if (block.role !== 'letterhead' || block.corrected) groups.push({ letterhead: false, block });
    else if (last?.letterhead) {
      last.blocks.push(block);
      last.lines += block.lines.length;
      last.where = lineRange(last.blocks[0].first, block.last);
    } else groups.push({ letterhead: true, blocks: [block], lines: block.lines.length, where: block.where });
  }
  const target = (key: string) => `${fieldName(doc.type, key)}`;
  const signerField = ['indieners', 'afzender'].find((k) => fieldDefs.some((f) => f.key === k));
  return {
    text: input.text,
    groups,
    lineCount: blocks.reduce((n, b) => n + b.lines.length, 0),
    fields: Object.entries(doc.fields).map(([key, value]) => ({
      label: label(key),
      target: target(key),
      value: Array.isArray(value)
        ? value.join(', ')
        : fieldDefs.find((f) => f.key === key)?.kind === 'date'
          ? formatIsoDate(String(value))
          : String(value),
    })),
    suggestions: suggestionsOf(doc),
    questions: doc.questions.length,
    answered: doc.questions.filter((q) => q.answer !== null).length,
    signers: doc.signers,
    signersTarget: signerField ? { label: label(signerField), target: target(signerField) } : null,
    dropped: doc.lines.filter((l) => l.role === 'letterhead').length,
    errors: input.errors ?? {},
    applied: JSON.stringify(storedCorrections(input.applied)),
    breaks: [...breaks].sort((a, b) => a - b),
    corrected: input.applied.size,
    kept: input.kept ?? [],
  };
}
