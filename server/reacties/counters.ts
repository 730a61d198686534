// The reacties counters: each article's count and the site-wide running total.
//
// Both count *visible* reacties: approved, under a chain of approved parents. A reply under a held
// or trashed parent is not shown, so it is not counted either; when the parent is approved, the
// reply appears and is counted. Every change of a reactie works out by how much it moves the count
// (visibleDelta.ts, from the reactie's ancestors and the part of its subtree it shows) and moves
// the stored numbers in the same transaction, so pages only read them and never count rows, and a
// post on an article with 100.000 reacties costs what a post on an empty one costs.
//
// The site total is the running total a reader sees on the voorpagina: the sum of the counts of
// published articles. An article taken back to concept takes its reacties out of the total, and
// brings them back when it is published again (setArticleStatus in articles/queries keeps that).
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { rawGet } from '../db/raw-get';
import { toBool } from '../db/rows';

const SITE_COUNTER = 'reacties_visible';
// Moves whenever something the voorpagina shows changes; the page cache keys on it.
const SITE_VERSION = 'site_version';

type Conn = Db | Knex.Transaction;

/**
 * Locks the article row until the transaction ends. Every transaction that changes an article's
 * reacties takes this lock first, so two moderators acting on the same article at once on
 * PostgreSQL cannot both count from a stale snapshot. (SQLite has one writer anyway.)
 * The lock is taken by moving the article's version: whatever the transaction changes, the cached
 * page of the article is out of date once it commits, on every app server (see articles/page-cache).
 */
export async function lockArticle(trx: Knex.Transaction, articleId: number): Promise<boolean> {
  const n = await trx('articles')
    .where({ id: articleId })
    .update({ version: trx.raw('version + 1') });
  return n === 1;
}

/**
 * Counts an article's visible reacties from one indexed read of (id, parent_id, status).
 * A recursive SQL query would express the same, but SQLite walks a recursive CTE one row at a
 * time, which took seconds on an article with thousands of reacties; this stays linear.
 */
export async function countVisibleReacties(conn: Conn, articleId: number): Promise<number> {
  const rows: Array<{ id: number; parent_id: number | null; status: string; removed_reason: string | null }> = await conn('reacties')
    .where({ article_id: articleId })
    .select('id', 'parent_id', 'status', 'removed_reason');
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  // Whether a reactie and everything above it is open (approved, or a placeholder that keeps its replies).
  const open = new Map<number, boolean>();
  const chainOpen = (id: number): boolean => {
    const known = open.get(id);
    if (known !== undefined) return known;
    // Walk up to the first ancestor whose answer is known (or the top), then fill in the chain.
    const chain: number[] = [];
    let current: number | null = id;
    let answer = true;
    while (current !== null) {
      const cached = open.get(current);
      if (cached !== undefined) {
        answer = cached;
        break;
      }
      const row = byId.get(current);
      chain.push(current);
      if (!row || !(row.status === 'approved' || row.removed_reason !== null)) {
        answer = false;
        break;
      }
      current = row.parent_id === null ? null : Number(row.parent_id);
    }
    // Every row in the chain shares the answer: all open up to a known ancestor or the top, or
    // cut off by the first one that is not (which is itself not open either).
    for (const c of chain) open.set(c, answer);
    return answer;
  };
  let n = 0;
  for (const r of rows) if (r.status === 'approved' && (r.parent_id === null || chainOpen(Number(r.parent_id)))) n++;
  return n;
}

/** Whether an article's reacties count in the site total (see above): a page's do not (it is in no listing). */
export function countsInSiteTotal(article: { status: unknown; is_page?: unknown }): boolean {
  return article.status === 'published' && !toBool(article.is_page ?? false);
}

/** Moves the site total by `delta`; inside the transaction that changed the counts. */
export async function moveSiteTotal(trx: Knex.Transaction, delta: number): Promise<void> {
  if (delta === 0) return;
  await trx('counters').where({ name: SITE_COUNTER }).increment('value', delta);
  await bumpSiteVersion(trx);
}

/** Something the voorpagina shows changed (an article, a count): its cached copies are out of date. */
export async function bumpSiteVersion(trx: Conn): Promise<void> {
  await trx('counters').where({ name: SITE_VERSION }).increment('value', 1);
}

/**
 * A featured reactie is quoted on the voorpagina (featured.ts): when its text, author or status
 * changes without any count moving (an edit, a withdrawal that keeps its place), the kept copies of
 * the voorpagina are out of date too.
 */
export async function bumpSiteVersionIfFeatured(trx: Knex.Transaction, reactieId: number): Promise<void> {
  const featured = await trx('reacties').where({ id: reactieId }).whereNotNull('featured_at').first('id');
  if (featured) await bumpSiteVersion(trx);
}

/** Read on every page view: without the query builder (db/raw-get.ts). */
export async function siteVersion(db: Db): Promise<number> {
  const row = await rawGet(db, 'select value from counters where name = ?', [SITE_VERSION]);
  return Number(row?.value ?? 0);
}

/** Moves the article's count (and the site total, when it counts there) by `delta` visible reacties. */
export async function moveReactieCount(trx: Knex.Transaction, articleId: number, delta: number): Promise<void> {
  if (delta === 0) return;
  await trx('articles').where({ id: articleId }).increment('reactie_count', delta);
  const article = await trx('articles').where({ id: articleId }).first('status', 'is_page');
  if (article && countsInSiteTotal(article)) await moveSiteTotal(trx, delta);
  else await bumpSiteVersion(trx);
}

export async function siteReactieTotal(db: Db): Promise<number> {
  const row = await db('counters').where({ name: SITE_COUNTER }).first('value');
  return Number(row?.value ?? 0);
}

/** Rebuilds every counter from the reacties themselves (npm run recount), in one transaction. */
export async function recountAll(db: Db, onProgress?: (done: number, total: number) => void): Promise<RecountResult> {
  return db.transaction((trx) => recountWithin(trx, onProgress));
}

export interface RecountResult {
  articles: number;
  total: number;
  /** Articles whose stored count was wrong, and whether the site total was. */
  corrected: { articles: number; total: boolean };
}

/** recountAll inside a transaction the caller holds (npm run db:copy checks its copy this way). */
export async function recountWithin(trx: Knex.Transaction, onProgress?: (done: number, total: number) => void): Promise<RecountResult> {
  const rows: Array<{ id: number; reactie_count: number }> = await trx('articles').select('id', 'reactie_count').orderBy('id');
  let wrong = 0;
  for (const [i, row] of rows.entries()) {
    const id = Number(row.id);
    await lockArticle(trx, id);
    const visible = await countVisibleReacties(trx, id);
    if (visible !== Number(row.reactie_count)) {
      wrong++;
      await trx('articles').where({ id }).update({ reactie_count: visible });
    }
    onProgress?.(i + 1, rows.length);
  }
  const total = Number((await trx('articles').where({ status: 'published', is_page: false }).sum({ n: 'reactie_count' }).first())?.n ?? 0);
  const stored = await trx('counters').where({ name: SITE_COUNTER }).first('value');
  await trx('counters').insert({ name: SITE_COUNTER, value: total }).onConflict('name').merge(['value']);
  await bumpSiteVersion(trx);
  return { articles: rows.length, total, corrected: { articles: wrong, total: Number(stored?.value ?? -1) !== total } };
}
