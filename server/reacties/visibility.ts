// How far one change moves an article's count of visible reacties (approved, under open
// parents), read from the reactie's own neighbourhood only: its ancestors, and the part of its
// subtree that appears or disappears with it. Counting the whole article instead made a post on an
// article with 100.000 reacties read 100.000 rows. The random test in test/reacties/counters.test.ts
// holds these deltas against a count from scratch after every step.
import type { Knex } from 'knex';
import { isPostgres, type Db } from '../db/knex';
import { whereIdIn } from '../db/id-list';
import { toDate } from '../db/rows';
import { KEPT } from '../db/pg-statements';

type Conn = Db | Knex.Transaction;

export interface ThreadRow {
  id: unknown;
  parent_id: unknown;
  status: unknown;
  removed_reason: unknown;
}

// Ids per IN (…) list: well inside SQLite's limit on bound variables.
const CHUNK = 500;
// Imported threads may be deeper than the display depth; a cycle would be a damaged database.
const MAX_DEPTH = 1000;

/**
 * A reactie is "open" when its replies can be seen through it: approved, or taken off by the
 * moderation with its place kept (removed_reason: a placeholder with the reason stands there).
 */
export function isOpen(row: { status: unknown; removed_reason?: unknown }): boolean {
  return row.status === 'approved' || (row.removed_reason !== null && row.removed_reason !== undefined);
}

/** Whether every reactie above this parent, the parent included, is open (true at the top). */
async function chainOpen(conn: Conn, parentId: number | null): Promise<boolean> {
  let current = parentId;
  for (let depth = 0; current !== null && depth < MAX_DEPTH; depth++) {
    const row = await conn('reacties').where({ id: current }).first('parent_id', 'status', 'removed_reason');
    if (!row || !isOpen(row)) return false;
    current = row.parent_id === null ? null : Number(row.parent_id);
  }
  return true;
}

/** How many approved reacties hang below these ones through open reacties only (not counting them). */
async function approvedBelow(conn: Conn, ids: number[]): Promise<number> {
  let count = 0;
  let frontier = ids;
  for (let depth = 0; frontier.length && depth < MAX_DEPTH; depth++) {
    const next: number[] = [];
    for (let i = 0; i < frontier.length; i += CHUNK) {
      const rows: Array<{ id: number; status: string }> = await conn('reacties')
        .whereIn('parent_id', frontier.slice(i, i + CHUNK))
        .andWhere((w) => w.where({ status: 'approved' }).orWhereNotNull('removed_reason'))
        .select('id', 'status');
      for (const r of rows) {
        next.push(Number(r.id));
        if (r.status === 'approved') count++;
      }
    }
    frontier = next;
  }
  return count;
}

/** A reactie's state as far as visibility goes. */
export interface Openness {
  status: string;
  removed_reason: string | null;
}

/** A new reactie: it counts when it is approved and everything above it is open. */
export async function insertDelta(conn: Conn, reactie: { parentId: number | null; status: string }): Promise<number> {
  return reactie.status === 'approved' && (await chainOpen(conn, reactie.parentId)) ? 1 : 0;
}

/**
 * A reactie changes status (and whether its place is kept): it appears or goes, and what it showed
 * below it appears or goes with it, unless its place stays open (a placeholder keeps its replies).
 */
export async function statusDelta(
  conn: Conn,
  reactie: { id: number; parentId: number | null },
  from: Openness,
  to: Openness,
): Promise<number> {
  const self = Number(to.status === 'approved') - Number(from.status === 'approved');
  const through = Number(isOpen(to)) - Number(isOpen(from));
  if ((self === 0 && through === 0) || !(await chainOpen(conn, reactie.parentId))) return 0;
  return self + (through === 0 ? 0 : through * (await approvedBelow(conn, [reactie.id])));
}

/**
 * A reactie is deleted and its replies move up to its parent (deleteReactie). Read before the
 * delete: an approved one takes only itself away; a hidden one brings back what it hid.
 */
export async function deleteDelta(conn: Conn, reactie: { id: number; parentId: number | null }): Promise<number> {
  if (!(await chainOpen(conn, reactie.parentId))) return 0;
  const row = await conn('reacties').where({ id: reactie.id }).first('status', 'removed_reason');
  if (!row) return 0;
  if (row.status === 'approved') return -1;
  // A placeholder already let its replies be seen: they stay as they are, one level up.
  if (isOpen(row)) return 0;
  const children: Array<{ id: number; status: string }> = await conn('reacties')
    .where({ parent_id: reactie.id })
    .andWhere((w) => w.where({ status: 'approved' }).orWhereNotNull('removed_reason'))
    .select('id', 'status');
  const ids = children.map((c) => Number(c.id));
  const approved = children.filter((c) => c.status === 'approved').length;
  return ids.length ? approved + (await approvedBelow(conn, ids)) : 0;
}

/**
 * A recursive CTE `up` of reacties' rows from those `start` selects up to the top of their threads:
 * for ancestorsOf, and for a caller that reads them in its own statement (the search on PostgreSQL
 * reads its candidates' ancestors with them: search/postgres-index.ts). UNION, not UNION ALL: a row
 * met twice is kept once, so a loop in parent_id (which nothing makes) would end too.
 */
export function ancestorsCte(start: string, postgres: boolean): string {
  return `up(id, parent_id, status, removed_reason) as (
        select id, parent_id, status, removed_reason from reacties
          where ${start}
        union
        select r.id, r.parent_id, r.status, r.removed_reason from up ${postgres ? 'inner' : 'cross'} join reacties as r on r.id = up.parent_id
      )`;
}

/** These reacties and all above them. */
function ancestorsOf(db: Db, ids: number[]): Promise<ThreadRow[]> {
  const postgres = isPostgres(db);
  return db
    .raw(
      `with recursive ${ancestorsCte(postgres ? 'id = any(?::bigint[])' : 'id in (select value from json_each(?))', postgres)}
      select id, parent_id, status, removed_reason from up`,
      [postgres ? ids : JSON.stringify(ids)],
    )
    .options(KEPT)
    .then((result: { rows?: ThreadRow[] } | ThreadRow[]) => (Array.isArray(result) ? result : (result.rows ?? [])));
}

/**
 * Of these reacties, the ones a thread shows (every reactie above them open, isOpen), with when
 * each was written: their rows, then shownOf. (The search reads its candidates' rows in the
 * statement that finds them, with what it takes for a resident to find them, and asks shownOf.)
 */
export async function shownAmong(db: Db, ids: number[]): Promise<Array<{ id: number; createdAt: Date }>> {
  if (!ids.length) return [];
  // NOT INDEXED: SQLite looks the reacties up by id (without statistics it has walked an index on
  // status through every approved reactie instead).
  const table = db.from(db.raw(isPostgres(db) ? 'reacties as r' : 'reacties as r not indexed'));
  const rows: ShownCandidate[] = await whereIdIn(db, table, 'r.id', ids).select(
    'r.id',
    'r.parent_id',
    'r.status',
    'r.removed_reason',
    'r.created_at',
  );
  return shownOf(db, rows);
}

/** A reactie as read for shownOf: its own row's id, parent, state and when it was written. */
export interface ShownCandidate extends ThreadRow {
  created_at: unknown;
}

/**
 * Of these reactie rows, already read (by shownAmong, or by the search in the statement that
 * found them), the ones a thread shows: every reactie above them open (isOpen). Their ancestors
 * are read in one recursive statement for all of them together (ancestorsOf).
 */
export async function shownOf(
  db: Db,
  rows: ShownCandidate[],
  ancestors: ThreadRow[] = [],
): Promise<Array<{ id: number; createdAt: Date }>> {
  // What is known of each reactie on the way up: the ones asked for first (a candidate is often
  // another one's parent), the ancestors the caller read with them (ancestorsCte), then each
  // ancestor once, however many of them share it.
  const known = new Map<number, ThreadRow>(rows.map((r) => [Number(r.id), r]));
  for (const row of ancestors) if (!known.has(Number(row.id))) known.set(Number(row.id), row);
  const hidden = new Set<number>();
  // reactie id → the ancestor to look at next
  let next = new Map<number, number>();
  for (const r of rows) if (r.parent_id !== null && r.parent_id !== undefined) next.set(Number(r.id), Number(r.parent_id));
  // Every ancestor up to the top in one statement (a round trip per generation before); the
  // generations below then find them known.
  const parents = [...new Set(next.values())].filter((id) => !known.has(id));
  if (parents.length) for (const row of await ancestorsOf(db, parents)) if (!known.has(Number(row.id))) known.set(Number(row.id), row);
  for (let depth = 0; next.size && depth < MAX_DEPTH; depth++) {
    const wanted = [...new Set(next.values())].filter((id) => !known.has(id));
    if (wanted.length) {
      const part: ThreadRow[] = await whereIdIn(db, db('reacties'), 'id', wanted).select('id', 'parent_id', 'status', 'removed_reason');
      for (const row of part) known.set(Number(row.id), row);
    }
    const further = new Map<number, number>();
    for (const [child, ancestor] of next) {
      const row = known.get(ancestor);
      if (!row) continue;
      if (!isOpen(row)) hidden.add(child);
      else if (row.parent_id !== null && row.parent_id !== undefined) further.set(child, Number(row.parent_id));
    }
    next = further;
  }
  return rows.filter((r) => !hidden.has(Number(r.id))).map((r) => ({ id: Number(r.id), createdAt: toDate(r.created_at) }));
}
