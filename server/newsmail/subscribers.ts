// Queries on news_subscribers: who gets the new articles by mail, how often, and where their next
// mail starts. The address is only ever read to send a mail to it or to erase it.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { toCount, toDate, toDateOrNull } from '../db/rows';
import { emailKey } from '../shared/email';
import type { Frequency, NewsKinds } from './schedule';

type Conn = Db | Knex.Transaction;

export interface NewsSubscriber {
  id: number;
  email: string;
  frequency: Frequency;
  kinds: NewsKinds;
  createdAt: Date;
  confirmedAt: Date | null;
  lastSlot: string | null;
  articlesAfter: Date | null;
}

interface Row {
  id: number;
  email: string;
  frequency: string;
  kinds: string;
  created_at: unknown;
  confirmed_at: unknown;
  last_slot: string | null;
  articles_after: unknown;
}

function toSubscriber(row: Row): NewsSubscriber {
  return {
    id: Number(row.id),
    email: row.email,
    frequency: row.frequency === 'weekly' ? 'weekly' : 'daily',
    kinds: row.kinds === 'documents' || row.kinds === 'news' ? row.kinds : 'all',
    createdAt: toDate(row.created_at),
    confirmedAt: toDateOrNull(row.confirmed_at),
    lastSlot: row.last_slot,
    articlesAfter: toDateOrNull(row.articles_after),
  };
}

export async function findSubscriber(conn: Conn, id: number): Promise<NewsSubscriber | null> {
  const row = await conn<Row>('news_subscribers').where({ id }).first();
  return row ? toSubscriber(row) : null;
}

export async function findSubscriberByEmail(conn: Conn, email: string): Promise<NewsSubscriber | null> {
  const row = (await conn('news_subscribers')
    .where({ email_key: emailKey(email) })
    .first()) as Row | undefined;
  return row ? toSubscriber(row) : null;
}

/**
 * A request from the form: a new unconfirmed subscriber, or the unconfirmed one of this address
 * with the new choices (its confirmation time starts again). A confirmed subscriber is left as it is.
 */
export async function requestSubscription(
  conn: Conn,
  input: { email: string; frequency: Frequency; kinds: NewsKinds },
  now: Date,
): Promise<NewsSubscriber> {
  const existing = await findSubscriberByEmail(conn, input.email);
  if (existing?.confirmedAt) return existing;
  const values = { email: input.email, frequency: input.frequency, kinds: input.kinds, created_at: now };
  if (existing) {
    await conn('news_subscribers').where({ id: existing.id }).whereNull('confirmed_at').update(values);
    return { ...existing, ...input, createdAt: now };
  }
  const [row] = await conn('news_subscribers')
    .insert({ ...values, email_key: emailKey(input.email), confirmed_at: null, last_slot: null, articles_after: null })
    .returning('id');
  const id = Number(typeof row === 'object' ? (row as { id: number }).id : row);
  return { id, ...input, createdAt: now, confirmedAt: null, lastSlot: null, articlesAfter: null };
}

/**
 * Confirms a subscriber: the first mail brings what is published from now on, at the next digest
 * moment after `slot` (the one due now). False when there is no such subscriber (any more).
 */
export async function confirmSubscriber(conn: Conn, id: number, slot: string, now: Date): Promise<boolean> {
  await conn('news_subscribers')
    .where({ id })
    .whereNull('confirmed_at')
    .update({ confirmed_at: now, last_slot: slot, articles_after: now });
  return (await findSubscriber(conn, id)) !== null;
}

/** A new frequency or choice of articles; `slot` is the moment due now for the new frequency, so nothing goes out at once. */
export async function changeSubscriber(
  conn: Conn,
  id: number,
  change: { frequency: Frequency; kinds: NewsKinds },
  slot: string,
): Promise<boolean> {
  const current = await findSubscriber(conn, id);
  if (!current?.confirmedAt) return false;
  const update: Record<string, unknown> = { kinds: change.kinds };
  if (change.frequency !== current.frequency) Object.assign(update, { frequency: change.frequency, last_slot: slot });
  await conn('news_subscribers').where({ id }).update(update);
  return true;
}

export async function deleteSubscriber(conn: Conn, id: number): Promise<void> {
  await conn('news_subscribers').where({ id }).delete();
}

/** Confirmed subscribers of this frequency whose last digest moment is before `slot`. */
export async function listDue(conn: Conn, frequency: Frequency, slot: string, limit: number): Promise<NewsSubscriber[]> {
  const rows = await conn<Row>('news_subscribers')
    .where({ frequency })
    .whereNotNull('confirmed_at')
    .andWhere((q) => q.whereNull('last_slot').orWhere('last_slot', '<', slot))
    .orderBy('id')
    .limit(limit);
  return rows.map(toSubscriber);
}

/**
 * Takes the digest moment `slot` for this subscriber: moves last_slot (and where the next mail
 * starts) only if no other process moved it since `seen` was read. True for the one process that did.
 */
export async function claimSlot(conn: Conn, seen: NewsSubscriber, slot: string, articlesUntil: Date): Promise<boolean> {
  const q = conn('news_subscribers').where({ id: seen.id, frequency: seen.frequency });
  if (seen.lastSlot === null) q.whereNull('last_slot');
  else q.andWhere({ last_slot: seen.lastSlot });
  return (await q.update({ last_slot: slot, articles_after: articlesUntil })) === 1;
}

/** For beheer: confirmed subscribers per frequency. */
export async function countSubscribers(db: Db): Promise<Record<Frequency, number>> {
  const rows = await db('news_subscribers').whereNotNull('confirmed_at').groupBy('frequency').select('frequency').count({ n: '*' });
  const out: Record<Frequency, number> = { daily: 0, weekly: 0 };
  for (const r of rows as Array<{ frequency: string; n: unknown }>)
    if (r.frequency === 'daily' || r.frequency === 'weekly') out[r.frequency] = toCount({ n: r.n });
  return out;
}

/** AVG erasure: the subscriber of this address goes. */
export async function eraseNewsSubscriber(conn: Conn, email: string): Promise<number> {
  return conn('news_subscribers')
    .where({ email_key: emailKey(email) })
    .delete();
}

/** Unconfirmed requests older than `before`: their confirmation link has expired. */
export async function purgeUnconfirmedNews(conn: Conn, before: Date): Promise<number> {
  return conn('news_subscribers').whereNull('confirmed_at').andWhere('created_at', '<', before).delete();
}
