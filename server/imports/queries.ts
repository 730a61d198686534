// imports/ owns wp_imports (what came from WordPress, and what it became) and wp_redirects (old paths).
import type { Knex } from 'knex';
import type { Db } from '../db/knex';

export type ImportKind = 'author' | 'category' | 'tag' | 'post' | 'comment' | 'attachment';
type Conn = Db | Knex.Transaction;

// Old paths longer than this are not kept (the column's size; WordPress slugs are at most 200).
const MAX_REDIRECT_PATH = 500;

export async function importedId(conn: Conn, kind: ImportKind, wpId: string): Promise<number | null> {
  const row = await conn('wp_imports').where({ kind, wp_id: wpId }).first('local_id');
  return row ? Number(row.local_id) : null;
}

/** Every imported id of a kind among these WordPress ids: wp id → local id. */
export async function importedIds(conn: Conn, kind: ImportKind, wpIds: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (let i = 0; i < wpIds.length; i += 500) {
    const rows: Array<{ wp_id: string; local_id: number }> = await conn('wp_imports')
      .where({ kind })
      .whereIn('wp_id', wpIds.slice(i, i + 500))
      .select('wp_id', 'local_id');
    for (const r of rows) out.set(String(r.wp_id), Number(r.local_id));
  }
  return out;
}

export async function rememberImport(conn: Conn, kind: ImportKind, wpId: string, localId: number): Promise<void> {
  await conn('wp_imports').insert({ kind, wp_id: wpId, local_id: localId });
}

/**
 * An old path as it is stored and looked up: percent-decoded, lower case, without trailing slash.
 * Null when it cannot be (a malformed escape, too long).
 */
function normalisePath(path: string): string | null {
  let p: string;
  try {
    p = decodeURIComponent(path);
  } catch {
    return null;
  }
  p = p.toLowerCase().replace(/\/+$/, '');
  if (!p.startsWith('/') || p.length > MAX_REDIRECT_PATH) return null;
  return p;
}

/** Adds old paths for an article; a path another article already has stays with that one. */
export async function addRedirects(conn: Conn, articleId: number, paths: string[]): Promise<void> {
  const rows = [...new Set(paths.map(normalisePath).filter((p): p is string => p !== null && p !== ''))].map((path) => ({
    path,
    article_id: articleId,
  }));
  if (rows.length) await conn('wp_redirects').insert(rows).onConflict('path').ignore();
}

export async function redirectTarget(db: Db, path: string): Promise<number | null> {
  const p = normalisePath(path);
  if (p === null) return null;
  const row = await db('wp_redirects').where({ path: p }).first('article_id');
  return row ? Number(row.article_id) : null;
}

/** A path under wp-content/uploads as stored and looked up: no leading slash, lower case. */
function normaliseUpload(rel: string): string | null {
  const p = rel.replace(/^\/+/, '').toLowerCase();
  return p === '' || p.length > MAX_REDIRECT_PATH ? null : p;
}

/**
 * The paths WordPress may have used for one upload: itself, the original of a resized copy
 * (foo-300x200.jpg) and of a big image WordPress scaled down on upload (foo-scaled.jpg).
 */
function uploadVariants(rel: string): string[] {
  const resized = rel.replace(/-\d+x\d+(\.[a-z0-9]+)$/i, '$1');
  return [...new Set([rel, resized, resized.replace(/-scaled(\.[a-z0-9]+)$/i, '$1')])];
}

/** Remembers that an upload became this attachment (the path of its original too, for resized copies of it). */
export async function rememberUpload(conn: Conn, rel: string, attachmentId: number): Promise<void> {
  const rows = uploadVariants(rel)
    .map(normaliseUpload)
    .filter((p): p is string => p !== null)
    .map((path) => ({ path, attachment_id: attachmentId }));
  if (rows.length) await conn('wp_uploads').insert(rows).onConflict('path').ignore();
}

/** The attachment an old upload path (or a resized copy of it) became; null when none. */
export async function uploadTarget(conn: Conn, rel: string): Promise<number | null> {
  for (const variant of uploadVariants(rel)) {
    const p = normaliseUpload(variant);
    if (p === null) continue;
    const row = await conn('wp_uploads').where({ path: p }).first('attachment_id');
    if (row) return Number(row.attachment_id);
  }
  return null;
}
