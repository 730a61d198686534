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
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'title'],
    ol: ['start'],
    th: ['align'],
    td: ['align'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['https', 'http'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // Markdown "# Title" would compete with the page's own h1: shift headings one level down.
    h1: 'h2',
    a: (tagName, attribs) => {
      const external = /^https?:\/\//i.test(attribs.href ?? '');
      return { tagName, attribs: external ? { ...attribs, rel: 'noopener' } : { ...attribs } };
    },
  },
};

/** Article HTML; `document: true` also recognises the section headings of a council document. */
export function renderMarkdown(source: string, opts: { document?: boolean } = {}): string {
  if (opts.document) {
    const tokens = markdown.parse(source, {});
    documentHeadings(tokens);
    return sanitizeHtml(markdown.renderer.render(tokens, markdown.options, {}), SANITIZE_POLICY);
  }
  return sanitizeHtml(markdown.render(source), SANITIZE_POLICY);
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
export function renderBody(source: string, format: 'markdown' | 'html', opts: { document?: boolean } = {}): string {
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
