// Reacties rows: reading them for the thread and changing their status with the counters kept right.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { toDate } from '../db/rows';
import { lockArticle, refreshReactieCount } from './counters';

export const REACTIE_STATUSES = ['pending', 'approved', 'spam', 'trash'] as const;
export type ReactieStatus = (typeof REACTIE_STATUSES)[number];

export interface Reactie {
  id: number;
  articleId: number;
  parentId: number | null;
  authorName: string;
  authorEmail: string;
  authorUrl: string | null;
  body: string;
  status: ReactieStatus;
  previousStatus: ReactieStatus | null;
  ip: string | null;
  userAgent: string | null;
  createdAt: Date;
  statusChangedAt: Date;
}

/** What a public page may know of a reactie: never the e-mail address, IP or user agent. */
export type PublicReactie = Pick<Reactie, 'id' | 'articleId' | 'parentId' | 'authorName' | 'authorUrl' | 'body' | 'status' | 'createdAt'>;

type Conn = Db | Knex.Transaction;
type Row = Record<string, unknown>;

export function isReactieStatus(value: unknown): value is ReactieStatus {
  return typeof value === 'string' && (REACTIE_STATUSES as readonly string[]).includes(value);
}

/** The fields a public page may show, from a row that has at least PUBLIC_COLUMNS. */
function toPublicReactie(row: Row): PublicReactie {
  return {
    id: Number(row.id),
    articleId: Number(row.article_id),
    parentId: row.parent_id === null || row.parent_id === undefined ? null : Number(row.parent_id),
    authorName: String(row.author_name),
    authorUrl: (row.author_url as string | null) ?? null,
    body: String(row.body),
    status: row.status as ReactieStatus,
    createdAt: toDate(row.created_at),
  };
}

const PUBLIC_COLUMNS = ['id', 'article_id', 'parent_id', 'author_name', 'author_url', 'body', 'status', 'created_at'];

export function toReactie(row: Row): Reactie {
  return {
    ...toPublicReactie(row),
    authorEmail: String(row.author_email),
    previousStatus: isReactieStatus(row.previous_status) ? row.previous_status : null,
    ip: (row.ip as string | null) ?? null,
    userAgent: (row.user_agent as string | null) ?? null,
    statusChangedAt: toDate(row.status_changed_at),
  };
}

/**
 * Approved reacties of an article, plus the given ids (the reader's own held reacties), oldest first.
 * A reactie the filter marked as spam shows to its own author like a held one: a resident caught
 * by mistake sees it wait for a moderator, and a spammer learns nothing.
 */
export async function listThreadReacties(db: Db, articleId: number, ownIds: number[]): Promise<PublicReactie[]> {
  const rows = await db('reacties')
    .select(PUBLIC_COLUMNS)
    .where({ article_id: articleId })
    .andWhere((q) => {
      q.where({ status: 'approved' });
      if (ownIds.length) q.orWhere((own) => own.whereIn('id', ownIds).whereIn('status', ['pending', 'spam']));
    })
    .orderBy([{ column: 'created_at', order: 'asc' }, { column: 'id', order: 'asc' }]);
  return rows.map(toPublicReactie);
}

export async function findReactie(conn: Conn, id: number): Promise<Reactie | null> {
  const row = await conn('reacties').where({ id }).first();
  return row ? toReactie(row) : null;
}

/** Depth of a reactie in its thread: 1 for a reactie on the article, 2 for a reply to it, … */
export async function depthOf(conn: Conn, reactie: Pick<Reactie, 'parentId'>, maxDepth: number): Promise<number> {
  let depth = 1;
  let parentId = reactie.parentId;
  while (parentId !== null && depth <= maxDepth) {
    const row = await conn('reacties').where({ id: parentId }).first('parent_id');
    if (!row) break;
    depth += 1;
    parentId = row.parent_id === null ? null : Number(row.parent_id);
  }
  return depth;
}

export async function hasApprovedReactie(conn: Conn, emailKey: string): Promise<boolean> {
  return Boolean(await conn('reacties').where({ author_email_key: emailKey, status: 'approved' }).first('id'));
}

export interface NewReactie {
  articleId: number;
  parentId: number | null;
  authorName: string;
  authorEmail: string;
  authorUrl: string | null;
  body: string;
  status: ReactieStatus;
  ip: string | null;
  userAgent: string | null;
  /** Columns owned by other features (the spam verdict), stored with the row. */
  extraColumns?: Record<string, unknown>;
}

export function emailKey(email: string): string {
  return email.trim().toLowerCase();
}

export async function insertReactie(trx: Knex.Transaction, input: NewReactie, now: Date): Promise<number> {
  await lockArticle(trx, input.articleId);
  const [row] = await trx('reacties')
    .insert({
      article_id: input.articleId,
      parent_id: input.parentId,
      author_name: input.authorName,
      author_email: input.authorEmail,
      author_email_key: emailKey(input.authorEmail),
      author_url: input.authorUrl,
      body: input.body,
      status: input.status,
      previous_status: null,
      ip: input.ip,
      user_agent: input.userAgent,
      created_at: now,
      status_changed_at: now,
      ...input.extraColumns,
    })
    .returning('id');
  await refreshReactieCount(trx, input.articleId);
  return Number(typeof row === 'object' ? row.id : row);
}

/** Moves a reactie to another status; trash remembers where it came from, so restore can go back. */
export async function setReactieStatus(trx: Knex.Transaction, reactie: Reactie, status: ReactieStatus, now: Date): Promise<void> {
  await lockArticle(trx, reactie.articleId);
  await trx('reacties')
    .where({ id: reactie.id })
    .update({ status, previous_status: status === 'trash' ? reactie.status : null, status_changed_at: now });
  await refreshReactieCount(trx, reactie.articleId);
}

/** What "restore" returns a trashed reactie to: where it was before, and never straight to spam. */
export function restoreTarget(reactie: Reactie): ReactieStatus {
  const before = reactie.previousStatus;
  return before === 'approved' || before === 'pending' ? before : 'pending';
}

/**
 * Deletes a reactie for good. Its replies move up to its parent, so a thread keeps its
 * other voices when one reactie is removed.
 */
export async function deleteReactie(trx: Knex.Transaction, reactie: Reactie): Promise<void> {
  await lockArticle(trx, reactie.articleId);
  await trx('reacties').where({ parent_id: reactie.id }).update({ parent_id: reactie.parentId });
  await trx('reacties').where({ id: reactie.id }).delete();
  await refreshReactieCount(trx, reactie.articleId);
}

export async function updateReactieBody(trx: Knex.Transaction, id: number, body: string): Promise<void> {
  await trx('reacties').where({ id }).update({ body });
}
