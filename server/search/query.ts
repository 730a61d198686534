// What a resident typed into /zoeken, as terms both databases can search for. Pure: no database.
//
// Only letters and digits survive (folded: lower case, no accents, ĳ as ij), so no input can form
// FTS5 or tsquery syntax: every word is quoted (FTS5) or a bare lexeme (tsquery), and the operators
// people type by habit (AND, OR, NOT, NEAR, -, :, &, |, !, parentheses) are words or nothing.

import { foldedWords } from './fold';

/** Longer input is cut: nobody types this much into a search box, and every term costs. */
export const MAX_QUERY_LENGTH = 200;
const MAX_TERMS = 8;
const MAX_WORD_LENGTH = 40;

export interface SearchTerm {
  /** Folded words; more than one means they must stand next to each other in this order. */
  words: string[];
  /** Matches words starting with the (last) word: typed as `word*`, or the last word of the query. */
  prefix: boolean;
  /** Typed as `word*`: a prefix even when the word is complete. */
  starred: boolean;
  /** Typed in quotes: exact words, no stemming or prefix. */
  quoted: boolean;
}

export interface SearchQuery {
  terms: SearchTerm[];
  /** What was typed (cut to MAX_QUERY_LENGTH), for the search box. */
  input: string;
}

function wordsOf(text: string): string[] {
  return foldedWords(text, MAX_WORD_LENGTH);
}

export function parseQuery(raw: unknown): SearchQuery {
  const input = typeof raw === 'string' ? raw.slice(0, MAX_QUERY_LENGTH) : '';
  const terms: SearchTerm[] = [];
  // Between quotes (odd pieces) is a phrase; an unclosed quote runs to the end.
  input.split('"').forEach((piece, i) => {
    if (i % 2 === 1) {
      const words = wordsOf(piece);
      if (words.length) terms.push({ words, prefix: false, starred: false, quoted: true });
      return;
    }
    for (const token of piece.split(/\s+/)) {
      const words = wordsOf(token);
      const starred = /\*\s*$/.test(token);
      if (words.length) terms.push({ words, prefix: starred, starred, quoted: false });
    }
  });
  const kept = terms.slice(0, MAX_TERMS);
  const last = kept.at(-1);
  // Search as you type: the last word may be unfinished.
  if (last && !last.quoted && !input.trimEnd().endsWith('"')) last.prefix = true;
  return { terms: kept, input };
}
