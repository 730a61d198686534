// How far one change moves an article's count of visible reacties (approved, under approved
// parents), read from the reactie's own neighbourhood only: its ancestors, and the part of its
// subtree that appears or disappears with it. Counting the whole article instead made a post on an
// article with 100.000 reacties read 100.000 rows. The random test in test/reacties/counters.test.ts
// holds these deltas against a count from scratch after every step.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';

type Conn = Db | Knex.Transaction;

// Ids per IN (…) list: well inside SQLite's limit on bound variables.
const CHUNK = 500;
// Imported threads may be deeper than the display depth; a cycle would be a damaged database.
const MAX_DEPTH = 1000;

/** Whether every reactie above this parent, the parent included, is approved (true at the top). */
async function chainApproved(conn: Conn, parentId: number | null): Promise<boolean> {
  let current = parentId;
  for (let depth = 0; current !== null && depth < MAX_DEPTH; depth++) {
    const row = await conn('reacties').where({ id: current }).first('parent_id', 'status');
    if (!row || row.status !== 'approved') return false;
    current = row.parent_id === null ? null : Number(row.parent_id);
  }
  return true;
}

/** How many approved reacties hang below these ones through approved reacties only (not counting them). */
async function approvedBelow(conn: Conn, ids: number[]): Promise<number> {
  let count = 0;
  let frontier = ids;
  for (let depth = 0; frontier.length && depth < MAX_DEPTH; depth++) {
    const next: number[] = [];
    for (let i = 0; i < frontier.length; i += CHUNK) {
      const rows: Array<{ id: number }> = await conn('reacties')
        .whereIn('parent_id', frontier.slice(i, i + CHUNK))
        .andWhere({ status: 'approved' })
        .select('id');
      for (const r of rows) next.push(Number(r.id));
    }
    count += next.length;
    frontier = next;
  }
  return count;
}

/** A new reactie: it counts when it is approved and everything above it is. */
export async function insertDelta(conn: Conn, reactie: { parentId: number | null; status: string }): Promise<number> {
  return reactie.status === 'approved' && (await chainApproved(conn, reactie.parentId)) ? 1 : 0;
}

/** A reactie moves from one status to another: it and what it showed below it appear or go. */
export async function statusDelta(conn: Conn, reactie: { id: number; parentId: number | null }, from: string, to: string): Promise<number> {
  const was = from === 'approved';
  const is = to === 'approved';
  if (was === is || !(await chainApproved(conn, reactie.parentId))) return 0;
  const moved = 1 + (await approvedBelow(conn, [reactie.id]));
  return is ? moved : -moved;
}

/**
 * A reactie is deleted and its replies move up to its parent (deleteReactie). Read before the
 * delete: an approved one takes only itself away; a hidden one brings back what it hid.
 */
export async function deleteDelta(conn: Conn, reactie: { id: number; parentId: number | null; status: string }): Promise<number> {
  if (!(await chainApproved(conn, reactie.parentId))) return 0;
  if (reactie.status === 'approved') return -1;
  const children: Array<{ id: number }> = await conn('reacties').where({ parent_id: reactie.id, status: 'approved' }).select('id');
  const ids = children.map((c) => Number(c.id));
  return ids.length ? ids.length + (await approvedBelow(conn, ids)) : 0;
}
