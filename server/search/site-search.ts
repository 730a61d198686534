// One search of the site as /zoeken does it, for the page and for the relevance measurement
// (relevance.ts): what changed since the last search analysed first, the query expanded by the
// Dutch analyser and the editors' synonyms, and when nothing is found, the query with its words
// one typing error away corrected, if that finds something ("Bedoelde je …?").
import { readsOf, type Db } from '../db/knex';
import { keptSettings } from '../settings/settings';
import { synonymGroupsOf } from '../settings/synonyms';
import { dutchAnalyser } from './analyser/lexicon';
import { weblogStartedAt } from '../articles/queries';
import { indexStaleFor } from './indexer';
import { expandPrefixes } from './prefixes';
import { parseQuery, type SearchQuery } from './query';
import { searchIndexFor, type SearchFilters, type SearchHit } from './search-index';
import { suggestQuery } from './suggest';
import { expandQuery, synonymIndex, type ExpandedTerm, type SynonymIndex } from './terms';

/** What a search may spend analysing entries changed since the last one, before it searches. */
const INDEX_BUDGET_MS = 250;

export interface SiteSearchResult {
  query: SearchQuery;
  terms: ExpandedTerm[];
  total: number;
  /** More matched than were counted: total is a floor. */
  approximate: boolean;
  hits: SearchHit[];
  /** The corrected query whose results these are, when the typed one found nothing. */
  corrected: string | null;
  /** When the weblog started: the first year to filter on. */
  startedAt: Date | null;
}

export type SiteSearch = (input: unknown, filters: SearchFilters, page: number, now: Date) => Promise<SiteSearchResult>;

export function siteSearch(db: Db): SiteSearch {
  // Searching only reads: on SQLite it goes to the read-only connections (db/knex.ts readsOf), so
  // searches run side by side and never wait behind posts' writes; only analysing what changed
  // since the last search, when anything did, takes the writer.
  const reads = readsOf(db);
  const index = searchIndexFor(reads);
  let synonyms: { text: string; index: SynonymIndex } | null = null;
  const synonymsNow = async () => {
    const text = (await keptSettings(db)).searchSynonyms;
    if (synonyms?.text !== text) synonyms = { text, index: synonymIndex(synonymGroupsOf(text)) };
    return synonyms.index;
  };
  return async (input, filters, page, now) => {
    const query = parseQuery(input);
    if (!query.terms.length)
      return { query, terms: [], total: 0, approximate: false, hits: [], corrected: null, startedAt: await weblogStartedAt(reads, now) };
    const analyser = dutchAnalyser();
    const run = async (q: SearchQuery, evenIfStale: boolean) => {
      const terms = await expandPrefixes(reads, expandQuery(q, analyser, await synonymsNow()));
      if (!terms.length)
        return { terms, total: 0, approximate: false, hits: [], stale: false, startedAt: await weblogStartedAt(reads, now) };
      return { terms, ...(await index.search(terms, filters, page, now, evenIfStale)) };
    };
    let found = await run(query, false);
    // Whether anything changed since the last search is read with the search's first statements (one
    // round trip on PostgreSQL): when it did, no matches were looked for yet; what changed is analysed
    // (as far as the time allows) and the search asked again.
    if (found.stale) {
      await indexStaleFor(db, INDEX_BUDGET_MS);
      found = await run(query, true);
    }
    const own = { query, startedAt: found.startedAt };
    const result = (r: typeof found, corrected: string | null) => ({
      ...own,
      terms: r.terms,
      total: r.total,
      approximate: r.approximate,
      hits: r.hits,
      corrected,
    });
    if (found.total > 0 || page !== 1) return result(found, null);
    const suggestion = await suggestQuery(reads, query, (word) => analyser.knows(word));
    if (suggestion === null) return result(found, null);
    const better = await run(parseQuery(suggestion), true);
    return better.total > 0 ? result(better, suggestion) : result(found, null);
  };
}
