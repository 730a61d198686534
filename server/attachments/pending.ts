// An upload kept for an article that does not exist yet: the PDF an editor imports waits here, under
// a random token that the article editor's form carries, until the article is saved (it then
// becomes the article's attachment, stored by its hash like any other) or a day has passed (the
// maintenance job then removes it). <upload dir>/.pending/<token> holds the bytes, <token>.json
// what is known of them and who uploaded them: only that editor can attach it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/knex';
import { addAttachment } from './attach';
import { attachmentView } from './format';
import { removeQuietly } from './storage';

const TOKEN = /^[0-9a-f]{32}$/;
/** How long an upload waits for its article. */
const PENDING_MAX_AGE_MS = 24 * 60 * 60 * 1000;

export interface PendingUpload {
  token: string;
  sha256: string;
  size: number;
  mediaType: string;
  title: string;
  originalName: string;
  userId: number;
  /** ISO 8601. */
  createdAt: string;
}

type Checked = Omit<PendingUpload, 'token' | 'userId' | 'createdAt'> & { tmpPath: string };

const pendingDir = (uploadDir: string) => path.join(uploadDir, '.pending');
const bytesPath = (uploadDir: string, token: string) => path.join(pendingDir(uploadDir), token);
const metaPath = (uploadDir: string, token: string) => path.join(pendingDir(uploadDir), `${token}.json`);

/** Keeps a checked upload (its temporary file moves) until an article takes it. */
export async function keepPending(uploadDir: string, upload: Checked, userId: number, now: Date): Promise<PendingUpload> {
  await fs.promises.mkdir(pendingDir(uploadDir), { recursive: true, mode: 0o700 });
  const token = crypto.randomBytes(16).toString('hex');
  const pending: PendingUpload = {
    token,
    sha256: upload.sha256,
    size: upload.size,
    mediaType: upload.mediaType,
    title: upload.title,
    originalName: upload.originalName,
    userId,
    createdAt: now.toISOString(),
  };
  await fs.promises.rename(upload.tmpPath, bytesPath(uploadDir, token));
  await fs.promises.writeFile(metaPath(uploadDir, token), JSON.stringify(pending), { flag: 'wx', mode: 0o600 });
  return pending;
}

/** The upload behind a token, when it is this editor's, still there and less than a day old. */
export async function findPending(uploadDir: string, token: string, userId: number, now: Date): Promise<PendingUpload | null> {
  if (!TOKEN.test(token)) return null;
  let pending: PendingUpload;
  try {
    pending = JSON.parse(await fs.promises.readFile(metaPath(uploadDir, token), 'utf8')) as PendingUpload;
  } catch {
    return null;
  }
  if (pending.token !== token || pending.userId !== userId) return null;
  if (now.getTime() - Date.parse(pending.createdAt) > PENDING_MAX_AGE_MS) return null;
  return fs.existsSync(bytesPath(uploadDir, token)) ? pending : null;
}

/** Makes a kept upload an attachment of the article; the kept copy is gone afterwards. */
export async function attachPending(db: Db, uploadDir: string, articleId: number, pending: PendingUpload, now: Date): Promise<number> {
  const id = await addAttachment(db, uploadDir, articleId, { ...pending, tmpPath: bytesPath(uploadDir, pending.token) }, now);
  await removeQuietly(metaPath(uploadDir, pending.token));
  return id;
}

/** What the article editor shows of a kept upload: "Brief raad (pdf, 245 kB)", and whether its box is ticked. */
export function pendingView(pending: PendingUpload, keep: boolean): { token: string; title: string; details: string; keep: boolean } {
  const { details } = attachmentView({ id: 0, ...pending });
  return { token: pending.token, title: pending.title, details, keep };
}

/**
 * Removes what waited longer than a day: kept uploads whose article was never saved, and
 * temporary files that an interrupted upload left behind. Returns how many files went.
 */
export async function purgePending(uploadDir: string, now: Date): Promise<number> {
  let removed = 0;
  for (const dir of [pendingDir(uploadDir), path.join(uploadDir, '.tmp')]) {
    let names: string[];
    try {
      names = await fs.promises.readdir(dir);
    } catch {
      continue; // never made: nothing was uploaded
    }
    for (const name of names) {
      const file = path.join(dir, name);
      const stat = await fs.promises.stat(file).catch(() => null);
      if (!stat?.isFile() || now.getTime() - stat.mtimeMs <= PENDING_MAX_AGE_MS) continue;
      await removeQuietly(file);
      removed++;
    }
  }
  return removed;
}
