// Receiving one uploaded file: multipart parsed by busboy, streamed to a temporary file while it is
// hashed (sha256) and counted, cut off one byte past the limit. The whole request is read before
// the answer, so a browser that is still sending sees the error page and not a broken connection.
import crypto from 'node:crypto';
import fs from 'node:fs';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import busboy from 'busboy';
import { HttpError } from '../http/errors';
import { SNIFF_BYTES } from './file-type';
import { newTmpPath, removeQuietly } from './storage';

/** 20 MB a file. */
export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
/** The most of a whole form with a file that is read to keep what was typed: beyond it, the request is refused unread. */
const WHOLE_FORM_MAX_BYTES = 200 * 1024 * 1024;
// Room for the form's other fields and the multipart boundaries around the file.
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export interface ReceivedFile {
  tmpPath: string;
  sha256: string;
  size: number;
  /** The first bytes, for the type check. */
  head: Buffer;
  /** As the browser named it (may be empty). */
  originalName: string;
}

export interface Received {
  fields: Record<string, string>;
  /** Every field as express.urlencoded({ extended: false }) gives it: a name sent more than once is a list. */
  body: Record<string, string | string[]>;
  /** Fields that were longer than the form allows and were cut off. */
  truncated: string[];
  /** null when no file was chosen (an empty file part counts as none). */
  file: ReceivedFile | null;
  /** The file was larger than MAX_ATTACHMENT_BYTES: nothing of it is kept. */
  tooLarge: boolean;
}

export const TOO_LARGE_MESSAGE =
  'Dit bestand is groter dan 20 MB. Een bijlage mag hoogstens 20 MB zijn; maak het bestand kleiner of splits het.';

/** Hashes, counts and keeps the first bytes of what passes through. */
class Meter extends Transform {
  readonly hash = crypto.createHash('sha256');
  size = 0;
  head = Buffer.alloc(0);
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    if (this.head.length < SNIFF_BYTES) this.head = Buffer.concat([this.head, chunk.subarray(0, SNIFF_BYTES - this.head.length)]);
    done(null, chunk);
  }
}

/**
 * Reads a multipart/form-data request with one file in `fileField`. The caller owns the temporary
 * file afterwards (moves it into place or removes it). Throws HttpError 400/413 for requests that
 * are not such a form or announce too much. `maxFieldBytes` is the most a text field may hold.
 */
export async function receiveUpload(
  req: Request,
  uploadDir: string,
  fileField: string,
  { maxFieldBytes = 10_000, maxFields = 10, wholeForm = false }: { maxFieldBytes?: number; maxFields?: number; wholeForm?: boolean } = {},
): Promise<Received> {
  if (!req.is('multipart/form-data')) throw new HttpError(400, 'Kies een bestand en verstuur het uploadformulier.');
  const announced = Number(req.get('content-length'));
  // Announced as too large: refused without reading it (the editor page comes back with the message). A whole
  // form (the article editor's) is read up to WHOLE_FORM_MAX_BYTES, so nothing typed is lost: only its file is cut off.
  if (Number.isFinite(announced) && announced > MAX_ATTACHMENT_BYTES + MULTIPART_OVERHEAD_BYTES + maxFieldBytes) {
    if (!wholeForm) return { fields: {}, body: {}, truncated: [], file: null, tooLarge: true };
    if (announced > WHOLE_FORM_MAX_BYTES) throw new HttpError(413, TOO_LARGE_MESSAGE);
  }
  const tmpPath = await newTmpPath(uploadDir);
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      defParamCharset: 'utf8',
      // One byte past the limit, so that a file of exactly 20 MB passes and one byte more is cut off.
      limits: { fileSize: MAX_ATTACHMENT_BYTES + 1, files: 1, fields: maxFields, fieldSize: maxFieldBytes, parts: maxFields + 2 },
    });
  } catch {
    throw new HttpError(400, 'Dit uploadformulier kunnen we niet lezen. Laad de pagina opnieuw en probeer het nog eens.');
  }

  const fields: Record<string, string> = {};
  const body: Record<string, string | string[]> = {};
  const truncated: string[] = [];
  // Set from busboy's callbacks: kept in an object, so the checks below read the values set there.
  const state: { writing: Promise<ReceivedFile | null> | null; tooLarge: boolean } = { writing: null, tooLarge: false };

  parser.on('field', (name, value, info) => {
    fields[name] = value;
    const before = body[name];
    body[name] = before === undefined ? value : Array.isArray(before) ? [...before, value] : [before, value];
    if (info.valueTruncated) truncated.push(name);
  });
  parser.on('file', (name, stream, info) => {
    if (name !== fileField || state.writing) return void stream.resume();
    const meter = new Meter();
    state.writing = pipeline(stream, meter, fs.createWriteStream(tmpPath, { flags: 'wx', mode: 0o600 })).then(() => {
      state.tooLarge = meter.size > MAX_ATTACHMENT_BYTES;
      if (meter.size === 0) return null;
      return { tmpPath, sha256: meter.hash.digest('hex'), size: meter.size, head: meter.head, originalName: info.filename ?? '' };
    });
    // Errors surface when `writing` is awaited below; this keeps them from being "unhandled" meanwhile.
    state.writing.catch(() => undefined);
  });

  try {
    await new Promise<void>((resolve, reject) => {
      parser.on('close', resolve);
      parser.on('error', reject);
      req.on('aborted', () => reject(new HttpError(400, 'Het versturen werd afgebroken. Probeer het opnieuw.')));
      req.pipe(parser);
    });
    const file = state.writing ? await state.writing : null;
    if (state.tooLarge || !file) {
      await removeQuietly(tmpPath);
      return { fields, body, truncated, file: null, tooLarge: state.tooLarge };
    }
    return { fields, body, truncated, file, tooLarge: false };
  } catch (err) {
    await removeQuietly(tmpPath);
    if (err instanceof HttpError) throw err;
    throw new HttpError(400, 'Dit uploadformulier kunnen we niet lezen. Laad de pagina opnieuw en probeer het nog eens.');
  }
}
