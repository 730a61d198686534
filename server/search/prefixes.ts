// Search as you type at size: an unfinished last word (`parkeerpl`, `brug*`) is searched as the
// words of the index it starts, the most common first and at most MAX_EXPANSIONS of them (as
// Elasticsearch's match_phrase_prefix does with max_expansions). A prefix match in the full-text
// index itself reads and merges the entries of every such word before it can give the newest
// match (FTS5 and GIN alike); whole words are walked newest first and stop at the window.
import type { Db } from '../db/knex';
import type { ExpandedTerm } from './terms';

const MAX_EXPANSIONS = 30;

/** The most common words of the index that start with `prefix` (itself included), most common first. */
async function wordsStartingWith(db: Db, prefix: string): Promise<string[]> {
  // A range on the primary key: the words from the prefix up to the last that can start with it.
  const rows: Array<{ word: string }> = await db('search_words')
    .where('word', '>=', prefix)
    .andWhere('word', '<', `${prefix}\u{10ffff}`)
    .orderBy([
      { column: 'entries', order: 'desc' },
      { column: 'word', order: 'asc' },
    ])
    .limit(MAX_EXPANSIONS)
    .select('word');
  return rows.map((r) => r.word).filter((word) => word.startsWith(prefix));
}

/**
 * The terms with each unfinished word replaced by the words it starts; a term whose prefix starts
 * no word the index counts keeps its prefix (a number, a word shorter than three letters).
 */
export async function expandPrefixes(db: Db, terms: ExpandedTerm[]): Promise<ExpandedTerm[]> {
  return Promise.all(
    terms.map(async (term) => {
      if (!term.prefix) return term;
      const [first, ...others] = term.phrases;
      const unfinished = first.at(-1)!;
      const words = await wordsStartingWith(db, unfinished);
      if (!words.length) return term;
      const completed = words.filter((w) => w !== unfinished).map((w) => [...first.slice(0, -1), w]);
      return { ...term, prefix: false, phrases: [first, ...completed, ...others] };
    }),
  );
}
