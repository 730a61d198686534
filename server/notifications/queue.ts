// Queries on mail_queue: a page adds a mail, the worker claims, sends and records it.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { isUniqueViolation, parseJson, toDateOrNull } from '../db/rows';
import { COLUMN_LIMITS } from '../db/limits';
import { emailKey } from '../shared/email';
import { firstChars } from '../shared/validation';

type Conn = Db | Knex.Transaction;

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  headers?: Record<string, string>;
  /** The resident whose name and words the mail quotes, so that an erasure of them removes it too. */
  aboutEmail?: string;
  /** The same event queues the same mail once (e.g. "reply:42:7"). */
  dedupeKey?: string;
}

export interface QueuedMail extends OutgoingMail {
  id: number;
  attempts: number;
  headers: Record<string, string>;
}

interface Row {
  id: number;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  headers: string | null;
  attempts: number;
}

/** Queues a mail; false when one with the same dedupe key is already queued or sent. */
export async function enqueueMail(conn: Conn, mail: OutgoingMail, now: Date): Promise<boolean> {
  try {
    await conn('mail_queue').insert({
      to: mail.to,
      to_key: emailKey(mail.to),
      about_key: mail.aboutEmail ? emailKey(mail.aboutEmail) : null,
      subject: firstChars(mail.subject, COLUMN_LIMITS.mail_queue.subject),
      text: mail.text,
      html: mail.html ?? null,
      headers: JSON.stringify(mail.headers ?? {}),
      dedupe_key: mail.dedupeKey ?? null,
      attempts: 0,
      created_at: now,
      next_attempt_at: now,
    });
    return true;
  } catch (err) {
    if (mail.dedupeKey && isUniqueViolation(err)) return false;
    throw err;
  }
}

export async function listDueMails(db: Db, now: Date, limit: number): Promise<Array<{ id: number; nextAttemptAt: unknown }>> {
  const rows = await db('mail_queue')
    .whereNull('sent_at')
    .whereNotNull('next_attempt_at')
    .andWhere('next_attempt_at', '<=', now)
    .orderBy('next_attempt_at')
    .limit(limit)
    .select<Array<{ id: number; next_attempt_at: unknown }>>('id', 'next_attempt_at');
  return rows.map((r) => ({ id: r.id, nextAttemptAt: r.next_attempt_at }));
}

/**
 * Takes a due mail for this process: moves its next attempt past the claim, but only if no other
 * process did so first (the update matches the value this one read). Returns the mail, or null.
 */
export async function claimMail(db: Db, id: number, seenNextAttempt: unknown, until: Date): Promise<QueuedMail | null> {
  const n = await db('mail_queue')
    .where({ id, next_attempt_at: seenNextAttempt })
    .whereNull('sent_at')
    .update({ next_attempt_at: until, attempts: db.raw('attempts + 1') });
  if (n !== 1) return null;
  const row = await db<Row>('mail_queue').where({ id }).first();
  if (!row) return null;
  return {
    id: row.id,
    to: row.to,
    subject: row.subject,
    text: row.text,
    html: row.html,
    headers: parseJson<Record<string, string>>(row.headers) ?? {},
    attempts: row.attempts,
  };
}

export async function markSent(db: Db, id: number, now: Date): Promise<void> {
  await db('mail_queue').where({ id }).update({ sent_at: now, next_attempt_at: null, last_error: null });
}

/** A failed attempt: try again at `retryAt`, or never (null) when the attempts are used up. */
export async function markFailed(db: Db, id: number, error: string, retryAt: Date | null): Promise<void> {
  await db('mail_queue')
    .where({ id })
    .update({ next_attempt_at: retryAt, last_error: firstChars(error, COLUMN_LIMITS.mail_queue.last_error) });
}

/** Sent or abandoned mails are kept a while for questions ("did my mail go out?"), then deleted. */
export async function purgeOldMails(db: Db, before: Date): Promise<number> {
  return db('mail_queue').whereNull('next_attempt_at').andWhere('created_at', '<', before).delete();
}

/** AVG erasure: every mail to this address, or quoting this person, sent or not, goes; their ids. */
export async function eraseMailsOf(conn: Conn, email: string): Promise<number[]> {
  const key = emailKey(email);
  const of = () => conn('mail_queue').where({ to_key: key }).orWhere({ about_key: key });
  const ids = (await of().select<Array<{ id: number }>>('id')).map((r) => Number(r.id));
  await of().delete();
  return ids;
}

/** Which of these mail ids still have their row (the outbox keeps no file longer than that). */
export async function existingMailIds(conn: Conn, ids: number[]): Promise<Set<number>> {
  const found = new Set<number>();
  // In slices: SQLite takes a bounded number of values in one statement.
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await conn('mail_queue')
      .whereIn('id', ids.slice(i, i + 500))
      .select<Array<{ id: number }>>('id');
    for (const r of rows) found.add(Number(r.id));
  }
  return found;
}

/**
 * The mails still to go out (not sent, not given up) and when the oldest was queued, for
 * /gezondheid and /metrics: one read over next_attempt_at's index.
 */
export async function unsentMails(db: Db): Promise<{ count: number; oldestQueuedAt: Date | null }> {
  const row = await db('mail_queue')
    .whereNull('sent_at')
    .whereNotNull('next_attempt_at')
    .first<{ n: unknown; oldest: unknown } | undefined>(db.raw('count(*) as n'), db.raw('min(created_at) as oldest'));
  return { count: Number(row?.n ?? 0), oldestQueuedAt: toDateOrNull(row?.oldest) };
}
