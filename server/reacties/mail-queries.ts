// What the mail jobs (notifications/) read about reacties: the ones approved since a moment, and
// how many wait for a moderator. Read-only; the mail jobs never change a reactie.
import type { Db } from '../db/knex';
import { toDate } from '../db/rows';

export interface ApprovedReactie {
  id: number;
  articleId: number;
  parentId: number | null;
  authorName: string;
  authorEmail: string;
  body: string;
  statusChangedAt: Date;
}

export interface ApprovalCursor {
  at: Date;
  lastId: number;
}

/** Reacties approved after the cursor (by status_changed_at, then id) up to `until`, oldest first. */
export async function listApprovedSince(db: Db, cursor: ApprovalCursor, until: Date, limit: number): Promise<ApprovedReactie[]> {
  const rows = await db('reacties')
    .where({ status: 'approved' })
    .andWhere((q) =>
      q
        .where('status_changed_at', '>', cursor.at)
        .orWhere((q2) => q2.where('status_changed_at', '=', cursor.at).andWhere('id', '>', cursor.lastId)),
    )
    .andWhere('status_changed_at', '<=', until)
    .orderBy([
      { column: 'status_changed_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ])
    .limit(limit)
    .select<
      Array<{
        id: number;
        article_id: number;
        parent_id: number | null;
        author_name: string;
        author_email: string;
        body: string;
        status_changed_at: unknown;
      }>
    >('id', 'article_id', 'parent_id', 'author_name', 'author_email', 'body', 'status_changed_at');
  return rows.map((r) => ({
    id: r.id,
    articleId: r.article_id,
    parentId: r.parent_id,
    authorName: r.author_name,
    authorEmail: r.author_email,
    body: r.body,
    statusChangedAt: toDate(r.status_changed_at),
  }));
}

/** How many reacties wait for a moderator, and how many of those arrived after `since`. */
export async function pendingSince(db: Db, since: Date): Promise<{ waiting: number; newer: number }> {
  const [all] = await db('reacties').where({ status: 'pending' }).count({ n: '*' });
  const [recent] = await db('reacties').where({ status: 'pending' }).andWhere('created_at', '>', since).count({ n: '*' });
  return { waiting: Number(all?.n ?? 0), newer: Number(recent?.n ?? 0) };
}
