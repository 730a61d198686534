// A snippet of a hit's text, marked where it matched (markMatches, the same on both databases),
// made safe for the page: everything is escaped first, and only then do the markers become <mark>
// and </mark>.
import { escapeHtml } from '../shared/html';
import type { DutchAnalyser } from './analyser/dutch';
import { STOPWORDS } from './analyser/stopwords';
import { foldText } from './fold';
import type { ExpandedTerm } from './terms';

/** What markMatches puts around a match, before snippetHtml escapes the rest (texts never keep them). */
const MARK_START = '\u0002';
const MARK_END = '\u0003';

const MARKERS = new RegExp(`([${MARK_START}${MARK_END}])`);
/** Markers a text already held (typed or pasted), taken out before it is marked. */
const STRAY_MARKERS = new RegExp(`[${MARK_START}${MARK_END}]`);
const STRAY_MARKERS_ALL = new RegExp(`[${MARK_START}${MARK_END}]`, 'g');

// Markdown's own marks read as noise in a line of plain text.
const MARKDOWN_NOISE = /[*_#`]+|\]\([^)\s]*\)|\[/g;

export function snippetHtml(raw: string): string {
  const text = raw.replace(MARKDOWN_NOISE, ' ').replace(/\s+/g, ' ').trim();
  let open = false;
  let out = '';
  // Stray or doubled markers cannot open a tag twice or close one never opened.
  for (const part of text.split(MARKERS)) {
    if (part === MARK_START) {
      if (!open) out += '<mark>';
      open = true;
    } else if (part === MARK_END) {
      if (open) out += '</mark>';
      open = false;
    } else out += escapeHtml(part);
  }
  return open ? `${out}</mark>` : out;
}

const WINDOW = 26;
const BEFORE = 6;
const FRAGMENTS = 2;
/** Beyond this much text a snippet does not look: the first matches are there. */
const SCAN = 60_000;

/**
 * The text's best one or two stretches of words with the words that matched the query between
 * the markers: exact words, words starting with an unfinished last word, and words whose stems or
 * parts are among the query's stems. Plain text in, plain text with markers out (escape after).
 */
export function markMatches(text: string, terms: ExpandedTerm[], analyser: DutchAnalyser): string {
  const exact = new Set<string>();
  const prefixes: string[] = [];
  const stems = new Set<string>();
  for (const t of terms) {
    t.phrases.forEach((words, i) => {
      for (const w of words) if (!STOPWORDS.has(w) || (words.length === 1 && terms.length === 1)) exact.add(w);
      if (i === 0 && t.prefix) prefixes.push(words.at(-1)!);
    });
    for (const s of t.stems) stems.add(s);
  }
  const scanned = text.slice(0, SCAN);
  const clean = STRAY_MARKERS.test(scanned) ? scanned.replace(STRAY_MARKERS_ALL, '') : scanned;
  // Words are read and judged only as far as the snippet reaches (a council document's text is
  // long; its first matches are near the top): the same snippet as judging every word first.
  const pattern = /[\p{L}\p{N}]+/gu;
  const words: RegExpExecArray[] = [];
  let read = false;
  const wordAt = (i: number): RegExpExecArray | undefined => {
    while (!read && words.length <= i) {
      const m = pattern.exec(clean);
      // At the end exec starts again from the top: the text is read once.
      if (m) words.push(m);
      else read = true;
    }
    return words[i];
  };
  const judged: boolean[] = [];
  const isHit = (i: number): boolean => {
    if (judged[i] === undefined) {
      const folded = foldText(words[i][0]);
      if (exact.has(folded) || prefixes.some((p) => folded.startsWith(p))) judged[i] = true;
      else if (!stems.size || STOPWORDS.has(folded) || !/^\p{L}+$/u.test(folded)) judged[i] = false;
      else {
        const analysis = analyser.analyse(folded);
        judged[i] = analysis.stems.some((s) => stems.has(s)) || analysis.parts.some((s) => stems.has(s));
      }
    }
    return judged[i];
  };
  const starts: number[] = [];
  for (let i = 0; wordAt(i) && starts.length < FRAGMENTS; i++) {
    if (isHit(i) && !starts.some((s) => i < s + WINDOW)) starts.push(Math.max(0, i - BEFORE));
  }
  if (!starts.length) starts.push(0);
  const pieces = starts.map((from) => {
    let to = from;
    while (to < from + WINDOW && wordAt(to)) to++;
    let out = '';
    for (let i = from; i < to; i++) {
      const m = words[i];
      const end = i + 1 < to ? words[i + 1].index : m.index + m[0].length;
      const word = isHit(i) ? `${MARK_START}${m[0]}${MARK_END}` : m[0];
      out += word + clean.slice(m.index + m[0].length, end);
    }
    const lead = from > 0 ? '… ' : '';
    const tail = wordAt(to) ? ' …' : '';
    return `${lead}${out.trim()}${tail}`;
  });
  return pieces.join(' ');
}
