// What an editor types with a photo (alt text, caption, credit), checked; and the photo upload
// checked: a JPEG, PNG or WebP by its bytes, within the size limit. Pure, apart from removing a
// refused upload's temporary file.
import path from 'node:path';
import { COLUMN_LIMITS } from '../db/limits';
import { charLength, firstChars, normalizeLine, type FieldErrors } from '../shared/validation';
import type { ImageText } from '../images/queries';
import { sniffAttachmentType } from '../attachments/file-type';
import { removeQuietly } from '../attachments/storage';
import { TOO_LARGE_MESSAGE, type Received } from '../attachments/upload';

export const PHOTO_LIMITS = {
  alt: COLUMN_LIMITS.images.alt,
  caption: COLUMN_LIMITS.images.caption,
  credit: COLUMN_LIMITS.images.credit,
  originalName: COLUMN_LIMITS.images.original_name,
} as const;

const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/webp']);
export const NOT_A_PHOTO_MESSAGE = 'Een foto moet een jpg-, png- of webp-bestand zijn.';
export const ALT_REQUIRED_MESSAGE =
  'Beschrijf wat er op de foto te zien is. Wie de foto niet kan zien, hoort of leest deze tekst in plaats van de foto.';

/** The photo's fields as typed (names as in the form: alt, bijschrift, fotograaf). */
export interface PhotoFormValues {
  alt: string;
  caption: string;
  credit: string;
}

export function readPhotoForm(fields: Record<string, unknown>): PhotoFormValues {
  const text = (name: string) => (typeof fields[name] === 'string' ? fields[name] : '');
  return { alt: text('alt'), caption: text('bijschrift'), credit: text('fotograaf') };
}

export function photoFormOf(text: ImageText): PhotoFormValues {
  return { alt: text.alt, caption: text.caption, credit: text.credit };
}

/** The checked text, or the errors (by field name) with nothing stored. */
export function checkPhotoText(v: PhotoFormValues): { text: ImageText; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const alt = normalizeLine(v.alt);
  const caption = normalizeLine(v.caption);
  const credit = normalizeLine(v.credit).replace(/^foto:\s*/i, '');
  if (!alt) errors.alt = ALT_REQUIRED_MESSAGE;
  else if (charLength(alt) > PHOTO_LIMITS.alt) errors.alt = `De beschrijving mag hoogstens ${PHOTO_LIMITS.alt} tekens zijn.`;
  if (charLength(caption) > PHOTO_LIMITS.caption) errors.bijschrift = `Het bijschrift mag hoogstens ${PHOTO_LIMITS.caption} tekens zijn.`;
  if (charLength(credit) > PHOTO_LIMITS.credit)
    errors.fotograaf = `De naam van de fotograaf mag hoogstens ${PHOTO_LIMITS.credit} tekens zijn.`;
  return { text: { alt, caption, credit }, errors };
}

export interface CheckedPhotoFile {
  tmpPath: string;
  sha256: string;
  size: number;
  mediaType: string;
  originalName: string;
}

/** The uploaded file: a photo by its bytes, or the message why not (its temporary file removed). */
export async function checkPhotoFile(
  received: Received,
): Promise<{ ok: true; file: CheckedPhotoFile } | { ok: false; status: number; error: string }> {
  const refuse = async (status: number, error: string) => {
    if (received.file) await removeQuietly(received.file.tmpPath);
    return { ok: false as const, status, error };
  };
  if (received.tooLarge) return refuse(413, TOO_LARGE_MESSAGE);
  const file = received.file;
  if (!file) return refuse(422, 'Kies een foto om toe te voegen.');
  const type = sniffAttachmentType(file.head);
  if (!type || !PHOTO_TYPES.has(type.mediaType)) return refuse(415, NOT_A_PHOTO_MESSAGE);
  const originalName =
    firstChars(normalizeLine(path.basename(file.originalName.replace(/\\/g, '/'))).replace(/\p{Cc}/gu, ''), PHOTO_LIMITS.originalName) ||
    `foto.${type.label}`;
  return { ok: true, file: { tmpPath: file.tmpPath, sha256: file.sha256, size: file.size, mediaType: type.mediaType, originalName } };
}
