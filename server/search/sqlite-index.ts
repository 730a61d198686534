// Search on SQLite: FTS5 over the analysed tokens (search_fts for articles and their attachments,
// search_fts_reacties for reacties; rowid = the entry's id), ranked by bm25 (a title word counts
// ten times a word in the text, a document field three times, a stem or compound part less than an
// exact word). FTS5 walks a match's rowids newest first, so a window is cheap (windowed.ts).
import type { Db } from '../db/knex';
import { ftsTable } from './indexer';
import type { SearchIndex } from './search-index';
import type { ExpandedTerm } from './terms';
import { windowedSearch, type Group, type IdRange } from './windowed';

const WORD_COLUMNS = '{title fields body}';
const STEM_COLUMNS = '{stems parts}';
const WEIGHTS = '10.0, 3.0, 1.0, 0.4, 0.2';

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

const tableOf = (group: Group) => ftsTable(group === 'reacties' ? 'reactie' : 'article');

function within(range: IdRange | null): { sql: string; bindings: number[] } {
  return range ? { sql: ' and rowid between ? and ?', bindings: [range.from, range.to] } : { sql: '', bindings: [] };
}

export function sqliteSearchIndex(db: Db): SearchIndex {
  return {
    async search(terms, filters, page, now) {
      const match = toFts5(terms);
      if (match === null) return { total: 0, approximate: false, hits: [] };
      return windowedSearch(
        db,
        {
          async candidates(group, window, range) {
            const table = tableOf(group);
            const r = within(range);
            // The newest match beyond the window, if there is one: everything above it is ranked.
            const beyond = await db.raw<Array<{ id: number }>>(
              `select rowid as id from ${table} where ${table} match ?${r.sql} order by rowid desc limit 1 offset ?`,
              [match, ...r.bindings, Math.min(window, Number.MAX_SAFE_INTEGER - 1)],
            );
            const floor = beyond.length ? Number(beyond[0].id) + 1 : Number.MIN_SAFE_INTEGER;
            const rows = await db.raw<Array<{ id: number; score: number }>>(
              `select rowid as id, bm25(${table}, ${WEIGHTS}) as score from ${table} where ${table} match ? and rowid >= ?${r.sql}`,
              [match, floor, ...r.bindings],
            );
            // bm25 is lower for a better match.
            return { list: rows.map((row) => ({ id: Number(row.id), score: -Number(row.score) })), more: beyond.length > 0 };
          },
          async count(group, cap, range) {
            const table = tableOf(group);
            const r = within(range);
            const rows = await db.raw<Array<{ n: number }>>(
              `select count(*) as n from (select 1 from ${table} where ${table} match ?${r.sql} limit ?)`,
              [match, ...r.bindings, cap + 1],
            );
            return Number(rows[0]?.n ?? 0);
          },
        },
        filters,
        page,
        now,
      );
    },
  };
}
