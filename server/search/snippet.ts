// A snippet from the database, marked where it matched, made safe for the page: everything is
// escaped first, and only then do the database's markers become <mark> and </mark>.
import { escapeHtml } from '../shared/html';

/** What the databases put around a match (the index never holds these characters, see the migration). */
export const MARK_START = '\u0002';
export const MARK_END = '\u0003';

const MARKERS = new RegExp(`([${MARK_START}${MARK_END}])`);

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
