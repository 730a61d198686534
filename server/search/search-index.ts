// One interface for searching, with an implementation per database. The index itself is kept by
// triggers (migrations/20261201000500_search_index.ts), so there is nothing to call on a change.
import type { Db } from '../db/knex';
import { isPostgres } from '../db/knex';
import type { SearchQuery } from './query';
import { sqliteSearchIndex } from './sqlite-index';
import { postgresSearchIndex } from './postgres-index';

export const RESULTS_PER_PAGE = 10;

export interface SearchHit {
  kind: 'article' | 'reactie';
  /** The reactie's id for a reactie, else the article's. */
  refId: number;
  articleId: number;
  articleTitle: string;
  articleKind: string;
  articleSlug: string;
  articlePublishedAt: Date;
  articleCreatedAt: Date;
  /** Escaped HTML with <mark> around the matches. */
  snippetHtml: string;
}

export interface SearchResults {
  total: number;
  hits: SearchHit[];
}

export interface SearchIndex {
  /** Public matches only (articles published and due, approved reacties on those), best first. */
  search(query: SearchQuery, page: number, now: Date): Promise<SearchResults>;
}

export function searchIndexFor(db: Db): SearchIndex {
  return isPostgres(db) ? postgresSearchIndex(db) : sqliteSearchIndex(db);
}
