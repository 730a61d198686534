// Search on PostgreSQL: the entries' tsvector of analysed tokens (entry-tokens.ts: words weighted
// by where they stand, stems and parts marked and weighted lowest), a GIN index per group (articles
// with their attachments, reacties), ranked by ts_rank. The newest matches of a group come by id
// (windowed.ts): the planner walks the primary key backwards for a common word and the GIN index
// for a rare one.
import type { Db } from '../db/knex';
import { PART_MARK, STEM_MARK } from './entry-tokens';
import type { SearchIndex } from './search-index';
import type { ExpandedTerm } from './terms';
import { windowedSearch, type Group, type IdRange } from './windowed';

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

/** The group's rows, as the partial GIN indexes name them. */
const GROUP_WHERE: Record<Group, string> = { articles: "kind <> 'reactie'", reacties: "kind = 'reactie'" };

function within(range: IdRange | null): { sql: string; bindings: number[] } {
  return range ? { sql: ' and id between ? and ?', bindings: [range.from, range.to] } : { sql: '', bindings: [] };
}

export function postgresSearchIndex(db: Db): SearchIndex {
  return {
    async search(terms, filters, page, now) {
      const tsquery = toTsquery(terms);
      if (tsquery === null) return { total: 0, approximate: false, hits: [] };
      return windowedSearch(
        db,
        {
          async candidates(group, window, range) {
            const r = within(range);
            const limit = Math.min(window, 1_000_000) + 1;
            // Ranked in the outer query: only the window's rows are read for their rank.
            const result = await db.raw(
              `select e.id, ts_rank(e.document, ?::tsquery, 1) as score from search_entries e where e.id in (
                select id from search_entries where ${GROUP_WHERE[group]} and document @@ ?::tsquery${r.sql} order by id desc limit ?)`,
              [tsquery, tsquery, ...r.bindings, limit],
            );
            const rows = (result.rows as Array<{ id: string; score: number }>).map((row) => ({
              id: Number(row.id),
              score: Number(row.score),
            }));
            const more = rows.length >= limit;
            if (more) rows.splice(rows.indexOf(rows.reduce((low, c) => (c.id < low.id ? c : low))), 1);
            return { list: rows, more };
          },
        },
        filters,
        page,
        now,
      );
    },
  };
}
