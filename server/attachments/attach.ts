// Adding and removing an article's attachments: checks on what was received, then the database and
// the disk changed together. Same bytes are stored once; a file is deleted only when no article uses it.
import path from 'node:path';
import type { Db } from '../db/knex';
import { HttpError } from '../http/errors';
import { charLength, firstChars, normalizeLine } from '../shared/validation';
import { sniffAttachmentType } from './file-type';
import { deleteAttachment, insertAttachment, lockFile, replaceFileEverywhere } from './queries';
import { moveIntoPlace, removeQuietly, storedPath } from './storage';
import { TOO_LARGE_MESSAGE, type Received } from './upload';

const ATTACHMENT_LIMITS = { title: 200, originalName: 255 } as const;
export const WRONG_TYPE_MESSAGE = 'Alleen pdf-bestanden en afbeeldingen (png, jpg, gif, webp) kunnen als bijlage.';

/** What the form sends back on an error: the message, and the title as typed. */
export interface UploadRefusal {
  status: number;
  error: string;
  title: string;
}

export type CheckedUpload =
  | { ok: true; value: { tmpPath: string; sha256: string; size: number; mediaType: string; title: string; originalName: string } }
  | { ok: false; refusal: UploadRefusal };

/** Checks a received upload: size, type (from the bytes) and title. A refused upload leaves no file behind. */
export async function checkUpload(received: Received): Promise<CheckedUpload> {
  const typedTitle = normalizeLine(received.fields.titel ?? '');
  const refuse = async (status: number, error: string): Promise<CheckedUpload> => {
    if (received.file) await removeQuietly(received.file.tmpPath);
    return { ok: false, refusal: { status, error, title: typedTitle } };
  };
  if (received.tooLarge) return refuse(413, TOO_LARGE_MESSAGE);
  const file = received.file;
  if (!file) return refuse(422, 'Kies een bestand om toe te voegen.');
  const type = sniffAttachmentType(file.head);
  if (!type) return refuse(415, WRONG_TYPE_MESSAGE);
  if (charLength(typedTitle) > ATTACHMENT_LIMITS.title)
    return refuse(422, `De titel mag hoogstens ${ATTACHMENT_LIMITS.title} tekens zijn.`);
  const originalName =
    firstChars(
      normalizeLine(path.basename(file.originalName.replace(/\\/g, '/'))).replace(/\p{Cc}/gu, ''),
      ATTACHMENT_LIMITS.originalName,
    ) || 'bijlage';
  const title = typedTitle || firstChars(originalName.replace(/\.[A-Za-z0-9]{1,5}$/, ''), ATTACHMENT_LIMITS.title) || 'Bijlage';
  return {
    ok: true,
    value: { tmpPath: file.tmpPath, sha256: file.sha256, size: file.size, mediaType: type.mediaType, title, originalName },
  };
}

export async function addAttachment(
  db: Db,
  uploadDir: string,
  articleId: number,
  upload: Extract<CheckedUpload, { ok: true }>['value'],
  now: Date,
): Promise<number> {
  try {
    return await db.transaction(async (trx) => {
      // Lock the files row first: a removal of the same bytes running now either finishes before
      // (and the file is put back below) or waits and then sees this new link.
      await lockFile(trx, upload, now);
      await moveIntoPlace(upload.tmpPath, uploadDir, upload.sha256);
      return insertAttachment(trx, { articleId, sha256: upload.sha256, title: upload.title, originalName: upload.originalName }, now);
    });
  } finally {
    await removeQuietly(upload.tmpPath);
  }
}

/** Removes the link; the stored file goes too when no other attachment uses it. */
export async function removeAttachment(db: Db, uploadDir: string, articleId: number, attachmentId: number): Promise<void> {
  await db.transaction(async (trx) => {
    const orphan = await deleteAttachment(trx, articleId, attachmentId);
    if (orphan === null) throw new HttpError(404, 'Deze bijlage bestaat niet (meer).');
    if (orphan) await removeQuietly(storedPath(uploadDir, orphan));
  });
}

/**
 * Replaces a stored file everywhere it is attached (checked as any upload); the old file is deleted
 * from the disk, as no attachment uses it any more. Returns the articles changed; a Dutch 404 when
 * no attachment has that file (any more).
 */
export async function replaceAttachmentFile(
  db: Db,
  uploadDir: string,
  oldSha256: string,
  upload: Extract<CheckedUpload, { ok: true }>['value'],
  now: Date,
): Promise<number[]> {
  try {
    return await db.transaction(async (trx) => {
      const articleIds = await replaceFileEverywhere(trx, oldSha256, upload, now);
      if (!articleIds) throw new HttpError(404, 'Deze bijlage bestaat niet (meer).');
      await moveIntoPlace(upload.tmpPath, uploadDir, upload.sha256);
      if (oldSha256 !== upload.sha256) await removeQuietly(storedPath(uploadDir, oldSha256));
      return articleIds;
    });
  } finally {
    await removeQuietly(upload.tmpPath);
  }
}
