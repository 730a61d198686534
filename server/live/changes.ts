// The change log of reacties (table live_changes, written by triggers: migrations/…_live_changes.ts)
// and what the live updates read beside it. Reads go to SQLite's read connections (readsOf): a poll
// never waits behind a post's write.
import { readsOf, type Db } from '../db/knex';
import { toBool, toDate, toDateOrNull } from '../db/rows';
import { shownAmong, isOpen } from '../reacties/visibility';

/** One row of the change log: a reactie of an article changed; whether a reader could see it before. */
export interface Change {
  id: number;
  articleId: number;
  reactieId: number;
  wasShown: boolean;
}

/** Where a reactie stands now, as far as a reader goes. */
export interface ReactieNow {
  id: number;
  articleId: number;
  parentId: number | null;
  /** Shown on the article page: approved or a placeholder, and every reactie above it open. */
  shown: boolean;
  /** In the article's "Uitgelicht door de redactie" block (reacties/featured.ts: approved, featured, not withdrawn). */
  featured: boolean;
}

// Ids per IN (…) list: well inside SQLite's limit on bound variables.
const CHUNK = 500;

function toChange(row: Record<string, unknown>): Change {
  return { id: Number(row.id), articleId: Number(row.article_id), reactieId: Number(row.reactie_id), wasShown: toBool(row.was_shown) };
}

/** The newest change's id (0 when the log is empty): where a hub that starts now begins. */
export async function latestChangeId(db: Db): Promise<number> {
  const row = await readsOf(db)('live_changes').max({ id: 'id' }).first();
  return Number(row?.id ?? 0);
}

/** The changes after `afterId`, and those of `missing` (ids skipped earlier that may have committed since), oldest first. */
export async function changesAfter(db: Db, afterId: number, missing: number[], limit: number): Promise<Change[]> {
  const rows = await readsOf(db)('live_changes')
    .where('id', '>', afterId)
    .modify((q) => {
      if (missing.length) q.orWhereIn('id', missing.slice(0, CHUNK));
    })
    .orderBy('id')
    .limit(limit)
    .select('id', 'article_id', 'reactie_id', 'was_shown');
  return rows.map(toChange);
}

/** One article's changes after `afterId` (a browser that reconnects with Last-Event-ID), at most `limit`. */
export async function articleChangesAfter(db: Db, articleId: number, afterId: number, upTo: number, limit: number): Promise<Change[]> {
  const rows = await readsOf(db)('live_changes')
    .where({ article_id: articleId })
    .andWhere('id', '>', afterId)
    .andWhere('id', '<=', upTo)
    .orderBy('id')
    .limit(limit)
    .select('id', 'article_id', 'reactie_id', 'was_shown');
  return rows.map(toChange);
}

/**
 * The articles with a change after `afterId` up to `upTo`, at most `limit` of them: what a voorpagina
 * kept since `afterId` may show an old count of.
 */
export async function articlesChangedAfter(db: Db, afterId: number, upTo: number, limit: number): Promise<number[]> {
  const rows: Array<{ article_id: unknown }> = await readsOf(db)('live_changes')
    .where('id', '>', afterId)
    .andWhere('id', '<=', upTo)
    .distinct('article_id')
    .limit(limit);
  return rows.map((r) => Number(r.article_id));
}

/** These reacties as a reader sees them now; a deleted one is missing from the map. */
export async function reactiesNow(db: Db, ids: number[]): Promise<Map<number, ReactieNow>> {
  const reads = readsOf(db);
  const rows: Array<{
    id: unknown;
    article_id: unknown;
    parent_id: unknown;
    status: unknown;
    removed_reason: unknown;
    featured_at: unknown;
    withdrawn_at: unknown;
  }> = [];
  for (let i = 0; i < ids.length; i += CHUNK)
    rows.push(
      ...(await reads('reacties')
        .whereIn('id', ids.slice(i, i + CHUNK))
        .select('id', 'article_id', 'parent_id', 'status', 'removed_reason', 'featured_at', 'withdrawn_at')),
    );
  const openIds = rows.filter((r) => isOpen(r)).map((r) => Number(r.id));
  const underOpen = new Set((await shownAmong(reads, openIds)).map((r) => r.id));
  const out = new Map<number, ReactieNow>();
  for (const r of rows) {
    const id = Number(r.id);
    out.set(id, {
      id,
      articleId: Number(r.article_id),
      parentId: r.parent_id === null || r.parent_id === undefined ? null : Number(r.parent_id),
      shown: underOpen.has(id),
      featured: r.status === 'approved' && r.featured_at !== null && r.featured_at !== undefined && (r.withdrawn_at ?? null) === null,
    });
  }
  return out;
}

/**
 * The voorpagina's numbers: these articles' reacties counts, with what their address is made of;
 * public articles only (published, and not scheduled after `now`: a scheduled article's address is
 * not known before it appears).
 */
export async function articleCounts(
  db: Db,
  articleIds: number[],
  now: Date,
): Promise<Array<{ id: number; slug: string; publishedAt: Date | null; createdAt: Date; count: number }>> {
  const out = [];
  const reads = readsOf(db);
  for (let i = 0; i < articleIds.length; i += CHUNK) {
    const rows: Array<Record<string, unknown>> = await reads('articles')
      .whereIn('id', articleIds.slice(i, i + CHUNK))
      .andWhere({ status: 'published' })
      .andWhere('published_at', '<=', now)
      .select('id', 'slug', 'published_at', 'created_at', 'reactie_count');
    for (const r of rows)
      out.push({
        id: Number(r.id),
        slug: String(r.slug),
        publishedAt: toDateOrNull(r.published_at),
        createdAt: toDate(r.created_at),
        count: Number(r.reactie_count),
      });
  }
  return out;
}

/**
 * Keeps the log short: the newest `keep` changes (a browser away longer than that reloads). Called
 * by the maintenance job (privacy/retention.ts); the rows hold no personal data.
 */
export async function pruneChanges(db: Db, keep: number): Promise<number> {
  const newest = await latestChangeId(db);
  if (newest <= keep) return 0;
  return db('live_changes')
    .where('id', '<=', newest - keep)
    .del();
}
