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
import { ARTICLE_SIZES, pictureHtml } from '../images/figure';
import { ImageError, storeVariants } from '../images/pipeline';
import { findImageBySha256, insertImage, type Image } from '../images/queries';
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

const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);

/**
 * A photo also goes through the image pipeline (images/): variants, width and height, so the bodies'
 * <img> tags become a <picture> with srcset (rewriteUploadLinks). Its alt text is the attachment's
 * title until a body's own alt text replaces it there. Bytes the pipeline cannot read stay a plain attachment.
 */
async function importPhoto(
  trx: Knex.Transaction,
  file: { tmpPath: string; sha256: string; size: number },
  about: { mediaType: string; originalName: string; title: string },
  ctx: { uploadDir: string; now: Date },
): Promise<void> {
  if (await findImageBySha256(trx, file.sha256)) return;
  try {
    const made = await storeVariants(file.tmpPath, ctx.uploadDir, file.sha256);
    const stored = { sha256: file.sha256, originalName: about.originalName, mediaType: about.mediaType, size: file.size, ...made };
    await insertImage(trx, stored, { alt: firstChars(about.title, COLUMN_LIMITS.images.alt), caption: '', credit: '' }, null, ctx.now);
  } catch (err) {
    if (!(err instanceof ImageError)) throw err;
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
    if (!ctx.dryRun && PHOTO_TYPES.has(type.mediaType)) await importPhoto(trx, file, { ...type, originalName, title }, ctx);
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

const IMG_TAG = /<img\b[^>]*>/gi;

/** The few entities an alt attribute carries; pictureHtml escapes the text again. */
const decodeEntities = (text: string) =>
  text.replace(
    /&(amp|lt|gt|quot|#39|apos);/g,
    (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'" })[e] ?? '',
  );

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
  const urls = new Map<string, { url: string; image: Image | null } | null>();
  const targetOf = async (rel: string) => {
    if (!urls.has(rel)) {
      const id = await uploadTarget(trx, rel);
      const attachment = id === null ? null : await findAttachment(trx, id);
      const image = attachment ? await findImageBySha256(trx, attachment.sha256) : null;
      urls.set(rel, attachment ? { url: attachmentView(attachment).url, image } : null);
    }
    return urls.get(rel)!;
  };
  const relOf = (match: RegExpMatchArray): { host: string | undefined; rel: string } | null => {
    // The uploads form (groups 1 and 2), or an address on a host whose files lie elsewhere (3 and 4).
    const m = match[2] !== undefined ? match : [match[0], match[3], match[4]];
    const host = m[1]?.toLowerCase();
    if (host !== undefined && !hosts.has(host)) return null;
    try {
      return { host, rel: decodeURIComponent(m[2]) };
    } catch {
      return null;
    }
  };
  const articles = new Map<number, { id: number; body: string }>();
  for (const needle of ['/wp-content/uploads/', ...[...flatHosts].map((h) => `//${h}/`)])
    for (const article of await htmlArticlesContaining(trx, needle)) articles.set(article.id, article);
  let changed = 0;
  for (const article of articles.values()) {
    const pattern = flatHosts.size ? new RegExp(`${UPLOAD_URL.source}|${flatUrl(flatHosts)}`, 'gi') : UPLOAD_URL;
    // An <img> of a photo that went through the pipeline becomes its <picture>, with the body's own alt text.
    const pictures = new Map<string, string>();
    for (const [tag] of article.body.matchAll(IMG_TAG)) {
      const src = /\ssrc=["']([^"']+)["']/i.exec(tag)?.[1] ?? '';
      const match = [...src.matchAll(new RegExp(pattern.source, 'gi'))][0];
      const found = match && match[0] === src ? relOf(match) : null;
      const target = found && (await targetOf(found.rel));
      if (!target?.image) continue;
      const alt = /\salt=["']([^"']*)["']/i.exec(tag)?.[1]?.trim();
      pictures.set(tag, pictureHtml(alt ? { ...target.image, alt: decodeEntities(alt) } : target.image, ARTICLE_SIZES));
    }
    const withPictures = article.body.replace(IMG_TAG, (tag) => pictures.get(tag) ?? tag);
    const replacements = new Map<string, string>();
    for (const match of withPictures.matchAll(pattern)) {
      const found = relOf(match);
      const target = found && (await targetOf(found.rel));
      if (target) replacements.set(match[0], target.url);
    }
    if (replacements.size === 0 && pictures.size === 0) continue;
    const body = withPictures.replace(pattern, (whole) => replacements.get(whole) ?? whole);
    await replaceArticleBody(trx, article.id, body);
    changed++;
  }
  return changed;
}
