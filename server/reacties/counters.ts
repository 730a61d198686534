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
//
// Striped on PostgreSQL (issue 26): every visible post moved the site total and the site version,
// one row each that every post then held locked until its commit, so all posts on all articles
// waited in one line. A counter is now its own row (`reacties_visible`) plus slot rows
// (`reacties_visible/0` … `/31`), and its value is their sum: a change of an article's reacties
// moves the slot of its article id, so posts on different articles seldom meet on a row. Every
// change is an exact increment in the transaction that makes it, so the sum stays exact; reading it
// is one query over a few dozen rows. SQLite has one writer anyway: it keeps to the one row.
import type { Knex } from 'knex';
import { isPostgres, type Db } from '../db/knex';
import { rawGet } from '../db/raw-get';
import { toBool } from '../db/rows';

const SITE_COUNTER = 'reacties_visible';
// Moves whenever something the voorpagina shows changes; the page cache keys on it.
const SITE_VERSION = 'site_version';
const SLOTS = 32;

type Conn = Db | Knex.Transaction;

// When this process last moved the site version (inside a transaction, committed or about to be).
// The voorpagina's version in memory (site-version.ts) hears every change by notification, a moment
// after its commit; for a while after a change of its own the process reads the version instead, so
// an editor or resident who changed something sees it on the next page of the same server at once.
let movedAt = 0;
const moved = () => {
  movedAt = Date.now();
};
/** Milliseconds since this process last moved the site version. */
export const sinceSiteVersionMoved = (): number => Date.now() - movedAt;

/** The row a change on this article moves: on PostgreSQL the article's slot, on SQLite the counter's own row. */
function slotOf(conn: Conn, counter: string, articleId: number | null): string {
  return isPostgres(conn) && articleId !== null ? `${counter}/${articleId % SLOTS}` : counter;
}

/** A counter's rows: its own and its slots. */
const rowsOf = (conn: Conn, counter: string) => conn('counters').where({ name: counter }).orWhere('name', 'like', `${counter}/%`);
/** The same sum for the page-view read of the site version (siteVersion: raw, without the query builder). */
const SUM_SQL = 'select coalesce(sum(value), 0) as value from counters where name = ? or name like ?';

/**
 * The site total as a column of another statement (`site_total`), so what that statement reads and the total come
 * from one snapshot: two statements could pair an article's count from before a change with the total after it.
 */
export const siteTotalColumn = (conn: Conn): Knex.Raw => conn.raw(`(${SUM_SQL}) as site_total`, [SITE_COUNTER, `${SITE_COUNTER}/%`]);

/** A counter's value: its own row and its slots, summed. */
async function counterValue(conn: Conn, counter: string): Promise<number> {
  const row = await rowsOf(conn, counter).sum({ value: 'value' }).first();
  return Number(row?.value ?? 0);
}

/** Adds to counters' rows (made when missing): one statement, whatever the rows. */
const UPSERT_SQL = (n: number) =>
  `insert into counters (name, value) values ${Array(n).fill('(?, ?)').join(', ')}
   on conflict (name) do update set value = counters.value + excluded.value`;

async function addTo(conn: Conn, moves: Array<[name: string, by: number]>): Promise<void> {
  await conn.raw(UPSERT_SQL(moves.length), moves.flat());
}

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

/**
 * Moves the site total by `delta` (and the site version with it), inside the transaction that
 * changed the counts; on the slot of `articleId` when it is the change of one article.
 */
export async function moveSiteTotal(trx: Knex.Transaction, delta: number, articleId: number | null = null): Promise<void> {
  if (delta === 0) return;
  await addTo(trx, [
    [slotOf(trx, SITE_COUNTER, articleId), delta],
    [slotOf(trx, SITE_VERSION, articleId), 1],
  ]);
  moved();
}

/** Something the voorpagina shows changed (an article, a count): its cached copies are out of date. */
export async function bumpSiteVersion(trx: Conn): Promise<void> {
  await trx('counters').where({ name: SITE_VERSION }).increment('value', 1);
  moved();
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

/** Read on every page view: without the query builder (db/raw-get.ts). Only ever moves up: a sum of increments. */
export async function siteVersion(db: Db): Promise<number> {
  const row = await rawGet(db, SUM_SQL, [SITE_VERSION, `${SITE_VERSION}/%`]);
  return Number(row?.value ?? 0);
}

/** The site version's rows (its own and its slots) with their values: each only ever moves up. */
export async function siteVersionRows(db: Db): Promise<Map<string, number>> {
  const rows: Array<{ name: string; value: unknown }> = await rowsOf(db, SITE_VERSION).select('name', 'value');
  return new Map(rows.map((row) => [row.name, Number(row.value)]));
}

// PostgreSQL: the article's count, and the site total and version on the article's slots, in one
// statement (one round trip while the article is locked). The site total moves only for an article
// that counts there: countsInSiteTotal, said in SQL.
const MOVE_COUNT_PG = (bumpVersion: boolean) => `with moved as (
    update articles set reactie_count = reactie_count + ?${bumpVersion ? ', version = version + 1' : ''} where id = ? returning status, is_page
  )
  insert into counters (name, value)
    select ?::text, ?::integer from moved where status = 'published' and not is_page
    union all select ?::text, 1 from moved
  on conflict (name) do update set value = counters.value + excluded.value`;

/** PostgreSQL's one statement that moves an article's count by `delta` (taking its lock when `lock`). */
const moveCountPg = (conn: Conn, articleId: number, delta: number, lock: boolean): Knex.Raw =>
  conn.raw(MOVE_COUNT_PG(lock), [delta, articleId, slotOf(conn, SITE_COUNTER, articleId), delta, slotOf(conn, SITE_VERSION, articleId)]);

/**
 * PostgreSQL's statement of moveReactieCount for a new visible reactie (delta 1, taking the lock), to
 * run with others as one transaction (db/pg-batch.ts); `done` is called once that committed.
 */
export function countNewVisibleStatement(db: Db, articleId: number): { text: string; values: readonly unknown[]; done: () => void } {
  const native = moveCountPg(db, articleId, 1, true).toSQL().toNative();
  return { text: native.sql, values: native.bindings, done: moved };
}

/**
 * Moves the article's count (and the site total, when it counts there) by `delta` visible reacties.
 * `lock`: the article is not locked yet, and this statement takes the lock (lockArticle's version
 * move included), so a caller that knows its delta before it needs the lock holds it one round trip less.
 */
export async function moveReactieCount(trx: Knex.Transaction, articleId: number, delta: number, lock = false): Promise<void> {
  if (delta === 0) {
    if (lock) await lockArticle(trx, articleId);
    return;
  }
  if (isPostgres(trx)) {
    await moveCountPg(trx, articleId, delta, lock);
    moved();
    return;
  }
  const version = lock ? ', version = version + 1' : '';
  const result: unknown = await trx.raw(
    `update articles set reactie_count = reactie_count + ?${version} where id = ? returning status, is_page`,
    [delta, articleId],
  );
  const article = (result as Array<{ status: unknown; is_page: unknown }>)[0];
  if (article && countsInSiteTotal(article)) await moveSiteTotal(trx, delta, articleId);
  else await bumpSiteVersion(trx);
}

export async function siteReactieTotal(db: Db): Promise<number> {
  return counterValue(db, SITE_COUNTER);
}

/** Sets the site total to `total`: its own row holds it, its slots are emptied (recount, the benchmark's generator). */
export async function setSiteTotal(conn: Conn, total: number): Promise<void> {
  await conn('counters').insert({ name: SITE_COUNTER, value: total }).onConflict('name').merge(['value']);
  await conn('counters').where('name', 'like', `${SITE_COUNTER}/%`).delete();
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
  const stored = await counterValue(trx, SITE_COUNTER);
  await setSiteTotal(trx, total);
  await bumpSiteVersion(trx);
  return { articles: rows.length, total, corrected: { articles: wrong, total: stored !== total } };
}
