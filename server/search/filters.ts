// The filters of /zoeken as a where-clause on an entry `e` of an article or an attachment, joined
// with its article `a`; the same on both databases. Reacties are filtered by year on their own
// dates (windowed.ts), from the range of ids of that year.
import type { Knex } from 'knex';
import type { SearchFilters } from './search-index';

/** 1 January 00:00 in Amsterdam: always winter time (UTC+1). */
export function yearStart(year: number): Date {
  return new Date(Date.UTC(year, 0, 1) - 3_600_000);
}

export function applyArticleFilters(q: Knex.QueryBuilder, filters: SearchFilters): void {
  if (filters.kind && filters.kind !== 'reactie') void q.andWhere('a.kind', filters.kind);
  if (filters.year !== null)
    void q.andWhere('a.published_at', '>=', yearStart(filters.year)).andWhere('a.published_at', '<', yearStart(filters.year + 1));
}
