// What a resident typed into /zoeken, as terms both databases can search for. Pure: no database.
//
// Only letters and digits survive (folded: lower case, no accents, ĳ as ij), so no input can form
// FTS5 or tsquery syntax: every word is quoted (FTS5) or a bare lexeme (tsquery), and the operators
// people type by habit (AND, OR, NOT, NEAR, -, :, &, |, !, parentheses) are words or nothing.

/** Longer input is cut: nobody types this much into a search box, and every term costs. */
export const MAX_QUERY_LENGTH = 200;
const MAX_TERMS = 8;
const MAX_WORD_LENGTH = 40;

export interface SearchTerm {
  /** Folded words; more than one means they must stand next to each other in this order. */
  words: string[];
  /** Matches words starting with the (last) word: typed as `word*`, or the last word of the query. */
  prefix: boolean;
  /** Typed in quotes: exact words, no stemming or prefix. */
  quoted: boolean;
}

export interface SearchQuery {
  terms: SearchTerm[];
  /** What was typed (cut to MAX_QUERY_LENGTH), for the search box. */
  input: string;
}

/** Lower case, accents removed, ligatures (ĳ, ﬁ) and wide forms spelled out. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

function wordsOf(text: string): string[] {
  return foldText(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
    .map((w) => w.slice(0, MAX_WORD_LENGTH));
}

export function parseQuery(raw: unknown): SearchQuery {
  const input = typeof raw === 'string' ? raw.slice(0, MAX_QUERY_LENGTH) : '';
  const terms: SearchTerm[] = [];
  // Between quotes (odd pieces) is a phrase; an unclosed quote runs to the end.
  input.split('"').forEach((piece, i) => {
    if (i % 2 === 1) {
      const words = wordsOf(piece);
      if (words.length) terms.push({ words, prefix: false, quoted: true });
      return;
    }
    for (const token of piece.split(/\s+/)) {
      const words = wordsOf(token);
      if (words.length) terms.push({ words, prefix: /\*\s*$/.test(token), quoted: false });
    }
  });
  const kept = terms.slice(0, MAX_TERMS);
  const last = kept.at(-1);
  // Search as you type: the last word may be unfinished.
  if (last && !last.quoted && !input.trimEnd().endsWith('"')) last.prefix = true;
  return { terms: kept, input };
}

// Dutch endings cut from a word for SQLite, which has no Dutch stemmer: "fietsers" is searched
// as fiets*, which also finds fiets, fietsen and fietspad. Longest first; the rest keeps 4 letters.
// A plural -s only follows a vowel or l, n, r (tafels, auto's): "fiets" and "prijs" keep theirs.
const DUTCH_ENDINGS = ['heden', 'ingen', 'ers', 'ing', 'en', 'er', 'es', 'e', 's'];
const MIN_STEM = 4;

export function dutchPrefix(word: string): string {
  if (!/^\p{L}+$/u.test(word)) return word;
  for (const ending of DUTCH_ENDINGS) {
    if (!word.endsWith(ending) || word.length - ending.length < MIN_STEM) continue;
    const stem = word.slice(0, -ending.length);
    if (ending === 's' && !/[aeiouylnr]$/.test(stem)) continue;
    // plannen → plan, bussen → bus: the doubled consonant belongs to the ending.
    return /([^aeiouy])\1$/.test(stem) ? stem.slice(0, -1) : stem;
  }
  return word;
}

/** An FTS5 MATCH expression: every term must occur. Null when nothing searchable is left. */
export function toFts5(query: SearchQuery): string | null {
  if (!query.terms.length) return null;
  return query.terms
    .map((t) => {
      if (t.quoted || t.words.length > 1) return `"${t.words.join(' ')}"${t.prefix ? '*' : ''}`;
      const stem = dutchPrefix(t.words[0]);
      return stem !== t.words[0] || t.prefix ? `"${stem}"*` : `"${stem}"`;
    })
    .join(' AND ');
}

/** A tsquery text for to_tsquery (the database stems): every term must occur. Null when empty. */
export function toTsquery(query: SearchQuery): string | null {
  if (!query.terms.length) return null;
  return query.terms
    .map((t) => {
      const words = t.words.map((w, i) => (t.prefix && i === t.words.length - 1 ? `${w}:*` : w));
      return words.length > 1 ? `(${words.join(' <-> ')})` : words[0];
    })
    .join(' & ');
}
