// Queries on subscriptions: who asked for which e-mail, and whether they confirmed it.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { toDateOrNull } from '../db/rows';
import { emailKey } from '../shared/email';

type Conn = Db | Knex.Transaction;

export type SubscriptionKind = 'replies' | 'article';

export interface Subscription {
  id: number;
  kind: SubscriptionKind;
  articleId: number;
  reactieId: number | null;
  email: string;
  confirmedAt: Date | null;
}

interface Row {
  id: number;
  kind: SubscriptionKind;
  article_id: number;
  reactie_id: number | null;
  email: string;
  confirmed_at: unknown;
}

function toSubscription(row: Row): Subscription {
  return {
    id: row.id,
    kind: row.kind,
    articleId: row.article_id,
    reactieId: row.reactie_id,
    email: row.email,
    confirmedAt: toDateOrNull(row.confirmed_at),
  };
}

/**
 * Adds a subscription, or returns the one this address already has for the same thing (an article
 * subscription is one per address and article; a replies one belongs to one reactie); `created`
 * says which.
 */
export async function subscribe(
  conn: Conn,
  input: { kind: SubscriptionKind; articleId: number; reactieId: number | null; email: string },
  now: Date,
): Promise<Subscription & { created: boolean }> {
  const key = emailKey(input.email);
  const same = conn('subscriptions').where({ kind: input.kind, article_id: input.articleId, email_key: key });
  if (input.reactieId !== null) same.andWhere({ reactie_id: input.reactieId });
  const existing = (await same.first()) as Row | undefined;
  if (existing) return { ...toSubscription(existing), created: false };
  const [row] = await conn('subscriptions')
    .insert({
      kind: input.kind,
      article_id: input.articleId,
      reactie_id: input.reactieId,
      email: input.email,
      email_key: key,
      created_at: now,
      confirmed_at: null,
    })
    .returning('id');
  const id = Number(typeof row === 'object' ? (row as { id: number }).id : row);
  const { kind, articleId, reactieId, email } = input;
  return { id, kind, articleId, reactieId, email, confirmedAt: null, created: true };
}

export async function findSubscriptions(conn: Conn, ids: number[]): Promise<Subscription[]> {
  if (ids.length === 0) return [];
  return (await conn<Row>('subscriptions').whereIn('id', ids).orderBy('id')).map(toSubscription);
}

/** Confirms the ones not confirmed yet; returns how many exist of the ids. */
export async function confirmSubscriptions(conn: Conn, ids: number[], now: Date): Promise<number> {
  await conn('subscriptions').whereIn('id', ids).whereNull('confirmed_at').update({ confirmed_at: now });
  return (await findSubscriptions(conn, ids)).length;
}

export async function deleteSubscriptions(conn: Conn, ids: number[]): Promise<number> {
  return conn('subscriptions').whereIn('id', ids).delete();
}

/** The confirmed subscription to the replies of one reactie, if any. */
export async function confirmedReplySubscription(conn: Conn, reactieId: number): Promise<Subscription | null> {
  const row = await conn<Row>('subscriptions').where({ kind: 'replies', reactie_id: reactieId }).whereNotNull('confirmed_at').first();
  return row ? toSubscription(row) : null;
}

export async function confirmedArticleSubscriptions(conn: Conn, articleId: number): Promise<Subscription[]> {
  return (
    await conn<Row>('subscriptions').where({ kind: 'article', article_id: articleId }).whereNotNull('confirmed_at').orderBy('id')
  ).map(toSubscription);
}

/** AVG erasure: every subscription of this address goes. */
export async function eraseSubscriptions(conn: Conn, email: string): Promise<number> {
  return conn('subscriptions')
    .where({ email_key: emailKey(email) })
    .delete();
}

/** Unconfirmed subscriptions older than `before`: their confirmation link has expired. */
export async function purgeUnconfirmed(conn: Conn, before: Date): Promise<number> {
  return conn('subscriptions').whereNull('confirmed_at').andWhere('created_at', '<', before).delete();
}
