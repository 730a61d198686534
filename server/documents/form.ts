// The document part of the article editor: the fields of every type (only the chosen type's are
// read) and, for written questions, numbered question and answer pairs. What the editor typed is
// kept as typed until it is valid; then it becomes DocumentData.
import { COLUMN_LIMITS } from '../db/limits';
import { checkLine, checkMultiLine, checkWebsite, normalizeLine, type FieldErrors } from '../shared/validation';
import { parseDutchDate } from './dates';
import type { DocumentData } from './queries';
import { DOCUMENT_TYPES, type DocumentField, type DocumentTypeKey, type FieldValue } from './types';

// A question or answer is text; a field value is one varchar row.
const VALUE_MAX = COLUMN_LIMITS.article_fields.value;
const QA_MAX = 20_000;
// A long text field (a motie's dictum) is stored in pieces, so it may be longer than one row.
const MULTILINE_MAX = 10_000;
// Empty question rows the editor gets beyond the ones filled in.
const SPARE_QUESTIONS = 3;

export interface DocumentFormValues {
  /** Raw values by form name (doc__<type>__<key>), for every type, so switching type loses nothing. */
  fields: Record<string, string>;
  /** Each question as typed, with the text's own label ("5a") where it differs from the position. */
  questions: QuestionRow[];
}

export interface QuestionRow {
  label: string;
  question: string;
  answer: string;
}

const LABEL_MAX = COLUMN_LIMITS.document_questions.label;

export const fieldName = (type: DocumentTypeKey, key: string): string => `doc__${type}__${key}`;

export function readDocumentForm(body: unknown): DocumentFormValues {
  const b = (body ?? {}) as Record<string, unknown>;
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(b)) if (name.startsWith('doc__') && typeof value === 'string') fields[name] = value;
  const questions: DocumentFormValues['questions'] = [];
  for (let n = 1; n <= 200; n++) {
    const q = typeof b[`vraag_${n}`] === 'string' ? (b[`vraag_${n}`] as string) : undefined;
    const a = typeof b[`antwoord_${n}`] === 'string' ? (b[`antwoord_${n}`] as string) : undefined;
    const l = typeof b[`label_${n}`] === 'string' ? (b[`label_${n}`] as string) : '';
    if (q === undefined && a === undefined) break;
    questions.push({ label: l, question: q ?? '', answer: a ?? '' });
  }
  return { fields, questions };
}

function valueToText(field: DocumentField, value: FieldValue | undefined): string {
  if (value === undefined) return '';
  return Array.isArray(value) ? value.join('\n') : String(value);
}

export function documentToForm(type: DocumentTypeKey, data: DocumentData | undefined): DocumentFormValues {
  const fields: Record<string, string> = {};
  for (const f of DOCUMENT_TYPES[type].fields) fields[fieldName(type, f.key)] = valueToText(f, data?.fields[f.key]);
  return {
    fields,
    questions: (data?.questions ?? []).map((q) => ({ label: q.label ?? '', question: q.question, answer: q.answer ?? '' })),
  };
}

/** The question rows to show: the typed ones and a few empty ones to fill in. */
export function questionRows(values: DocumentFormValues): DocumentFormValues['questions'] {
  const filled = values.questions.filter((q) => q.question.trim() || q.answer.trim());
  return [...filled, ...Array.from({ length: SPARE_QUESTIONS }, () => ({ label: '', question: '', answer: '' }))];
}

function checkField(errors: FieldErrors, name: string, f: DocumentField, raw: string): FieldValue | undefined {
  const label = f.label;
  if (f.kind === 'list') {
    const items = raw
      .split(/\r?\n|\r/)
      .map(normalizeLine)
      .filter(Boolean);
    const tooLong = items.find((i) => [...i].length > VALUE_MAX);
    if (tooLong) errors[name] = `${label}: elke regel mag hoogstens ${VALUE_MAX} tekens lang zijn.`;
    return items.length ? items : undefined;
  }
  if (f.kind === 'multiline') {
    const value = checkMultiLine(errors, name, raw, { label, required: false, max: MULTILINE_MAX }).trim();
    return errors[name] || value === '' ? undefined : value;
  }
  if (f.kind === 'url') return checkWebsite(errors, name, raw, VALUE_MAX, label) ?? undefined;
  const value = checkLine(errors, name, raw, { label, required: false, max: VALUE_MAX });
  if (errors[name] || value === '') return undefined;
  if (f.kind === 'date') {
    const date = parseDutchDate(value);
    if (!date) errors[name] = `${label}: vul een datum in, bijvoorbeeld 29-05-2012 of 29 mei 2012.`;
    return date ?? undefined;
  }
  if (f.kind === 'number') {
    if (!/^\d{1,6}$/.test(value)) errors[name] = `${label}: vul een geheel getal in.`;
    return Number(value);
  }
  if (f.kind === 'choice' && !f.options?.includes(value)) {
    errors[name] = `${label}: kies een van ${f.options?.join(', ')}.`;
    return undefined;
  }
  return value;
}

/** The chosen type's fields and questions, checked; errors are keyed by form name. */
export function validateDocumentForm(type: DocumentTypeKey, values: DocumentFormValues, errors: FieldErrors): DocumentData {
  const fields: DocumentData['fields'] = {};
  for (const f of DOCUMENT_TYPES[type].fields) {
    const name = fieldName(type, f.key);
    const value = checkField(errors, name, f, values.fields[name] ?? '');
    if (value !== undefined) fields[f.key] = value;
  }
  const questions: DocumentData['questions'] = [];
  if (DOCUMENT_TYPES[type].hasQuestions) {
    values.questions.forEach((row, i) => {
      const n = i + 1;
      const question = checkMultiLine(errors, `vraag_${n}`, row.question, { label: `Vraag ${n}`, required: false, max: QA_MAX });
      const answer = checkMultiLine(errors, `antwoord_${n}`, row.answer, { label: `Antwoord ${n}`, required: false, max: QA_MAX });
      if (!question && answer) errors[`vraag_${n}`] = `Antwoord ${n} hoort bij een vraag: vul vraag ${n} in, of laat het antwoord leeg.`;
      const label = checkLine(errors, `label_${n}`, row.label, { label: `Nummer van vraag ${n}`, required: false, max: LABEL_MAX });
      const number = questions.length + 1;
      // The label only where the text numbers the question otherwise than its place ("5a" for the sixth).
      if (question) questions.push({ number, ...(label && label !== String(number) ? { label } : {}), question, answer: answer || null });
    });
  }
  return { fields, questions };
}
