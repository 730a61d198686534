// The files and article_attachments tables: one stored file per sha256, linked to articles.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { toCount, toDate } from '../db/rows';
import { touchArticles } from '../articles/queries';

export interface Attachment {
  id: number;
  articleId: number;
  sha256: string;
  title: string;
  originalName: string;
  mediaType: string;
  size: number;
  position: number;
  createdAt: Date;
}

type Row = Record<string, unknown>;

function toAttachment(row: Row): Attachment {
  return {
    id: Number(row.id),
    articleId: Number(row.article_id),
    sha256: String(row.file_sha256),
    title: String(row.title),
    originalName: String(row.original_name),
    mediaType: String(row.media_type),
    size: Number(row.size),
    position: Number(row.position),
    createdAt: toDate(row.created_at),
  };
}

function withFile(db: Db) {
  return db('article_attachments as a')
    .join('files as f', 'f.sha256', 'a.file_sha256')
    .select('a.id', 'a.article_id', 'a.file_sha256', 'a.title', 'a.original_name', 'a.position', 'a.created_at', 'f.media_type', 'f.size');
}

export async function listAttachments(db: Db, articleId: number): Promise<Attachment[]> {
  const rows = await withFile(db)
    .where('a.article_id', articleId)
    .orderBy([{ column: 'a.position' }, { column: 'a.id' }]);
  return rows.map(toAttachment);
}

export async function findAttachment(db: Db, id: number): Promise<Attachment | null> {
  const row = await withFile(db).where('a.id', id).first();
  return row ? toAttachment(row) : null;
}

export interface NewFile {
  sha256: string;
  mediaType: string;
  size: number;
}

/** The files row for these bytes, made when missing, and locked (PostgreSQL) until the transaction ends. */
export async function lockFile(trx: Knex.Transaction, file: NewFile, now: Date): Promise<void> {
  await trx('files')
    .insert({ sha256: file.sha256, media_type: file.mediaType, size: file.size, created_at: now })
    .onConflict('sha256')
    .ignore();
  await trx('files').where({ sha256: file.sha256 }).forUpdate().first('sha256');
}

export async function insertAttachment(
  trx: Knex.Transaction,
  a: { articleId: number; sha256: string; title: string; originalName: string },
  now: Date,
): Promise<number> {
  const last = await trx('article_attachments').where({ article_id: a.articleId }).max({ max: 'position' }).first();
  const position = last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1;
  const [row] = await trx('article_attachments')
    .insert({ article_id: a.articleId, file_sha256: a.sha256, title: a.title, original_name: a.originalName, position, created_at: now })
    .returning('id');
  await touchArticles(trx, [a.articleId]);
  return Number(typeof row === 'object' ? row.id : row);
}

/**
 * Removes one link of an article; returns its sha256 when no link uses that file any more (its
 * files row is then deleted too, and the caller deletes the stored file within the transaction),
 * '' when other links still use it, null when there was no such link.
 */
export async function deleteAttachment(trx: Knex.Transaction, articleId: number, id: number): Promise<string | null> {
  const row = await trx('article_attachments').where({ id, article_id: articleId }).first('file_sha256');
  if (!row) return null;
  const sha256 = String(row.file_sha256);
  await trx('article_attachments').where({ id }).delete();
  await touchArticles(trx, [articleId]);
  await trx('files').where({ sha256 }).forUpdate().first('sha256');
  const others = toCount(await trx('article_attachments').where({ file_sha256: sha256 }).count({ n: '*' }).first());
  if (others > 0) return '';
  await trx('files').where({ sha256 }).delete();
  return sha256;
}
