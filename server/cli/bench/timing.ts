// Requests timed one by one, from sending to the last byte of the answer, alone or over a few
// connections at once: the search section (search.ts) and the endpoint section (endpoints.ts). Plain
// http to an app server, or https through nginx (--proxy, its self-signed certificate trusted).
import http from 'node:http';
import https from 'node:https';
import { nl } from './format';

const TIMEOUT_MS = 60_000;

/** Where the requests go: an address, with the certificate to trust when it is https. */
export interface Origin {
  url: string;
  ca?: Buffer;
}

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** To the last byte. */
  ms: number;
  /** To the first byte of the body. */
  firstByteMs: number;
}

export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** The client's own address (one of 127.0.0.0/8): a reader of their own as nginx sees it. */
  localAddress?: string;
}

/** A keep-alive agent for the origin: http or https, at most `sockets` connections. */
export function agentFor(origin: Origin, sockets = Infinity, localAddress?: string): http.Agent {
  const o = { keepAlive: true, maxSockets: sockets, localAddress };
  return origin.url.startsWith('https:') ? new https.Agent({ ...o, ca: origin.ca }) : new http.Agent(o);
}

/** One request to the last byte: its status, headers, body and time in milliseconds. */
export function timedRequest(agent: http.Agent, origin: Origin, pathAndQuery: string, o: RequestOptions = {}): Promise<Answer> {
  const client = origin.url.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = client.request(
      `${origin.url}${pathAndQuery}`,
      { agent, method: o.method ?? 'GET', headers: o.headers, timeout: TIMEOUT_MS, ca: origin.ca, localAddress: o.localAddress },
      (res) => {
        const chunks: Buffer[] = [];
        const since = () => Number(process.hrtime.bigint() - started) / 1e6;
        let firstByteMs = 0;
        res.on('data', (c: Buffer) => {
          if (!chunks.length) firstByteMs = since();
          chunks.push(c);
        });
        res.on('end', () => {
          const ms = since();
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), ms, firstByteMs: firstByteMs || ms });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`geen antwoord binnen ${TIMEOUT_MS / 1000} s`)));
    req.on('error', reject);
    req.end(o.body);
  });
}

/** One request without a kept connection (fetch cannot trust nginx's certificate, nor keep a body compressed). */
export async function request(origin: Origin, pathAndQuery: string, o: RequestOptions = {}): Promise<Answer> {
  const agent = agentFor(origin);
  try {
    return await timedRequest(agent, origin, pathAndQuery, o);
  } finally {
    agent.destroy();
  }
}

export interface Timings {
  /** Milliseconds per answered request (the expected status). */
  latencies: number[];
  /** Requests that failed, timed out or answered otherwise. */
  errors: number;
}

export interface RunOptions {
  /** The path of the n-th request. */
  path: (n: number) => string;
  connections: number;
  /** Seconds, once `min` requests are done. */
  duration: number;
  min: number;
  max: number;
  headers?: Record<string, string>;
  /** The status that counts as an answer (200 by default). */
  expect?: number;
}

/** `connections` at once, each request for the next path, until the request count or the time is up. */
export async function timeRun(origin: Origin, o: RunOptions): Promise<Timings> {
  const agent = agentFor(origin, o.connections);
  const out: Timings = { latencies: [], errors: 0 };
  const until = Date.now() + o.duration * 1000;
  let issued = 0;
  const more = () => issued < o.max && (issued < o.min || Date.now() < until);
  const worker = async () => {
    while (more()) {
      const n = issued++;
      try {
        const res = await timedRequest(agent, origin, o.path(n), { headers: o.headers });
        if (res.status === (o.expect ?? 200)) out.latencies.push(res.ms);
        else out.errors++;
      } catch {
        out.errors++;
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: o.connections }, worker));
  } finally {
    agent.destroy();
  }
  return out;
}

/** Nearest rank: the smallest value with at least a fraction `p` of the values at or below it. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

/** Milliseconds as the tables print them: a decimal below 10, a dash for none. */
export const ms = (value: number): string => (Number.isNaN(value) ? '—' : `${nl(value, value < 10 ? 1 : 0)} ms`);

/** A run's cells in a Markdown table: the number of answers, then each percentile (1 is the slowest). */
export function timingCells(latencies: number[], percentiles: number[]): string[] {
  return [nl(latencies.length), ...percentiles.map((p) => ms(percentile(latencies, p)))];
}
