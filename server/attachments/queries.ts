// The files and article_attachments tables: one stored file per sha256, linked to articles, with the
// text read from it once (file-text.ts).
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
  /** Whether the file's text has been read (a PDF's), for search. */
  textStatus: FileTextStatus;
}

/**
 * Where reading a stored file's text stands: 'pending' (not read yet), 'done' (read), 'none' (no
 * text in it: a scan, or an image), 'failed' (a PDF that could not be read).
 */
export type FileTextStatus = 'pending' | 'done' | 'none' | 'failed';

const PDF = 'application/pdf';

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
    textStatus: String(row.text_status) as FileTextStatus,
  };
}

function withFile(db: Db) {
  return db('article_attachments as a')
    .join('files as f', 'f.sha256', 'a.file_sha256')
    .select(
      'a.id',
      'a.article_id',
      'a.file_sha256',
      'a.title',
      'a.original_name',
      'a.position',
      'a.created_at',
      'f.media_type',
      'f.size',
      'f.text_status',
    );
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

/**
 * The files row for these bytes, made when missing, and locked (PostgreSQL) until the transaction
 * ends. A new PDF's text is still to be read; an image has none.
 */
export async function lockFile(trx: Knex.Transaction, file: NewFile, now: Date): Promise<void> {
  const text = file.mediaType === PDF ? { text: null, text_status: 'pending' } : { text: '', text_status: 'none' };
  await trx('files')
    .insert({ sha256: file.sha256, media_type: file.mediaType, size: file.size, created_at: now, ...text })
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

/** The stored files whose text is still to be read, oldest first. */
export async function pendingFileTexts(db: Db): Promise<string[]> {
  const rows = await db('files')
    .where({ text_status: 'pending' })
    .orderBy([{ column: 'created_at' }, { column: 'sha256' }])
    .select('sha256');
  return rows.map((r: Row) => String(r.sha256));
}

/** A stored file's type and whether its text was read; null when no such file is stored (any more). */
export async function findFileText(db: Db, sha256: string): Promise<{ mediaType: string; textStatus: FileTextStatus } | null> {
  const row = await db('files').where({ sha256 }).first('media_type', 'text_status');
  return row ? { mediaType: String(row.media_type), textStatus: String(row.text_status) as FileTextStatus } : null;
}

/**
 * Keeps what reading a file gave ('' for a file without text), when it was still to be read:
 * another process that read it first wins, and a file removed meanwhile stays gone.
 */
export async function saveFileText(db: Db, sha256: string, status: Exclude<FileTextStatus, 'pending'>, text: string): Promise<void> {
  await db('files').where({ sha256, text_status: 'pending' }).update({ text, text_status: status });
}

/** The attachments of every article for the media library, newest first; `search` looks in title and file name. */
export async function listAllAttachments(db: Db, search: string, limit: number): Promise<Attachment[]> {
  const q = withFile(db).orderBy([
    { column: 'a.created_at', order: 'desc' },
    { column: 'a.id', order: 'desc' },
  ]);
  if (search) {
    const like = `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q.where((w) => w.whereRaw("lower(a.title) like ? escape '\\'", [like]).orWhereRaw("lower(a.original_name) like ? escape '\\'", [like]));
  }
  return (await q.limit(limit)).map(toAttachment);
}

/**
 * New bytes for a stored file, in every article that has it attached: each link keeps its id and
 * title, gets the new file and name. The old files row is deleted (no link uses it any more); returns
 * the articles changed, or null when no link uses `oldSha256` (any more). The caller moves the new
 * file into place and deletes the old one within the transaction.
 */
export async function replaceFileEverywhere(
  trx: Knex.Transaction,
  oldSha256: string,
  file: NewFile & { originalName: string },
  now: Date,
): Promise<number[] | null> {
  await trx('files').where({ sha256: oldSha256 }).forUpdate().first('sha256');
  const links: Row[] = await trx('article_attachments').where({ file_sha256: oldSha256 }).select('article_id');
  if (!links.length) return null;
  await lockFile(trx, file, now);
  await trx('article_attachments').where({ file_sha256: oldSha256 }).update({ file_sha256: file.sha256, original_name: file.originalName });
  const articleIds = [...new Set(links.map((r) => Number(r.article_id)))];
  await touchArticles(trx, articleIds);
  if (oldSha256 !== file.sha256) await trx('files').where({ sha256: oldSha256 }).delete();
  return articleIds;
}

/** The attachments that have this stored file, oldest first (the same bytes attached to several articles). */
export async function attachmentsOfFile(db: Db, sha256: string): Promise<Attachment[]> {
  const rows = await withFile(db).where('a.file_sha256', sha256).orderBy('a.id');
  return rows.map(toAttachment);
}
