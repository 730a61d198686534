// The bytes of one WordPress upload, into a temporary file of the attachments' storage: from a
// local copy of wp-content/uploads, or fetched from the old site over HTTP. Hashed and measured
// on the way, stopped as soon as it is too large; a failure is a Dutch reason, never an exception.
// A fetch goes only to the old site's own hosts and those named with --allow-host, only to public
// addresses, redirects checked again (http/guarded-fetch.ts); its failures are named without detail.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { SNIFF_BYTES } from '../attachments/file-type';
import { newTmpPath, removeQuietly } from '../attachments/storage';
import { formatFileSize } from '../attachments/format';
import { guardedGet, hostAllowlist, type GuardedFailure, type Resolve } from '../http/guarded-fetch';

export interface FetchPolicy {
  /** The hosts files may come from ("oud.example.nl", "cdn.example.nl:8443"): the old site's own and --allow-host's. */
  hosts: string[];
  /**
   * Tests only; no command or setting sets these. `resolve` answers DNS for the test's host names;
   * `loopbackPorts` lets a test server on 127.0.0.1 at those ports stand in for the old site.
   */
  forTests?: { resolve?: Resolve; loopbackPorts?: number[] };
}

export interface UploadSources {
  /** A copy of the old site's wp-content/uploads folder. */
  dir?: string;
  /** Fetch the attachment URL when there is no local copy: only from these hosts. */
  fetch?: FetchPolicy;
  /** Largest file taken over (the attachments' limit). */
  maxBytes: number;
  /** How long one download may take. */
  timeoutMs?: number;
}

export interface FetchedFile {
  tmpPath: string;
  sha256: string;
  size: number;
  head: Buffer;
}

export type Acquired = { ok: true; file: FetchedFile } | { ok: false; reason: string };

class TooLarge extends Error {}

class Meter extends Transform {
  readonly hash = crypto.createHash('sha256');
  size = 0;
  head = Buffer.alloc(0);
  constructor(private readonly max: number) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.max) return done(new TooLarge());
    this.hash.update(chunk);
    if (this.head.length < SNIFF_BYTES) this.head = Buffer.concat([this.head, chunk.subarray(0, SNIFF_BYTES - this.head.length)]);
    done(null, chunk);
  }
}

const tooLarge = (max: number) => `te groot (meer dan ${formatFileSize(max)})`;

/** Why a fetch did not give a file: the same words whatever went wrong on the way (no port scan through the report). */
const NOT_FETCHED: Record<GuardedFailure, string> = {
  host: 'niet opgehaald: adres niet toegestaan (niet van de oude site; andere hosts met --allow-host)',
  address: 'niet opgehaald: adres niet toegestaan',
  failed: 'niet opgehaald',
};

async function copyIn(source: Readable, uploadDir: string, max: number, unreadable?: string): Promise<Acquired> {
  const tmpPath = await newTmpPath(uploadDir);
  const meter = new Meter(max);
  try {
    await pipeline(source, meter, fs.createWriteStream(tmpPath, { mode: 0o600 }));
  } catch (err) {
    await removeQuietly(tmpPath);
    if (err instanceof TooLarge) return { ok: false, reason: tooLarge(max) };
    return { ok: false, reason: unreadable ?? `niet te lezen (${(err as Error).message})` };
  }
  return { ok: true, file: { tmpPath, sha256: meter.hash.digest('hex'), size: meter.size, head: meter.head } };
}

/** The path under wp-content/uploads of an attachment URL ("2015/05/stalling.jpg"), decoded; null when it is none. */
export function uploadsPathOf(url: string): string | null {
  let pathname: string;
  try {
    pathname = new URL(url).pathname;
  } catch {
    return null;
  }
  const m = /\/wp-content\/uploads\/(.+)$/.exec(pathname);
  if (!m) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return null;
  }
}

function localFile(dir: string, rel: string): string | null {
  const root = path.resolve(dir);
  const full = path.resolve(root, rel);
  // "../" in an export must not read outside the folder given.
  return full.startsWith(root + path.sep) ? full : null;
}

async function fetchIn(url: string, uploadDir: string, sources: UploadSources, policy: FetchPolicy): Promise<Acquired> {
  if (!/^https?:\/\//i.test(url)) return { ok: false, reason: 'geen http(s)-adres om op te halen' };
  const got = await guardedGet(url, {
    allowed: hostAllowlist(policy.hosts),
    signal: AbortSignal.timeout(sources.timeoutMs ?? 30_000),
    resolve: policy.forTests?.resolve,
    loopbackPortsForTests: policy.forTests?.loopbackPorts,
  });
  if (!got.ok) return { ok: false, reason: NOT_FETCHED[got.why] };
  if (got.contentLength !== null && got.contentLength > sources.maxBytes) {
    got.body.destroy();
    return { ok: false, reason: tooLarge(sources.maxBytes) };
  }
  return copyIn(got.body, uploadDir, sources.maxBytes, NOT_FETCHED.failed);
}

/** The file of an attachment: the local copy when there is one, else (when allowed) its URL. */
export async function acquireUpload(
  url: string,
  uploadDir: string,
  sources: UploadSources,
  rel: string | null = uploadsPathOf(url),
): Promise<Acquired> {
  if (sources.dir && rel) {
    const file = localFile(sources.dir, rel);
    if (file && fs.existsSync(file) && fs.statSync(file).isFile()) {
      if (fs.statSync(file).size > sources.maxBytes) return { ok: false, reason: tooLarge(sources.maxBytes) };
      return copyIn(fs.createReadStream(file), uploadDir, sources.maxBytes);
    }
    if (!sources.fetch) return { ok: false, reason: `ontbreekt in de map met uploads (${rel})` };
  }
  if (sources.fetch) return fetchIn(url, uploadDir, sources, sources.fetch);
  return { ok: false, reason: 'niet in wp-content/uploads en ophalen staat uit' };
}
