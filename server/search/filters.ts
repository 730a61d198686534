// The filters of /zoeken as a where-clause on an entry `e` joined with its article `a` and, for a
// reactie, the reactie `r`. The same on both databases. An attachment goes with its article.
import type { Knex } from 'knex';
import type { SearchFilters } from './search-index';

/** 1 January 00:00 in Amsterdam: always winter time (UTC+1). */
export function yearStart(year: number): Date {
  return new Date(Date.UTC(year, 0, 1) - 3_600_000);
}

/** `reacties`: the rows are reacties joined as `r`; else articles and what belongs to them. */
export function applyFilters(q: Knex.QueryBuilder, filters: SearchFilters, reacties: boolean): void {
  if (filters.kind && filters.kind !== 'reactie' && !reacties) void q.andWhere('a.kind', filters.kind);
  if (filters.year !== null) {
    const column = reacties ? 'r.created_at' : 'a.published_at';
    void q.andWhere(column, '>=', yearStart(filters.year)).andWhere(column, '<', yearStart(filters.year + 1));
  }
}
