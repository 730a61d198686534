// Reads a WordPress export (WXR 1.0–1.2) as a stream: one author, category, tag or item at a time,
// so a 500 MB export is never in memory at once, only the item being read (with its comments).
//
// saxes is a strict XML parser (a broken file is an error, not a guess), reports CDATA sections as
// such, and takes text in chunks: the file is fed in pieces and the records that are complete after
// each piece are handed on before the next is read.
import { SaxesParser } from 'saxes';

/** A small element tree for one record; text is the concatenated text and CDATA inside it. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlNode[];
}

export type WxrRecord =
  | { type: 'version'; version: string }
  /** The channel's link, wp:base_site_url or wp:base_blog_url: the old site's own addresses. */
  | { type: 'site'; url: string }
  | { type: 'author' | 'category' | 'tag' | 'term' | 'item'; node: XmlNode };

const RECORDS: Record<string, 'author' | 'category' | 'tag' | 'term' | 'item'> = {
  'wp:author': 'author',
  'wp:category': 'category',
  'wp:tag': 'tag',
  'wp:term': 'term',
  item: 'item',
};
const SITE_FIELDS = new Set(['link', 'wp:base_site_url', 'wp:base_blog_url']);
const SUPPORTED_VERSIONS = ['1.0', '1.1', '1.2'];
const MAX_SITE_FIELD = 10_000;

/** The file is not a WordPress export, or not one we can read: a Dutch message for the command line. */
export class WxrError extends Error {}

/** The text of the first child with this name ('' when there is none). */
export function childText(node: XmlNode, name: string): string {
  return node.children.find((c) => c.name === name)?.text ?? '';
}

export function childrenNamed(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}

/**
 * Reads chunks of the file (bytes) and yields its records in order. `onBytes` hears how many bytes
 * have been read so far, for a progress line.
 */
export async function* readWxr(
  chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  onBytes?: (n: number) => void,
): AsyncGenerator<WxrRecord> {
  const parser = new SaxesParser({ xmlns: false, position: true });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const ready: WxrRecord[] = [];
  const early: WxrRecord[] = []; // site addresses read before the version, handed on after it
  const path: string[] = [];
  let record: XmlNode[] | null = null; // the open elements of the record being read, outermost first
  let version: string | null = null;
  let channelField: { name: string; text: string } | null = null;
  let failure: Error | null = null;

  parser.on('error', (err) => {
    failure ??= new WxrError(
      `Het bestand is geen geldige XML (regel ${parser.line}, kolom ${parser.column}): ${err.message.replace(/^(?:.*?:)?\d+:\d+: /, '')}`,
    );
  });
  parser.on('opentag', (tag) => {
    if (failure) return;
    const name = tag.name;
    if (path.length === 0 && name !== 'rss')
      failure = new WxrError(`Dit is geen WordPress-export (WXR): het bestand begint met <${name}>, niet met <rss>.`);
    path.push(name);
    const attrs = Object.fromEntries(Object.entries(tag.attributes).map(([k, v]) => [k, String(v)]));
    const node: XmlNode = { name, attrs, text: '', children: [] };
    if (record) {
      record[record.length - 1].children.push(node);
      record.push(node);
    } else if (path.length === 3 && path[1] === 'channel' && RECORDS[name]) {
      if (version === null) failure = new WxrError('Dit is geen WordPress-export (WXR): <wp:wxr_version> ontbreekt vóór de inhoud.');
      record = [node];
    } else if (path.length === 3 && path[1] === 'channel' && (name === 'wp:wxr_version' || SITE_FIELDS.has(name)))
      channelField = { name, text: '' };
  });
  const onText = (text: string) => {
    if (record) record[record.length - 1].text += text;
    else if (channelField && channelField.text.length < MAX_SITE_FIELD) channelField.text += text.slice(0, MAX_SITE_FIELD);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    if (failure) return;
    path.pop();
    if (record) {
      const node = record.pop()!;
      if (record.length === 0) {
        record = null;
        ready.push({ type: RECORDS[node.name], node });
      }
    } else if (channelField?.name === 'wp:wxr_version') {
      version = channelField.text.trim();
      channelField = null;
      if (!SUPPORTED_VERSIONS.includes(version))
        failure = new WxrError(`WXR-versie ${version} wordt niet ondersteund (wel ${SUPPORTED_VERSIONS.join(', ')}).`);
      else ready.push({ type: 'version', version }, ...early.splice(0));
    } else if (channelField) {
      (version === null ? early : ready).push({ type: 'site', url: channelField.text.trim() });
      channelField = null;
    }
  });

  let bytes = 0;
  const feed = (text: string) => {
    try {
      parser.write(text);
    } catch (err) {
      failure ??= err instanceof WxrError ? err : new WxrError(`Het bestand is geen geldige XML: ${(err as Error).message}`);
    }
  };
  for await (const chunk of chunks) {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    try {
      feed(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    } catch {
      failure ??= new WxrError(`Het bestand is geen geldige UTF-8-tekst (rond byte ${bytes.toLocaleString('nl-NL')}).`);
    }
    if (failure) throw failure;
    yield* ready.splice(0);
    onBytes?.(bytes);
  }
  try {
    feed(decoder.decode());
    parser.close();
  } catch {
    failure ??= new WxrError('Het bestand houdt midden in de XML op.');
  }
  if (failure) throw failure;
  if (version === null) throw new WxrError('Dit is geen WordPress-export (WXR): <wp:wxr_version> ontbreekt.');
  yield* ready.splice(0);
}
