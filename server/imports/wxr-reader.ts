// Reads a WordPress export (WXR 1.0–1.2) as a stream: one author, category, tag or item at a time,
// so a 500 MB export is never in memory at once, only the item being read (with its comments).
// And of that item only so much: each element's text is kept up to a limit (the rest is read and
// thrown away, the element marked `cut`), a record keeps children only while it is below a fixed
// size, and anything else that would grow without end (a tag name, an attribute, nesting) stops the
// import with a message. Memory stays within a fixed ceiling whatever the file holds.
//
// saxes is a strict XML parser (a broken file is an error, not a guess) and reports CDATA sections as
// such. The file is fed in pieces and the records that are complete after each piece are handed on
// before the next is read. saxes keeps the text of an unfinished text node or CDATA section to itself
// until the node ends, so after each piece the reader takes that text out (drainText): a 120 MB node
// passes through in pieces and is never held whole.
import { SaxesParser } from 'saxes';

/** A small element tree for one record; text is the concatenated text and CDATA inside it. */
export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  text: string;
  children: XmlNode[];
  /** The text went on past this element's limit: `text` is its beginning, the rest was not kept. */
  cut?: boolean;
  /** On a record: children left out because the record had reached RECORD_BUDGET, counted by name. */
  dropped?: Map<string, number>;
}

export type WxrRecord =
  | { type: 'version'; version: string }
  /** The channel's link, wp:base_site_url or wp:base_blog_url: the old site's own addresses. */
  | { type: 'site'; url: string }
  | { type: 'author' | 'category' | 'tag' | 'term' | 'item'; node: XmlNode };

const RECORDS: Record<string, 'author' | 'category' | 'tag' | 'term' | 'item'> = {
  'wp:author': 'author',
  // WordPress.com's exports spell the author record so.
  'wp:wp_author': 'author',
  'wp:category': 'category',
  'wp:tag': 'tag',
  'wp:term': 'term',
  item: 'item',
};
const SITE_FIELDS = new Set(['link', 'wp:base_site_url', 'wp:base_blog_url']);
const SUPPORTED_VERSIONS = ['1.0', '1.1', '1.2'];

// Elements are named by namespace URI, not by the prefix the file happens to bind: every WXR
// version's namespace is "wp:" (an export may mix them, as WordPress's own parser allows), and an
// element of any other namespace gets a name no field is read by ("{uri}local"), also when the
// file binds the prefix wp: to it.
const WXR_NAMESPACE = /^https?:\/\/wordpress\.org\/export\/1\.[0-9]+\/$/;
const WXR_EXCERPT_NAMESPACE = /^https?:\/\/wordpress\.org\/export\/1\.[0-9]+\/excerpt\/$/;
const NAMESPACES: Record<string, string> = {
  'http://purl.org/rss/1.0/modules/content/': 'content',
  'http://purl.org/dc/elements/1.1/': 'dc',
};

/** The name the importer reads an element by: "wp:post_id" for post_id in any WXR namespace. */
function qualifiedName(uri: string, local: string): string {
  if (uri === '') return local;
  if (WXR_NAMESPACE.test(uri)) return `wp:${local}`;
  if (WXR_EXCERPT_NAMESPACE.test(uri)) return `excerpt:${local}`;
  const prefix = NAMESPACES[uri];
  return prefix ? `${prefix}:${local}` : `{${uri}}${local}`;
}

/** Characters kept of an element's text when the caller names no limit for it (every field we read is far shorter). */
const DEFAULT_TEXT_LIMIT = 10_000;
// One record (an item with its comments) takes new children while its kept text (UTF-16 code
// units) plus ELEMENT_COST per element is below RECORD_BUDGET: some 100 MB of memory at most. A
// post with more comments than fit keeps the first ones; the others are counted in `dropped`.
const RECORD_BUDGET = 40_000_000;
const ELEMENT_COST = 250;
// A child that alone grows past this (a comment with a million meta fields) is no WordPress export.
const RECORD_CEILING = 2 * RECORD_BUDGET;
// What saxes holds whole and the reader cannot take out: a tag's name, its attributes, an entity,
// a processing instruction. WordPress writes none longer than a few hundred characters.
const MAX_MARKUP_CHARS = 1_000_000;
const MARKUP_TOO_BIG = `een naam of attribuut van meer dan ${MAX_MARKUP_CHARS.toLocaleString('nl-NL')} tekens`;
const MAX_DEPTH = 64;

// The parser's text and attribute values are slices of the piece of the file they were read from,
// and V8 keeps that whole piece alive as long as the slice lives: an id the importer remembers to
// the end (a post's wp:post_id, a tag's slug) would keep a piece of the file each, and memory would
// grow with the file. Short texts (every field but bodies and comments) are therefore copied out.
const OWN_COPY_CHARS = 2_000;
function ownCopy(text: string): string {
  return text.length === 0 ? '' : Buffer.from(text, 'utf8').toString('utf8');
}

/** The file is not a WordPress export, or not one we can read: a Dutch message for the command line. */
export class WxrError extends Error {}

/** The text of the last child with this name ('' when there is none). */
export function childText(node: XmlNode, name: string): string {
  return child(node, name)?.text ?? '';
}

/** The last child with this name: a field given twice counts as WordPress's parser counts it, the last one wins. */
export function child(node: XmlNode, name: string): XmlNode | undefined {
  for (let i = node.children.length - 1; i >= 0; i--) if (node.children[i].name === name) return node.children[i];
  return undefined;
}

export function childrenNamed(node: XmlNode, name: string): XmlNode[] {
  return node.children.filter((c) => c.name === name);
}

/** The private state of saxes that drainText and the markup check read (saxes 6). */
interface SaxesInside {
  state?: number;
  entityReturnState?: number;
  text?: string;
  name?: string;
  entity?: string;
  piTarget?: string;
}
const inside = (parser: object) => parser as SaxesInside;

// saxes's state numbers are its own: learnt from a parser left in each state, not copied.
function stateAfter(xml: string): number | undefined {
  const parser = new SaxesParser();
  parser.write(xml);
  return inside(parser).state;
}
const TEXT_STATE = stateAfter('<a>x');
const ENTITY_STATE = stateAfter('<a>&am');
const CDATA_STATES = new Set([stateAfter('<a><![CDATA[x'), stateAfter('<a><![CDATA[x]'), stateAfter('<a><![CDATA[x]]')]);
const COMMENT_STATES = new Set([stateAfter('<a><!--x'), stateAfter('<a><!--x-'), stateAfter('<a><!--x--')]);

export interface ReadOptions {
  /** Hears how many bytes have been read so far, for a progress line. */
  onBytes?: (n: number) => void;
  /** Characters kept of an element's text, by element name ("content:encoded"); 10.000 for the rest. */
  textLimits?: Readonly<Record<string, number>>;
}

/** Reads chunks of the file (bytes) and yields its records in order. */
export async function* readWxr(
  chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  { onBytes, textLimits = {} }: ReadOptions = {},
): AsyncGenerator<WxrRecord> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const ready: WxrRecord[] = [];
  const early: WxrRecord[] = []; // site addresses read before the version, handed on after it
  const path: string[] = [];
  let record: XmlNode[] | null = null; // the open elements of the record being read, outermost first
  let recordCost = 0;
  let skipping = 0; // > 0: inside a child the record had no room for (its depth below that child)
  let channelField: { name: string; text: string } | null = null;
  let version: string | null = null;
  let attributeChars = 0;
  let failure: Error | null = null;
  const limitOf = (name: string) => textLimits[name] ?? DEFAULT_TEXT_LIMIT;

  parser.on('error', (err) => {
    failure ??= new WxrError(
      `Het bestand is geen geldige XML (regel ${parser.line}, kolom ${parser.column}): ${err.message.replace(/^(?:.*?:)?\d+:\d+: /, '')}`,
    );
  });
  parser.on('opentagstart', () => {
    attributeChars = 0;
  });
  parser.on('attribute', (attr) => {
    attributeChars += attr.name.length + attr.value.length;
    if (attributeChars > MAX_MARKUP_CHARS) failure ??= tooBig(parser.line, MARKUP_TOO_BIG);
  });
  parser.on('opentag', (tag) => {
    if (failure) return;
    const name = qualifiedName(tag.uri, tag.local);
    if (path.length === 0 && name !== 'rss')
      failure = new WxrError(`Dit is geen WordPress-export (WXR): het bestand begint met <${tag.name}>, niet met <rss>.`);
    path.push(name);
    if (path.length > MAX_DEPTH) failure = new WxrError(`Het bestand is dieper genest dan ${MAX_DEPTH} niveaus (regel ${parser.line}).`);
    if (skipping) return void skipping++;
    // Only attributes without a namespace are read (domain, nicename); namespace declarations are not attributes here.
    const attrs = Object.fromEntries(
      Object.values(tag.attributes)
        .filter((a) => a.uri === '' && a.prefix === '' && a.local !== 'xmlns')
        .map((a) => [a.local, ownCopy(a.value)]),
    );
    const node: XmlNode = { name, attrs, text: '', children: [] };
    if (record) {
      const root = record[0];
      if (record.length === 1 && recordCost >= RECORD_BUDGET) {
        root.dropped ??= new Map();
        root.dropped.set(name, (root.dropped.get(name) ?? 0) + 1);
        skipping = 1;
        return;
      }
      recordCost += ELEMENT_COST;
      if (recordCost > RECORD_CEILING) failure = tooBig(parser.line, 'een item met meer onderdelen dan een export ooit heeft');
      record[record.length - 1].children.push(node);
      record.push(node);
    } else if (path.length === 3 && path[1] === 'channel' && RECORDS[name]) {
      if (version === null) failure = new WxrError('Dit is geen WordPress-export (WXR): <wp:wxr_version> ontbreekt vóór de inhoud.');
      record = [node];
      recordCost = ELEMENT_COST;
    } else if (path.length === 3 && path[1] === 'channel' && (name === 'wp:wxr_version' || SITE_FIELDS.has(name)))
      channelField = { name, text: '' };
  });
  const onText = (text: string) => {
    if (skipping) return;
    if (record) {
      const node = record[record.length - 1];
      if (node.cut) return;
      const room = limitOf(node.name) - node.text.length;
      const kept = text.length > room ? text.slice(0, Math.max(room, 0)) : text;
      if (kept.length < text.length) node.cut = true;
      node.text += kept;
      recordCost += kept.length;
    } else if (channelField && channelField.text.length < DEFAULT_TEXT_LIMIT) channelField.text += text.slice(0, DEFAULT_TEXT_LIMIT);
  };
  parser.on('text', onText);
  parser.on('cdata', onText);
  parser.on('closetag', () => {
    if (failure) return;
    path.pop();
    if (skipping) return void skipping--;
    if (record) {
      const node = record.pop()!;
      if (node.text.length <= OWN_COPY_CHARS) node.text = ownCopy(node.text);
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

  /** Takes out the text saxes holds of a node not yet ended (comment text is thrown away); checks what it cannot take out. */
  const drainText = () => {
    const p = inside(parser);
    const text = p.text ?? '';
    // Without a state this is not the saxes it was written for: nothing is drained, the check below still holds.
    const inTextNode = p.state === TEXT_STATE || (p.state === ENTITY_STATE && p.entityReturnState === TEXT_STATE);
    if (p.state === undefined || !text) {
      // nothing to take out
    } else if (inTextNode || CDATA_STATES.has(p.state)) {
      p.text = '';
      onText(text);
    } else if (COMMENT_STATES.has(p.state)) p.text = '';
    const held = Math.max((p.text ?? '').length, (p.name ?? '').length, (p.entity ?? '').length, (p.piTarget ?? '').length);
    if (held > MAX_MARKUP_CHARS) failure ??= tooBig(parser.line, MARKUP_TOO_BIG);
  };

  let bytes = 0;
  const feed = (text: string) => {
    try {
      parser.write(text);
      drainText();
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

function tooBig(line: number, what: string): WxrError {
  return new WxrError(
    `Dit is geen gewone WordPress-export: rond regel ${line.toLocaleString('nl-NL')} staat ${what}, te groot om in te lezen.`,
  );
}
