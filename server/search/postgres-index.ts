// Search on PostgreSQL: the entries' tsvector of analysed tokens (entry-tokens.ts: words weighted
// by where they stand, stems and parts marked and weighted lowest) with a GIN index, ranked by
// ts_rank, newer first among equals. The join with articles and reacties decides what is public
// now; it only reads them.
import type { Db } from '../db/knex';
import { PART_MARK, STEM_MARK } from './entry-tokens';
import { applyFilters } from './filters';
import { HIT_COLUMNS, toHit } from './hits';
import { RESULTS_PER_PAGE, type SearchIndex } from './search-index';
import type { ExpandedTerm } from './terms';
import { publicEntry } from './visible';

/** A tsquery literal (cast with ::tsquery, not normalised again): every term one of its alternatives. */
export function toTsquery(terms: ExpandedTerm[]): string | null {
  if (!terms.length) return null;
  return terms
    .map((t) => {
      // Words are letters and digits only (fold.ts): nothing in them needs escaping.
      const alternatives = t.phrases.map((words, i) => {
        const lexemes = words.map((w, j) => `'${w}'${i === 0 && t.prefix && j === words.length - 1 ? ':*' : ''}`);
        return lexemes.length > 1 ? `(${lexemes.join(' <-> ')})` : lexemes[0];
      });
      // A whole word typed counts more than a word it starts.
      if (t.prefix)
        alternatives.push(t.phrases[0].length > 1 ? `(${t.phrases[0].map((w) => `'${w}'`).join(' <-> ')})` : `'${t.phrases[0][0]}'`);
      for (const s of t.stems) alternatives.push(`'${STEM_MARK}${s}'`, `'${PART_MARK}${s}'`);
      // A compound typed whole also matches its parts together.
      if (t.parts)
        alternatives.push(
          `(${t.parts.map((list) => `(${list.flatMap((s) => [`'${STEM_MARK}${s}'`, `'${PART_MARK}${s}'`]).join(' | ')})`).join(' & ')})`,
        );
      return `(${alternatives.join(' | ')})`;
    })
    .join(' & ');
}

export function postgresSearchIndex(db: Db): SearchIndex {
  return {
    async search(terms, filters, page, now) {
      const tsquery = toTsquery(terms);
      if (tsquery === null) return { total: 0, hits: [] };
      const matches = () => {
        const q = db('search_entries as e')
          .join('articles as a', 'a.id', 'e.article_id')
          .leftJoin('reacties as r', (j) => j.on('r.id', '=', 'e.ref_id').andOn('e.kind', '=', db.raw("'reactie'")))
          .whereRaw('e.document @@ ?::tsquery', [tsquery])
          .andWhere('a.status', 'published')
          .andWhere('a.published_at', '<=', now)
          .andWhere(publicEntry('e.kind'));
        applyFilters(q, filters);
        return q;
      };
      const counted = await matches().count({ n: '*' }).first();
      const rows: Array<Record<string, unknown>> = await matches()
        .select(...HIT_COLUMNS)
        .orderByRaw('ts_rank(e.document, ?::tsquery, 1) desc, coalesce(r.created_at, a.published_at) desc, e.id desc', [tsquery])
        .limit(RESULTS_PER_PAGE)
        .offset((page - 1) * RESULTS_PER_PAGE);
      return { total: Number(counted?.n ?? 0), hits: rows.map(toHit) };
    },
  };
}
