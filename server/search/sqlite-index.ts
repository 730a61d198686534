// Search on SQLite: FTS5 with bm25 ranking (a title counts ten times a word in the text, a
// document field three times). The join with articles and reacties decides what is public now;
// it only reads them, the articles and reacties features still own those tables.
import type { Db } from '../db/knex';
import { toFts5, type SearchQuery } from './query';
import { RESULTS_PER_PAGE, type SearchIndex } from './search-index';
import { MARK_END, MARK_START } from './snippet';
import { toHit } from './hits';
import { publicEntry } from './visible';

const SNIPPET_TOKENS = 24;

export function sqliteSearchIndex(db: Db): SearchIndex {
  const matches = (match: string, now: Date) =>
    db('search_fts')
      // CROSS JOIN keeps SQLite from running the full-text match once per published article.
      .joinRaw('cross join articles as a on a.id = search_fts.article_id')
      .leftJoin('reacties as r', (j) => j.on('r.id', '=', 'search_fts.ref_id').andOn('search_fts.kind', '=', db.raw("'reactie'")))
      .whereRaw('search_fts match ?', [match])
      .andWhere('a.status', 'published')
      .andWhere('a.published_at', '<=', now)
      .andWhere(publicEntry('search_fts.kind'));
  return {
    async search(query: SearchQuery, page: number, now: Date) {
      const match = toFts5(query);
      if (match === null) return { total: 0, hits: [] };
      const counted = await matches(match, now).count({ n: '*' }).first();
      const rows: Array<Record<string, unknown>> = await matches(match, now)
        .select(
          'search_fts.kind',
          'search_fts.ref_id',
          'search_fts.article_id',
          'a.title',
          'a.kind as article_kind',
          'a.slug',
          'a.published_at',
          'a.created_at',
          db.raw('snippet(search_fts, -1, ?, ?, ?, ?) as snippet', [MARK_START, MARK_END, '…', SNIPPET_TOKENS]),
        )
        .orderByRaw('bm25(search_fts, 0, 0, 0, 10.0, 1.0, 3.0), search_fts.rowid desc')
        .limit(RESULTS_PER_PAGE)
        .offset((page - 1) * RESULTS_PER_PAGE);
      return { total: Number(counted?.n ?? 0), hits: rows.map(toHit) };
    },
  };
}
