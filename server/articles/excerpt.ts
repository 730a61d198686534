// The excerpt under a title on the voorpagina, /documenten, dossier and tag pages and in the feeds,
// when the editor wrote no summary of their own. It tells the reader something the title does not:
// never the title again ("Brief over: …" under a letter named after its subject).
//
// News: its first paragraph. A council document: the first sentences of its text after the
// letterhead (the sender, the address, the "Onderwerp:"/"Datum:" lines, "Geachte raad,"). Either
// way a beginning that repeats the title is dropped, and with nothing else to say there is no excerpt.
// Pure functions: the article's queries store the result with the article.

/** A document's excerpt is cut at a sentence (else a word) within this many characters. */
const DOCUMENT_EXCERPT_MAX = 320;
/** Fewer words than this after the letterhead is not yet the text of the document. */
const MIN_PROSE_WORDS = 6;

export interface ExcerptSource {
  title: string;
  /** 'nieuws' or a document type. */
  kind: string;
  bodyMarkdown: string;
  bodyFormat?: 'markdown' | 'html';
  /** The document's subject field, if any. */
  subject?: string | null;
  /** Written questions: the first question, said when the text has no sentences of its own. */
  firstQuestion?: string | null;
}

/** Letters and digits only, lower case, accents folded: "Brief: B&W — de Markt!" → "brief b w de markt". */
function comparable(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The text without Markdown marks and inline tags: "**Kenmerk:** [brief](x)" → "Kenmerk: brief". */
function plain(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/[*_`]+/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The text with a beginning that says the title again left out (and the colon or dash after it), as a sentence again. */
export function withoutTitle(text: string, title: string): string {
  const wanted = comparable(title);
  if (!wanted || !comparable(text).startsWith(wanted)) return text;
  for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
    const end = m.index + m[0].length;
    const seen = comparable(text.slice(0, end));
    if (seen === wanted) {
      const rest = text.slice(end).replace(/^[\s:;,.!?|*_"'“”‘’()–—-]+/u, '');
      return rest.charAt(0).toLocaleUpperCase('nl-NL') + rest.slice(1);
    }
    if (seen.length > wanted.length) break;
  }
  return text;
}

/** At most `max` characters, ending after a whole sentence when there is one, else after a whole word. */
function firstSentences(text: string, max: number): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max + 1);
  const sentence = Math.max(...[...head.matchAll(/[.!?…](?=\s)/g)].map((m) => m.index + 1), 0);
  if (sentence >= max / 3) return text.slice(0, sentence);
  const word = head.lastIndexOf(' ');
  return `${text.slice(0, word > 0 ? word : max).replace(/[\s,;:–—-]+$/, '')} …`;
}

// A line of a letterhead: "Onderwerp : Parkeren", "**Datum:** 5 maart", "ONDERWERP".
const LABEL_LINE = /^[\p{L}][\p{L} ]{1,30}\s*:\s*\S/u;
const CAPITALS_LINE = /^[\p{Lu}\p{N}\s.-]+$/u;
// A label line is short, or no sentence: "Parkeren in Wyck: de druk is hoog, zo blijkt uit tellingen." is text.
const isLetterhead = (line: string) => CAPITALS_LINE.test(line) || (LABEL_LINE.test(line) && (line.length <= 60 || !/[.!?…]$/.test(line)));
// A section heading standing above its text without a blank line: "Aanleiding", "Kernboodschap".
// Short, and followed by a line that starts a sentence: a line of text wrapped by a PDF goes on in lower case.
const HEADING_LINE = /^\p{Lu}[^.:;,!?]{0,39}$/u;
const isHeading = (line: string, next: string | undefined) =>
  HEADING_LINE.test(line) && line.split(' ').length <= 4 && next !== undefined && /^\p{Lu}/u.test(next);
// A PDF's page footer: "Pagina 1 van 2".
const PAGE_LINE = /^pagina \d+ (van|\/) \d+$/i;
const LIST_LINE = /^(\d+[.)]|[-*+•])\s/;
const NOT_PROSE_BLOCK = /^(#|>|\||```|[-*+] |\d+\. )/;

/** Lines wrapped by a PDF as one text: "ver-" + "nietigd" is "vernietigd", "Maastricht-" + "Heuvelland" keeps its hyphen. */
function joinLines(lines: string[]): string {
  return lines.reduce((text, line) => {
    if (!text) return line;
    if (/\p{L}-$/u.test(text)) return /^\p{Ll}/u.test(line) ? text.slice(0, -1) + line : text + line;
    return `${text} ${line}`;
  }, '');
}

/** Whether most words of `text` (of three letters or more) are in the title already. */
function repeatsTitle(text: string, title: string): boolean {
  const named = new Set(comparable(title).split(' '));
  const words = comparable(text)
    .split(' ')
    .filter((w) => w.length >= 3);
  return words.length === 0 || words.filter((w) => named.has(w)).length / words.length >= 0.6;
}

/** A document's first sentences of text after its letterhead, or '' when none is found. */
function documentProse(body: string, title: string): string {
  for (const block of body.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    if (NOT_PROSE_BLOCK.test(block.trim())) continue;
    const lines = block
      .split('\n')
      .map((line) => plain(line))
      .filter((line) => line && !PAGE_LINE.test(line));
    while (isHeading(lines[0], lines[1])) lines.shift();
    const end = lines.findIndex((line) => LIST_LINE.test(line));
    const taken = end === -1 ? lines : lines.slice(0, end);
    if (taken.filter(isLetterhead).length * 2 > taken.length) continue;
    const whole = joinLines(taken);
    // A sentence: it starts with a capital (not "en gaat over tot de orde van de dag."), ends as one
    // (not "Geachte raad," or an address) and is long enough to be the text itself.
    if (!/^["'“‘(]?[\p{Lu}\p{N}]/u.test(whole) || !/[.!?…]["'”’)]?$/.test(whole)) continue;
    const text = withoutTitle(whole, title);
    if (text.split(/\s+/).length < MIN_PROSE_WORDS) continue;
    return firstSentences(text, DOCUMENT_EXCERPT_MAX);
  }
  return '';
}

/** Plain text as Markdown that renders as that text. */
function asMarkdown(text: string): string {
  return text.replace(/([\\`*_[\]#<>])/g, '\\$1');
}

/** The first paragraph (a heading, quote, table or list only when there is nothing else), without the title. */
function newsParagraph(body: string, title: string): string {
  const blocks = body
    .replace(/\r\n/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.trim())
    .filter(Boolean);
  const ordered = [...blocks.filter((b) => !NOT_PROSE_BLOCK.test(b)), ...blocks.filter((b) => NOT_PROSE_BLOCK.test(b))];
  for (const block of ordered) {
    const rest = withoutTitle(block, title);
    if (comparable(rest)) return rest;
  }
  return '';
}

/** The Markdown of the excerpt when the editor wrote none; '' when there is nothing to say beside the title. */
export function autoExcerpt(source: ExcerptSource): string {
  const { title, kind, bodyMarkdown } = source;
  // An imported HTML body: its first paragraph as before (imports/ usually bring an excerpt of their own).
  if (source.bodyFormat === 'html' || kind === 'nieuws') return newsParagraph(bodyMarkdown, title);
  const prose = documentProse(bodyMarkdown, title);
  if (prose) return asMarkdown(prose);
  // No sentences of its own after the letterhead: the first question, or the subject when it says more than the title.
  const question = plain(source.firstQuestion ?? '');
  if (question) return asMarkdown(firstSentences(`Vraag 1: ${question}`, DOCUMENT_EXCERPT_MAX));
  const subject = plain(source.subject ?? '');
  if (!subject || repeatsTitle(subject, title)) return '';
  return asMarkdown(`Onderwerp: ${subject}`);
}
