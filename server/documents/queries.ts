// The structured part of council documents: field values and numbered questions with answers, and
// the text a document was recognised from. This feature owns article_fields, document_questions and
// document_sources; the articles feature owns the rows they belong to and asks for them here.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { COLUMN_LIMITS } from '../db/limits';
import { parseJson } from '../db/rows';
import type { DocumentFormValues } from './form';
import { fieldOf, type DocumentFields, type DocumentTypeKey, type FieldValue, type QuestionAnswer } from './types';

type Conn = Db | Knex.Transaction;

export interface DocumentData {
  fields: DocumentFields;
  questions: QuestionAnswer[];
}

/** The documents of these articles, read in two queries whatever their number. */
export async function loadDocuments(conn: Conn, types: ReadonlyMap<number, DocumentTypeKey>): Promise<Map<number, DocumentData>> {
  const out = new Map<number, DocumentData>();
  const articleIds = [...types.keys()];
  if (articleIds.length === 0) return out;
  for (const id of articleIds) out.set(id, { fields: {}, questions: [] });
  const rows: Array<{ article_id: number; key: string; position: number; value: string }> = await conn('article_fields')
    .whereIn('article_id', articleIds)
    .orderBy(['article_id', 'key', 'position']);
  for (const row of rows) {
    const doc = out.get(Number(row.article_id))!;
    const def = fieldOf(types.get(Number(row.article_id)) ?? 'nieuws', row.key);
    if (!def) continue; // a field of the article's former type: kept, not shown
    if (def.kind === 'list') doc.fields[row.key] = [...((doc.fields[row.key] as string[] | undefined) ?? []), row.value];
    else if (def.kind === 'multiline') doc.fields[row.key] = `${(doc.fields[row.key] as string | undefined) ?? ''}${row.value}`;
    else if (def.kind === 'number') doc.fields[row.key] = Number(row.value);
    else doc.fields[row.key] = row.value;
  }
  const questions: Array<{ article_id: number; number: number; label: string | null; question: string; answer: string | null }> =
    await conn('document_questions').whereIn('article_id', articleIds).orderBy(['article_id', 'number']);
  for (const q of questions)
    out.get(Number(q.article_id))!.questions.push({
      number: Number(q.number),
      ...(q.label ? { label: q.label } : {}),
      question: q.question,
      answer: q.answer ?? null,
    });
  return out;
}

const PIECE = COLUMN_LIMITS.article_fields.value;

/**
 * A value as its rows: a list has one row per item; a long text (a motie's dictum) is cut into
 * pieces that fit a row, after a space or line break where it can, and read back joined as it was.
 */
function storedValues(value: FieldValue): string[] {
  if (Array.isArray(value)) return value;
  const chars = Array.from(String(value));
  if (chars.length <= PIECE) return [String(value)];
  const pieces: string[] = [];
  let start = 0;
  while (start < chars.length) {
    let end = Math.min(start + PIECE, chars.length);
    if (end < chars.length) {
      const window = chars.slice(start, end);
      const brk = Math.max(window.lastIndexOf(' '), window.lastIndexOf('\n'));
      if (brk > PIECE / 2) end = start + brk + 1;
    }
    pieces.push(chars.slice(start, end).join(''));
    start = end;
  }
  return pieces;
}

/** Replaces an article's fields and questions; returns whether answers arrived that were not there before. */
export async function saveDocument(trx: Knex.Transaction, articleId: number, doc: DocumentData): Promise<boolean> {
  await trx('article_fields').where({ article_id: articleId }).delete();
  const rows = Object.entries(doc.fields).flatMap(([key, value]) =>
    storedValues(value).map((v, position) => ({ article_id: articleId, key, position, value: v })),
  );
  if (rows.length) await trx('article_fields').insert(rows);
  const before = new Set(
    (await trx('document_questions').where({ article_id: articleId }).whereNotNull('answer').select('number')).map(
      (r: { number: number }) => Number(r.number),
    ),
  );
  await trx('document_questions').where({ article_id: articleId }).delete();
  if (doc.questions.length) {
    await trx('document_questions').insert(
      doc.questions.map((q) => ({
        article_id: articleId,
        number: q.number,
        label: q.label ?? null,
        question: q.question,
        answer: q.answer,
      })),
    );
  }
  return doc.questions.some((q) => q.answer !== null && !before.has(q.number));
}

/** Article ids whose field `key` has the value (lists: any of their values). */
export function withFieldValue(conn: Conn, key: string, value: string) {
  return conn('article_fields').select('article_id').where({ key, value });
}

/** How many of the given articles have each value of field `key`, most first. */
export async function countFieldValues(
  conn: Conn,
  key: string,
  articleIds: Knex.QueryBuilder,
  limit: number,
): Promise<Array<{ value: string; n: number }>> {
  const rows = (await conn('article_fields')
    .where({ key })
    .whereIn('article_id', articleIds)
    .select('value')
    .countDistinct({ n: 'article_id' })
    .groupBy('value')
    .orderBy([{ column: 'n', order: 'desc' }, { column: 'value' }])
    .limit(limit)) as Array<{ value: string; n: number | string }>;
  return rows.map((r) => ({ value: r.value, n: Number(r.n) }));
}

/** One of the editor's corrections in the review step: input line (0-based) → its role, and the pair's number for a question or answer. */
export interface StoredCorrection {
  line: number;
  role: string;
  number?: number;
}

/** What a recognition filled into the article editor: the parts the editor may change by hand afterwards. */
export interface RecognisedValues {
  title: string;
  kind: string;
  body: string;
  document: DocumentFormValues;
  /** Per question row: the first input line it was read from (to find the row again in a new recognition), -1 when none. */
  anchors: number[];
}

/** The text an article was recognised from, with the editor's corrections and what that recognition filled in. */
export interface DocumentSource {
  text: string;
  corrections: StoredCorrection[];
  recognised: RecognisedValues;
}

/** Keeps (or replaces) the source an article was recognised from. */
export async function saveDocumentSource(trx: Knex.Transaction, articleId: number, source: DocumentSource, now: Date): Promise<void> {
  const row = {
    source_text: source.text,
    corrections: JSON.stringify(source.corrections),
    recognised: JSON.stringify(source.recognised),
    updated_at: now,
  };
  await trx('document_sources')
    .insert({ article_id: articleId, ...row })
    .onConflict('article_id')
    .merge(row);
}

/** The source an article was recognised from, or null when it was written by hand. */
export async function loadDocumentSource(conn: Conn, articleId: number): Promise<DocumentSource | null> {
  const row = (await conn('document_sources').where({ article_id: articleId }).first()) as
    { source_text: string; corrections: string; recognised: string } | undefined;
  if (!row) return null;
  const corrections = parseJson<StoredCorrection[]>(row.corrections);
  const recognised = parseJson<RecognisedValues>(row.recognised);
  if (!Array.isArray(corrections) || !recognised) return null;
  return { text: row.source_text, corrections, recognised };
}

export async function hasDocumentSource(conn: Conn, articleId: number): Promise<boolean> {
  return Boolean(await conn('document_sources').where({ article_id: articleId }).first('article_id'));
}
