// Step one of the paste-import: text pasted from a PDF or an e-mail becomes clean lines. Markup
// (bold, italics as HTML or Markdown) is taken out; whether a line was set in italics is kept,
// because the college's answers often are. Runs of spaces (a PDF's table columns) become a tab.

export interface Line {
  /** The text without markup, spaces collapsed; a tab where the source had a column gap. */
  text: string;
  /** Most of the line was in italics. */
  italic: boolean;
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

const MARKUP = /<\/?(?:b|strong|i|em|u|span)\b[^>]*>|\*\*|__|\*|_/gi;

/** Takes the markup out of one line; `state.italic` carries an italic span over line ends. */
function stripMarkup(line: string, state: { italic: boolean }): Line {
  let out = '';
  let italicChars = 0;
  let last = 0;
  const add = (chunk: string) => {
    out += chunk;
    if (state.italic) italicChars += chunk.replace(/\s/g, '').length;
  };
  for (const m of line.matchAll(MARKUP)) {
    const token = m[0].toLowerCase();
    const at = m.index;
    const before = line[at - 1] ?? ' ';
    const after = line[at + token.length] ?? ' ';
    if (token === '*' || token === '_') {
      // A single star or underscore is italics only at a word edge: not a bullet, not a_name.
      const opens = !state.italic && /\S/.test(after) && /[\s([{"'“‘-]/.test(before);
      const closes = state.italic && /\S/.test(before) && /[\s).,;:!?"'”’-]/.test(after);
      if (!opens && !closes) continue;
      add(line.slice(last, at));
      state.italic = opens;
    } else {
      add(line.slice(last, at));
      if (/^<(i|em)\b/.test(token)) state.italic = true;
      else if (/^<\/(i|em)>/.test(token)) state.italic = false;
    }
    last = at + token.length;
  }
  add(line.slice(last));
  const text = out
    .replace(/ {2,}/g, '\t')
    .replace(/[ \t]*\t[ \t]*/g, '\t')
    .replace(/[ \t]+$|^[ \t]+/g, '');
  const chars = text.replace(/\s/g, '').length;
  return { text, italic: chars > 0 && italicChars * 2 > chars };
}

export function toLines(text: string): Line[] {
  const state = { italic: false };
  return cleanCharacters(text)
    .split('\n')
    .map((line) => {
      const l = stripMarkup(line, state);
      // An italic span never runs past an empty line: a stray star does not swallow the text.
      if (!l.text) state.italic = false;
      return l;
    });
}

/** The text as the body shows it: tabs become spaces. */
export const plain = (text: string): string => text.replace(/\t+/g, ' ');

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
