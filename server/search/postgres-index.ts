// Search on PostgreSQL: the entries' tsvector of analysed tokens (entry-tokens.ts: words weighted
// by where they stand, stems and parts marked and weighted lowest), a GIN index per group (articles
// with their attachments, reacties), ranked by ts_rank. The newest matches of a group come by id
// (windowed.ts), reacties in stretches of ids going back.
import type { Db } from '../db/knex';
import { runAsOneTransaction, type BatchStatement, type TextRow } from '../db/pg-batch';
import { PART_MARK, STEM_MARK } from './entry-tokens';
import type { Alongside, SearchFilters, SearchIndex } from './search-index';
import { weblogStartedAt, weblogStartedAtStatement } from '../articles/queries';
import { hasStale, hasStaleStatement } from './indexer';
import type { ExpandedTerm } from './terms';
import { toBool, toDate } from '../db/rows';
import { ancestorsCte, type ShownCandidate, type ThreadRow } from '../reacties/visibility';
import {
  articleVisibility,
  groupsOf,
  windowedSearch,
  windowOf,
  type ArticleCandidate,
  type Candidate,
  type Group,
  type IdRange,
} from './windowed';

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
 * A group's newest entries matching the tsquery (one `?`, then those of `more`, then the limit), as `e`: found by
 * id, newest first, then fetched again by their place in the table (ctid: a TID scan per row) for what the statement
 * reads of them, so nothing is looked up twice through the primary key.
 */
const newestRows = (group: Group, more: string) =>
  `(select ctid as place from search_entries where ${GROUP_WHERE[group]} and document @@ ?::tsquery ${more} order by id desc limit ?) as newest
    join search_entries as e on e.ctid = newest.place`;

/**
 * Articles and their attachments: a few thousand, the GIN index gives them all. The newest, their
 * ranks and their articles' visibility come in one statement (the rank only of the rows the limit
 * keeps: in the select list beside the ORDER BY it would be computed for every match before the
 * sort). The rows the limit keeps are fetched again by their place in the table (ctid, a TID scan),
 * not by their id through the primary key: 6-11 % less time for the statement at size (BENCHMARKS.md, session 19).
 */
function newestArticlesStatement(tsquery: string, limit: number, filters: SearchFilters, now: Date): BatchStatement {
  const visible = articleVisibility(filters, now);
  return {
    text: numbered(
      `select e.id, ts_rank(e.document, ?::tsquery, 1) as score, ${EPOCH_MS('a.published_at')} as a_at, ${visible.sql} as visible
        from ${newestRows('articles', '')} left join articles as a on a.id = e.article_id`,
    ),
    values: [tsquery, ...visible.bindings, tsquery, limit],
  };
}

/** The rows of newestArticlesStatement (as text), newest first: the window's candidates and whether there were more. */
function articlesOf(rows: TextRow[], limit: number): { list: ArticleCandidate[]; more: boolean } {
  const list = rows
    .map((row) => ({
      id: Number(row.id),
      score: Number(row.score),
      visible: toBool(row.visible),
      at: row.a_at === null ? null : toDate(row.a_at),
    }))
    .sort((x, y) => y.id - x.id);
  return { list: list.slice(0, limit - 1), more: list.length >= limit };
}

/**
 * A phrase is checked on an entry's word positions, which means reading its whole document: the
 * newest entries with all of the phrase's words come from the index in batches, each checked for the
 * phrase, ranked and judged in the statement that finds it, newest first, until the window is full
 * (a batch twice the window, then twice as long each time): the phrase is checked on as many
 * documents as the window needs, not on every entry with its words.
 */
function phraseBatchStatement(tsquery: string, below: number, batch: number, filters: SearchFilters, now: Date): BatchStatement {
  const visible = articleVisibility(filters, now);
  return {
    text: numbered(
      `select e.id, case when e.document @@ ?::tsquery then ts_rank(e.document, ?::tsquery, 1) end as score,
          ${EPOCH_MS('a.published_at')} as a_at, ${visible.sql} as visible
        from ${newestRows('articles', 'and id < ?')} left join articles as a on a.id = e.article_id`,
    ),
    values: [tsquery, tsquery, ...visible.bindings, tsquery.replaceAll(PHRASE, ' & '), below, batch],
  };
}

/** Where reading a phrase's articles stands: what was found so far, and the next batch to read if any. */
interface PhraseReading {
  found: ArticleCandidate[];
  next: { below: number; batch: number } | null;
}

/** A batch's rows: the entries with the phrase, newest first, and where the next batch starts (none when this was the last). */
export function phraseRead(rows: TextRow[], batch: number, before: ArticleCandidate[]): PhraseReading {
  const all = rows.map((row) => ({ row, id: Number(row.id) })).sort((x, y) => y.id - x.id);
  // Ranked only where the phrase was found (null for the others): the rank is computed there alone.
  const found = [
    ...before,
    ...articlesOf(
      all.filter((r) => r.row.score !== null).map((r) => r.row),
      Number.MAX_SAFE_INTEGER,
    ).list,
  ];
  return { found, next: all.length < batch ? null : { below: all[all.length - 1].id, batch: batch * 2 } };
}

async function newestArticlesOfPhrase(
  db: Db,
  tsquery: string,
  limit: number,
  filters: SearchFilters,
  now: Date,
  started?: PhraseReading,
): Promise<{ list: ArticleCandidate[]; more: boolean }> {
  let reading: PhraseReading = started ?? { found: [], next: { below: Number.MAX_SAFE_INTEGER, batch: Math.min(2 * limit, 1_000_000) } };
  while (reading.next && reading.found.length < limit) {
    const { below, batch } = reading.next;
    const [, rows] = await runAsOneTransaction(db, [NO_JIT, phraseBatchStatement(tsquery, below, batch, filters, now)]);
    reading = phraseRead(rows, batch, reading.found);
  }
  return { list: reading.found.slice(0, limit - 1), more: reading.found.length >= limit };
}

/** How the next stretch is read: row by row or by the index over `span` ids, or by the index over all that is left. */
export type Stretch = { read: 'rows' | 'index'; span: number } | { read: 'rest' };

/**
 * How each stretch is read, as settings of the statement's transaction (a batch is one: pg-batch.ts),
 * with the JIT compiler off: compiling these small reads (which their estimated cost would start)
 * takes longer than running them. The way of reading fixes a stretch's plan whatever the words, so
 * it is planned once per connection (a generic plan: 0,03 ms to bind instead of 0,4 to 1 ms); the
 * articles' statement is planned for the words searched (a common word's newest matches are read
 * by id, a rare word's by the GIN index).
 */
const STRETCH_SETTINGS = (scans: Record<'enable_bitmapscan' | 'enable_indexscan' | 'enable_seqscan', 'on' | 'off'>) =>
  settingsOf({ ...scans, plan_cache_mode: 'force_generic_plan' });
const SETTINGS: Record<Stretch['read'], BatchStatement> = {
  rows: STRETCH_SETTINGS({ enable_bitmapscan: 'off', enable_indexscan: 'on', enable_seqscan: 'on' }),
  index: STRETCH_SETTINGS({ enable_bitmapscan: 'on', enable_indexscan: 'off', enable_seqscan: 'on' }),
  rest: STRETCH_SETTINGS({ enable_bitmapscan: 'on', enable_indexscan: 'off', enable_seqscan: 'off' }),
};
const NO_JIT = settingsOf({ plan_cache_mode: 'force_custom_plan' });

function settingsOf(settings: Record<string, string>): BatchStatement {
  const all = { jit: 'off', ...settings };
  return {
    text: `select ${Object.entries(all)
      .map(([name, value]) => `set_config('${name}', '${value}', true)`)
      .join(', ')}`,
    values: [],
  };
}

/** knex's `?` placeholders numbered as PostgreSQL's `$1`, `$2` … for a batch. */
function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/**
 * A stretch's statement: the newest matching reacties between the ids `ids` names, with their ranks
 * (only the rows the limit keeps are read for them) and, when a resident can find it now (as
 * shownAmong asks), the reactie's row: approved, not anonymised, on an article published by then;
 * then, as rows without an entry id, those rows' ancestors up to the top of their threads, for
 * shownOf (a round trip of its own before). `extra`: one more column, the same for every row.
 */
const STRETCH = (ids: string, extra = '') => `with recursive found as materialized (
    select e.id, ts_rank(e.document, ?::tsquery, 1) as score,
      r.id as r_id, r.parent_id, r.status, r.removed_reason, ${EPOCH_MS('r.created_at')} as created_at
    from ${newestRows('reacties', `and ${ids}`)}
    left join reacties as r on r.id = (e.id - 1) / 4 and r.status = 'approved' and r.author_email_key <> ''
      and exists (select 1 from articles as a where a.id = r.article_id and a.status = 'published' and a.published_at <= ?)
  ), ${ancestorsCte('id in (select parent_id from found)', true)}
  select found.*${extra} from found
  union all select null, null, up.id, up.parent_id, up.status, up.removed_reason, null${extra} from up`;

const NEWEST_ID = '(select max(id) from search_entries)';

/**
 * The first stretch, the newest `FIRST_SPAN` entry ids, row by row, in the statement that finds the
 * newest entry id: a first row of its own carries it (`top`; the matches have none), so the stretches
 * after it go on exactly below what this one read.
 */
function firstStretchStatement(tsquery: string, limit: number, now: Date): BatchStatement {
  return {
    text: numbered(
      `select null as id, null as score, null as r_id, null as parent_id, null as status, null as removed_reason,
          null as created_at, ${NEWEST_ID} as top
        union all (${STRETCH(`id between ${NEWEST_ID} - ? and ${NEWEST_ID}`, ', null::bigint')})`,
    ),
    values: [tsquery, tsquery, FIRST_SPAN - 1, limit, now],
  };
}

/** The ancestors in a stretch's rows (as text): the rows with a reactie and no entry. */
function ancestorsIn(rows: TextRow[]): ThreadRow[] {
  const ancestors: ThreadRow[] = [];
  for (const row of rows)
    if (row.id === null && row.r_id !== null)
      ancestors.push({
        id: Number(row.r_id),
        parent_id: row.parent_id === null ? null : Number(row.parent_id),
        status: row.status,
        removed_reason: row.removed_reason,
      });
  return ancestors;
}

/** The matching reacties of a stretch's rows (as text), newest first, and the ancestors read with them. */
function reactiesOf(rows: TextRow[]): Stretched {
  const found: FoundReactie[] = [];
  for (const row of rows) {
    if (row.id === null) continue;
    found.push({
      id: Number(row.id),
      score: Number(row.score),
      row:
        row.r_id === null
          ? null
          : {
              id: Number(row.r_id),
              parent_id: row.parent_id === null ? null : Number(row.parent_id),
              status: row.status,
              removed_reason: row.removed_reason,
              created_at: Number(row.created_at),
            },
    });
  }
  return { found: found.sort((x, y) => y.id - x.id), ancestors: ancestorsIn(rows) };
}

/** Matching reacties, newest first, and their ancestors. */
interface Stretched {
  found: FoundReactie[];
  ancestors: ThreadRow[];
}

/**
 * The newest matching reacties, in stretches of ids going back, each with the way it is read as its
 * own settings, in one round trip (pg-batch.ts). The first, short one is read row by row, newest
 * first. How many it found says how far back the rest lies: near enough that reading row by row
 * costs less than the GIN index merging every match of the word (a common word, or two), the next
 * stretch is read row by row too, just long enough; far, with few matches to expect in all that is
 * left (a rare word, or one not in the newest reacties at all), the GIN index reads them all at once;
 * far with many, the GIN index and the id range together read only a stretch's matches, each stretch
 * four times longer than the last. (Row by row over everything reads every row for a rare word; the
 * GIN index over everything fetches every row of a common one, and a stretch of it still builds the
 * word's whole bitmap.) `first`: what the first stretch from the newest id found, when it was read
 * already (with the articles, in one round trip).
 */
async function newestReacties(db: Db, tsquery: string, limit: number, range: IdRange, now: Date, first?: Stretched): Promise<Stretched> {
  const { to: top, from: bottom } = range;
  const found: FoundReactie[] = [];
  const ancestors: ThreadRow[] = [];
  let stretch: Stretch = { read: 'rows', span: FIRST_SPAN };
  let upper = top;
  if (first) {
    found.push(...first.found);
    ancestors.push(...first.ancestors);
    upper = Math.max(bottom, top - FIRST_SPAN + 1) - 1;
    stretch = nextStretch(found.length, top - upper, limit - found.length, FIRST_SPAN, upper - bottom + 1);
  }
  while (upper >= bottom && found.length < limit) {
    const from = stretch.read === 'rest' ? bottom : Math.max(bottom, upper - stretch.span + 1);
    // The rest: the range only filters the rows the index found. As an index condition the
    // planner ANDs the word's bitmap with the primary key's bitmap of the whole range (a rare
    // word among a million reacties: 250.000 keys read to keep 564 rows, 117 of 149 ms).
    const ids = stretch.read === 'rest' ? 'id + 0 between ? and ?' : 'id between ? and ?';
    const [, rows] = await runAsOneTransaction(db, [
      SETTINGS[stretch.read],
      { text: numbered(STRETCH(ids)), values: [tsquery, tsquery, from, upper, limit - found.length, now] },
    ]);
    const read = reactiesOf(rows);
    found.push(...read.found);
    ancestors.push(...read.ancestors);
    if (stretch.read === 'rest') break;
    upper = from - 1;
    stretch = nextStretch(found.length, top - upper, limit - found.length, stretch.span, upper - bottom + 1);
  }
  return { found, ancestors };
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

/** What a search's first round trip read: each group's first candidates, where it could read them, and what a search reads alongside. */
interface Opening extends Alongside {
  articles?: { list: ArticleCandidate[]; more: boolean };
  /** A phrase's articles: the first batch read. */
  phrase?: PhraseReading;
  reacties?: { top: number; stretched: Stretched };
}

/**
 * A search's first round trip (pg-batch.ts: one write to the socket and one wake-up of the server,
 * each costing more than a small statement): whether entries wait to be analysed, when the weblog
 * started (Alongside), the articles' window (or a phrase's first batch) and the reacties' first
 * stretch from the newest entry, each with its settings. A year's reacties go their own way
 * (reactieRange).
 */
async function opening(db: Db, tsquery: string, filters: SearchFilters, now: Date): Promise<Opening> {
  const groups = groupsOf(filters);
  const withArticles = groups.includes('articles');
  const phrase = tsquery.includes(PHRASE);
  const withReacties = groups.includes('reacties') && filters.year === null;
  const articlesLimit = limitOf('articles', filters);
  const phraseBatch = Math.min(2 * articlesLimit, 1_000_000);
  const stale = hasStaleStatement(db);
  const started = weblogStartedAtStatement(db, now);
  const statements: BatchStatement[] = [];
  /** Adds a statement (after its settings, if any) and gives the place of its rows in the answer. */
  const add = (statement: BatchStatement, settings?: BatchStatement) => {
    if (settings) statements.push(settings);
    return statements.push(statement) - 1;
  };
  const staleAt = add(stale);
  const startedAt = add(started);
  const articlesAt = withArticles
    ? add(
        phrase
          ? phraseBatchStatement(tsquery, Number.MAX_SAFE_INTEGER, phraseBatch, filters, now)
          : newestArticlesStatement(tsquery, articlesLimit, filters, now),
        NO_JIT,
      )
    : -1;
  const reactiesAt = withReacties ? add(firstStretchStatement(tsquery, limitOf('reacties', filters), now), SETTINGS.rows) : -1;
  const results = await runAsOneTransaction(db, statements);
  const result: Opening = { stale: stale.read(results[staleAt]), startedAt: started.read(results[startedAt]) };
  if (withArticles && phrase) result.phrase = phraseRead(results[articlesAt], phraseBatch, []);
  else if (withArticles) result.articles = articlesOf(results[articlesAt], articlesLimit);
  if (withReacties) {
    const rows = results[reactiesAt];
    // The row without an entry or a reactie carries the newest entry id.
    result.reacties = { top: Number(rows.find((r) => r.id === null && r.r_id === null)?.top ?? 0), stretched: reactiesOf(rows) };
  }
  return result;
}

/** A group's window and one more: the one more says there were more. */
const limitOf = (group: Group, filters: SearchFilters) => Math.min(windowOf(group, filters), 1_000_000) + 1;

export function postgresSearchIndex(db: Db): SearchIndex {
  return {
    async search(terms, filters, page, now, evenIfStale = false) {
      const tsquery = toTsquery(terms);
      if (tsquery === null) {
        const [stale, startedAt] = await Promise.all([hasStale(db), weblogStartedAt(db, now)]);
        return { total: 0, approximate: false, hits: [], stale, startedAt };
      }
      const first = await opening(db, tsquery, filters, now);
      // What changed since the last search is analysed first: the rest of this search would be asked again.
      if (first.stale && !evenIfStale) return { total: 0, approximate: false, hits: [], stale: true, startedAt: first.startedAt };
      const results = await windowedSearch(
        db,
        {
          async candidates(window, range, at) {
            const limit = Math.min(window, 1_000_000) + 1;
            // Without a year: every entry up to the newest, going on below the first stretch.
            const { found, ancestors } =
              range === null && first.reacties && limit === limitOf('reacties', filters) && at === now
                ? await newestReacties(db, tsquery, limit, { from: 0, to: first.reacties.top }, at, first.reacties.stretched)
                : // (Every search without a year reads its first stretch in the opening; a range of all ids is the fallback.)
                  await newestReacties(db, tsquery, limit, range ?? { from: 0, to: Number.MAX_SAFE_INTEGER }, at);
            const list = found.slice(0, limit - 1);
            const findable: ShownCandidate[] = [];
            for (const c of list) if (c.row !== null) findable.push(c.row);
            return { list, more: found.length >= limit, findable, ancestors };
          },
          async articles(window, wanted, at) {
            const limit = Math.min(window, 1_000_000) + 1;
            const asOpened = wanted === filters && limit === limitOf('articles', filters) && at === now;
            if (first.articles && asOpened) return first.articles;
            if (tsquery.includes(PHRASE))
              return newestArticlesOfPhrase(db, tsquery, limit, wanted, at, asOpened ? first.phrase : undefined);
            const [, rows] = await runAsOneTransaction(db, [NO_JIT, newestArticlesStatement(tsquery, limit, wanted, at)]);
            return articlesOf(rows, limit);
          },
        },
        filters,
        page,
        now,
      );
      return { ...results, stale: first.stale, startedAt: first.startedAt };
    },
  };
}
