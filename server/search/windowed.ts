// Searching at size, the same way on both databases: articles (with their attachments) and
// reacties are two groups, each with its own full-text index. Of each group only the newest
// matches are ranked (a window), so a word in 400.000 reacties costs no more than one in 40; with
// fewer matches than the window every match is ranked and counted exactly, with more the count
// says "Meer dan". Ranks from both groups
// are merged, newer first among equals. What is public now (article published and due, reactie
// shown) and the filters are asked of the candidates only; the text of a hit only for its page.
import { whereIdIn } from '../db/id-list';
import { isPostgres, type Db } from '../db/knex';
import { toDate } from '../db/rows';
import { shownAmong } from '../reacties/visibility';
import { applyArticleFilters, yearStart } from './filters';
import { HIT_COLUMNS, toHit } from './hits';
import { RESULTS_PER_PAGE, type SearchFilters, type SearchResults } from './search-index';

export type Group = 'articles' | 'reacties';

/** Of each group this many of the newest matches are ranked. */
export const WINDOW: Record<Group, number> = { articles: 500, reacties: 300 };
/** What a group's best match weighs in the merged list. */
const GROUP_WEIGHT: Record<Group, number> = { articles: 1, reacties: 0.9 };

export interface Candidate {
  id: number;
  /** Higher is better. */
  score: number;
}

/** Entry ids a group's matches must lie between (inclusive): a year of reacties. */
export interface IdRange {
  from: number;
  to: number;
}

export interface CandidateSource {
  /** Up to `window` of the newest matches with their scores; `more`: there were more. */
  candidates(group: Group, window: number, range: IdRange | null): Promise<{ list: Candidate[]; more: boolean }>;
}

/** The entry ids of the reacties written in a year: reacties are numbered in the order they come in. */
async function reactieRange(db: Db, year: number): Promise<IdRange | null> {
  const row = await db('reacties')
    .where('status', 'approved')
    .andWhere('created_at', '>=', yearStart(year))
    .andWhere('created_at', '<', yearStart(year + 1))
    .first(db.raw('min(id) as lo'), db.raw('max(id) as hi'));
  if (row?.lo === null || row?.lo === undefined) return null;
  return { from: Number(row.lo) * 4 + 1, to: Number(row.hi) * 4 + 1 };
}

interface Kept extends Candidate {
  at: number;
}

/** Entry ids (see migrations/20261206140100): an article's id × 4, a reactie's × 4 + 1, an attachment's × 4 + 2. */
const isArticleEntry = (id: number) => id % 4 === 0;
const reactieOfEntry = (id: number) => (id - 1) / 4;

async function keepVisible(db: Db, group: Group, list: Candidate[], filters: SearchFilters, now: Date): Promise<Kept[]> {
  const score = new Map(list.map((c) => [c.id, c.score]));
  const kept: Kept[] = [];
  if (group === 'reacties') {
    // A reactie's entry exists only while it is shown to all; what is public now is asked of reacties/.
    const from = filters.year === null ? -Infinity : yearStart(filters.year).getTime();
    const to = filters.year === null ? Infinity : yearStart(filters.year + 1).getTime();
    for (const shown of await shownAmong(
      db,
      list.map((c) => reactieOfEntry(c.id)),
      now,
    )) {
      const at = shown.createdAt.getTime();
      if (at < from || at >= to) continue;
      const id = shown.id * 4 + 1;
      kept.push({ id, score: score.get(id) ?? 0, at });
    }
    return kept;
  }
  const keep = (rows: Array<{ id: unknown; a_at: unknown }>, toEntry: (id: number) => number) => {
    for (const row of rows) {
      const id = toEntry(Number(row.id));
      kept.push({ id, score: score.get(id) ?? 0, at: toDate(row.a_at).getTime() });
    }
  };
  const articleIds = list.filter((c) => isArticleEntry(c.id)).map((c) => c.id / 4);
  if (articleIds.length) {
    // An article's entry is its own row: read the article itself, not the entry, from the index
    // that holds all it needs (SQLite without statistics took the index on status and published_at,
    // through every published article: 1,6 ms for 500 of 3.000, against 0,6).
    const q = whereIdIn(
      db,
      db.from(db.raw(isPostgres(db) ? 'articles as a' : 'articles as a indexed by articles_visible_index')),
      'a.id',
      articleIds,
    )
      .andWhere('a.status', 'published')
      .andWhere('a.published_at', '<=', now);
    applyArticleFilters(q, filters);
    keep(await q.select('a.id', 'a.published_at as a_at'), (id) => id * 4);
  }
  // An attachment's entry tells its article. CROSS JOIN: SQLite starts from the candidates, not from
  // every published article; PostgreSQL has no CROSS JOIN with a condition and plans an inner join well.
  const others = list.filter((c) => !isArticleEntry(c.id)).map((c) => c.id);
  if (others.length) {
    const q = whereIdIn(db, db('search_entries as e'), 'e.id', others)
      .joinRaw(`${isPostgres(db) ? 'inner join' : 'cross join'} articles as a on a.id = e.article_id`)
      .andWhere('a.status', 'published')
      .andWhere('a.published_at', '<=', now);
    applyArticleFilters(q, filters);
    keep(await q.select('e.id', 'a.published_at as a_at'), (id) => id);
  }
  return kept;
}

export async function windowedSearch(
  db: Db,
  source: CandidateSource,
  filters: SearchFilters,
  page: number,
  now: Date,
): Promise<SearchResults> {
  const groups: Group[] = filters.kind === 'reactie' ? ['reacties'] : filters.kind ? ['articles'] : ['articles', 'reacties'];
  const kept: Kept[] = [];
  let total = 0;
  let approximate = false;
  for (const group of groups) {
    // Articles with a filter: all of their matches (a site has thousands, not millions).
    const filtered = filters.kind !== null || filters.year !== null;
    const window = group === 'articles' && filtered ? Number.MAX_SAFE_INTEGER : WINDOW[group];
    const range = group === 'reacties' && filters.year !== null ? await reactieRange(db, filters.year) : null;
    if (group === 'reacties' && filters.year !== null && range === null) continue;
    const { list, more } = await source.candidates(group, window, range);
    const visible = await keepVisible(db, group, list, filters, now);
    // Each group's scores on one scale (its best match is 1), so the lists can be merged whatever
    // the database's ranking function gives; the best article leads the best reactie.
    const best = Math.max(0, ...visible.map((k) => k.score));
    for (const k of visible) kept.push({ ...k, score: best > 0 ? (k.score / best) * GROUP_WEIGHT[group] : 0 });
    // Beyond the window nobody pages: "Meer dan …" says there is more, without counting it.
    total += visible.length;
    if (more) approximate = true;
  }
  kept.sort((x, y) => y.score - x.score || y.at - x.at || y.id - x.id);
  const pageIds = kept.slice((page - 1) * RESULTS_PER_PAGE, page * RESULTS_PER_PAGE).map((k) => k.id);
  const rows: Array<Record<string, unknown>> = pageIds.length
    ? await whereIdIn(db, db('search_entries as e').join('articles as a', 'a.id', 'e.article_id'), 'e.id', pageIds).select(
        'e.id',
        ...HIT_COLUMNS,
      )
    : [];
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  return { total, approximate, hits: pageIds.map((id) => toHit(byId.get(id)!)) };
}
