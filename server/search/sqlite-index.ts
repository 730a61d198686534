// Search on SQLite: FTS5 over the analysed tokens (search_fts, rowid = the entry's id), ranked by
// bm25 (a title word counts ten times a word in the text, a document field three times, a stem
// or compound part less than an exact word), newer first among equals. The join with articles and
// reacties decides what is public now; it only reads them.
import type { Db } from '../db/knex';
import { applyFilters } from './filters';
import { HIT_COLUMNS, toHit } from './hits';
import { RESULTS_PER_PAGE, type SearchIndex } from './search-index';
import type { ExpandedTerm } from './terms';
import { publicEntry } from './visible';

const WORD_COLUMNS = '{title fields body}';
const STEM_COLUMNS = '{stems parts}';
const RANK = 'bm25(search_fts, 10.0, 3.0, 1.0, 0.4, 0.2)';

/** An FTS5 MATCH expression: every term must match one of its alternatives. Null when empty. */
export function toFts5(terms: ExpandedTerm[]): string | null {
  if (!terms.length) return null;
  return terms
    .map((t) => {
      // Words are letters and digits only (fold.ts): nothing in them is FTS5 syntax.
      const alternatives = t.phrases.map((words, i) => `${WORD_COLUMNS} : "${words.join(' ')}"${i === 0 && t.prefix ? '*' : ''}`);
      // A whole word typed counts more than a word it starts (bm25 adds up what matched).
      if (t.prefix) alternatives.push(`${WORD_COLUMNS} : "${t.phrases[0].join(' ')}"`);
      const stems = (list: string[]) => `${STEM_COLUMNS} : (${list.map((s) => `"${s}"`).join(' OR ')})`;
      if (t.stems.length) alternatives.push(stems(t.stems));
      // A compound typed whole also matches its parts together.
      if (t.parts) alternatives.push(`(${t.parts.map(stems).join(' AND ')})`);
      return `(${alternatives.join(' OR ')})`;
    })
    .join(' AND ');
}

export function sqliteSearchIndex(db: Db): SearchIndex {
  return {
    async search(terms, filters, page, now) {
      const match = toFts5(terms);
      if (match === null) return { total: 0, hits: [] };
      const matches = () => {
        const q = db('search_fts')
          // CROSS JOIN keeps SQLite from running the full-text match once per entry or article.
          .joinRaw('cross join search_entries as e on e.id = search_fts.rowid')
          .joinRaw('cross join articles as a on a.id = e.article_id')
          .leftJoin('reacties as r', (j) => j.on('r.id', '=', 'e.ref_id').andOn('e.kind', '=', db.raw("'reactie'")))
          .whereRaw('search_fts match ?', [match])
          .andWhere('a.status', 'published')
          .andWhere('a.published_at', '<=', now)
          .andWhere(publicEntry('e.kind'));
        applyFilters(q, filters);
        return q;
      };
      const counted = await matches().count({ n: '*' }).first();
      const rows: Array<Record<string, unknown>> = await matches()
        .select(...HIT_COLUMNS)
        .orderByRaw(`${RANK}, coalesce(r.created_at, a.published_at) desc, e.id desc`)
        .limit(RESULTS_PER_PAGE)
        .offset((page - 1) * RESULTS_PER_PAGE);
      return { total: Number(counted?.n ?? 0), hits: rows.map(toHit) };
    },
  };
}
