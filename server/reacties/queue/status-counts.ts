// The site-wide number of reacties per status, for the moderation queue's tabs: the sum of the rows
// the triggers of migration 20261206190000 add to reactie_status_deltas, which housekeeping folds
// into one row per status every minute, so a count reads a handful of rows at any size.
import type { Knex } from 'knex';
import type { Db } from '../../db/knex';
import { isReactieStatus, REACTIE_STATUSES, type ReactieStatus } from '../queries';

/** More rows than this since the last fold (a bulk import on SQLite adds one per reactie): fold before summing. */
const FOLD_FIRST_ABOVE = 2000;

export async function siteStatusCounts(db: Db): Promise<Record<ReactieStatus, number>> {
  return (await siteStatusCountsWith(db, null)).counts;
}

/**
 * The counts, and in the same round trip one more count the caller gives (a statement selecting one
 * column `n`; the queue's reported reacties): a row of its own beside the sums, under status ''.
 */
export async function siteStatusCountsWith(
  db: Db,
  other: Knex.QueryBuilder | null,
): Promise<{ counts: Record<ReactieStatus, number>; other: number }> {
  // One round trip: the sums and how many rows they took (a handful, housekeeping folds every minute).
  const sums = async (): Promise<Array<{ status: string; n: number | string | null; k: number | string }>> => {
    const grouped = db('reactie_status_deltas').select('status').sum({ n: 'delta' }).count({ k: '*' }).groupBy('status');
    // Not wrapped in parentheses: SQLite has no parenthesised parts of a union.
    const rows: unknown = await (other
      ? db.queryBuilder().unionAll([grouped, db.select(db.raw("'' as status"), { n: other }, db.raw('0 as k'))])
      : grouped);
    return rows as Array<{ status: string; n: number | string | null; k: number | string }>;
  };
  let rows = await sums();
  if (rows.reduce((s, r) => s + Number(r.k), 0) > FOLD_FIRST_ABOVE) {
    await foldStatusDeltas(db);
    rows = await sums();
  }
  const counts = Object.fromEntries(REACTIE_STATUSES.map((s) => [s, 0])) as Record<ReactieStatus, number>;
  for (const row of rows) if (isReactieStatus(row.status)) counts[row.status] = Number(row.n ?? 0);
  return { counts, other: Number(rows.find((r) => r.status === '')?.n ?? 0) };
}

/** Folds the delta rows into one row per status. */
export async function foldStatusDeltas(db: Db): Promise<void> {
  if (db.client.config.client === 'pg') {
    // One statement: only rows committed before it are folded; rows committing meanwhile stay for the next time.
    await db.raw(`with gone as (delete from reactie_status_deltas returning status, delta)
      insert into reactie_status_deltas (status, delta) select status, sum(delta) from gone group by status`);
    return;
  }
  // SQLite has one writer: the transaction sees every row it folds.
  await db.transaction(async (trx) => {
    const rows: Array<{ status: string; n: number | string; k: number | string }> = await trx('reactie_status_deltas')
      .select('status')
      .sum({ n: 'delta' })
      .count({ k: '*' })
      .groupBy('status');
    if (rows.every((r) => Number(r.k) === 1)) return;
    await trx('reactie_status_deltas').delete();
    await trx('reactie_status_deltas').insert(rows.map((r) => ({ status: r.status, delta: Number(r.n) })));
  });
}
