// The structured part of council documents: field values and numbered questions with answers.
// This feature owns article_fields and document_questions; the articles feature owns the rows
// they belong to and asks for them here.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { DOCUMENT_TYPES, type DocumentFields, type DocumentTypeKey, type QuestionAnswer } from './types';

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
    const def = DOCUMENT_TYPES[types.get(Number(row.article_id)) ?? 'nieuws'].fields.find((f) => f.key === row.key);
    if (!def) continue; // a field of the article's former type: kept, not shown
    if (def.kind === 'list') doc.fields[row.key] = [...((doc.fields[row.key] as string[] | undefined) ?? []), row.value];
    else if (def.kind === 'number') doc.fields[row.key] = Number(row.value);
    else doc.fields[row.key] = row.value;
  }
  const questions: Array<{ article_id: number; number: number; question: string; answer: string | null }> = await conn('document_questions')
    .whereIn('article_id', articleIds)
    .orderBy(['article_id', 'number']);
  for (const q of questions)
    out.get(Number(q.article_id))!.questions.push({ number: Number(q.number), question: q.question, answer: q.answer ?? null });
  return out;
}

/** Replaces an article's fields and questions; returns whether answers arrived that were not there before. */
export async function saveDocument(trx: Knex.Transaction, articleId: number, doc: DocumentData): Promise<boolean> {
  await trx('article_fields').where({ article_id: articleId }).delete();
  const rows = Object.entries(doc.fields).flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [String(value)]).map((v, position) => ({ article_id: articleId, key, position, value: v })),
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
      doc.questions.map((q) => ({ article_id: articleId, number: q.number, question: q.question, answer: q.answer })),
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

/** For each article with questions: how many there are and how many wait for an answer. */
export async function questionStates(conn: Conn, articleIds: number[]): Promise<Map<number, { total: number; open: number }>> {
  const out = new Map<number, { total: number; open: number }>();
  if (!articleIds.length) return out;
  const rows: Array<{ article_id: number; total: number | string; open: number | string }> = await conn('document_questions')
    .whereIn('article_id', articleIds)
    .select('article_id')
    .count({ total: '*' })
    .select(conn.raw('sum(case when answer is null then 1 else 0 end) as open'))
    .groupBy('article_id');
  for (const r of rows) out.set(Number(r.article_id), { total: Number(r.total), open: Number(r.open) });
  return out;
}
