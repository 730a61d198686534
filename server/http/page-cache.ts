// Pages kept ready for readers without a cookie: the voorpagina and article pages, as bytes and as
// gzip, so a hit costs one version check in the database and a copy to the socket (in front of
// Express: see articles/public-pages).
//
// An entry is valid for one version of its content (the caller reads it from the database on every
// request, so a change made on any app server shows at once) and, for listings, until a moment in
// time (a scheduled article appears). A page may have one hole: a value that must differ per response,
// such as the reactie form's signed token and fill-time stamp. The page is kept as the part before
// and the part after the hole; gzip is kept as deflate blocks ending in a full flush for the first
// part and a final stream for the second, with the per-response value between them as a stored
// block, so nothing is compressed per request (RFC 1951 allows blocks of any kind in a row).
import crypto from 'node:crypto';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import zlib from 'node:zlib';
import type { Request, Response } from 'express';

export interface CachedPage {
  key: string;
  version: string;
  /** A hash of the bytes (not of the hole): weak, since the hole differs per response. */
  etag: string;
  /** Until when the entry holds whatever the version says (ms since epoch); Infinity for ever. */
  validUntil: number;
  /** What fills the hole of each response (a form token's purpose); null: no hole. */
  hole: string | null;
  head: Buffer;
  tail: Buffer;
  /** Made at the first reader who accepts gzip (load generators and some proxies never do). */
  gzip: { headDeflated: Buffer; tailDeflated: Buffer; headCrc: number } | null;
  bytes: number;
  /**
   * Every header of the response: what the app set before the page was rendered (helmet's security
   * headers) and the cache's own. The hit path in front of Express (see articles/public-pages)
   * sends these, so a hit there answers exactly what the app would.
   */
  headers: OutgoingHttpHeaders;
}

export interface PageCacheOptions {
  maxBytes: number;
  /** Makes the value for a hole, per response. */
  fillHole: (hole: string) => string;
  /** Cache-Control for the pages: short enough that a reverse proxy never keeps a page long. */
  cacheControl?: string;
}

const EMPTY = Buffer.alloc(0);
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
// Browsers revalidate each time (a 304 is cheap); a shared proxy may keep a page a few seconds.
const CACHE_CONTROL = 'public, max-age=0, s-maxage=10';

function storedBlock(data: Buffer): Buffer {
  // A stored block holds at most 65.535 bytes; holes are form tokens of about a hundred.
  if (data.length > 0xffff) throw new RangeError('hole too large for one stored block');
  const header = Buffer.from([0, data.length & 0xff, data.length >> 8, ~data.length & 0xff, (~data.length >> 8) & 0xff]);
  return Buffer.concat([header, data]);
}

function gzipTrailer(crc: number, length: number): Buffer {
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length % 2 ** 32, 4);
  return trailer;
}

/** CRC-32 going on from `crc`. zlib answers 0 for an empty buffer without memory behind it, so skip those. */
function crcOn(data: Buffer, crc: number): number {
  return data.length ? zlib.crc32(data, crc) : crc;
}

// Set per response, never kept: the length and encoding follow from what is sent.
const PER_RESPONSE = new Set(['content-length', 'content-encoding', 'transfer-encoding', 'set-cookie']);

function acceptsGzip(req: IncomingMessage): boolean {
  const accept = req.headers['accept-encoding'];
  return typeof accept === 'string' && /(^|,)\s*gzip\s*(;\s*q=(?!0(\.0*)?\s*(,|$))[\d.]+)?\s*(,|$)/i.test(accept);
}

export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private bytes = 0;
  private readonly cacheControl: string;

  constructor(private readonly options: PageCacheOptions) {
    this.cacheControl = options.cacheControl ?? CACHE_CONTROL;
  }

  get enabled(): boolean {
    return this.options.maxBytes > 0;
  }

  /** The entry for this key when it is of this version and still valid; least recently used go first. */
  get(key: string, version: string, now: number): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.version !== version || now >= entry.validUntil) {
      this.delete(key);
      return undefined;
    }
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  /**
   * Keeps a rendered page. `holeValue` is the per-response value as it stands in this rendering,
   * and must stand in it exactly once (else the page is not kept: it is sent as it is).
   */
  store(
    key: string,
    version: string,
    html: string,
    hole: { purpose: string; value: string } | null,
    validUntil: number,
    appHeaders: OutgoingHttpHeaders = {},
  ): CachedPage | null {
    let head = html;
    let tail = '';
    if (hole) {
      const at = html.indexOf(hole.value);
      if (at < 0 || html.indexOf(hole.value, at + 1) >= 0) return null;
      head = html.slice(0, at);
      tail = html.slice(at + hole.value.length);
    }
    const headBuf = Buffer.from(head);
    const tailBuf = Buffer.from(tail);
    const etag = `W/"${crypto.createHash('sha256').update(headBuf).update(tailBuf).digest('base64url').slice(0, 27)}"`;
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(appHeaders)) if (value !== undefined && !PER_RESPONSE.has(name)) headers[name] = value;
    Object.assign(headers, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': this.cacheControl,
      vary: 'Cookie, Accept-Encoding',
      etag,
    });
    const entry: CachedPage = {
      key,
      version,
      etag,
      headers,
      validUntil,
      hole: hole?.purpose ?? null,
      head: headBuf,
      tail: tailBuf,
      gzip: null,
      bytes: headBuf.length + tailBuf.length,
    };
    if (!this.enabled || entry.bytes > this.options.maxBytes / 4) return entry;
    this.delete(key);
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    this.evict();
    return entry;
  }

  /** Whether this entry is the one kept (store may answer a page too big to keep). */
  has(entry: CachedPage): boolean {
    return this.entries.get(entry.key) === entry;
  }

  private evict(): void {
    for (const [oldest] of this.entries) {
      if (this.bytes <= this.options.maxBytes) break;
      this.delete(oldest);
    }
  }

  /**
   * Sends the page: 304 when the reader has it, gzip when accepted, the hole filled afresh. With
   * the page's headers (page.headers, all of them) in one writeHead: inside Express the app's own
   * are set already and the same again; in front of Express they are the only ones.
   */
  send(req: IncomingMessage, res: ServerResponse, page: CachedPage): void {
    const known = req.headers['if-none-match'];
    if (typeof known === 'string' && known.split(',').some((tag) => tag.trim().replace(/^W\//, '') === page.etag.slice(2))) {
      res.writeHead(304, page.headers);
      res.end();
      return;
    }
    const holeValue = page.hole === null ? EMPTY : Buffer.from(this.options.fillHole(page.hole));
    const gzip = acceptsGzip(req);
    const parts = gzip ? this.gzipParts(page, holeValue) : [page.head, holeValue, page.tail].filter((part) => part.length > 0);
    if (!parts.length) parts.push(EMPTY);
    let length = 0;
    for (const part of parts) length += part.length;
    const headers: OutgoingHttpHeaders = { ...page.headers, 'content-length': length };
    if (gzip) headers['content-encoding'] = 'gzip';
    res.writeHead(200, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    for (let i = 0; i < parts.length - 1; i++) res.write(parts[i]);
    res.end(parts[parts.length - 1]);
  }

  private gzipParts(page: CachedPage, holeValue: Buffer): Buffer[] {
    const gzip = page.gzip ?? this.deflate(page);
    const crc = crcOn(page.tail, crcOn(holeValue, gzip.headCrc));
    const length = page.head.length + holeValue.length + page.tail.length;
    const parts = [GZIP_HEADER, gzip.headDeflated];
    if (holeValue.length) parts.push(storedBlock(holeValue));
    parts.push(gzip.tailDeflated, gzipTrailer(crc, length));
    return parts;
  }

  private deflate(page: CachedPage): NonNullable<CachedPage['gzip']> {
    const gzip = {
      headDeflated: zlib.deflateRawSync(page.head, { finishFlush: zlib.constants.Z_FULL_FLUSH }),
      tailDeflated: zlib.deflateRawSync(page.tail),
      headCrc: crcOn(page.head, 0),
    };
    page.gzip = gzip;
    const added = gzip.headDeflated.length + gzip.tailDeflated.length;
    page.bytes += added;
    // Only a kept page counts against the memory; one sent once and dropped does not.
    if (this.entries.get(page.key) === page) {
      this.bytes += added;
      this.evict();
    }
    return gzip;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }
}

export interface PageCacheSlot {
  cache: PageCache;
  key: string;
  version: string;
  /**
   * The query string (without "?") of the request the key stands for, as the route writes it:
   * "pagina=2", or "" for the bare path. Every reader of the key gets the kept page, so it is kept
   * only from a request that asked exactly this: then nothing outside the key (a tracking parameter,
   * a filter the page does not know, a value some part of the page might echo) can be in it.
   */
  query: string;
  /** Called when the page was kept. */
  onKept?: () => void;
}

/** The request's query string as sent, without "?" ("" when there is none). */
function queryOf(req: Request): string {
  const at = req.originalUrl.indexOf('?');
  return at < 0 ? '' : req.originalUrl.slice(at + 1);
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Locals {
      /** Set when this response may be kept in the page cache, under this key and version (see sendHtml). */
      pageCacheSlot?: PageCacheSlot;
    }
  }
}

/** Renders a view to a string, for pages that may be kept (res.render would send it at once). */
export function renderToString(res: Response, view: string, locals: Record<string, unknown>): Promise<string> {
  return new Promise((resolve, reject) => res.render(view, locals, (err, html) => (err ? reject(err) : resolve(html))));
}

/**
 * Sends a rendered page. When the request may be cached (a reader without a cookie; the route's
 * cache lookup set the slot), asked for exactly the key's query, and the page is a 200, it is kept
 * for the next readers.
 */
export function sendHtml(
  req: Request,
  res: Response,
  html: string,
  hole: { purpose: string; value: string } | null = null,
  validUntil = Infinity,
): void {
  const slot = res.locals.pageCacheSlot;
  // A page that sets a cookie is that reader's own (not one for everyone).
  const keep = slot && res.statusCode === 200 && !res.hasHeader('set-cookie') && queryOf(req) === slot.query;
  const entry = keep ? slot.cache.store(slot.key, slot.version, html, hole, validUntil, res.getHeaders()) : null;
  if (entry && slot?.cache.has(entry)) slot.onKept?.();
  if (entry && slot) slot.cache.send(req, res, entry);
  else res.send(html);
}
