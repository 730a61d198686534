// Step one of the paste-import: text pasted from a PDF, a web page or an e-mail becomes a list of
// lines that know their markup. Bold and italics (HTML or Markdown) are taken out of `text` but kept
// in `md` and remembered per line (the college's answers are often in italics); Markdown headings,
// quote marks and list bullets with their indent are read off; runs of spaces (a PDF's table
// columns) become a tab; separator lines ("." or "***") are marked. A document flattened onto one
// very long line (a PDF text pasted without its line breaks) is cut again before its question and
// answer marks and its page footers.
import { conceptOf } from './labels';

export interface Line {
  /** The line as it was pasted. */
  raw: string;
  /** The input line it comes from (a flattened text gives several lines from one). */
  source: number;
  /** The last input line it spans, when a hard-wrapped line was joined again (wrap.ts). */
  lastSource?: number;
  /** The text without markup, bullets, heading or quote marks; a tab where the source had a column gap. */
  text: string;
  /** The same text as Markdown: bold and italics kept, tabs as spaces. */
  md: string;
  /** Most of the line was in italics / in bold. */
  italic: boolean;
  bold: boolean;
  /** A Markdown heading's level (### → 3), 0 for none. */
  heading: number;
  /** The line stood in a quote block ("> …"). */
  quote: boolean;
  /** The line was a list item with a bullet (-, •, *). */
  bullet: boolean;
  /** Leading white space, a tab counting as four. */
  indent: number;
  /** A line of dots, stars or dashes only: a separator. */
  separator: boolean;
}

const ENTITIES: Record<string, string> = { '&nbsp;': ' ', '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

function cleanCharacters(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\f/g, '\n')
    .replace(/<br\s*\/?>|<\/?p\b[^>]*>|<\/?div\b[^>]*>/gi, '\n')
    .replace(/&(?:nbsp|amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e])
    .replace(/[\u00a0\u2007\u202f]/g, ' ')
    .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/\ufb01/g, 'fi')
    .replace(/\ufb02/g, 'fl')
    .replace(/[\u2010\u2011]/g, '-');
}

// A flattened PDF text: cut before the marks that start a line in the printed document: question
// and answer marks, numbered items and their parts, labels ("Onderwerp : …"), page footers.
const FLATTENED_MARKS = new RegExp(
  [
    String.raw`\s(?=(?:Vraag|Antwoord)\s+\d{1,2}(?:\s*(?:en|,)\s*\d{1,2})?\s+\p{Lu})`,
    String.raw`\s(?=Antwoord:?\s+\p{Lu}\p{Ll})`,
    String.raw`\s(?=(?:\p{Lu}\p{Ll}+\s+)?[Vv]ragen\s+van\s+(?:het\s+lid|(?:het|de)\s+leden|de\s+fractie)\s)`,
    String.raw`\s(?=Antwoord\s+van\s+(?:de\s+)?(?:[Mm]inister|[Ss]taatssecretaris)\b)`,
    String.raw`\s(?=Tweede Kamer, vergaderjaar \d{4}.\d{4}, Aanhangsel \d+)`,
    String.raw`(?<=Tweede Kamer, vergaderjaar \d{4}.\d{4}, Aanhangsel \d+)\s`,
    String.raw`(?<=[.?!:]|\p{Ll})\s+(?=\d{1,2}\.\s+\p{Lu})`,
    String.raw`(?<=[.?!:]|\p{L})\s+(?=[a-h]\)\s+\p{Lu})`,
    String.raw`(?<=[?!:]|[^\s.]\.)\s+(?=[a-h]\.\s+\p{Lu})`,
    String.raw`\s(?=(?:Nummer|Onderwerp|Portefeuillehouder|Datum|Kenmerk|Bijlagen?|Aan|Van|Betreft)\s:\s)`,
    String.raw`\s(?=(?:Geachte?|Beste)\s+(?:\p{Ll}+\s+){0,3}?(?:heer|mevrouw|minister|voorzitter|college|leden|dames|raad|gemeenteraad|staten|woordvoerder|bewoners?|omwonenden|\p{Lu})[\p{L} ,.-]{0,60},)`,
    String.raw`(?<=[.!?])\s+(?=(?:Met\s+(?:vriendelijke|hartelijke)\s+groet(?:en)?|Hoogachtend)\b)`,
  ].join('|'),
  'gu',
);

/**
 * A two-column letterhead flattened by a PDF's text layer puts each value on the line of the next label:
 * "Datum" / "21.05.2024  Kenmerk" / "D2024-011394Zaaknummer". A short value with a digit followed by a label of a
 * letter's header at the line's end is two lines: the value, then the label (whose own value is on the next line).
 */
function gluedLabel(line: string): string[] | null {
  const m = /^(\s*\S(?:.{0,40}?)\d[^\s\p{L}]*)\s*(\p{Lu}\p{Ll}+(?:\s+\p{Ll}+)?)\s*$/u.exec(line);
  if (!m || m[1].trim().split(/\s+/).length > 5 || conceptOf(m[2]) === undefined) return null;
  return [m[1].trimEnd(), m[2]];
}

function unflatten(line: string): string[] {
  // "Vraag 1: Hoe? Antwoord: Zo.": an answer's mark after a question mark starts its own line, in any text.
  if (/\?\s+Antwoord\s*:/.test(line) && line.length < 600) return line.split(/(?<=\?)\s+(?=Antwoord\s*:)/);
  const glued = line.length < 80 ? gluedLabel(line) : null;
  if (glued) return glued;
  if (line.length < 600) return [line];
  const marks =
    line.match(
      /\b(?:Vraag|Antwoord)\s+\d{1,2}\b|(?<=[.?!:]\s|\p{Ll}\s)\d{1,2}\.\s+\p{Lu}|\?\s+Antwoord\s|\s(?:Nummer|Onderwerp|Datum)\s:\s|\sGeachte?\s|\sMet\s+vriendelijke\s+groet/gu,
    ) ?? [];
  return marks.length >= 2 ? line.split(FLATTENED_MARKS) : [line];
}

const MARKUP = /<\/?(?:b|strong|i|em|u|span)\b[^>]*>|\*\*|__|\*|_/gi;

/** Takes the markup out of one line's content; `state` carries italics and bold over line ends. */
function stripMarkup(
  line: string,
  state: { italic: boolean; bold: boolean },
): { text: string; md: string; italic: boolean; bold: boolean } {
  let out = '';
  let md = '';
  let italicChars = 0;
  let boldChars = 0;
  let last = 0;
  const add = (chunk: string) => {
    out += chunk;
    md += chunk;
    const n = chunk.replace(/\s/g, '').length;
    if (state.italic) italicChars += n;
    if (state.bold) boldChars += n;
  };
  for (const m of line.matchAll(MARKUP)) {
    const token = m[0].toLowerCase();
    const at = m.index;
    const before = line[at - 1] ?? ' ';
    const after = line[at + token.length] ?? ' ';
    if (token === '*' || token === '_') {
      // A single star or underscore is italics only at a word edge: not a bullet, not a_name.
      const opens = !state.italic && /\S/.test(after) && /[\s([{"'“‘«-]/.test(before);
      const closes = state.italic && /\S/.test(before) && /[\s).,;:!?"'”’»-]/.test(after);
      if (!opens && !closes) continue;
      add(line.slice(last, at));
      state.italic = opens;
      md += '*';
    } else if (token === '**' || token === '__') {
      add(line.slice(last, at));
      state.bold = !state.bold;
      md += '**';
    } else {
      add(line.slice(last, at));
      const tag = /^<(\/?)(i|em|b|strong)\b/.exec(token);
      if (tag) {
        const italic = tag[2] === 'i' || tag[2] === 'em';
        if (italic) state.italic = !tag[1];
        else state.bold = !tag[1];
        md += italic ? '*' : '**';
      }
    }
    last = at + token.length;
  }
  add(line.slice(last));
  const text = out
    .replace(/ {2,}/g, '\t')
    .replace(/[ \t]*\t[ \t]*/g, '\t')
    .replace(/[ \t]+$|^[ \t]+/g, '');
  const chars = text.replace(/\s/g, '').length;
  return {
    text,
    md: md
      .replace(/[ \t]+/g, ' ')
      .replace(/\*\*\s*\*\*|(?<!\*)\*\s*\*(?!\*)/g, ' ')
      .trim(),
    italic: chars > 0 && italicChars * 2 > chars,
    bold: chars > 0 && boldChars * 2 > chars,
  };
}

const SEPARATOR = /^(?:[.·•*_=~–—-]\s*)+$/;
const BULLET = /^(?:[-•–·▪◦●]|\*(?=\s))\s+/;

function readLine(raw: string, source: number, state: { italic: boolean; bold: boolean }): Line {
  const lead = /^[ \t]*/.exec(raw)![0];
  const indent = lead.replace(/\t/g, '    ').length;
  let rest = raw.slice(lead.length);
  let quote = false;
  while (/^>\s?/.test(rest)) {
    quote = true;
    rest = rest.replace(/^>\s?/, '');
  }
  const h = /^(#{1,6})\s+/.exec(rest);
  const heading = h ? h[1].length : 0;
  if (h) rest = rest.slice(h[0].length);
  const separator = SEPARATOR.test(rest.trim()) && rest.trim().length > 0;
  const b = separator ? null : BULLET.exec(rest);
  if (b) rest = rest.slice(b[0].length);
  if (separator) {
    state.italic = false;
    state.bold = false;
    return { raw, source, text: '', md: '', italic: false, bold: false, heading, quote, bullet: false, indent, separator };
  }
  const s = stripMarkup(rest, state);
  // A heading's bold is its own: it does not carry over.
  if (heading) state.bold = false;
  return { raw, source, text: s.text, md: s.md, italic: s.italic, bold: s.bold, heading, quote, bullet: !!b, indent, separator };
}

/** The input's lines as the line model counts them (line ends, form feeds and <br>/<p> tags break a line). */
export const sourceLines = (text: string): string[] => cleanCharacters(text).split('\n');

export function toLines(text: string): Line[] {
  const state = { italic: false, bold: false };
  return cleanCharacters(text)
    .split('\n')
    .flatMap((line, source) => unflatten(line).map((raw) => ({ raw, source })))
    .map(({ raw, source }) => {
      const l = readLine(raw, source, state);
      // A span never runs past an empty line: a stray star does not swallow the text.
      if (!l.text) state.italic = state.bold = false;
      return l;
    });
}

/** The text as the body shows it: tabs become spaces. */
const plain = (text: string): string => text.replace(/\t+/g, ' ');

/** Joins lines broken by a PDF: a hyphen at a line end joins a broken word, or stays when it joins two words. */
export function joinLines(parts: string[]): string {
  let out = '';
  for (const raw of parts.map((p) => plain(p).trim()).filter(Boolean)) {
    if (!out) out = raw;
    else if (/\p{L}-$/u.test(out) && /^\p{Ll}/u.test(raw) && !/^(?:en|of|tot)\b/.test(raw)) out = out.slice(0, -1) + raw;
    else if (/\p{L}-$/u.test(out) && /^[\p{Lu}\d]/u.test(raw)) out += raw;
    else out += ' ' + raw;
  }
  return out;
}

/** Whether a line ends a sentence (or a clause a new line may follow). */
export const endsSentence = (text: string): boolean => /[.!?:;]["'”’»)]*$/.test(text.trim());

/** A question's end: its question mark, perhaps with a footnote mark after it ("…belonen'? [1]", "…?1", "…? 1)"). */
export const ASKS_AT_END = /\?["'”’»)]*(?:\s*\[\d{1,2}\]|\s?\d{1,2}\)?)?$/;

/** A paragraph that asks, though its question mark is missing: it opens with a question word or with the verb. */
export const ASKING_START =
  /^(?:in\s+hoeverre|op\s+welke|(?:wat|wie|welke?|waarom|wanneer|waar|hoe|hoeveel|kunt|kan|bent|is|zijn|heeft|hebt|deelt|klopt|wilt|wil|gaat|wordt|vindt|acht|herinnert|erkent|onderschrijft|ziet|zou|zal)\b)/i;

/**
 * A line that goes on the name above it: "te Maarssen", "der Gemeente Bergen op Zoom", "van de gemeente Ede". A
 * name broken over two lines (a letterhead's column, a signature) ends in the place or body it belongs to.
 */
export const continuesName = (text: string): boolean =>
  /^(?:te|van|der|den|in|uit|voor|de|het)\s+(?:(?:de|het|der|den)\s+)?(?:(?:gemeente|provincie|stad)\s+)?\p{Lu}[\p{L}'’.-]*(?:\s+(?:op|aan|de|den|der|van|en|\p{Lu}[\p{L}'’.-]*))*[,]?$/u.test(
    text.trim(),
  ) && text.trim().split(/\s+/).length <= 7;
