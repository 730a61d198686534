// The filters of /zoeken as a where-clause on an entry `e` joined with its article `a` and, for a
// reactie, the reactie `r`. The same on both databases. An attachment goes with its article.
import type { Knex } from 'knex';
import type { SearchFilters } from './search-index';

/** 1 January 00:00 in Amsterdam: always winter time (UTC+1). */
function yearStart(year: number): Date {
  return new Date(Date.UTC(year, 0, 1) - 3_600_000);
}

export function applyFilters(q: Knex.QueryBuilder, filters: SearchFilters): void {
  if (filters.kind === 'reactie') void q.andWhere('e.kind', 'reactie');
  else if (filters.kind) void q.whereIn('e.kind', ['article', 'bijlage']).andWhere('a.kind', filters.kind);
  if (filters.year !== null) {
    const [from, to] = [yearStart(filters.year), yearStart(filters.year + 1)];
    void q.andWhere((w) =>
      w
        .where((x) => x.whereNot('e.kind', 'reactie').andWhere('a.published_at', '>=', from).andWhere('a.published_at', '<', to))
        .orWhere((x) => x.where('e.kind', 'reactie').andWhere('r.created_at', '>=', from).andWhere('r.created_at', '<', to)),
    );
  }
}
