// A very small XML writer (feeds, sitemap). Our own rather than a library: what the
// feeds need is escaping text and attributes and leaving out the characters XML 1.0 forbids (a
// reactie may hold a control character pasted from a PDF, which would make the whole feed
// unreadable); a library would add a dependency and still leave those two rules to us.

// Everything outside XML 1.0's Char production, and lone surrogates.
const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function xmlText(value: string): string {
  return value.replace(INVALID_XML_CHARS, '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function xmlAttr(value: string): string {
  return xmlText(value).replace(/"/g, '&quot;');
}

/** An XML element; children are already-written XML strings, or text to escape. */
export interface Node {
  name: string;
  attrs?: Record<string, string | undefined>;
  /** Escaped text content. */
  text?: string;
  children?: Array<Node | null | undefined | false>;
}

export function el(name: string, attrs: Node['attrs'] = {}, content?: string | Node['children']): Node {
  return typeof content === 'string' ? { name, attrs, text: content } : { name, attrs, children: content };
}

function writeXml(node: Node, indent = ''): string {
  const attrs = Object.entries(node.attrs ?? {})
    .filter((e): e is [string, string] => e[1] !== undefined)
    .map(([k, v]) => ` ${k}="${xmlAttr(v)}"`)
    .join('');
  const open = `${indent}<${node.name}${attrs}`;
  if (node.text !== undefined) return `${open}>${xmlText(node.text)}</${node.name}>\n`;
  const children = (node.children ?? []).filter((c): c is Node => Boolean(c));
  if (!children.length) return `${open}/>\n`;
  return `${open}>\n${children.map((c) => writeXml(c, `${indent}  `)).join('')}${indent}</${node.name}>\n`;
}

export function xmlDocument(root: Node): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${writeXml(root)}`;
}
