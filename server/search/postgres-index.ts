// Search on PostgreSQL: a tsvector in the stadslog_dutch configuration (Dutch stemming, accents
// removed), ranked by ts_rank_cd (title weight A, document fields B, text C), snippets by
// ts_headline. The join with articles and reacties decides what is public now; it only reads them.
import type { Db } from '../db/knex';
import { toTsquery, type SearchQuery } from './query';
import { RESULTS_PER_PAGE, type SearchIndex } from './search-index';
import { MARK_END, MARK_START } from './snippet';
import { toHit } from './hits';
import { publicEntry } from './visible';

const HEADLINE_OPTIONS = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

export function postgresSearchIndex(db: Db): SearchIndex {
  const matches = (tsquery: string, now: Date) =>
    db('search_entries as s')
      .join('articles as a', 'a.id', 's.article_id')
      .leftJoin('reacties as r', (j) => j.on('r.id', '=', 's.ref_id').andOn('s.kind', '=', db.raw("'reactie'")))
      .whereRaw("s.document @@ to_tsquery('stadslog_dutch', ?)", [tsquery])
      .andWhere('a.status', 'published')
      .andWhere('a.published_at', '<=', now)
      .andWhere(publicEntry('s.kind'));
  return {
    async search(query: SearchQuery, page: number, now: Date) {
      const tsquery = toTsquery(query);
      if (tsquery === null) return { total: 0, hits: [] };
      const counted = await matches(tsquery, now).count({ n: '*' }).first();
      // The headline is made for this page's rows only: it reads the whole text again.
      const ranked = matches(tsquery, now)
        .select(
          's.kind',
          's.ref_id',
          's.article_id',
          's.title as entry_title',
          's.body',
          's.fields',
          'a.title',
          'a.kind as article_kind',
          'a.slug',
          'a.published_at',
          'a.created_at',
          db.raw("ts_rank_cd(s.document, to_tsquery('stadslog_dutch', ?)) as rank", [tsquery]),
        )
        .orderBy([
          { column: 'rank', order: 'desc' },
          { column: 's.article_id', order: 'desc' },
          { column: 's.ref_id', order: 'desc' },
        ])
        .limit(RESULTS_PER_PAGE)
        .offset((page - 1) * RESULTS_PER_PAGE);
      const rows: Array<Record<string, unknown>> = await db
        .from(ranked.as('p'))
        .select(
          'p.*',
          db.raw(
            "ts_headline('stadslog_dutch', case when p.body = '' then p.entry_title else p.body || ' ' || p.fields end, to_tsquery('stadslog_dutch', ?), ?) as snippet",
            [tsquery, HEADLINE_OPTIONS],
          ),
        )
        .orderBy([
          { column: 'p.rank', order: 'desc' },
          { column: 'p.article_id', order: 'desc' },
          { column: 'p.ref_id', order: 'desc' },
        ]);
      return { total: Number(counted?.n ?? 0), hits: rows.map(toHit) };
    },
  };
}
