// The body as Markdown, keeping the document's structure: section headings (a short line followed
// by text, also after a "." separator line) become "##" headings, lists keep their nesting, lines
// broken by a PDF or a mail program are rejoined into their paragraph, emphasis stays, separator
// lines and letterhead go, and what became a field, a question or an answer is not repeated.
import { endsSentence, type Line } from './lines';
import { numbered, SUB_ITEM } from './numbering';

export type Role = 'field' | 'letterhead' | 'heading' | 'question' | 'answer' | 'signer' | 'body' | 'title' | 'blank';

/** Roles whose lines the body shows. */
const SHOWN = new Set<Role>(['body', 'heading', 'signer']);

const wordCount = (t: string) => t.split(/\s+/).filter(Boolean).length;

/** Whether a body line is a section heading: short, no sentence, after a break, followed by text. */
export function isHeadingLine(lines: Line[], roles: Role[], i: number): boolean {
  const l = lines[i];
  const t = l.text.replace(/\t/g, ' ').trim();
  if (!t || roles[i] === 'signer' || l.bullet) return false;
  if (l.heading) return true;
  if (wordCount(t) > 10 || t.length > 100 || /[.,;:?!]$/.test(t) || !/^[\p{Lu}\d]/u.test(t) || numbered(t) || SUB_ITEM.test(t))
    return false;
  if (/^\d[\d\s.,:-]*$/.test(t)) return false;
  // After a break: the start, an empty line, a separator, or a line the body does not show.
  const prev = lines[i - 1];
  const afterBreak = i === 0 || !prev.text || prev.separator || !SHOWN.has(roles[i - 1]) || roles[i - 1] === 'heading';
  if (!afterBreak) return false;
  let j = i + 1;
  while (j < lines.length && !lines[j].text && !lines[j].separator) j++;
  if (j >= lines.length || !SHOWN.has(roles[j]) || roles[j] === 'signer') return false;
  const next = lines[j].text.trim();
  return lines[j].bullet || numbered(next) !== null || wordCount(next) >= 8 || (l.bold && wordCount(next) >= 3);
}

/** The lines the body shows, as Markdown. */
export function buildBody(lines: Line[], roles: Role[]): string {
  const out: string[] = [];
  let prev: Line | null = null;
  /** Indents of the bullets of the list being written, to nest its items. */
  let indents: number[] = [];
  const brk = () => {
    if (out.length && out[out.length - 1] !== '') out.push('');
    prev = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    const role = roles[i];
    if (l.separator || !l.text.trim()) {
      brk();
      if (!l.text.trim()) indents = [];
      continue;
    }
    if (!SHOWN.has(role)) {
      if (role !== 'letterhead') brk();
      continue;
    }
    const md = l.md || l.text.replace(/\t+/g, ' ');
    if (role === 'heading') {
      brk();
      const level = Math.min(Math.max(l.heading || 2, 2), 4);
      out.push(`${'#'.repeat(level)} ${l.text.replace(/\t+/g, ' ').replace(/[:]$/, '')}`, '');
      indents = [];
      continue;
    }
    if (l.bullet) {
      if (!indents.length && prev) brk();
      if (!indents.includes(l.indent)) indents = [...indents.filter((x) => x < l.indent), l.indent];
      const depth = indents.filter((x) => x < l.indent).length;
      out.push(`${'  '.repeat(depth)}- ${md}`);
      prev = l;
      continue;
    }
    const marker = numbered(l.text) !== null || SUB_ITEM.test(l.text);
    if (prev && !prev.bullet && !marker && out.length) {
      const before = prev.text.trim();
      const t = l.text.trim();
      const last = out.length - 1;
      const wrapped =
        !endsSentence(before) && (/^[\p{Ll}(]/u.test(t) || before.length >= 60) && role !== 'signer' && roles[i - 1] !== 'signer';
      if (wrapped) {
        out[last] = /\p{L}-$/u.test(out[last]) && /^\p{Ll}/u.test(t) ? out[last].slice(0, -1) + md : `${out[last]} ${md}`;
        prev = l;
        continue;
      }
      if (before.length >= 60 && endsSentence(before)) out.push('');
    } else if (prev?.bullet && !l.bullet) brk();
    indents = [];
    out.push(md);
    prev = l;
  }
  return out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
