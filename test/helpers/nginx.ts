// nginx from Debian in front of app servers, with the repository's config (server/cli/bench/nginx.ts
// starts it; `npm run bench -- --proxy` uses the same), and requests through it over TLS.
// stopAllProxies() kills every one still running; each test file calls it in after().
import https from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { startNginx, type Nginx } from '../../server/cli/bench/nginx';
import type { Transport } from './cookie-client';

export type Proxy = Nginx;

const running = new Set<Nginx>();

/** Starts nginx in front of the app servers on these ports; resolves when it accepts connections. */
export async function startProxy(upstreamPorts: readonly number[]): Promise<Proxy> {
  const proxy = await startNginx(upstreamPorts);
  running.add(proxy);
  return proxy;
}

/** Stops every nginx started here. */
export async function stopAllProxies(): Promise<void> {
  await Promise.all([...running].map((proxy) => proxy.stop()));
  running.clear();
}

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  /** The bytes as they came over the wire (not decompressed). */
  body: Buffer;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
  /** The client's own address, one of 127.0.0.0/8: a reader nginx tells apart from the others. */
  from?: string;
}

/** One HTTPS request through the proxy, from a chosen loopback address, without a connection kept. */
export function proxyRequest(
  proxy: Proxy,
  pathAndQuery: string,
  { method = 'GET', headers = {}, body, from }: RawRequest = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = https.request(
      `${proxy.baseUrl}${pathAndQuery}`,
      { method, headers, ca: proxy.ca, localAddress: from, agent: false, timeout: 30_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer from the proxy for ${method} ${pathAndQuery}`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** A CookieClient transport through the proxy from one loopback address (a resident of their own), with headers of its own. */
export function proxyTransport(proxy: Proxy, from?: string, extraHeaders: Record<string, string> = {}): Transport {
  return async (url, sent) => {
    const target = new URL(url);
    const body = sent.body?.toString();
    const form: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' };
    const headers = { ...extraHeaders, ...sent.headers, ...form };
    const res = await proxyRequest(proxy, `${target.pathname}${target.search}`, { method: sent.method, headers, body, from });
    const setCookie = res.headers['set-cookie'] ?? [];
    const location = res.headers.location ?? null;
    return { status: res.status, text: res.body.toString('utf8'), location, setCookies: setCookie };
  };
}
