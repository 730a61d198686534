// Searching at size, the same way on both databases: articles (with their attachments) and
// reacties are two groups, each with its own full-text index. Of each group only the newest
// matches are ranked (a window), so a word in 400.000 reacties costs no more than one in 40; with
// fewer matches than the window every match is ranked and counted exactly, with more the count
// says "Meer dan". Ranks from both groups
// are merged, newer first among equals. What is public now (article published and due, reactie
// shown) and the filters are asked of the candidates only; the text of a hit only for its page.
import { whereIdIn } from '../db/id-list';
import type { Db } from '../db/knex';
import { shownOf, type ShownCandidate, type ThreadRow } from '../reacties/visibility';
import { yearStart } from './filters';
import { HIT_COLUMNS, toHit } from './hits';
import { RESULTS_PER_PAGE, type SearchFilters, type SearchResults } from './search-index';
import { KEPT } from '../db/pg-statements';

export type Group = 'articles' | 'reacties';

/** Of each group this many of the newest matches are ranked. */
export const WINDOW: Record<Group, number> = { articles: 500, reacties: 300 };
/** The groups a search with these filters looks in, in this order. */
export function groupsOf(filters: SearchFilters): Group[] {
  return filters.kind === 'reactie' ? ['reacties'] : filters.kind ? ['articles'] : ['articles', 'reacties'];
}

/** How many of a group's newest matches a search ranks: articles with a filter all of their matches (a site has thousands, not millions). */
export function windowOf(group: Group, filters: SearchFilters): number {
  const filtered = filters.kind !== null || filters.year !== null;
  return group === 'articles' && filtered ? Number.MAX_SAFE_INTEGER : WINDOW[group];
}

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

/** The newest matches of the articles group, each with what decides whether it is shown now. */
export interface ArticleCandidate extends Candidate {
  /** Its article is published and due at `now` and passes the filters. */
  visible: boolean;
  /** When its article was published (null when it has none). */
  at: Date | null;
}

/** A group's newest matching reacties (CandidateSource.candidates). */
export interface FoundCandidates {
  list: Candidate[];
  more: boolean;
  findable: ShownCandidate[];
  /** Ancestors of the findable ones, when read in the same statement (else shownOf reads them). */
  ancestors?: ThreadRow[];
}

export interface CandidateSource {
  /**
   * Up to `window` of the newest matching reacties with their scores; `more`: there were more.
   * `findable`: the rows of those a resident can find at `now` (approved, not anonymised, on an
   * article published by then), read in the statement that found them, for shownOf.
   */
  candidates(window: number, range: IdRange | null, now: Date): Promise<FoundCandidates>;
  /**
   * The same for articles and their attachments, in the same statement as their articles'
   * visibility (published, due at `now`, the filters: articleVisibility), newest first.
   */
  articles(window: number, filters: SearchFilters, now: Date): Promise<{ list: ArticleCandidate[]; more: boolean }>;
}

/**
 * Whether an entry's article `a` is shown at `now` and passes the filters, as one SQL condition:
 * what both databases ask of the article group's candidates in the statement that finds them.
 */
export function articleVisibility(filters: SearchFilters, now: Date): { sql: string; bindings: Array<string | Date> } {
  const parts = ["a.status = 'published'", 'a.published_at <= ?'];
  const bindings: Array<string | Date> = [now];
  if (filters.kind && filters.kind !== 'reactie') {
    parts.push('a.kind = ?');
    bindings.push(filters.kind);
  }
  if (filters.year !== null) {
    parts.push('a.published_at >= ?', 'a.published_at < ?');
    bindings.push(yearStart(filters.year), yearStart(filters.year + 1));
  }
  return { sql: `(${parts.join(' and ')})`, bindings };
}

/**
 * The entry ids of the reacties written in a year: reacties are numbered in the order they come in.
 * The year's reacties are read by the index on status and date: with `min(id)` PostgreSQL walks the
 * primary key from each end instead, through every reactie of the other years (a million reacties,
 * 2023: 957.000 rows, 1,65 s; `id + 0` is no column it can walk, 0,14 s).
 */
async function reactieRange(db: Db, year: number): Promise<IdRange | null> {
  const row = await db('reacties')
    .where('status', 'approved')
    .andWhere('created_at', '>=', yearStart(year))
    .andWhere('created_at', '<', yearStart(year + 1))
    .first(db.raw('min(id + 0) as lo'), db.raw('max(id + 0) as hi'));
  if (row?.lo === null || row?.lo === undefined) return null;
  return { from: Number(row.lo) * 4 + 1, to: Number(row.hi) * 4 + 1 };
}

interface Kept extends Candidate {
  at: number;
}

async function keepVisibleReacties(db: Db, { list, findable, ancestors }: FoundCandidates, filters: SearchFilters): Promise<Kept[]> {
  const score = new Map(list.map((c) => [c.id, c.score]));
  const kept: Kept[] = [];
  const from = filters.year === null ? -Infinity : yearStart(filters.year).getTime();
  const to = filters.year === null ? Infinity : yearStart(filters.year + 1).getTime();
  // A reactie's entry exists only while it is shown to all; whether a thread shows it (every
  // reactie above it open) is asked of reacties/. Entry ids (see migrations/20261206140100): a
  // reactie's is its id × 4 + 1.
  const shown = await shownOf(db, findable, ancestors);
  for (const one of shown) {
    const at = one.createdAt.getTime();
    if (at < from || at >= to) continue;
    const id = one.id * 4 + 1;
    kept.push({ id, score: score.get(id) ?? 0, at });
  }
  return kept;
}

async function visibleOfGroup(
  db: Db,
  source: CandidateSource,
  group: Group,
  window: number,
  range: IdRange | null,
  filters: SearchFilters,
  now: Date,
): Promise<{ visible: Kept[]; more: boolean }> {
  if (group === 'reacties') {
    const found = await source.candidates(window, range, now);
    return { visible: await keepVisibleReacties(db, found, filters), more: found.more };
  }
  const { list, more } = await source.articles(window, filters, now);
  const visible: Kept[] = [];
  for (const c of list) if (c.visible && c.at !== null) visible.push({ id: c.id, score: c.score, at: c.at.getTime() });
  return { visible, more };
}

export async function windowedSearch(
  db: Db,
  source: CandidateSource,
  filters: SearchFilters,
  page: number,
  now: Date,
): Promise<SearchResults> {
  const groups = groupsOf(filters);
  const kept: Kept[] = [];
  let total = 0;
  let approximate = false;
  for (const group of groups) {
    const window = windowOf(group, filters);
    const range = group === 'reacties' && filters.year !== null ? await reactieRange(db, filters.year) : null;
    if (group === 'reacties' && filters.year !== null && range === null) continue;
    const { visible, more } = await visibleOfGroup(db, source, group, window, range, filters, now);
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
    ? await whereIdIn(db, db('search_entries as e').join('articles as a', 'a.id', 'e.article_id'), 'e.id', pageIds)
        .select('e.id', ...HIT_COLUMNS)
        .options(KEPT)
    : [];
  const byId = new Map(rows.map((r) => [Number(r.id), r]));
  return { total, approximate, hits: pageIds.map((id) => toHit(byId.get(id)!)) };
}
