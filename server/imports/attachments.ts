// WordPress attachments as Stadslog attachments: the file (from a local uploads folder or fetched,
// upload-files.ts) checked like an editor's upload (size, type from the bytes), stored by content
// hash, linked to the post it belongs to; then the imported bodies point at the new addresses.
import path from 'node:path';
import type { Knex } from 'knex';
import { htmlArticlesContaining, replaceArticleBody } from '../articles/queries';
import { sniffAttachmentType } from '../attachments/file-type';
import { attachmentView } from '../attachments/format';
import { findAttachment, insertAttachment, lockFile } from '../attachments/queries';
import { moveIntoPlace, removeQuietly } from '../attachments/storage';
import { WRONG_TYPE_MESSAGE } from '../attachments/attach';
import { COLUMN_LIMITS } from '../db/limits';
import { firstChars } from '../shared/validation';
import { acquireUpload, uploadsPathOf, type UploadSources } from './upload-files';
import { rememberImport, rememberUpload, uploadTarget } from './queries';

export interface AttachmentItem {
  wpId: string;
  url: string;
  title: string;
  /** Its _wp_attached_file ("2008/06/foto.jpg"), '' when the export has none. */
  attachedFile?: string;
}

/**
 * Where the file lies in wp-content/uploads: from its URL, or (a URL elsewhere, as WordPress.com's
 * SITE.files.wordpress.com/2008/06/x.jpg) from _wp_attached_file, as WordPress's importer places it.
 */
function uploadsPathFor(item: AttachmentItem): string | null {
  const attached = (item.attachedFile ?? '').replace(/^\/+/, '');
  return uploadsPathOf(item.url) ?? (attached && !attached.split('/').includes('..') ? attached : null);
}

/** The path of a URL outside wp-content/uploads, without its leading slash ("2008/06/x.jpg"); null for one inside. */
function flatPathOf(url: string): string | null {
  if (uploadsPathOf(url) !== null) return null;
  try {
    const p = decodeURIComponent(new URL(url).pathname).replace(/^\/+/, '');
    return p || null;
  } catch {
    return null;
  }
}

export type StoredOrNot = { ok: true; attachmentId: number } | { ok: false; reason: string };

/** Takes one attachment's file over and links it to the article; nothing is stored when it fails. */
export async function importAttachmentFile(
  trx: Knex.Transaction,
  item: AttachmentItem,
  articleId: number,
  ctx: { uploadDir: string; sources: UploadSources; now: Date; dryRun: boolean },
): Promise<StoredOrNot> {
  const rel = uploadsPathFor(item);
  const got = await acquireUpload(item.url, ctx.uploadDir, ctx.sources, rel);
  if (!got.ok) return got;
  const { file } = got;
  try {
    const type = sniffAttachmentType(file.head);
    if (!type)
      return { ok: false, reason: `soort niet toegestaan: ${WRONG_TYPE_MESSAGE.charAt(0).toLowerCase()}${WRONG_TYPE_MESSAGE.slice(1)}` };
    const originalName = firstChars(
      path.posix.basename(rel ?? new URL(item.url).pathname) || 'bijlage',
      COLUMN_LIMITS.article_attachments.original_name,
    );
    const title =
      firstChars(item.title || originalName.replace(/\.[A-Za-z0-9]{1,5}$/, ''), COLUMN_LIMITS.article_attachments.title) || 'Bijlage';
    await lockFile(trx, { sha256: file.sha256, mediaType: type.mediaType, size: file.size }, ctx.now);
    // A dry run stores nothing on disk either (the transaction is rolled back afterwards).
    if (!ctx.dryRun) await moveIntoPlace(file.tmpPath, ctx.uploadDir, file.sha256);
    const attachmentId = await insertAttachment(trx, { articleId, sha256: file.sha256, title, originalName }, ctx.now);
    await rememberImport(trx, 'attachment', item.wpId, attachmentId);
    if (rel) await rememberUpload(trx, rel, attachmentId);
    // Its own address too, when that is elsewhere: links to it are rewritten and /2008/06/x.jpg here leads to it.
    const flat = flatPathOf(item.url);
    if (flat && flat !== rel) await rememberUpload(trx, flat, attachmentId);
    return { ok: true, attachmentId };
  } finally {
    await removeQuietly(file.tmpPath);
  }
}

// An address in a body that points into the uploads folder: absolute, protocol-relative or a path.
const UPLOAD_URL = /(?:https?:)?(?:\/\/([a-z0-9.-]+(?::\d+)?))?\/wp-content\/uploads\/([^\s"'<>()?#]+)(?:\?[^\s"'<>()#]*)?/gi;
/** An absolute or protocol-relative address on one of these hosts, whose attachments lie outside the uploads folder. */
function flatUrl(hosts: Set<string>): string {
  const names = [...hosts].map((h) => h.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return `(?:https?:)?\\/\\/(${names})\\/([^\\s"'<>()?#]+)(?:\\?[^\\s"'<>()#]*)?`;
}

/**
 * Points links and images in imported bodies at the attachments that their files became: only
 * addresses on the old site's hosts (or without a host), and only for files that were taken over.
 * Returns how many articles changed.
 */
export async function rewriteUploadLinks(trx: Knex.Transaction, hosts: Set<string>, flatHosts: Set<string> = new Set()): Promise<number> {
  const urls = new Map<string, string | null>();
  const newUrl = async (rel: string): Promise<string | null> => {
    if (!urls.has(rel)) {
      const id = await uploadTarget(trx, rel);
      const attachment = id === null ? null : await findAttachment(trx, id);
      urls.set(rel, attachment ? attachmentView(attachment).url : null);
    }
    return urls.get(rel)!;
  };
  const articles = new Map<number, { id: number; body: string }>();
  for (const needle of ['/wp-content/uploads/', ...[...flatHosts].map((h) => `//${h}/`)])
    for (const article of await htmlArticlesContaining(trx, needle)) articles.set(article.id, article);
  let changed = 0;
  for (const article of articles.values()) {
    const pattern = flatHosts.size ? new RegExp(`${UPLOAD_URL.source}|${flatUrl(flatHosts)}`, 'gi') : UPLOAD_URL;
    const found = [...article.body.matchAll(pattern)];
    const replacements = new Map<string, string>();
    for (const match of found) {
      // The uploads form (groups 1 and 2), or an address on a host whose files lie elsewhere (3 and 4).
      const m = match[2] !== undefined ? match : [match[0], match[3], match[4]];
      const host = m[1]?.toLowerCase();
      if (host !== undefined && !hosts.has(host)) continue;
      let rel: string;
      try {
        rel = decodeURIComponent(m[2]);
      } catch {
        continue;
      }
      const target = await newUrl(rel);
      if (target) replacements.set(m[0], target);
    }
    if (replacements.size === 0) continue;
    const body = article.body.replace(pattern, (whole) => replacements.get(whole) ?? whole);
    await replaceArticleBody(trx, article.id, body);
    changed++;
  }
  return changed;
}
