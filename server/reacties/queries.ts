// Reacties rows: reading them for the thread and changing their status with the counters kept right.
import type { Knex } from 'knex';
import { isPostgres, type Db } from '../db/knex';
import { runAsOneTransaction, type BatchStatement } from '../db/pg-batch';
import { KEPT } from '../db/pg-statements';
import { toDate, toDateOrNull } from '../db/rows';
import { emailKey } from '../shared/email';
import { ruleInForceSelect, ruleOfRow, ruleShapedColumns, type AddressRule } from '../addresses/rules';
import type { StoredVerdict } from '../spam/verdict-columns';
import { bumpSiteVersionIfFeatured, countNewVisibleStatement, lockArticle, moveReactieCount } from './counters';
import { heldBecauseColumn, type HeldBecause } from './held-because';
import { reactieBodyHtml } from './html';
import { PAGE_FILLING_STATUSES, PAGE_FOR_NEW_THREAD_SQL, pageForNewThread } from './paging';
import { deleteDelta, insertDelta, statusDelta } from './visibility';

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
export type PublicReactie = Pick<
  Reactie,
  'id' | 'articleId' | 'parentId' | 'authorName' | 'authorUrl' | 'body' | 'status' | 'createdAt'
> & {
  /** The text as HTML, made when it was stored (html.ts). */
  bodyHtml: string;
  /** The page of the article's reacties this reactie's thread is on (paging.ts). */
  threadPage: number;
  /** Taken off by the moderation with its place kept: the reason the placeholder names; else null. */
  removedReason: string | null;
  /** Hidden by readers' reports, waiting for a moderator. */
  removedByReports: boolean;
  /** When its author last changed the shown text ("bewerkt om …"); null when never. */
  editedAt: Date | null;
  /** Withdrawn by its author but kept as a placeholder, because replies hang below it (edit.ts). */
  withdrawn: boolean;
  /** An official reply: the role it was written for ("de redactie"); null for a resident's reactie. */
  officialAs: string | null;
  /** How many readers appreciated it (waardering.ts). */
  waarderingen: number;
  /** Featured by the editors ("Uitgelicht door de redactie", featured.ts). */
  featured: boolean;
};

type Conn = Db | Knex.Transaction;
type Row = Record<string, unknown>;

export function isReactieStatus(value: unknown): value is ReactieStatus {
  return typeof value === 'string' && (REACTIE_STATUSES as readonly string[]).includes(value);
}

/** The fields a public page may show, from a row that has at least PUBLIC_COLUMNS. */
export function toPublicReactie(row: Row): PublicReactie {
  return {
    id: Number(row.id),
    articleId: Number(row.article_id),
    parentId: row.parent_id === null || row.parent_id === undefined ? null : Number(row.parent_id),
    authorName: String(row.author_name),
    authorUrl: (row.author_url as string | null) ?? null,
    body: String(row.body),
    // Rows stored before body_html existed are made on the fly until `npm run recount` fills them.
    bodyHtml: typeof row.body_html === 'string' ? row.body_html : reactieBodyHtml(String(row.body)),
    status: row.status as ReactieStatus,
    createdAt: toDate(row.created_at),
    threadPage: Number(row.thread_page ?? 1),
    removedReason: row.status !== 'approved' && typeof row.removed_reason === 'string' ? row.removed_reason : null,
    removedByReports: row.removed_by_reports === true || row.removed_by_reports === 1,
    editedAt: toDateOrNull(row.edited_at),
    withdrawn: row.withdrawn_at !== null && row.withdrawn_at !== undefined,
    officialAs: typeof row.official_as === 'string' && row.official_as !== '' ? row.official_as : null,
    waarderingen: Number(row.waarderingen ?? 0),
    featured: row.featured_at !== null && row.featured_at !== undefined,
  };
}

export const PUBLIC_COLUMNS = [
  'id',
  'article_id',
  'parent_id',
  'author_name',
  'author_url',
  'body',
  'body_html',
  'status',
  'created_at',
  'thread_page',
  'removed_reason',
  'removed_by_reports',
  'edited_at',
  'withdrawn_at',
  'official_as',
  'waarderingen',
  'featured_at',
];

export function toReactie(row: Row): Reactie {
  return toReactieWith(row, toPublicReactie(row));
}

/** A Reactie from a row whose public fields the caller made already (the queue shows both), not made twice. */
export function toReactieWith(row: Row, pub: PublicReactie): Reactie {
  return {
    ...pub,
    authorEmail: String(row.author_email),
    previousStatus: isReactieStatus(row.previous_status) ? row.previous_status : null,
    ip: (row.ip as string | null) ?? null,
    userAgent: (row.user_agent as string | null) ?? null,
    statusChangedAt: toDate(row.status_changed_at),
  };
}

/**
 * One page of an article's discussion: its approved reacties, plus the given ids (the reader's own
 * held reacties), oldest first. A reactie the filter marked as spam shows to its own author like a
 * held one: a resident caught by mistake sees it wait for a moderator, and a spammer learns nothing.
 */
export async function listThreadReacties(db: Db, articleId: number, pages: number[], ownIds: number[]): Promise<PublicReactie[]> {
  const rows = await db('reacties')
    .select(PUBLIC_COLUMNS)
    .where({ article_id: articleId })
    .whereIn('thread_page', pages)
    .andWhere((q) => {
      // Placeholders too: a reactie the moderation removed keeps its place, so its replies keep their context.
      q.where({ status: 'approved' }).orWhereNotNull('removed_reason');
      if (ownIds.length) q.orWhere((own) => own.whereIn('id', ownIds).whereIn('status', ['pending', 'spam']));
    })
    .orderBy([
      { column: 'created_at', order: 'asc' },
      { column: 'id', order: 'asc' },
    ]);
  return rows.map(toPublicReactie).map(withoutRemovedText);
}

// A placeholder shows only the reason: never the removed text, name or website, not even to its author.
function withoutRemovedText(r: PublicReactie): PublicReactie {
  return r.removedReason ? { ...r, authorName: '', authorUrl: null, body: '', bodyHtml: '' } : r;
}

/** These reacties of the article as a thread shows them (approved, or a placeholder); others are left out. */
export async function publicReactiesByIds(db: Db, articleId: number, ids: number[]): Promise<PublicReactie[]> {
  if (!ids.length) return [];
  const rows = await db('reacties')
    .select(PUBLIC_COLUMNS)
    .where({ article_id: articleId })
    .whereIn('id', ids)
    .andWhere((q) => q.where({ status: 'approved' }).orWhereNotNull('removed_reason'));
  return rows.map(toPublicReactie).map(withoutRemovedText);
}

/** Where a public link to a reactie leads: its article and page; null when it is not (or no longer) shown. */
export async function publicReactiePlace(db: Db, id: number, ownIds: number[]): Promise<{ articleId: number; threadPage: number } | null> {
  const row = await db('reacties').where({ id }).first('article_id', 'thread_page', 'status');
  if (!row) return null;
  const shown = row.status === 'approved' || (ownIds.includes(id) && (row.status === 'pending' || row.status === 'spam'));
  return shown ? { articleId: Number(row.article_id), threadPage: Number(row.thread_page) } : null;
}

/** The page of the discussion a reactie is on. */
export async function threadPageOf(db: Db, id: number): Promise<number> {
  const row = await db('reacties').where({ id }).first('thread_page');
  return Number(row?.thread_page ?? 1);
}

/**
 * Locks the article (lockArticle) and says which page a new reactie goes on: its parent's, or for a
 * new thread the last page while it has room. On SQLite a new thread's page is read in the lock's
 * own statement: the transaction holds the one write lock from its BEGIN IMMEDIATE, so nothing
 * changes in between, and each statement saved counts on the one connection. PostgreSQL reads it
 * after the lock is held (a statement's subqueries see the snapshot from before it waited for it).
 */
async function lockForNewReactie(trx: Knex.Transaction, articleId: number, parentId: number | null): Promise<number> {
  if (parentId === null && !isPostgres(trx)) {
    const result: unknown = await trx.raw(`update articles set version = version + 1 where id = ? returning ${LAST_PAGE_FILL}`, [
      articleId,
      ...lastPageBindings(articleId),
    ]);
    return pageForNewThread(lastPageFrom(rowsOf(result)[0]));
  }
  await lockArticle(trx, articleId);
  if (parentId !== null) {
    const parent = await trx('reacties').where({ id: parentId }).first('thread_page');
    if (parent) return Number(parent.thread_page);
  }
  return pageForNewThread(await lastPageFill(trx, articleId));
}

// The last page of an article's discussion and the reacties filling it, as two columns of one row;
// all on the (article_id, thread_page) index.
const LAST_PAGE_FILL = `(select max(thread_page) from reacties where article_id = ?) as page,
  (select count(*) from reacties where article_id = ? and thread_page = (select max(thread_page) from reacties where article_id = ?)
     and status in (${PAGE_FILLING_STATUSES.map(() => '?').join(', ')})) as filled`;
const lastPageBindings = (articleId: number) => [articleId, articleId, articleId, ...PAGE_FILLING_STATUSES];

function rowsOf(result: unknown): Array<Record<string, unknown>> {
  // SQLite answers the rows, PostgreSQL a result with them.
  return Array.isArray(result) ? (result as Array<Record<string, unknown>>) : (result as { rows: Array<Record<string, unknown>> }).rows;
}

function lastPageFrom(row: Record<string, unknown> | undefined): { page: number; filled: number } | null {
  if (row?.page === null || row?.page === undefined) return null;
  return { page: Number(row.page), filled: Number(row.filled ?? 0) };
}

/** The last page of an article's discussion and how many reacties fill it; null when it has none. */
export async function lastPageFill(conn: Conn, articleId: number): Promise<{ page: number; filled: number } | null> {
  const result: unknown = await conn.raw(`select ${LAST_PAGE_FILL}`, lastPageBindings(articleId));
  return lastPageFrom(rowsOf(result)[0]);
}

export async function findReactie(conn: Conn, id: number): Promise<Reactie | null> {
  const row = await conn('reacties').where({ id }).first();
  return row ? toReactie(row) : null;
}

/**
 * Locks the reactie's article and reads the reactie again under that lock; null when it is gone.
 * Every change of a reactie goes through here first: what the caller read before (a queue page,
 * a job's batch) may be stale, so it decides on this fresh copy (compare-and-set). The article id
 * never changes, so reading it before the lock is safe.
 */
export async function lockReactie(trx: Knex.Transaction, id: number): Promise<Reactie | null> {
  const row = await trx('reacties').where({ id }).first('article_id');
  if (!row) return null;
  await lockArticle(trx, Number(row.article_id));
  return findReactie(trx, id);
}

export interface ChainLink {
  id: number;
  articleId: number;
  parentId: number | null;
  status: ReactieStatus;
  /** Removed with its place kept: its replies are shown under its placeholder. */
  placeholder: boolean;
}

// A thread is at most MAX_THREAD_DEPTH deep when posted here; imported threads may be deeper.
const MAX_CHAIN = 1000;

/** A reactie and its ancestors, nearest first: [reactie, parent, grandparent, …]. */
export async function ancestorChain(conn: Conn, id: number): Promise<ChainLink[]> {
  const chain: ChainLink[] = [];
  const seen = new Set<number>();
  let current: number | null = id;
  while (current !== null && !seen.has(current) && chain.length < MAX_CHAIN) {
    seen.add(current);
    const row = await conn('reacties').where({ id: current }).first('id', 'article_id', 'parent_id', 'status', 'removed_reason');
    if (!row) break;
    const link: ChainLink = {
      id: Number(row.id),
      articleId: Number(row.article_id),
      parentId: row.parent_id === null ? null : Number(row.parent_id),
      status: row.status as ReactieStatus,
      placeholder: row.status !== 'approved' && row.removed_reason !== null && row.removed_reason !== undefined,
    };
    chain.push(link);
    current = link.parentId;
  }
  return chain;
}

export interface NewReactie extends Pick<
  Reactie,
  'articleId' | 'parentId' | 'authorName' | 'authorEmail' | 'authorUrl' | 'body' | 'status' | 'ip' | 'userAgent'
> {
  /** Makes a double click post one reactie: see post.ts. */
  submissionKey?: string | null;
  /** Why the spam filter let it in, held or caught it; none for imported or seeded reacties. */
  verdict?: StoredVerdict | null;
  /** An official reply: the role a staff member wrote it for (official.ts). */
  officialAs?: string | null;
  /** Why the moderation policy held it, as it was at that moment (held-because.ts). */
  heldBecause?: HeldBecause | null;
}

function verdictColumns(v: StoredVerdict | null | undefined): Record<string, unknown> {
  if (!v) return {};
  return {
    spam_checks: JSON.stringify(v.checks),
    spam_score: v.checks.score ?? null,
    akismet_result: v.akismet?.verdict ?? null,
    akismet_guid: v.akismet?.guid ?? null,
    akismet_response: v.akismet ? JSON.stringify(v.akismet) : null,
    akismet_payload: v.akismetPayload ? JSON.stringify(v.akismetPayload) : null,
    recheck_needed: v.recheckAt !== null,
    recheck_attempts: 0,
    recheck_next_at: v.recheckAt,
  };
}

export async function insertReactie(trx: Knex.Transaction, input: NewReactie, now: Date): Promise<number> {
  return (await insertReactieOnPage(trx, input, now)).id;
}

/**
 * Stores a new reactie on its page of the discussion. One that no public page shows yet (held,
 * spam) moves no counter and no page version, so it is one INSERT that finds its page itself: on
 * SQLite a statement runs under the one write lock, so two at once still page right, and a post
 * takes one trip to the writer instead of four (BEGIN, lock, insert, COMMIT); PostgreSQL locks the
 * article's row first (without moving its version). A reactie that shows at once locks its article
 * in a transaction.
 */
export async function storeReactie(db: Db, input: NewReactie, now: Date): Promise<{ id: number; page: number }> {
  if (isPostgres(db) && input.parentId === null && input.status === 'approved') {
    // A new visible thread on PostgreSQL: it counts one, known before any lock. The article's lock,
    // its count and the site total's slots are one statement; the INSERT after it reads the page
    // with the lock held (a statement of its own: a snapshot taken after the lock). Both go out as
    // one transaction in one round trip (db/pg-batch.ts) instead of four (BEGIN, count, insert, COMMIT).
    const count = countNewVisibleStatement(db, input.articleId);
    const stored = await lockedInsert(db, count, input, now);
    count.done();
    return stored;
  }
  if (input.status === 'approved') return db.transaction((trx) => insertReactieOnPage(trx, input, now));
  if (!isPostgres(db)) return insertFindingPage(db, input, now);
  // PostgreSQL: the article's row lock keeps two new threads at once from both taking the last place
  // on a page; the INSERT after it reads the page with the lock held. The version stays: no public
  // page changes. Lock and insert as one transaction in one round trip (db/pg-batch.ts), not four.
  return lockedInsert(db, { text: 'select id from articles where id = $1 for no key update', values: [input.articleId] }, input, now);
}

/** On PostgreSQL: `lock` (a statement that locks the article's row), then the INSERT, as one transaction in one round trip. */
async function lockedInsert(db: Db, lock: BatchStatement, input: NewReactie, now: Date): Promise<{ id: number; page: number }> {
  const insert = insertFindingPageSql(db, input, now).toSQL().toNative();
  const [, [row]] = await runAsOneTransaction(db, [lock, { text: insert.sql, values: insert.bindings }]);
  return { id: Number(row.id), page: Number(row.thread_page) };
}

/** The INSERT of insertFindingPage as a builder, not run: its id and page are returned. */
function insertFindingPageSql(conn: Db | Knex.Transaction, input: NewReactie, now: Date) {
  const page =
    input.parentId === null
      ? conn.raw(`(select ${PAGE_FOR_NEW_THREAD_SQL} from (select ${LAST_PAGE_FILL}) as fill)`, lastPageBindings(input.articleId))
      : conn.raw('coalesce((select thread_page from reacties where id = ?), 1)', [input.parentId]);
  return conn('reacties')
    .insert(reactieRow(input, now, page))
    .returning(['id', 'thread_page']);
}

/** One INSERT that finds the reactie's page itself: its parent's, or for a new thread the last page while it has room. */
async function insertFindingPage(conn: Db | Knex.Transaction, input: NewReactie, now: Date): Promise<{ id: number; page: number }> {
  const [row] = await insertFindingPageSql(conn, input, now).options(KEPT);
  return { id: Number(row.id), page: Number(row.thread_page) };
}

/** insertReactie, also saying which page of the discussion the reactie went on. */
async function insertReactieOnPage(trx: Knex.Transaction, input: NewReactie, now: Date): Promise<{ id: number; page: number }> {
  if (input.status === 'approved' && input.parentId === null && isPostgres(trx)) {
    // A new visible thread on PostgreSQL: it counts one, known before any lock. The article's lock,
    // its count and the site total's slots are one statement; the INSERT after it reads the page
    // with the lock held (a new statement, a new snapshot). Two round trips under the lock, not six.
    await moveReactieCount(trx, input.articleId, 1, true);
    return insertFindingPage(trx, input, now);
  }
  const page = await lockForNewReactie(trx, input.articleId, input.parentId);
  const [row] = await trx('reacties')
    .insert(reactieRow(input, now, page))
    .returning('id');
  await moveReactieCount(trx, input.articleId, await insertDelta(trx, input));
  return { id: Number(typeof row === 'object' ? row.id : row), page };
}

/** The row of a new reactie, on `page` (a number, or SQL that finds it). */
function reactieRow(input: NewReactie, now: Date, page: number | Knex.Raw) {
  return {
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
    submission_key: input.submissionKey ?? null,
    body_html: reactieBodyHtml(input.body),
    thread_page: page,
    official_as: input.officialAs ?? null,
    held_because: heldBecauseColumn(input.heldBecause),
    ...verdictColumns(input.verdict),
  };
}

/** Stores the HTML of reacties written before it was kept (pages make it on the fly until then). */
export async function fillMissingBodyHtml(db: Db): Promise<number> {
  let filled = 0;
  for (;;) {
    const rows: Array<{ id: number; body: string }> = await db('reacties')
      .whereNull('body_html')
      .orderBy('id')
      .limit(500)
      .select('id', 'body');
    if (!rows.length) return filled;
    await db.transaction(async (trx) => {
      for (const r of rows)
        await trx('reacties')
          .where({ id: r.id })
          .update({ body_html: reactieBodyHtml(String(r.body)) });
    });
    filled += rows.length;
  }
}

/** A reactie changed under the caller's feet: it was not read under lockReactie. */
class StaleReactieError extends Error {}

/**
 * Moves a reactie to another status; trash remembers where it came from, so restore can go back.
 * `reactie` must be the copy lockReactie returned: the update only applies to the status read.
 */
export async function setReactieStatus(
  trx: Knex.Transaction,
  reactie: Reactie,
  status: ReactieStatus,
  now: Date,
  /** Taken off the page by the moderation (or readers' reports), keeping its place with this reason. */
  removal?: { reason: string; byReports?: boolean },
): Promise<void> {
  await lockArticle(trx, reactie.articleId);
  await bumpSiteVersionIfFeatured(trx, reactie.id);
  const current = await trx('reacties').where({ id: reactie.id }).first('removed_reason', 'removed_by_reports');
  // Approved again: no placeholder. Otherwise a new removal sets it; any other move keeps it.
  const reason: string | null = status === 'approved' ? null : removal ? removal.reason : (current?.removed_reason ?? null);
  const byReports = reason !== null && (removal ? removal.byReports === true : Boolean(current?.removed_by_reports));
  const n = await trx('reacties')
    .where({ id: reactie.id, status: reactie.status })
    .update({
      status,
      previous_status: status === 'trash' ? reactie.status : null,
      status_changed_at: now,
      removed_reason: reason,
      removed_by_reports: byReports,
    });
  if (n !== 1) throw new StaleReactieError(`reactie ${reactie.id} is no longer ${reactie.status}`);
  const from = { status: reactie.status, removed_reason: (current?.removed_reason as string | null) ?? null };
  await moveReactieCount(trx, reactie.articleId, await statusDelta(trx, reactie, from, { status, removed_reason: reason }));
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
  await bumpSiteVersionIfFeatured(trx, reactie.id);
  const delta = await deleteDelta(trx, reactie);
  await trx('reacties').where({ parent_id: reactie.id }).update({ parent_id: reactie.parentId });
  await trx('reacties').where({ id: reactie.id }).delete();
  await moveReactieCount(trx, reactie.articleId, delta);
}

/** A moderator's correction of what a resident wrote. */
export async function updateReactieText(
  trx: Knex.Transaction,
  id: number,
  changes: { authorName: string; authorUrl: string | null; body: string },
): Promise<void> {
  await bumpSiteVersionIfFeatured(trx, id);
  await trx('reacties')
    .where({ id })
    .update({
      author_name: changes.authorName,
      author_url: changes.authorUrl,
      body: changes.body,
      body_html: reactieBodyHtml(changes.body),
    });
}

/** A human decided: no background recheck may change the reactie afterwards. */
export async function endRecheck(trx: Knex.Transaction, id: number): Promise<void> {
  await trx('reacties').where({ id }).update({ recheck_needed: false, recheck_claimed_until: null });
}

/** The reactie an earlier click or send with the same key made (a double click posts once). */
export async function findBySubmissionKey(conn: Conn, key: string): Promise<{ id: number; status: ReactieStatus } | null> {
  const row = await conn('reacties').where({ submission_key: key }).first('id', 'status').options(KEPT);
  return row ? { id: Number(row.id), status: row.status } : null;
}

/**
 * What a post asks before anything else, in one statement: the reactie an earlier send of the same
 * form stored (findBySubmissionKey), and the moderator's rule in force for the sender's address
 * (addresses/rules.ts; none for an empty key).
 */
export async function repeatAndRule(
  conn: Conn,
  key: string,
  addressKey: string,
  now: Date,
): Promise<{ repeated: { id: number; status: ReactieStatus } | null; rule: AddressRule | null }> {
  // Each part a lookup on its unique index (at most one row each), told apart by `kind`.
  const result: unknown = await conn
    .raw(
      `${ruleInForceSelect("'rule' as kind, null as repeated_status")}
        union all select ${ruleShapedColumns("'repeat', status", 'id')} from reacties where submission_key = ?`,
      [addressKey, now, key],
    )
    .options(KEPT);
  let repeated: { id: number; status: ReactieStatus } | null = null;
  let rule: AddressRule | null = null;
  for (const row of rowsOf(result)) {
    if (row.kind === 'repeat') repeated = { id: Number(row.id), status: row.repeated_status as ReactieStatus };
    else if (addressKey !== '') rule = ruleOfRow(row);
  }
  return { repeated, rule };
}

export async function findStatus(conn: Conn, id: number): Promise<{ id: number; status: ReactieStatus } | null> {
  const row = await conn('reacties').where({ id }).first('id', 'status');
  return row ? { id: Number(row.id), status: row.status } : null;
}

export async function countPending(conn: Conn): Promise<number> {
  return Number((await conn('reacties').where({ status: 'pending' }).count({ n: '*' }).first())?.n ?? 0);
}

/** Every reactie of an article, any status, oldest first (parents before their replies): for an export. */
export async function listAllReactiesOfArticle(conn: Conn, articleId: number): Promise<Reactie[]> {
  const rows = await conn('reacties').where({ article_id: articleId }).orderBy('id');
  return rows.map(toReactie);
}
