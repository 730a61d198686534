// Recognising a document's text again without losing anything: what a recognition filled into the
// article editor (RecognisedValues), and the rule for a new recognition of the same text: whatever
// the editor changed in the form since the last recognition filled it stays as they left it; the
// rest is filled in anew. The source and the editor's corrections are kept with the article when it
// is saved (documents/queries.ts document_sources), so the same holds when it is edited later.
// Pure: the routes (import-routes.ts, admin-save.ts) read the form and render.
import { documentToForm, type QuestionRow } from '../documents/form';
import { parseDocument, type ParsedDocument } from '../documents/parse';
import type { LineOverride } from '../documents/parse/overrides';
import type { DocumentSource, RecognisedValues } from '../documents/queries';
import { DOCUMENT_TYPES, isDocumentType } from '../documents/types';
import { emptyArticleForm, type ArticleFormValues } from './admin-form';
import {
  choicesFromStored,
  correctionsOf,
  parseStoredCorrections,
  readChoices,
  reviewOf,
  storedCorrections,
  type Review,
} from './import-review';

/** The form field of a new article's editor that carries the text it was recognised from. */
export const SOURCE_TEXT_FIELD = 'bron_tekst';

/** The questions and answers are shown from their own fields: take them out of the body text. */
function bodyWithoutQuestions(doc: ParsedDocument): string {
  let body = doc.body;
  for (const q of doc.questions) {
    for (const text of [q.question, q.answer]) if (text && text.length > 20) body = body.split(text).join('');
  }
  return body.replace(/\n{3,}/g, '\n\n').trim();
}

/** What a recognition fills into the editor: title, type, body, the type's fields and the question rows. */
export function recognisedValues(doc: ParsedDocument): RecognisedValues {
  const subject = typeof doc.fields.onderwerp === 'string' ? doc.fields.onderwerp : '';
  const title = subject ? (doc.type === 'nieuws' ? subject : `${DOCUMENT_TYPES[doc.type].label}: ${subject}`) : '';
  const anchors = doc.questions.map((q) =>
    doc.lines.findIndex((l) => (l.role === 'question' || l.role === 'answer') && l.number === q.number),
  );
  return { title: title.slice(0, 200), kind: doc.type, body: bodyWithoutQuestions(doc), document: documentToForm(doc.type, doc), anchors };
}

/** A new article's form filled by a recognition; a document the editor must check first stays a concept. */
export function importFormValues(doc: ParsedDocument, authorName: string): ArticleFormValues {
  const r = recognisedValues(doc);
  return { ...emptyArticleForm(authorName), title: r.title, kind: r.kind, body: r.body, document: r.document };
}

/** Two values the same as the editor sees them: a browser sends a textarea's lines with CRLF, and drops its first newline. */
const same = (a: string | undefined, b: string | undefined) =>
  (a ?? '').replace(/\r\n?/g, '\n').trim() === (b ?? '').replace(/\r\n?/g, '\n').trim();

const fieldLabel = (name: string): string => {
  const m = /^doc__([\w-]+)__(\w+)$/.exec(name);
  const type = m && isDocumentType(m[1]) ? DOCUMENT_TYPES[m[1]] : null;
  return type?.fields.find((f) => f.key === m![2])?.label ?? name;
};

/**
 * The form after recognising the text again: for each part a recognition fills in (title, type,
 * body, every field, every question's number, text and answer), the editor's value where it differs
 * from what the last recognition (`before`) filled in, else the new recognition's. A question row is
 * found again by the line it starts at, then by its text; a row the editor added or changed that the
 * new recognition no longer has comes after the others. `kept` names what the editor's value kept, in Dutch.
 */
export function keepEdits(
  submitted: ArticleFormValues,
  before: RecognisedValues,
  fresh: RecognisedValues,
): { values: ArticleFormValues; kept: string[] } {
  const kept: string[] = [];
  const pick = (mine: string, was: string | undefined, now: string | undefined, what: string): string => {
    if (same(mine, was)) return now ?? '';
    kept.push(what);
    return mine;
  };
  const title = pick(submitted.title, before.title, fresh.title, 'de titel');
  const kind = pick(submitted.kind, before.kind, fresh.kind, 'de soort');
  const body = pick(submitted.body, before.body, fresh.body, 'de tekst');

  const fields: Record<string, string> = {};
  const names = new Set([
    ...Object.keys(submitted.document.fields),
    ...Object.keys(before.document.fields),
    ...Object.keys(fresh.document.fields),
  ]);
  for (const name of names) {
    const value = pick(submitted.document.fields[name] ?? '', before.document.fields[name], fresh.document.fields[name], fieldLabel(name));
    if (value !== '' || name in fresh.document.fields || name in submitted.document.fields) fields[name] = value;
  }

  const mine = submitted.document.questions;
  const was = before.document.questions;
  const used = new Set<number>();
  const questions: QuestionRow[] = fresh.document.questions.map((row, i) => {
    let j = fresh.anchors[i] >= 0 ? before.anchors.findIndex((a, k) => a === fresh.anchors[i] && !used.has(k)) : -1;
    if (j < 0) j = was.findIndex((w, k) => !used.has(k) && same(w.question, row.question) && row.question.trim() !== '');
    if (j < 0 || j >= mine.length) return row;
    used.add(j);
    const n = i + 1;
    return {
      label: pick(mine[j].label, was[j].label, row.label, `het nummer van vraag ${n}`),
      question: pick(mine[j].question, was[j].question, row.question, `vraag ${n}`),
      answer: pick(mine[j].answer, was[j].answer, row.answer, `antwoord ${n}`),
    };
  });
  // What the editor wrote in a row the new recognition does not have (a row added by hand, or one a correction took away).
  mine.forEach((row, j) => {
    if (used.has(j)) return;
    const w = was[j] ?? { label: '', question: '', answer: '' };
    if (same(row.question, w.question) && same(row.answer, w.answer) && same(row.label, w.label)) return;
    if (!row.question.trim() && !row.answer.trim()) return;
    questions.push(row);
    kept.push(`vraag ${questions.length}`);
  });
  return { values: { ...submitted, title, kind, body, document: { fields, questions } }, kept };
}

/** A text recognised with the corrections of the form's "herkend" field (those the form below was filled with). */
export interface Recognition {
  plain: ParsedDocument;
  doc: ParsedDocument;
  applied: Map<number, LineOverride>;
}

/** Recognises the text with corrections kept as JSON (the form's "herkend") or as stored; a correction that no longer fits the text is left out. */
export function recogniseWith(text: string, stored: DocumentSource['corrections'] | string, plain = parseDocument(text)): Recognition {
  const list = typeof stored === 'string' ? parseStoredCorrections(stored) : stored;
  const { overrides } = correctionsOf(choicesFromStored(list, plain), plain);
  return { plain, doc: overrides.size ? parseDocument(text, overrides) : plain, applied: overrides };
}

/**
 * What is kept with the article when an editor saves a form that came from a recognition: the
 * text, the corrections as the editor chose them in the review (also those not yet recognised
 * with: they are applied the next time), and what the last recognition filled in.
 */
export function sourceToKeep(body: Record<string, unknown>, text: string): DocumentSource {
  const { plain, doc, applied } = recogniseWith(text, typeof body.herkend === 'string' ? body.herkend : '[]');
  const read = readChoices(body, plain);
  const chosen = correctionsOf(read.choices, plain, read.names);
  const ok = !Object.keys(read.errors).length && !Object.keys(chosen.errors).length;
  return { text, corrections: storedCorrections(ok ? chosen.overrides : applied), recognised: recognisedValues(doc) };
}

/** The review as the form sent it back (a preview, a form with errors): the selects as the editor left them. */
export function reviewFromForm(body: Record<string, unknown>, text: string, carryText: boolean): { review: Review; warnings: string[] } {
  const { plain, doc, applied } = recogniseWith(text, typeof body.herkend === 'string' ? body.herkend : '[]');
  const read = readChoices(body, plain);
  return {
    review: reviewOf({ doc, plain, text: carryText ? text : null, choices: read.choices, breaks: read.breaks, applied }),
    warnings: doc.warnings,
  };
}
