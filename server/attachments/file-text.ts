// The text inside attached PDFs, read once per stored file and kept in files.text for search. After an
// editor's upload the file is queued and read in the background: the request does not wait for it.
// One PDF at a time per process (PDF.js runs in a worker of its own, documents/pdf-text.ts), in the
// order queued. Whatever the PDF is, the upload stands: a scan without a text layer is 'none', a
// broken, encrypted or too large PDF 'failed' (logged). What is still 'pending' (a process stopped
// halfway, a WordPress import) is read by readPendingFileTexts, which maintenance runs at start-up.
import fs from 'node:fs';
import type { Logger } from 'pino';
import type { Db } from '../db/knex';
import { pdfPlainText, PdfTextError } from '../documents/pdf-text';
import { firstChars } from '../shared/validation';
import { findFileText, pendingFileTexts, saveFileText, type FileTextStatus } from './queries';
import { storedPath } from './storage';

/** The most of a PDF's text that is kept (a long report's first few hundred pages). */
const MAX_TEXT_CHARS = 1_000_000;

export interface FileTextContext {
  db: Db;
  uploadDir: string;
  logger: Logger;
}

type Outcome = Exclude<FileTextStatus, 'pending'>;

// The queue of this process: every read waits for the one before it. A stop starts a new
// generation: the jobs queued before it are dropped.
const queue = { tail: Promise.resolve(), waiting: 0, generation: 0 };

function enqueue<T>(job: () => Promise<T>): Promise<T | null> {
  const generation = queue.generation;
  queue.waiting++;
  const run = queue.tail.then(() => (queue.generation === generation ? job() : null)).finally(() => queue.waiting--);
  queue.tail = run.then(
    () => undefined,
    () => undefined,
  );
  return run;
}

/** Reads a stored file's text in the background, when it is a PDF whose text was not read yet. */
export function queueFileText(ctx: FileTextContext, sha256: string): void {
  void enqueue(() => readFileText(ctx, sha256));
}

/** Resolves when nothing waits in the queue and nothing is being read. */
export async function fileTextsIdle(): Promise<void> {
  while (queue.waiting > 0) await queue.tail;
}

/**
 * Drops what waits in the queue (it stays 'pending', to be read at the next start) and resolves
 * when the PDF being read now is done. Afterwards the queue takes work again.
 */
export async function stopFileTexts(): Promise<void> {
  queue.generation++;
  await fileTextsIdle();
}

/**
 * Reads the text of every stored file that is still 'pending', one by one through the same queue
 * (an upload in the meantime is read between two of them). `progress` hears (0, total) first and
 * then (done, total) after each file. Returns how the files came out; a file that another process
 * read first, or that was removed meanwhile, counts in none of them.
 */
export async function readPendingFileTexts(
  ctx: FileTextContext,
  progress?: (done: number, total: number) => void,
): Promise<{ total: number } & Record<Outcome, number>> {
  const generation = queue.generation;
  const pending = await pendingFileTexts(ctx.db);
  const result = { total: pending.length, done: 0, none: 0, failed: 0 };
  progress?.(0, pending.length);
  for (const [i, sha256] of pending.entries()) {
    if (queue.generation !== generation) break;
    const outcome = await enqueue(() => readFileText(ctx, sha256));
    if (outcome) result[outcome]++;
    progress?.(i + 1, pending.length);
  }
  return result;
}

/** Reads one file and keeps what came out; null when there was nothing to read. Never throws. */
async function readFileText(ctx: FileTextContext, sha256: string): Promise<Outcome | null> {
  const { db, logger } = ctx;
  try {
    const file = await findFileText(db, sha256);
    if (!file || file.textStatus !== 'pending') return null;
    if (file.mediaType !== 'application/pdf') {
      await saveFileText(db, sha256, 'none', '');
      return 'none';
    }
    const [outcome, text] = await pdfTextOf(ctx, sha256);
    await saveFileText(db, sha256, outcome, text);
    return outcome;
  } catch (err) {
    // The database could not be asked or written (the process stops): the file stays pending.
    logger.error({ err, sha256 }, 'the text of an attachment could not be kept');
    return null;
  }
}

async function pdfTextOf({ uploadDir, logger }: FileTextContext, sha256: string): Promise<[Outcome, string]> {
  let bytes: Buffer;
  try {
    bytes = await fs.promises.readFile(storedPath(uploadDir, sha256));
  } catch (err) {
    logger.warn({ err, sha256 }, 'the stored file of an attachment is missing: its text is not read');
    return ['failed', ''];
  }
  try {
    const text = firstChars(await pdfPlainText(bytes), MAX_TEXT_CHARS).trimEnd();
    logger.debug({ sha256, chars: text.length }, 'read the text of an attached PDF');
    return ['done', text];
  } catch (err) {
    if (err instanceof PdfTextError && err.reason === 'no-text') {
      logger.info({ sha256 }, 'an attached PDF has no text (a scan?)');
      return ['none', ''];
    }
    if (err instanceof PdfTextError) logger.warn({ sha256, reason: err.reason }, 'the text of an attached PDF could not be read');
    else logger.error({ err, sha256 }, 'reading the text of an attached PDF went wrong');
    return ['failed', ''];
  }
}
