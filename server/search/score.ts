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

function counts(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const token of text.split(' ')) if (token) out.set(token, (out.get(token) ?? 0) + 1);
  return out;
}

export function scoreTokens(terms: ExpandedTerm[], columns: TokenColumns): number {
  const words = `${columns.title} ${columns.body}`.trim();
  const length = words ? words.split(' ').length : 0;
  const saturate = (tf: number) => (tf ? tf / (tf + K1 * (1 - B + (B * length) / AVERAGE_WORDS)) : 0);
  const exact = counts(words);
  const stems = counts(columns.stems);
  const parts = counts(columns.parts);
  const padded = ` ${words} `;
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
}
