// WordPress's HTML as Stadslog keeps it: a post body through the article sanitizer, a comment as
// the plain text every reactie is.
import sanitizeHtml from 'sanitize-html';
import { renderArticleHtml } from '../shared/markdown';

// [caption id="…" align="…" width="300"]<img …> Het bijschrift[/caption]
const CAPTION = /\[caption\b[^\]]*\]([\s\S]*?)\[\/caption\]/gi;
// Any other shortcode tag, opening or closing: [gallery ids="1,2"], [embed]…[/embed], [/audio].
const SHORTCODE = /\[\/?[a-z][a-z0-9_-]*(?:\s[^\]]*)?\]/gi;

function caption(_match: string, inner: string): string {
  // The image (perhaps inside a link) is the figure; the text after it is the caption.
  const m = /^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*<\/a>)?)([\s\S]*)$/i.exec(inner);
  if (!m) return inner;
  const text = m[2].trim();
  return `<figure>${m[1]}${text ? `<figcaption>${text}</figcaption>` : ''}</figure>`;
}

/** WordPress's paragraph rule (wpautop, simplified): a blank line ends a paragraph, a single one is a <br>. */
function autoParagraphs(html: string): string {
  if (/<p[\s>]/i.test(html)) return html; // block editor content already has its paragraphs
  const BLOCK = /^<(?:figure|h[1-6]|ul|ol|blockquote|pre|table|hr|div|p)\b/i;
  return html
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => (BLOCK.test(part) ? part : `<p>${part.replace(/\n/g, '<br>\n')}</p>`))
    .join('\n');
}

/**
 * "<![CDATA[" in a post's HTML is text its author wrote (an export escapes a real one): kept as text,
 * where an HTML parser would take it for a comment and drop it with all that follows up to "]]>".
 */
function keepCdataText(html: string): string {
  return html.replace(/<!\[CDATA\[/g, '&lt;![CDATA[');
}

/** A post's content:encoded as article HTML: block comments and shortcodes gone, then sanitised. */
export function wordpressBodyHtml(content: string): string {
  const html = keepCdataText(content)
    .replace(/<!--[\s\S]*?-->/g, '') // <!-- wp:paragraph -->, <!--more-->, any other comment
    .replace(CAPTION, caption)
    .replace(SHORTCODE, '');
  return renderArticleHtml(autoParagraphs(html)).trim();
}

// sanitize-html decodes every entity when it parses and escapes only these when it writes text.
const ESCAPED: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"' };

/** HTML as plain text: tags gone, entities decoded, paragraphs and line breaks kept. */
export function htmlToPlainText(html: string): string {
  const marked = keepCdataText(html)
    .replace(/\r\n?/g, '\n')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|blockquote|li|h[1-6])\s*>/gi, '\n\n');
  const text = sanitizeHtml(marked, { allowedTags: [], allowedAttributes: {} }).replace(/&(amp|lt|gt|quot);/g, (e) => ESCAPED[e]);
  return text
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A short plain summary of an article body for the voorpagina: its first paragraph's text. */
export function firstParagraphText(html: string, max = 400): string {
  const text = htmlToPlainText(html).split('\n\n')[0] ?? '';
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
