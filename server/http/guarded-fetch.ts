// A GET to an address someone else chose (an import's attachment URLs), guarded: http and https only,
// only hosts (and ports) on the caller's list, only public addresses (public-address.ts), and the
// connection goes to the very address that was checked: the name is resolved once per hop and the
// socket is given that answer, so a second DNS answer (DNS rebinding) is never used. Redirects are
// followed by hand, at most a few, and each new address is checked as the first one was. Failures
// say only "refused" or "failed": never why, so a caller's message cannot tell open ports from closed.
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { Readable } from 'node:stream';
import { isLoopbackAddress, isPublicAddress } from './public-address';

export interface ResolvedAddress {
  address: string;
  family: number;
}

/** Every address DNS gives for a name. */
export type Resolve = (hostname: string) => Promise<ResolvedAddress[]>;

export interface GuardedGetOptions {
  /** Whether a URL's host and port may be asked at all; asked for the first URL and for every redirect. */
  allowed: (url: URL) => boolean;
  /** Ends the whole fetch (every hop and the body) when it fires: the caller's time limit. */
  signal: AbortSignal;
  /** How many redirects are followed (5 when not given). */
  maxRedirects?: number;
  /** The DNS answer for a name, asked once per hop; the system's resolver when not given. */
  resolve?: Resolve;
  /**
   * Tests only, never set by a command or a setting: loopback addresses at these ports count as
   * public, so a test server on 127.0.0.1 can stand in for an old site. Every other loopback port,
   * and every other internal address, stays refused.
   */
  loopbackPortsForTests?: readonly number[];
}

/** `host`: not on the caller's list (or not http/https); `address`: not a public address; `failed`: anything else. */
export type GuardedFailure = 'host' | 'address' | 'failed';

export type GuardedResponse = { ok: true; body: Readable; contentLength: number | null } | { ok: false; why: GuardedFailure };

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 5;

const systemResolve: Resolve = (hostname) => dns.promises.lookup(hostname, { all: true, verbatim: true });

/** A URL's host without IPv6 brackets or a final dot ("oud.example.nl." is "oud.example.nl"). */
function bareHost(url: URL): string {
  return url.hostname.replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');
}

/** "oud.example.nl", "oud.example.nl:8080", "[2001:db8::1]:8443" or a whole URL: its host and port (port '' for none); null when it is none. */
export function parseHost(text: string): { host: string; port: string } | null {
  const value = text.trim();
  if (!value) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
  let url: URL;
  try {
    url = new URL(withScheme ? value : `http://${value}`);
  } catch {
    return null;
  }
  if (!withScheme && (url.pathname !== '/' || url.search || url.hash || url.username || value.includes('/'))) return null;
  const host = bareHost(url);
  return host ? { host, port: url.port } : null;
}

/**
 * A list of hosts (parseHost's forms) as a check for URLs: the host named, at its scheme's default
 * port or at a port named with it in the list.
 */
export function hostAllowlist(entries: Iterable<string>): (url: URL) => boolean {
  const ports = new Map<string, Set<string>>();
  for (const entry of entries) {
    const parsed = parseHost(entry);
    if (!parsed) continue;
    const set = ports.get(parsed.host) ?? new Set<string>();
    if (parsed.port) set.add(parsed.port);
    ports.set(parsed.host, set);
  }
  return (url) => {
    const set = ports.get(bareHost(url));
    return set !== undefined && (url.port === '' || set.has(url.port));
  };
}

/** The address to connect to for this URL: the first DNS answer, when every answer may be asked. */
async function addressFor(url: URL, options: GuardedGetOptions): Promise<ResolvedAddress | GuardedFailure> {
  const host = bareHost(url);
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
  let answers: ResolvedAddress[];
  const family = net.isIP(host);
  if (family) answers = [{ address: host, family }];
  else {
    try {
      answers = await (options.resolve ?? systemResolve)(host);
    } catch {
      return 'failed';
    }
  }
  if (answers.length === 0) return 'failed';
  const testPorts = options.loopbackPortsForTests ?? [];
  const mayAsk = (address: string) => isPublicAddress(address) || (isLoopbackAddress(address) && testPorts.includes(port));
  // A name with one internal answer among public ones is refused whole: it is no ordinary public site.
  return answers.every((a) => mayAsk(a.address)) ? answers[0] : 'address';
}

function requestOnce(url: URL, to: ResolvedAddress, signal: AbortSignal): Promise<http.IncomingMessage> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'GET',
        signal,
        agent: false, // a fresh connection per request: no pooled socket to another address
        headers: { 'User-Agent': 'Stadslog', Accept: '*/*' },
        // The address checked, never a second DNS answer; the name still goes into Host and TLS.
        lookup: ((_hostname: string, opts: dns.LookupOptions, callback: (...args: unknown[]) => void) => {
          if (opts.all) callback(null, [to]);
          else callback(null, to.address, to.family);
        }) as net.LookupFunction,
      },
      resolve,
    );
    req.on('error', reject);
    req.end();
  });
}

/** GETs `start` under the guards above; the body of a 200 answer, or why not. */
export async function guardedGet(start: string, options: GuardedGetOptions): Promise<GuardedResponse> {
  let url: URL;
  try {
    url = new URL(start);
  } catch {
    return { ok: false, why: 'host' };
  }
  for (let hop = 0; hop <= (options.maxRedirects ?? MAX_REDIRECTS); hop++) {
    if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.username || url.password || !options.allowed(url))
      return { ok: false, why: 'host' };
    const to = await addressFor(url, options);
    if (typeof to === 'string') return { ok: false, why: to };
    let res: http.IncomingMessage;
    try {
      res = await requestOnce(url, to, options.signal);
    } catch {
      return { ok: false, why: 'failed' };
    }
    const status = res.statusCode ?? 0;
    if (status === 200) {
      const length = Number(res.headers['content-length']);
      return { ok: true, body: res, contentLength: res.headers['content-length'] !== undefined && Number.isFinite(length) ? length : null };
    }
    const location = res.headers.location;
    res.destroy();
    if (!REDIRECTS.has(status) || !location) return { ok: false, why: 'failed' };
    try {
      url = new URL(location, url);
    } catch {
      return { ok: false, why: 'failed' };
    }
  }
  return { ok: false, why: 'failed' };
}
