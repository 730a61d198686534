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
}

export type StoredOrNot = { ok: true; attachmentId: number } | { ok: false; reason: string };

/** Takes one attachment's file over and links it to the article; nothing is stored when it fails. */
export async function importAttachmentFile(
  trx: Knex.Transaction,
  item: AttachmentItem,
  articleId: number,
  ctx: { uploadDir: string; sources: UploadSources; now: Date; dryRun: boolean },
): Promise<StoredOrNot> {
  const got = await acquireUpload(item.url, ctx.uploadDir, ctx.sources);
  if (!got.ok) return got;
  const { file } = got;
  try {
    const type = sniffAttachmentType(file.head);
    if (!type)
      return { ok: false, reason: `soort niet toegestaan: ${WRONG_TYPE_MESSAGE.charAt(0).toLowerCase()}${WRONG_TYPE_MESSAGE.slice(1)}` };
    const rel = uploadsPathOf(item.url);
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
    return { ok: true, attachmentId };
  } finally {
    await removeQuietly(file.tmpPath);
  }
}

// An address in a body that points into the uploads folder: absolute, protocol-relative or a path.
const UPLOAD_URL = /(?:https?:)?(?:\/\/([a-z0-9.-]+(?::\d+)?))?\/wp-content\/uploads\/([^\s"'<>()?#]+)(?:\?[^\s"'<>()#]*)?/gi;

/**
 * Points links and images in imported bodies at the attachments that their files became: only
 * addresses on the old site's hosts (or without a host), and only for files that were taken over.
 * Returns how many articles changed.
 */
export async function rewriteUploadLinks(trx: Knex.Transaction, hosts: Set<string>): Promise<number> {
  const urls = new Map<string, string | null>();
  const newUrl = async (rel: string): Promise<string | null> => {
    if (!urls.has(rel)) {
      const id = await uploadTarget(trx, rel);
      const attachment = id === null ? null : await findAttachment(trx, id);
      urls.set(rel, attachment ? attachmentView(attachment).url : null);
    }
    return urls.get(rel)!;
  };
  let changed = 0;
  for (const article of await htmlArticlesContaining(trx, '/wp-content/uploads/')) {
    const found = [...article.body.matchAll(UPLOAD_URL)];
    const replacements = new Map<string, string>();
    for (const m of found) {
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
    const body = article.body.replace(UPLOAD_URL, (whole) => replacements.get(whole) ?? whole);
    await replaceArticleBody(trx, article.id, body);
    changed++;
  }
  return changed;
}
