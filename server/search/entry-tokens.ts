// What the index holds for one entry, made by the Dutch analyser: the folded words of the title,
// the document fields and the text in order (exact words and phrases), and the stems and compound
// parts of every word. Pure; the same for both databases, which store it each in their own way.
import type { DutchAnalyser } from './analyser/dutch';
import { STOPWORDS } from './analyser/stopwords';
import { foldedWords } from './fold';

/** The most text of one entry that is analysed: a council document's full text fits many times. */
const MAX_TEXT = 300_000;

export interface EntryText {
  title: string;
  fields: string;
  body: string;
}

export interface EntryTokens {
  title: string[];
  fields: string[];
  body: string[];
  /** Stems of the words of title, fields and body, once each per place they stand. */
  stems: string[];
  parts: string[];
  /** Every distinct word, for "Bedoelde je …?". */
  distinct: Set<string>;
}

export function entryTokens(analyser: DutchAnalyser, entry: EntryText): EntryTokens {
  const title = foldedWords(entry.title.slice(0, 1000));
  const fields = foldedWords(entry.fields.slice(0, MAX_TEXT));
  const body = foldedWords(entry.body.slice(0, MAX_TEXT));
  const stems: string[] = [];
  const parts: string[] = [];
  const distinct = new Set<string>();
  for (const list of [title, fields, body]) {
    for (const word of list) {
      distinct.add(word);
      if (STOPWORDS.has(word)) continue;
      const analysis = analyser.analyse(word);
      stems.push(...analysis.stems);
      for (const part of analysis.parts) if (!STOPWORDS.has(part)) parts.push(part);
    }
  }
  return { title, fields, body, stems, parts, distinct };
}

/** Lexemes of a PostgreSQL tsvector: a stem and a part are told from a word by their first character. */
export const STEM_MARK = '~';
export const PART_MARK = '+';

/** PostgreSQL keeps at most this many positions per lexeme, and positions up to 16383. */
const MAX_POSITIONS = 255;
const MAX_POSITION = 16383;

/**
 * The tokens as a PostgreSQL tsvector literal: title words weight A, field words B, text C, stems
 * and parts D (ranked below any exact word). Positions count words, so phrases match.
 */
export function tsvectorLiteral(tokens: EntryTokens): string {
  const lexemes = new Map<string, string[]>();
  let position = 0;
  const add = (lexeme: string, weight: string, at: number) => {
    const list = lexemes.get(lexeme);
    const entry = `${Math.min(at, MAX_POSITION)}${weight}`;
    if (!list) lexemes.set(lexeme, [entry]);
    else if (list.length < MAX_POSITIONS) list.push(entry);
  };
  for (const [words, weight] of [
    [tokens.title, 'A'],
    [tokens.fields, 'B'],
    [tokens.body, 'C'],
  ] as const) {
    for (const word of words) add(word, weight, ++position);
    position += 1;
  }
  // Stems and parts stand apart from the words: their positions only need to exist.
  tokens.stems.forEach((s, i) => add(STEM_MARK + s, 'D', i + 1));
  tokens.parts.forEach((p, i) => add(PART_MARK + p, 'D', i + 1));
  return [...lexemes].map(([lexeme, positions]) => `'${lexeme}':${positions.join(',')}`).join(' ');
}
