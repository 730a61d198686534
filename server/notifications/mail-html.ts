// The HTML alternative of every mail: the same words as the plain text, escaped, in a plain
// layout that mail programs show alike. Inline styles only (mail programs drop <style> and
// stylesheets) and no remote images (they track the reader and are blocked anyway).
import { escapeHtml } from '../shared/html';

export type MailBlock =
  | { kind: 'p'; text: string }
  /** A resident's words: their line breaks kept, set off like a quote. */
  | { kind: 'quote'; text: string }
  /** A link as a button-like line: the address is the href, the text what it does. */
  | { kind: 'link'; text: string; href: string }
  /** One entry of a list of articles: its title as a link, a line about it, and its excerpt. */
  | { kind: 'item'; title: string; href: string; meta: string; text: string }
  /** Small print at the bottom (why this mail came, how to stop it), may hold one link. */
  | { kind: 'footer'; text: string; link?: { text: string; href: string } };

const FONT = 'font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a';

function lines(text: string): string {
  return text.split('\n').map(escapeHtml).join('<br>');
}

// Only our own http(s) addresses come here; anything else would be a bug, never a link.
function href(url: string): string {
  if (!/^https?:\/\//.test(url)) throw new Error(`mail link is not http(s): ${url}`);
  return escapeHtml(url);
}

function block(b: MailBlock): string {
  switch (b.kind) {
    case 'p':
      return `<p style="margin:0 0 16px">${lines(b.text)}</p>`;
    case 'quote':
      return `<blockquote style="margin:0 0 16px;padding:8px 16px;border-left:4px solid #8a8a8a;background:#f4f4f4">${lines(b.text)}</blockquote>`;
    case 'link':
      return (
        `<p style="margin:0 0 16px"><a href="${href(b.href)}" style="display:inline-block;padding:8px 16px;background:#0b5394;` +
        `color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(b.text)}</a></p>`
      );
    case 'item':
      return (
        `<div style="margin:0 0 24px"><p style="margin:0;font-size:18px;font-weight:bold"><a href="${href(b.href)}" style="color:#0b5394">` +
        `${escapeHtml(b.title)}</a></p><p style="margin:0 0 4px;font-size:14px;color:#555555">${escapeHtml(b.meta)}</p>` +
        (b.text ? `<p style="margin:0">${lines(b.text)}</p>` : '') +
        `</div>`
      );
    case 'footer': {
      const link = b.link ? ` <a href="${href(b.link.href)}" style="color:#0b5394">${escapeHtml(b.link.text)}</a>` : '';
      return `<p style="margin:24px 0 0;font-size:13px;color:#555555">${lines(b.text)}${link}</p>`;
    }
  }
}

/** A whole HTML document in Dutch for one mail, titled with its subject. */
export function mailHtml(subject: string, siteName: string, blocks: MailBlock[]): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="nl"><head><meta charset="utf-8">',
    `<title>${escapeHtml(subject)}</title></head>`,
    `<body style="margin:0;padding:16px;background:#ffffff"><div style="max-width:600px;${FONT}">`,
    ...blocks.map(block),
    `<p style="margin:24px 0 0;font-size:13px;color:#555555">${escapeHtml(siteName)}</p>`,
    '</div></body></html>',
  ].join('\n');
}
