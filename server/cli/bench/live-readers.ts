// The readers of `npm run bench:live`, in processes of their own (forked by bench-live.ts): so the
// process that posts the reacties and the servers it measures do not also have to read thousands of
// sockets on the same event loop. Each reader keeps an article's event stream open and notes when a
// "nieuw" arrives, on the machine's monotonic clock (CLOCK_MONOTONIC, the same in every process of
// the machine): the benchmark process notes the moment it sent the POST on that clock, and the
// delivery time is the difference. Messages go over the IPC channel of child_process.fork.
import http from 'node:http';

/** Milliseconds on the machine's monotonic clock: comparable between processes on one machine. */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export type ReadersOrder =
  /** Open `count` readers of the article on this server, numbered from `first` (each its own address). */
  | { type: 'open'; label: string; baseUrl: string; articleId: number; first: number; count: number }
  /** Say when every reader has heard of this reactie, or after `waitMs`. */
  | { type: 'watch'; id: number; waitMs: number }
  /** The delivery times of these reacties, per server label, from when each was sent. */
  | { type: 'report'; posts: Array<{ id: number; sentAt: number }> }
  | { type: 'close' };

export type ReadersAnswer =
  | { type: 'opened'; count: number }
  | { type: 'heard'; id: number; missing: number }
  | { type: 'report'; byLabel: Record<string, { times: number[]; missed: number }> }
  | { type: 'failed'; message: string };

interface Reader {
  label: string;
  req: http.ClientRequest;
  tail: string;
  /** Reactie id → when this reader had its "nieuw" (monotonicMs). */
  heard: Map<number, number>;
}

const OPEN_CONCURRENCY = 200;
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });

function openReader(label: string, baseUrl: string, articleId: number, n: number): Promise<Reader> {
  return new Promise((resolve, reject) => {
    const address = `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${(n & 255) + 1}`;
    const req = http.get(`${baseUrl}/artikel/${articleId}/live`, {
      agent,
      headers: { Accept: 'text/event-stream', 'X-Forwarded-For': address },
    });
    req.on('response', (res) => {
      if (res.statusCode !== 200) return reject(new Error(`lezer ${n}: status ${res.statusCode}`));
      res.setEncoding('utf8');
      const reader: Reader = { label, req, tail: '', heard: new Map() };
      res.once('data', () => resolve(reader));
      res.on('data', (chunk: string) => {
        const at = monotonicMs();
        const text = reader.tail + chunk;
        for (const m of text.matchAll(/"soort":"nieuw","reactie":(\d+)/g))
          if (!reader.heard.has(Number(m[1]))) reader.heard.set(Number(m[1]), at);
        reader.tail = text.slice(-64);
      });
    });
    req.on('error', reject);
  });
}

/** Runs in the forked process: obeys the benchmark process's orders until it says close. */
export function runReaders(): void {
  const readers: Reader[] = [];
  const answer = (message: ReadersAnswer) => process.send!(message);
  const fail = (err: unknown) => answer({ type: 'failed', message: err instanceof Error ? err.message : String(err) });

  const open = async (order: Extract<ReadersOrder, { type: 'open' }>) => {
    for (let i = 0; i < order.count; i += OPEN_CONCURRENCY) {
      const batch = [];
      for (let j = i; j < Math.min(order.count, i + OPEN_CONCURRENCY); j++)
        batch.push(openReader(order.label, order.baseUrl, order.articleId, order.first + j));
      readers.push(...(await Promise.all(batch)));
    }
    answer({ type: 'opened', count: order.count });
  };

  const watch = async (id: number, waitMs: number) => {
    const deadline = monotonicMs() + waitMs;
    while (monotonicMs() < deadline && readers.some((r) => !r.heard.has(id))) await new Promise((r) => setTimeout(r, 20));
    answer({ type: 'heard', id, missing: readers.filter((r) => !r.heard.has(id)).length });
  };

  const report = (posts: Array<{ id: number; sentAt: number }>) => {
    const byLabel: Record<string, { times: number[]; missed: number }> = {};
    for (const r of readers) {
      const entry = (byLabel[r.label] ??= { times: [], missed: 0 });
      for (const p of posts) {
        const at = r.heard.get(p.id);
        if (at === undefined) entry.missed++;
        else entry.times.push(at - p.sentAt);
      }
    }
    answer({ type: 'report', byLabel });
  };

  process.on('message', (order: ReadersOrder) => {
    if (order.type === 'open') open(order).catch(fail);
    else if (order.type === 'watch') watch(order.id, order.waitMs).catch(fail);
    else if (order.type === 'report') report(order.posts);
    else {
      for (const r of readers.splice(0)) r.req.destroy();
      process.disconnect();
    }
  });
}
