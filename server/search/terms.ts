// What a parsed query is searched as, through the same Dutch analyser as the index: every term a
// set of alternatives (the exact word or phrase, its stems among the stems and compound parts of
// the text, and the other forms of an abbreviation or synonym); every term must match. Pure: the
// databases turn it into FTS5 or tsquery syntax, the snippets use it to mark what matched.
import type { DutchAnalyser } from './analyser/dutch';
import { STOPWORDS } from './analyser/stopwords';
import { foldedWords } from './fold';
import type { SearchQuery, SearchTerm } from './query';

export interface ExpandedTerm {
  /** Exact word sequences (one word, a phrase, a synonym's words); any one matches. */
  phrases: string[][];
  /** The first phrase's last word may be unfinished (search as you type, `word*`). */
  prefix: boolean;
  /** Stems, matched against the stems and the compound parts of the text. */
  stems: string[];
  /**
   * A compound typed whole (fietsenstalling): the stems of its parts, which together also match
   * (a text with "stalling voor fietsen").
   */
  parts?: string[][];
}

/** Synonym groups as folded word lists, looked up by their words joined with a space. */
export type SynonymIndex = Map<string, string[][]>;

export function synonymIndex(groups: string[][]): SynonymIndex {
  const index: SynonymIndex = new Map();
  for (const group of groups) {
    const forms = group.map((form) => foldedWords(form)).filter((words) => words.length > 0);
    for (const form of forms) {
      const key = form.join(' ');
      const known = index.get(key) ?? [];
      for (const other of forms) if (other.join(' ') !== key && !known.some((k) => k.join(' ') === other.join(' '))) known.push(other);
      index.set(key, known);
    }
  }
  return index;
}

/** The longest synonym key that the terms from `start` spell, word for word, and how many terms it takes. */
function synonymAt(terms: SearchTerm[], start: number, synonyms: SynonymIndex): { length: number; key: string } | null {
  let found: { length: number; key: string } | null = null;
  const words: string[] = [];
  for (let i = start; i < terms.length && i - start < 6; i++) {
    if (terms[i].quoted) break;
    words.push(...terms[i].words);
    const key = words.join(' ');
    if (synonyms.has(key)) found = { length: i - start + 1, key };
  }
  return found;
}

function stemsOf(analyser: DutchAnalyser, word: string): string[] {
  return STOPWORDS.has(word) ? [] : analyser.stems(word);
}

/** The parts of a compound, each as its stems; none for a word that does not split. */
function partsOf(analyser: DutchAnalyser, word: string): string[][] | undefined {
  if (STOPWORDS.has(word)) return undefined;
  const pieces = analyser.analyse(word).pieces.filter((stems) => stems.length && !stems.every((s) => STOPWORDS.has(s)));
  return pieces.length >= 2 ? pieces : undefined;
}

export function expandQuery(query: SearchQuery, analyser: DutchAnalyser, synonyms: SynonymIndex): ExpandedTerm[] {
  // Synonyms first, on everything typed: their forms may hold stop words ("burgemeester en wethouders").
  const grouped: Array<ExpandedTerm & { stopword: boolean }> = [];
  const terms = query.terms;
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i];
    const synonym = synonymAt(terms, i, synonyms);
    if (synonym) {
      const words = synonym.key.split(' ');
      const single = words.length === 1 && !term.quoted;
      grouped.push({
        phrases: [words, ...synonyms.get(synonym.key)!],
        prefix: false,
        stems: single ? stemsOf(analyser, words[0]) : [],
        stopword: false,
      });
      i += synonym.length - 1;
    } else if (term.quoted || term.words.length > 1) {
      // A phrase, or a word with a hyphen or an apostrophe in it: its words in this order.
      grouped.push({ phrases: [term.words], prefix: term.prefix, stems: [], stopword: false });
    } else {
      const [word] = term.words;
      grouped.push({
        phrases: [[word]],
        // The last word may be unfinished; a word the dictionary knows is taken as typed (its stems
        // find its forms), which spares the index a walk through every word it starts.
        prefix: term.starred || (term.prefix && !analyser.knows(word)),
        stems: stemsOf(analyser, word),
        parts: partsOf(analyser, word),
        stopword: STOPWORDS.has(word),
      });
    }
  }
  // Stop words count only when the query holds nothing else ("de" alone).
  const meaningful = grouped.filter((t) => !t.stopword);
  return (meaningful.length ? meaningful : grouped).map(({ stopword: _, ...t }) => t);
}
