// Search on SQLite: FTS5 over the analysed tokens (search_fts for articles and their attachments,
// search_fts_reacties for reacties; rowid = the entry's id), ranked by bm25 (a title word counts
// ten times a word in the text, a document field three times, a stem or compound part less than an
// exact word). FTS5 walks a match's rowids newest first and stops, so a window is cheap (windowed.ts).
import type { Db } from '../db/knex';
import { toDate } from '../db/rows';
import type { ShownCandidate } from '../reacties/visibility';
import { weblogStartedAt } from '../articles/queries';
import { ftsTable, hasStale } from './indexer';
import type { SearchIndex } from './search-index';
import { tokenScorer, type TokenColumns } from './score';
import type { ExpandedTerm } from './terms';
import { articleVisibility, windowedSearch, type IdRange } from './windowed';

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

function within(range: IdRange | null): { sql: string; bindings: number[] } {
  return range ? { sql: ' and rowid between ? and ?', bindings: [range.from, range.to] } : { sql: '', bindings: [] };
}

export function sqliteSearchIndex(db: Db): SearchIndex {
  return {
    async search(terms, filters, page, now, evenIfStale = false) {
      // In this process: no round trip to save by reading them with the search.
      const alongside = { stale: await hasStale(db), startedAt: await weblogStartedAt(db, now) };
      const match = toFts5(terms);
      if (match === null || (alongside.stale && !evenIfStale)) return { total: 0, approximate: false, hits: [], ...alongside };
      const found = await windowedSearch(
        db,
        {
          async candidates(window, range, at) {
            const table = ftsTable('reactie');
            const r = within(range);
            // Newest first, one more than the window (FTS5 walks the match backwards and stops there).
            const limit = Math.min(window, 1_000_000) + 1;
            // Scored from their tokens here: bm25 would first count the rows of every word in a million.
            // Each with its reactie's row when a resident can find it now (as shownAmong asks, in the
            // same statement): approved, not anonymised, on an article published by then. NOT
            // INDEXED: by id, not through the index on status (see shownAmong).
            const rows = await db.raw<Array<{ id: number; r_id: unknown } & TokenColumns & ShownCandidate>>(
              `select newest.id, newest.title, newest.body, newest.stems, newest.parts, r.id as r_id, r.parent_id, r.status, r.removed_reason, r.created_at
                from (select rowid as id, title, body, stems, parts from ${table} where ${table} match ?${r.sql} order by rowid desc limit ?) as newest
                left join reacties as r not indexed on r.id = (newest.id - 1) / 4 and r.status = 'approved' and r.author_email_key <> ''
                  and exists (select 1 from articles as a where a.id = r.article_id and a.status = 'published' and a.published_at <= ?)
                order by newest.id desc`,
              [match, ...r.bindings, limit, at],
            );
            const score = tokenScorer(terms);
            const kept = rows.slice(0, limit - 1);
            const findable: ShownCandidate[] = [];
            for (const row of kept)
              if (row.r_id !== null && row.r_id !== undefined)
                findable.push({
                  id: row.r_id,
                  parent_id: row.parent_id,
                  status: row.status,
                  removed_reason: row.removed_reason,
                  created_at: row.created_at,
                });
            return { list: kept.map((row) => ({ id: Number(row.id), score: score(row) })), more: rows.length >= limit, findable };
          },
          async articles(window, wanted, at) {
            const table = ftsTable('article');
            const limit = Math.min(window, 1_000_000) + 1;
            const visible = articleVisibility(wanted, at);
            // The window's entries and their articles' visibility in one statement. An article's
            // entry is its own row (id × 4): its article is looked up by id in the index that holds
            // all the visibility needs (SQLite without statistics took the index on status and
            // published_at, through every published article); an attachment's entry tells its article.
            const rows = await db.raw<Array<{ id: number; score: number; a_at: unknown; visible: unknown }>>(
              `select newest.id, newest.score, a.published_at as a_at, ${visible.sql} as visible
                from (select rowid as id, bm25(${table}, ${WEIGHTS}) as score from ${table} where ${table} match ? order by rowid desc limit ?) as newest
                left join articles as a indexed by articles_visible_index
                  on a.id = (case when newest.id % 4 = 0 then newest.id / 4 else (select e.article_id from search_entries as e where e.id = newest.id) end)
                order by newest.id desc`,
              [...visible.bindings, match, limit],
            );
            // bm25 is lower for a better match.
            return {
              list: rows.slice(0, limit - 1).map((row) => ({
                id: Number(row.id),
                score: -Number(row.score),
                visible: Number(row.visible) === 1,
                at: row.a_at === null || row.a_at === undefined ? null : toDate(row.a_at),
              })),
              more: rows.length >= limit,
            };
          },
        },
        filters,
        page,
        now,
      );
      return { ...found, ...alongside };
    },
  };
}
