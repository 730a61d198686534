// One interface for searching, with an implementation per database. The index is kept by
// triggers and the indexer (indexer.ts); both implementations give the candidates of the same
// expanded query (terms.ts) to windowed.ts, which ranks, filters and pages them the same way.
import type { Db } from '../db/knex';
import { isPostgres } from '../db/knex';
import type { ExpandedTerm } from './terms';
import { sqliteSearchIndex } from './sqlite-index';
import { postgresSearchIndex } from './postgres-index';

export const RESULTS_PER_PAGE = 10;

export interface SearchHit {
  kind: 'article' | 'reactie' | 'bijlage';
  /** The reactie's or the attachment's id, else the article's. */
  refId: number;
  /** An attachment's title (the match is in its text). */
  attachmentTitle: string | null;
  articleId: number;
  articleTitle: string;
  articleKind: string;
  articleSlug: string;
  articlePublishedAt: Date;
  articleCreatedAt: Date;
  /** The entry's own text, for the snippet. */
  text: string;
}

export interface SearchResults {
  total: number;
  /** More matched than were counted: total is a floor ("meer dan"). */
  approximate: boolean;
  hits: SearchHit[];
}

export interface SearchFilters {
  /** 'reactie', or an article kind (nieuws, schriftelijke-vragen, …). */
  kind: string | null;
  /** Articles published, reacties written, in this year (Amsterdam time). */
  year: number | null;
}

/**
 * What every search reads besides its matches; on PostgreSQL in the search's first round trip, each
 * round trip costing more than such a statement.
 */
export interface Alongside {
  /** Entries were waiting to be analysed (indexer.ts): the caller analyses them and asks again. */
  stale: boolean;
  /** When the weblog started (articles/queries weblogStartedAt): the first year a resident can filter on. */
  startedAt: Date | null;
}

export interface SearchIndex {
  /**
   * Public matches only (articles published and due, shown reacties on those), best first. With entries
   * waiting to be analysed (`stale`) no matches are looked for, unless `evenIfStale` (the caller analysed
   * what it could in its time and asks again).
   */
  search(terms: ExpandedTerm[], filters: SearchFilters, page: number, now: Date, evenIfStale?: boolean): Promise<SearchResults & Alongside>;
}

export function searchIndexFor(db: Db): SearchIndex {
  return isPostgres(db) ? postgresSearchIndex(db) : sqliteSearchIndex(db);
}
