// Newest-first paging by a cursor (the open-data API, the reacties feeds): the rows after the last
// one a reader got, in (moment desc, id desc) order. Unlike an offset it holds while rows arrive.
import type { Knex } from 'knex';

/** Narrows a newest-first query to the rows after `cursor`; the caller orders by `at` desc, `id` desc. */
export function olderThan(q: Knex.QueryBuilder, at: string, id: string, cursor: { at: Date; id: number } | null): void {
  if (!cursor) return;
  q.andWhere((w) => w.where(at, '<', cursor.at).orWhere((same) => same.where(at, cursor.at).andWhere(id, '<', cursor.id)));
}
