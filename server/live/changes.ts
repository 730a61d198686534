// The change log of reacties (table live_changes, written by triggers: migrations/…_live_changes.ts)
// and what the live updates read beside it. Reads go to SQLite's read connections (readsOf): a poll
// never waits behind a post's write.
import type { Knex } from 'knex';
import { isPostgres, readsOf, type Db } from '../db/knex';
import { toBool, toDate, toDateOrNull } from '../db/rows';
import { whereIdIn } from '../db/id-list';
import { shownAmong, isOpen } from '../reacties/visibility';
import { siteReactieTotal, siteTotalColumn } from '../reacties/counters';
import type { LogPosition } from './events';

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
  /** In the article's "Uitgelicht door de redactie" block (reacties/thread/featured.ts: approved, featured, not withdrawn). */
  featured: boolean;
}

// Ids per IN (…) list: well inside SQLite's limit on bound variables.
const CHUNK = 500;

function toChange(row: Record<string, unknown>): Change {
  return { id: Number(row.id), articleId: Number(row.article_id), reactieId: Number(row.reactie_id), wasShown: toBool(row.was_shown) };
}

/** The newest change's id (0 when the log is empty). */
async function latestChangeId(db: Db): Promise<number> {
  const row = await readsOf(db)('live_changes').max({ id: 'id' }).first();
  return Number(row?.id ?? 0);
}

/** A position (events.ts) and, on PostgreSQL while a transaction was open, the snapshot it was read in. */
export interface LogNow extends LogPosition {
  snapshot: string | null;
}

/**
 * Where the log stands now: what a page read now has seen, and where a hub that starts now begins.
 * SQLite has one writer: a change not yet committed holds the write lock, so its id will be above the
 * newest id read here, which is exact. PostgreSQL hands ids out before commit, to many writers at
 * once: a change below the newest id may still be committing, and nothing in the log says which (an
 * open transaction's rows are invisible). So the position also names the oldest transaction open in
 * this read's snapshot (pg_snapshot_xmin): every change the page cannot see yet is one of a
 * transaction from there on, and the stream replays those beside the ids after the position, some
 * twice (a page ignores what it already shows). Chosen over replaying a margin of ids (no margin is
 * safe: a transaction may hold its id for seconds) and over locking the log while reading it (a page
 * would wait for every write). With no transaction open the position is the newest id alone.
 */
export async function logNow(db: Db): Promise<LogNow> {
  if (!isPostgres(db)) return { id: await latestChangeId(db), xmin: null, snapshot: null };
  // One statement, one snapshot: the newest id it sees and the transactions it does not.
  const result: { rows: Array<{ id: unknown; snapshot: string }> } = await readsOf(db).raw(
    'select coalesce(max(id), 0) as id, pg_current_snapshot()::text as snapshot from live_changes',
  );
  const { id, snapshot } = result.rows[0];
  // "xmin:xmax:open,…": xmin is xmax when no transaction is open.
  const [xmin, xmax] = snapshot.split(':');
  if (xmin === xmax) return { id: Number(id), xmin: null, snapshot: null };
  // A snapshot lists the open transactions of every database on the server; only this database's can
  // write its log. Asked after the snapshot (a statement of its own): one that ended in between has
  // committed before the page reads on, so only those still open count. pg_stat_activity shows a
  // transaction's id to its own role (and to pg_read_all_stats): the app's connections share theirs; a
  // reactie changed under another role (psql) counts only with that right.
  const ours: { rows: Array<{ xmin: string | null }> } = await readsOf(db).raw(
    `select min(x)::text as xmin from pg_snapshot_xip(?::pg_snapshot) as x
      where xid(x) in (select backend_xid from pg_stat_activity where datname = current_database() and backend_xid is not null)`,
    [snapshot],
  );
  const open = ours.rows[0].xmin;
  return open === null ? { id: Number(id), xmin: null, snapshot: null } : { id: Number(id), xmin: open, snapshot };
}

/**
 * On PostgreSQL: the changes up to `upTo` of the transactions open in `snapshot` that have committed
 * since, but the `seen` ones; oldest first. What a hub that started at that snapshot has not read yet.
 */
export async function committedSince(db: Db, upTo: number, snapshot: string, seen: number[]): Promise<Change[]> {
  const rows = await readsOf(db)('live_changes')
    .where('id', '<=', upTo)
    .andWhereRaw('xid >= pg_snapshot_xmin(?::pg_snapshot)', [snapshot])
    .andWhereRaw('not pg_visible_in_snapshot(xid, ?::pg_snapshot)', [snapshot])
    .modify((q) => {
      if (seen.length) q.whereNotIn('id', seen);
    })
    .orderBy('id')
    .select('id', 'article_id', 'reactie_id', 'was_shown');
  return rows.map(toChange);
}

/** On PostgreSQL: whether a transaction open in `snapshot` still is (its changes may still come). */
export async function stillOpen(db: Db, snapshot: string): Promise<boolean> {
  const result: { rows: Array<{ open: boolean }> } = await readsOf(db).raw(
    "select exists (select 1 from pg_snapshot_xip(?::pg_snapshot) as x where pg_xact_status(x) = 'in progress') as open",
    [snapshot],
  );
  return result.rows[0].open;
}

/** The changes after a position: after its id, and on PostgreSQL those of its open transactions (see logNow). */
function after(db: Db, q: Knex.QueryBuilder, position: LogPosition): void {
  q.where((w) => {
    w.where('id', '>', position.id);
    if (position.xmin !== null && isPostgres(db)) w.orWhereRaw('xid >= ?::xid8', [position.xmin]);
  });
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

/** One article's changes after `from` (a page's position, or a browser that reconnects with Last-Event-ID), at most `limit`. */
export async function articleChangesAfter(db: Db, articleId: number, from: LogPosition, upTo: number, limit: number): Promise<Change[]> {
  const rows = await readsOf(db)('live_changes')
    .where({ article_id: articleId })
    .modify((q) => after(db, q, from))
    .andWhere('id', '<=', upTo)
    .orderBy('id')
    .limit(limit)
    .select('id', 'article_id', 'reactie_id', 'was_shown');
  return rows.map(toChange);
}

/**
 * The articles with a change after `from` up to `upTo`, at most `limit` of them: what a voorpagina
 * read at `from` may show an old count of.
 */
export async function articlesChangedAfter(db: Db, from: LogPosition, upTo: number, limit: number): Promise<number[]> {
  const rows: Array<{ article_id: unknown }> = await readsOf(db)('live_changes')
    .modify((q) => after(db, q, from))
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
 * not known before it appears); and the site's running total, read in the same statement as the
 * counts (one snapshot: a count from before a reactie never comes with the total after it).
 */
export async function articleCounts(
  db: Db,
  articleIds: number[],
  now: Date,
): Promise<{ total: number; articles: Array<{ id: number; slug: string; publishedAt: Date | null; createdAt: Date; count: number }> }> {
  const reads = readsOf(db);
  // One statement for any number of articles (the ids as one parameter): one snapshot for all counts and the total.
  const rows: Array<Record<string, unknown>> = await whereIdIn(reads, reads('articles'), 'id', articleIds)
    .andWhere({ status: 'published' })
    .andWhere('published_at', '<=', now)
    .select('id', 'slug', 'published_at', 'created_at', 'reactie_count', siteTotalColumn(reads));
  const articles = rows.map((r) => ({
    id: Number(r.id),
    slug: String(r.slug),
    publishedAt: toDateOrNull(r.published_at),
    createdAt: toDate(r.created_at),
    count: Number(r.reactie_count),
  }));
  return { total: rows.length ? Number(rows[0].site_total) : await siteReactieTotal(reads), articles };
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
