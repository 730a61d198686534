// reviews/ owns article_reviews: who offered an article for review and when, and, once a reviewer
// sent it back, who did, when, and the note for the author. The status itself is the article's
// (articles.status 'review'); a row stays while the article waits or was sent back.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { toDate, toDateOrNull } from '../db/rows';

type Conn = Db | Knex.Transaction;

export interface Review {
  articleId: number;
  /** The account that offered it (null when that account is gone): the author the reviewer's decision is mailed to. */
  requestedById: number | null;
  requestedBy: string;
  requestedAt: Date;
  /** Set when a reviewer sent it back, with the note; null while it waits. */
  returned: { by: string; at: Date; note: string } | null;
}

/** Who acts: the account, by id and by the name it has now. */
export interface Person {
  id: number;
  name: string;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function toReview(r: Record<string, unknown>): Review {
  const at = toDateOrNull(r.returned_at);
  return {
    articleId: Number(r.article_id),
    requestedById: r.requested_by === null || r.requested_by === undefined ? null : Number(r.requested_by),
    requestedBy: String(r.requested_by_name),
    requestedAt: toDate(r.requested_at),
    returned: at ? { by: text(r.returned_by_name), at, note: text(r.note) } : null,
  };
}

export async function findReview(conn: Conn, articleId: number): Promise<Review | null> {
  const row = await conn('article_reviews').where({ article_id: articleId }).first();
  return row ? toReview(row) : null;
}

/** The reviews of these articles, by article id (the list shows who asked, and the notes). */
export async function reviewsOf(db: Db, articleIds: number[]): Promise<Map<number, Review>> {
  if (!articleIds.length) return new Map();
  const rows: Array<Record<string, unknown>> = await db('article_reviews').whereIn('article_id', articleIds);
  return new Map(rows.map((r) => [Number(r.article_id), toReview(r)]));
}

/** Every article sent back and not yet offered again, by article id. */
export async function returnedReviews(db: Db): Promise<Map<number, Review>> {
  const rows: Array<Record<string, unknown>> = await db('article_reviews').whereNotNull('returned_at');
  return new Map(rows.map((r) => [Number(r.article_id), toReview(r)]));
}

/** Offered (again) for review: a note from an earlier round is done with. */
export async function markRequested(conn: Conn, articleId: number, by: Person, at: Date): Promise<void> {
  const row = {
    requested_by: by.id,
    requested_by_name: by.name,
    requested_at: at,
    returned_by: null,
    returned_by_name: null,
    returned_at: null,
    note: null,
  };
  await conn('article_reviews')
    .insert({ article_id: articleId, ...row })
    .onConflict('article_id')
    .merge(row);
}

export async function markReturned(conn: Conn, articleId: number, by: Person, at: Date, note: string): Promise<void> {
  await conn('article_reviews')
    .where({ article_id: articleId })
    .update({ returned_by: by.id, returned_by_name: by.name, returned_at: at, note });
}

/** Published (or taken back by its author): the review is over; the audit log and the revisions keep its steps. */
export async function clearReview(conn: Conn, articleId: number): Promise<void> {
  await conn('article_reviews').where({ article_id: articleId }).delete();
}
