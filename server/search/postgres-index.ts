// Search on PostgreSQL: the entries' tsvector of analysed tokens (entry-tokens.ts: words weighted
// by where they stand, stems and parts marked and weighted lowest), a GIN index per group (articles
// with their attachments, reacties), ranked by ts_rank. The newest matches of a group come by id
// (windowed.ts), reacties in stretches of ids going back.
import type { Db } from '../db/knex';
import { PART_MARK, STEM_MARK } from './entry-tokens';
import type { SearchFilters, SearchIndex } from './search-index';
import type { ExpandedTerm } from './terms';
import { toDate } from '../db/rows';
import type { ShownCandidate } from '../reacties/visibility';
import { articleVisibility, windowedSearch, type ArticleCandidate, type Candidate, type Group, type IdRange } from './windowed';

/** The operator between the words of a phrase; everything else in a tsquery is a quoted word, | & ( or ). */
const PHRASE = ' <-> ';

/** A tsquery literal (cast with ::tsquery, not normalised again): every term one of its alternatives. */
export function toTsquery(terms: ExpandedTerm[]): string | null {
  if (!terms.length) return null;
  return terms
    .map((t) => {
      // Words are letters and digits only (fold.ts): nothing in them needs escaping.
      const alternatives = t.phrases.map((words, i) => {
        const lexemes = words.map((w, j) => `'${w}'${i === 0 && t.prefix && j === words.length - 1 ? ':*' : ''}`);
        return lexemes.length > 1 ? `(${lexemes.join(PHRASE)})` : lexemes[0];
      });
      // A whole word typed counts more than a word it starts.
      if (t.prefix)
        alternatives.push(t.phrases[0].length > 1 ? `(${t.phrases[0].map((w) => `'${w}'`).join(PHRASE)})` : `'${t.phrases[0][0]}'`);
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

/**
 * A timestamp as milliseconds since 1970, a number node-postgres reads as one: hundreds of candidates'
 * times parsed from text (postgres-date) were a search's largest part in node after the socket.
 */
const EPOCH_MS = (column: string) => `(extract(epoch from ${column}) * 1000)::float8`;

/** A matching reactie with its rank, and its row when a resident can find it now. */
interface FoundReactie extends Candidate {
  row: ShownCandidate | null;
}

/** The first stretch of reactie entry ids, read row by row (about 1.000 reacties). */
const FIRST_SPAN = 4_000;
/**
 * What reading one entry id row by row costs (a reactie every 4 ids), in matches the GIN index
 * merges in the same time. Measured at size (1.000.000 reacties, `college betalen`): a reactie read
 * and checked row by row 1,16 µs of the backend's processor time, a match of the GIN index's bitmap
 * 0,51 µs (its posting lists merged over the whole index, whatever stretch of ids is asked).
 */
const ROW_COST = 2.3 / 4;
/** Up to this many matches expected in all the ids left, the GIN index reads them in one go. */
const FEW_MATCHES = 5_000;

/**
 * Articles and their attachments: a few thousand, the GIN index gives them all. The newest, their
 * ranks and their articles' visibility come in one statement (the rank only of the rows the limit
 * keeps: in the select list beside the ORDER BY it would be computed for every match before the
 * sort). A phrase is checked on an entry's word positions, which means reading its whole document
 * (long, kept apart by PostgreSQL): the entries with all of the phrase's words come first, from
 * the index alone, and the phrase is checked on the newest of them only, as many as the window needs.
 */
async function newestArticles(
  db: Db,
  tsquery: string,
  limit: number,
  filters: SearchFilters,
  now: Date,
): Promise<{ list: ArticleCandidate[]; more: boolean }> {
  const newest = `select id from search_entries where ${GROUP_WHERE.articles} and document @@ ?::tsquery order by id desc limit ?`;
  const judged = async (which: string, bindings: unknown[]) => {
    const visible = articleVisibility(filters, now);
    const result = await db.raw(
      `select e.id, ts_rank(e.document, ?::tsquery, 1) as score, ${EPOCH_MS('a.published_at')} as a_at, ${visible.sql} as visible
        from search_entries as e left join articles as a on a.id = e.article_id where e.id = ${which}`,
      [tsquery, ...visible.bindings, ...(bindings as Array<string | number | number[]>)],
    );
    return (result.rows as Array<{ id: string; score: number; a_at: unknown; visible: unknown }>)
      .map((row) => ({
        id: Number(row.id),
        score: Number(row.score),
        visible: row.visible === true,
        at: row.a_at === null || row.a_at === undefined ? null : toDate(row.a_at),
      }))
      .sort((x, y) => y.id - x.id);
  };
  if (!tsquery.includes(PHRASE)) {
    const list = await judged(`any(array(${newest}))`, [tsquery, limit]);
    return { list: list.slice(0, limit - 1), more: list.length >= limit };
  }
  const candidates = (
    (await db.raw(newest, [tsquery.replaceAll(PHRASE, ' & '), Number.MAX_SAFE_INTEGER])).rows as Array<{ id: string }>
  ).map((r) => Number(r.id));
  const found: number[] = [];
  for (let i = 0, batch = limit; i < candidates.length && found.length < limit; i += batch, batch *= 2) {
    const result = await db.raw('select id from search_entries where id = any(?::bigint[]) and document @@ ?::tsquery', [
      candidates.slice(i, i + batch),
      tsquery,
    ]);
    found.push(...(result.rows as Array<{ id: string }>).map((r) => Number(r.id)).sort((a, b) => b - a));
  }
  if (!found.length) return { list: [], more: false };
  return { list: await judged('any(?::bigint[])', [found.slice(0, limit - 1)]), more: found.length >= limit };
}

/** How the next stretch is read: row by row or by the index over `span` ids, or by the index over all that is left. */
export type Stretch = { read: 'rows' | 'index'; span: number } | { read: 'rest' };

const SETTINGS: Record<Stretch['read'], string> = {
  rows: 'set local enable_bitmapscan = off; set local enable_indexscan = on; set local enable_seqscan = on',
  index: 'set local enable_bitmapscan = on; set local enable_indexscan = off; set local enable_seqscan = on',
  rest: 'set local enable_bitmapscan = on; set local enable_indexscan = off; set local enable_seqscan = off',
};

/**
 * The newest matching reacties, in stretches of ids going back. The first, short one is read row
 * by row, newest first. How many it found says how far back the rest lies: near enough that
 * reading row by row costs less than the GIN index merging every match of the word (a common word,
 * or two), the next stretch is read row by row too, just long enough; far, with few matches to expect in
 * all that is left (a rare word, or one not in the newest reacties at all), the GIN index reads
 * them all at once; far with many, the GIN index and the id range together read only a stretch's
 * matches, each stretch four times longer than the last. (Row by row over everything reads every
 * row for a rare word; the GIN index over everything fetches every row of a common one, and a
 * stretch of it still builds the word's whole bitmap.)
 */
async function newestReacties(trx: Db, tsquery: string, limit: number, range: IdRange, now: Date): Promise<FoundReactie[]> {
  const { to: top, from: bottom } = range;
  const found: FoundReactie[] = [];
  const where = `${GROUP_WHERE.reacties} and document @@ ?::tsquery`;
  // `set local` lasts to the end of the search's transaction (postgresSearchIndex): no savepoint of its own.
  let stretch: Stretch = { read: 'rows', span: FIRST_SPAN };
  let set: Stretch['read'] | null = null;
  for (let upper = top; upper >= bottom && found.length < limit;) {
    // All three set when the way of reading changes (a stretch by the index after one row by row,
    // or the other way round); a stretch read the same way as the last needs no statement.
    if (set !== stretch.read) await trx.raw(SETTINGS[stretch.read]);
    set = stretch.read;
    const from = stretch.read === 'rest' ? bottom : Math.max(bottom, upper - stretch.span + 1);
    // The rest: the range only filters the rows the index found. As an index condition the
    // planner ANDs the word's bitmap with the primary key's bitmap of the whole range (a rare
    // word among a million reacties: 250.000 keys read to keep 564 rows, 117 of 149 ms).
    const ids = stretch.read === 'rest' ? 'id + 0 between ? and ?' : 'id between ? and ?';
    // With their ranks (only the rows the limit keeps are read for them) and, when a resident can
    // find it now (as shownAmong asks), the reactie's row: approved, not anonymised, on an article
    // published by then.
    const result = await trx.raw(
      `select e.id, ts_rank(e.document, ?::tsquery, 1) as score,
          r.id as r_id, r.parent_id, r.status, r.removed_reason, ${EPOCH_MS('r.created_at')} as created_at
        from search_entries as e
        left join reacties as r on r.id = (e.id - 1) / 4 and r.status = 'approved' and r.author_email_key <> ''
          and exists (select 1 from articles as a where a.id = r.article_id and a.status = 'published' and a.published_at <= ?)
        where e.id = any(array(select id from search_entries where ${where} and ${ids} order by id desc limit ?))`,
      [tsquery, now, tsquery, from, upper, limit - found.length],
    );
    const rows = result.rows as Array<{ id: string; score: number; r_id: unknown } & ShownCandidate>;
    rows.sort((x, y) => Number(y.id) - Number(x.id));
    for (const row of rows)
      found.push({
        id: Number(row.id),
        score: Number(row.score),
        row:
          row.r_id === null || row.r_id === undefined
            ? null
            : {
                id: row.r_id,
                parent_id: row.parent_id,
                status: row.status,
                removed_reason: row.removed_reason,
                created_at: row.created_at,
              },
      });
    if (stretch.read === 'rest') break;
    upper = from - 1;
    stretch = nextStretch(found.length, top - upper, limit - found.length, stretch.span, upper - bottom + 1);
  }
  return found;
}

/**
 * How to read on, from the matches found in the ids read so far. Row by row, the read stops when
 * the window is full: about `wanted × read / found` ids. The GIN index merges its posting lists
 * over the whole index whichever stretch is asked: as many matches as the range holds, about
 * `found × (read + left) / read`. Row by row when that costs less, over twice the ids expected;
 * else by the index, all that is `left` at once when few matches are to be expected there, or
 * four times longer than the last stretch.
 */
export function nextStretch(found: number, read: number, wanted: number, span: number, left: number): Stretch {
  const expected = found > 0 ? (wanted * read) / found : Infinity;
  if (expected * ROW_COST <= (found * (read + left)) / read)
    return { read: 'rows', span: Math.max(Math.ceil((2 * wanted * read) / found), FIRST_SPAN) };
  if ((found * left) / read <= FEW_MATCHES) return { read: 'rest' };
  return { read: 'index', span: span * 4 };
}

/** The group's rows, as the partial GIN indexes name them. */
const GROUP_WHERE: Record<Group, string> = { articles: "kind <> 'reactie'", reacties: "kind = 'reactie'" };

export function postgresSearchIndex(db: Db): SearchIndex {
  return {
    async search(terms, filters, page, now) {
      const tsquery = toTsquery(terms);
      if (tsquery === null) return { total: 0, approximate: false, hits: [] };
      // A few small reads: compiling them (JIT, which their estimated cost would start) takes longer
      // than running them.
      return db.transaction(async (trx) => {
        // With the newest entry's id, where the reacties' stretches start: one round trip for both
        // (each costs a write to the socket and a wake-up of the server, more than either statement).
        const started = await trx.raw<Array<{ rows: Array<{ top: string | null }> }>>(
          'set local jit = off; select max(id) as top from search_entries',
        );
        const newestId = Number(started[1].rows[0]?.top ?? 0);
        return windowedSearch(
          trx,
          {
            async candidates(window, range, at) {
              const limit = Math.min(window, 1_000_000) + 1;
              // Without a year: every entry, up to the newest.
              const found = await newestReacties(trx, tsquery, limit, range ?? { from: 0, to: newestId }, at);
              const list = found.slice(0, limit - 1);
              const findable: ShownCandidate[] = [];
              for (const c of list) if (c.row !== null) findable.push(c.row);
              return { list, more: found.length >= limit, findable };
            },
            articles: (window, wanted, at) => newestArticles(trx, tsquery, Math.min(window, 1_000_000) + 1, wanted, at),
          },
          filters,
          page,
          now,
        );
      });
    },
  };
}
