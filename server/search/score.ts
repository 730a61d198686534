// A match's score from its analysed tokens, computed here rather than by the database: for reacties
// on SQLite, where bm25 would first count every row of a common word in a million (its inverse
// document frequency). Like bm25 without that: per term, the occurrences of the exact word, of its
// stems and of its compound parts, each saturating with the text's length, weighted 1, 0,4 and 0,2
// as the index weighs its columns. Pure.
import type { ExpandedTerm } from './terms';

export interface TokenColumns {
  title: string;
  body: string;
  stems: string;
  parts: string;
}

/** A reactie's usual length in words: longer texts need more occurrences for the same score. */
const AVERAGE_WORDS = 40;
const K1 = 1.2;
const B = 0.75;

/** How often a token occurs as a whole token in a text of space-separated tokens. */
function occurrences(text: string, token: string): number {
  let n = 0;
  for (let at = text.indexOf(token); at !== -1; at = text.indexOf(token, at + token.length)) {
    const end = at + token.length;
    if ((at === 0 || text.charCodeAt(at - 1) === 32) && (end === text.length || text.charCodeAt(end) === 32)) n++;
  }
  return n;
}

/**
 * How often each wanted token occurs in a text of space-separated tokens (all of them: `wanted`
 * null). A few wanted tokens are looked for directly, without cutting the text into tokens.
 */
function counts(text: string, wanted: Set<string> | null): Map<string, number> {
  const out = new Map<string, number>();
  if (wanted !== null) {
    for (const token of wanted) {
      const n = token ? occurrences(text, token) : 0;
      if (n) out.set(token, n);
    }
    return out;
  }
  for (let start = 0; start < text.length;) {
    let end = text.indexOf(' ', start);
    if (end === -1) end = text.length;
    if (end > start) {
      const token = text.slice(start, end);
      out.set(token, (out.get(token) ?? 0) + 1);
    }
    start = end + 1;
  }
  return out;
}

/** The number of tokens in a text of space-separated tokens. */
function tokenCount(text: string): number {
  let n = 0;
  for (let i = text.indexOf(' '); i !== -1; i = text.indexOf(' ', i + 1)) n++;
  return text ? n + 1 : 0;
}

/**
 * Scores the matches of one query: only the tokens its terms ask for are counted (a row's other
 * words are skipped, not tallied), unless a term is a prefix, which may match any word.
 */
export function tokenScorer(terms: ExpandedTerm[]): (columns: TokenColumns) => number {
  const anyWord = terms.some((t) => t.prefix);
  const words = new Set(terms.flatMap((t) => t.phrases.filter((p) => p.length === 1).map((p) => p[0])));
  const stemSet = new Set(terms.flatMap((t) => t.stems));
  const hasPhrases = terms.some((t) => t.phrases.some((p) => p.length > 1));
  return (columns) => {
    const text = `${columns.title} ${columns.body}`.trim();
    const length = tokenCount(text);
    const saturate = (tf: number) => (tf ? tf / (tf + K1 * (1 - B + (B * length) / AVERAGE_WORDS)) : 0);
    const exact = counts(text, anyWord ? null : words);
    const stems = counts(columns.stems, stemSet);
    const parts = counts(columns.parts, stemSet);
    const padded = hasPhrases ? ` ${text} ` : '';
    let score = 0;
    for (const t of terms) {
      let exactTf = 0;
      t.phrases.forEach((phrase, i) => {
        if (phrase.length === 1) {
          exactTf += exact.get(phrase[0]) ?? 0;
          if (i === 0 && t.prefix) for (const [token, n] of exact) if (token !== phrase[0] && token.startsWith(phrase[0])) exactTf += n;
        } else exactTf += padded.split(` ${phrase.join(' ')} `).length - 1;
      });
      const stemTf = t.stems.reduce((n, s) => n + (stems.get(s) ?? 0), 0);
      const partTf = t.stems.reduce((n, s) => n + (parts.get(s) ?? 0), 0);
      score += saturate(exactTf) + 0.4 * saturate(stemTf) + 0.2 * saturate(partTf);
    }
    return score;
  };
}
