// The load: autocannon against one page (a warm-up, then the measured run), the single-request
// time to first byte, and posting reacties with valid form tokens as many residents at once.
import autocannon from 'autocannon';
import { agentFor, percentile, request, timedRequest, type Origin } from './timing';

export interface LoadOptions {
  connections: number;
  /** Seconds of the measured run. */
  duration: number;
  /** Seconds of the run before it, not counted. */
  warmup: number;
}

export interface Measured {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** Answers other than the expected ones (2xx; for posting 303). */
  unexpected: number;
  requests: number;
}

function summary(r: autocannon.Result, expected: (status: number) => boolean): Measured {
  let unexpected = 0;
  for (const [code, stat] of Object.entries(r.statusCodeStats ?? {})) if (!expected(Number(code))) unexpected += stat.count ?? 0;
  return {
    rps: r.requests.total / r.duration,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors,
    unexpected,
    requests: r.requests.total,
  };
}

async function cannon(opts: autocannon.Options): Promise<autocannon.Result> {
  return autocannon({ ...opts, excludeErrorStats: false });
}

/**
 * One page under load: warm-up first, then `duration` seconds with `connections` connections.
 * `timeout`: seconds an answer may take before it counts as an error (autocannon's default is 10).
 */
export async function loadPage(url: string, o: LoadOptions, timeout?: number, headers?: Record<string, string>): Promise<Measured> {
  if (o.warmup > 0) await cannon({ url, connections: o.connections, duration: o.warmup, timeout, headers });
  return summary(await cannon({ url, connections: o.connections, duration: o.duration, timeout, headers }), (s) => s >= 200 && s < 300);
}

/** What Chromium sends: a reader's browser always asks for a compressed page. */
export const BROWSER_ENCODINGS = { 'accept-encoding': 'gzip, deflate, br, zstd' };

/** Time to the first byte of the answer, in milliseconds, for one request at a time: the median of `n`. */
export async function timeToFirstByte(origin: Origin, pathAndQuery: string, n = 20): Promise<number> {
  const times: number[] = [];
  // One kept connection, as a browser's (through the proxy: TLS set up once).
  const agent = agentFor(origin, 1);
  try {
    for (let i = 0; i < n + 2; i++) {
      const t = (await timedRequest(agent, origin, pathAndQuery)).firstByteMs;
      // The first two warm the connection path; they are not counted.
      if (i >= 2) times.push(t);
    }
  } finally {
    agent.destroy();
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

export interface PostTarget {
  /** The article's permalink: the form posts to `${path}/reacties`. */
  path: string;
  token: string;
}

/** The reactie form's token from an article page (views/reacties/form.ejs). */
export function formToken(html: string): string | null {
  return /name="_token" value="([^"]+)"/.exec(html)?.[1] ?? null;
}

/** The text of the n-th posted reactie: unique, so it can be found once afterwards. */
const postedText = (run: string, n: number): string =>
  `Benchmarkreactie ${run}-${n}. Ik was gisteren bij de inspraakavond over de Markt en wil nog iets toevoegen over het parkeren.`;

const POST_TIMEOUT_S = 60;

/** What autocannon keeps per connection between a request and its answer. */
interface PostContext {
  post: Post;
}

/** The n-th post: its own name, address, text and X-Forwarded-For, round the targets. */
function nthPost(targets: PostTarget[], run: string, i: number) {
  const target = targets[i % targets.length];
  const text = postedText(run, i);
  const body = new URLSearchParams({
    _token: target.token,
    antwoord_op: '',
    naam: `Bewoner ${i}`,
    email: `bewoner.${run}.${i}@example.nl`,
    website: '',
    reactie: text,
    url: '',
  }).toString();
  const headers = {
    'content-type': 'application/x-www-form-urlencoded',
    'x-forwarded-for': `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
  };
  return { path: `${target.path}/reacties`, text, body, headers };
}

/** One post at a time, `n` of them: the median time of one post, and the texts acknowledged (303). */
export async function timeSinglePosts(
  origin: Origin,
  targets: PostTarget[],
  run: string,
  n = 5,
): Promise<{ median: number; acknowledged: string[] }> {
  const times: number[] = [];
  const acknowledged: string[] = [];
  for (let i = 1; i <= n; i++) {
    // Numbered past anything the load run will reach, so every text stays unique.
    const post = nthPost(targets, run, 1_000_000_000 + i);
    const started = process.hrtime.bigint();
    const res = await request(origin, post.path, { method: 'POST', headers: post.headers, body: post.body });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    if (res.status === 303) acknowledged.push(post.text);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], acknowledged };
}

/** One phase of a posting run: sends `next()` posts for `seconds` and reports each answer's status to `answered`. */
type PostingPhase = (seconds: number, next: () => Post, answered: (post: Post, status: number) => void) => Promise<Measured>;

type Post = ReturnType<typeof nthPost>;

/**
 * What both ways of posting share: the posts numbered round the targets (each with its own name,
 * address, text and X-Forwarded-For), the warm-up and then the measured run, and the texts that were
 * acknowledged (303, the redirect to the new reactie) in both.
 */
async function postingRun(
  targets: PostTarget[],
  run: string,
  o: LoadOptions,
  phase: PostingPhase,
): Promise<{ measured: Measured; acknowledged: string[] }> {
  let n = 0;
  const acknowledged: string[] = [];
  const next = () => nthPost(targets, run, ++n);
  const answered = (post: Post, status: number) => {
    if (status === 303) acknowledged.push(post.text);
  };
  await phase(o.warmup, next, answered);
  const measured = await phase(o.duration, next, answered);
  return { measured, acknowledged };
}

/** Posting with autocannon, straight to the app server: `connections` at once, round the targets. */
export async function loadPosting(
  baseUrl: string,
  targets: PostTarget[],
  run: string,
  o: LoadOptions,
): Promise<{ measured: Measured; acknowledged: string[] }> {
  return postingRun(targets, run, o, async (seconds, next, answered) => {
    const request: autocannon.Request = {
      method: 'POST',
      path: `${targets[0].path}/reacties`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      setupRequest: (req, context) => {
        const post = next();
        (context as PostContext).post = post;
        return { ...req, path: post.path, headers: { ...req.headers, ...post.headers }, body: post.body };
      },
      onResponse: (status, _body, context) => answered((context as PostContext).post, status),
    };
    // A post may wait long behind the others on the one SQLite connection: give it a minute before
    // it counts as an error, so a slow run still yields acknowledged reacties to check.
    const result = await cannon({
      url: baseUrl,
      connections: o.connections,
      requests: [request],
      timeout: POST_TIMEOUT_S,
      duration: seconds,
    });
    return summary(result, (s) => s === 303);
  });
}

/**
 * Posting through the proxy: nginx puts the address it sees in X-Forwarded-For, so each of the
 * `connections` residents posts from an address of their own on the loopback network (127.1.0.x),
 * as many residents would; autocannon cannot choose its source address. Each worker posts one
 * reactie after the other on its own kept connection, for the warm-up and then the measured run.
 */
export async function loadPostingFrom(
  origin: Origin,
  targets: PostTarget[],
  run: string,
  o: LoadOptions,
): Promise<{ measured: Measured; acknowledged: string[] }> {
  return postingRun(targets, run, o, async (seconds, next, answered) => {
    const latencies: number[] = [];
    let errors = 0;
    let unexpected = 0;
    const started = Date.now();
    const until = started + seconds * 1000;
    await Promise.all(
      Array.from({ length: o.connections }, async (_, w) => {
        const localAddress = `127.1.${w >> 8}.${(w & 255) + 1}`;
        const agent = agentFor(origin, 1, localAddress);
        try {
          while (Date.now() < until) {
            const post = next();
            try {
              const res = await timedRequest(agent, origin, post.path, {
                method: 'POST',
                headers: post.headers,
                body: post.body,
                localAddress,
              });
              answered(post, res.status);
              if (res.status === 303) latencies.push(res.ms);
              else unexpected++;
            } catch {
              errors++;
            }
          }
        } finally {
          agent.destroy();
        }
      }),
    );
    const elapsed = (Date.now() - started) / 1000;
    return {
      rps: latencies.length / elapsed,
      p50: percentile(latencies, 0.5),
      p99: percentile(latencies, 0.99),
      errors,
      unexpected,
      requests: latencies.length + unexpected,
    };
  });
}
