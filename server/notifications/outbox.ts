// The outbox folder's files (transport.ts writes them without SMTP, outbox-routes.ts shows them to
// admins) belong to their rows in mail_queue: the number in a file's name is its mail's id. A file
// lives no longer than its row. An AVG erasure removes the person's rows and their files, and every
// file whose row is gone (an old mail purged, an erasure a send overtook, a mail of another
// database); the hourly retention job removes the rowless ones too.
import fs from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import type { Db } from '../db/knex';
import { emailKey } from '../shared/email';
import { existingMailIds } from './queue';
import { OUTBOX_FILE } from './transport';

interface OutboxFile {
  name: string;
  mailId: number;
}

async function outboxFiles(dir: string): Promise<OutboxFile[]> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return [];
  }
  return names.filter((name) => OUTBOX_FILE.test(name)).map((name) => ({ name, mailId: Number(/-(\d+)\.eml$/.exec(name)![1]) }));
}

/** Whom a file is addressed to, as emailKey compares it (none when it cannot be read). */
async function recipientKeys(dir: string, name: string): Promise<string[]> {
  try {
    const mail = await simpleParser(await fs.readFile(path.join(dir, name)));
    return [mail.to ?? []]
      .flat()
      .flatMap((to) => to.value)
      .map((a) => emailKey(a.address ?? ''));
  } catch {
    return [];
  }
}

async function remove(dir: string, files: OutboxFile[]): Promise<number> {
  let n = 0;
  for (const file of files) {
    try {
      await fs.unlink(path.join(dir, file.name));
      n++;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return n;
}

/** Removes the files without a row in mail_queue; returns how many. */
export async function purgeRowlessOutbox(db: Db, dir: string): Promise<number> {
  const files = await outboxFiles(dir);
  if (!files.length) return 0;
  const rows = await existingMailIds(
    db,
    files.map((f) => f.mailId),
  );
  return remove(
    dir,
    files.filter((f) => !rows.has(f.mailId)),
  );
}

/**
 * AVG erasure, after the person's rows are gone: the files of those mails (`mailIds`: to them, or
 * quoting them), every file addressed to them whatever its row, and every file without a row.
 */
export async function eraseOutboxMailsOf(db: Db, dir: string, email: string, mailIds: number[]): Promise<number> {
  const files = await outboxFiles(dir);
  if (!files.length) return 0;
  const erased = new Set(mailIds);
  const rows = await existingMailIds(
    db,
    files.map((f) => f.mailId),
  );
  const key = emailKey(email);
  const gone: OutboxFile[] = [];
  for (const file of files) {
    if (erased.has(file.mailId) || !rows.has(file.mailId) || (await recipientKeys(dir, file.name)).includes(key)) gone.push(file);
  }
  return remove(dir, gone);
}
