// The one way article HTML is made: Markdown passed through one strict sanitize-html policy.
// Link attributes are set inside the sanitizer, never by rewriting the HTML afterwards.
//
// Editors paste council documents from PDFs and e-mails, so what they paste must come out as they
// see it: a single line break is a line break (a letterhead "datum : …" / "aan : …" stays two lines),
// and the inline emphasis tags that e-mail text carries (<b>Onderwerp:</b>, <i>…</i>) are rendered.
// Every other piece of raw HTML is shown as the text it is, as before; the sanitizer stays behind it.
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

const markdown = new MarkdownIt({ html: true, linkify: true, typographer: true, breaks: true });
type Token = ReturnType<typeof markdown.parse>[number];

// A bare inline emphasis tag, without attributes: the only raw HTML that passes.
const INLINE_TAG = /^<(\/?)(b|strong|i|em|u|s|sub|sup)>$|^<br\s*\/?>$/i;
markdown.renderer.rules.html_inline = (tokens, idx) => {
  const raw = tokens[idx].content;
  return INLINE_TAG.test(raw) ? raw.toLowerCase() : markdown.utils.escapeHtml(raw);
};
markdown.renderer.rules.html_block = (tokens, idx) => `<p>${markdown.utils.escapeHtml(tokens[idx].content.trim())}</p>\n`;

/**
 * In a council document, a short line standing alone between paragraphs, starting with a capital
 * and without closing punctuation ("Aanleiding", "Kernboodschap"), is a section heading.
 */
function documentHeadings(tokens: Token[]): void {
  for (let i = 0; i + 2 < tokens.length; i++) {
    const [open, inline, close] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    if (open.type !== 'paragraph_open' || open.level !== 0 || inline.type !== 'inline' || close.type !== 'paragraph_close') continue;
    const text = inline.content.trim();
    const next = tokens[i + 3];
    if (!next || next.type !== 'paragraph_open' || text.length > 60 || /[.:;,!?)]$/.test(text) || !/^\p{Lu}/u.test(text) || /\n/.test(text))
      continue;
    open.type = 'heading_open';
    open.tag = 'h3';
    close.type = 'heading_close';
    close.tag = 'h3';
  }
}

/** The attributes, without those of `allowed` whose value is not one listed. */
function onlyValues(attribs: sanitizeHtml.Attributes, allowed: Record<string, string[]>): sanitizeHtml.Attributes {
  return Object.fromEntries(Object.entries(attribs).filter(([name, value]) => !(name in allowed) || allowed[name].includes(value)));
}

const SANITIZE_POLICY: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'b',
    'i',
    'u',
    'br',
    'hr',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'blockquote',
    'pre',
    'code',
    'em',
    'strong',
    's',
    'del',
    'sup',
    'sub',
    'ul',
    'ol',
    'li',
    'a',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
    // A photo in the text (images/figure.ts): figure, picture, source, img, figcaption, span.
    'figure',
    'picture',
    'source',
    'figcaption',
    'span',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title', 'srcset', 'sizes', 'width', 'height', 'loading', 'decoding'],
    source: ['type', 'srcset', 'sizes'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https', 'http'], source: ['https', 'http'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  selfClosing: [...sanitizeHtml.defaults.selfClosing, 'source'],
  transformTags: {
    // A photo's attributes with a fixed meaning keep only that value (images/figure.ts writes no other).
    img: (tagName, attribs) => ({ tagName, attribs: onlyValues(attribs, { loading: ['lazy'], decoding: ['async'] }) }),
    source: (tagName, attribs) => ({ tagName, attribs: onlyValues(attribs, { type: ['image/webp', 'image/avif'] }) }),
    // Markdown "# Title" would compete with the page's own h1: shift headings one level down.
    h1: 'h2',
    a: (tagName, attribs) => {
      const external = /^https?:\/\//i.test(attribs.href ?? '');
      return { tagName, attribs: external ? { ...attribs, rel: 'noopener' } : { ...attribs } };
    },
  },
};

/**
 * The markup of a photo in the text, by its id (images/figure.ts makes it); null for a photo that
 * does not exist (any more): the line then shows nothing.
 */
export type FigureOf = (id: number) => string | null;

// A paragraph that is only "[foto 12]" is that photo.
const FIGURE_LINE = /^\[foto (\d{1,9})\]$/;

function figures(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const [open, inline, close] = [tokens[i], tokens[i + 1], tokens[i + 2]];
    const match = open.type === 'paragraph_open' && close?.type === 'paragraph_close' ? FIGURE_LINE.exec(inline.content.trim()) : null;
    if (!match) {
      out.push(open);
      continue;
    }
    open.type = 'figure';
    open.meta = { id: Number(match[1]) };
    out.push(open);
    i += 2;
  }
  return out;
}
markdown.renderer.rules.figure = (tokens, idx, _options, env) =>
  `${(env as { figureOf?: FigureOf } | undefined)?.figureOf?.((tokens[idx].meta as { id: number }).id) ?? ''}\n`;

/**
 * Article HTML; `document: true` also recognises the section headings of a council document, and
 * `figureOf` gives the markup of the photos the text names ("[foto 12]" on a line of its own).
 */
export function renderMarkdown(source: string, opts: { document?: boolean; figureOf?: FigureOf } = {}): string {
  const tokens = markdown.parse(source, {});
  if (opts.document) documentHeadings(tokens);
  const html = markdown.renderer.render(figures(tokens), markdown.options, { figureOf: opts.figureOf });
  return sanitizeHtml(html, SANITIZE_POLICY);
}

// HTML brought in from elsewhere (a WordPress export): the same policy, plus the figure around an
// image with its caption. Nothing else of the source survives: no scripts, styles, classes or frames.
const HTML_POLICY: sanitizeHtml.IOptions = {
  ...SANITIZE_POLICY,
  allowedTags: [...(SANITIZE_POLICY.allowedTags as string[]), 'figure', 'figcaption'],
};

/** Article HTML from an HTML body (an imported article): sanitised, never rendered as Markdown. */
export function renderArticleHtml(html: string): string {
  return sanitizeHtml(html, HTML_POLICY);
}

/** An article body as HTML, by the format it is stored in. */
export function renderBody(source: string, format: 'markdown' | 'html', opts: { document?: boolean; figureOf?: FigureOf } = {}): string {
  return format === 'html' ? renderArticleHtml(source) : renderMarkdown(source, opts);
}

/** The first paragraph of a Markdown text, used as excerpt when the editor leaves it empty. */
export function firstParagraph(source: string): string {
  const blocks = source
    .replace(/\r\n/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.trim());
  return blocks.find((b) => b && !/^(#|>|\||```|[-*+] |\d+\. )/.test(b)) ?? blocks.find((b) => b) ?? '';
}
