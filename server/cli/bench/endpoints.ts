// The endpoints beside the pages (issue 26: at 10.000 articles and 1.000.000 reacties, p95 under
// 50 ms each): the moderation queue as a logged-in moderator sees it and its tab counts, the feeds,
// the sitemap and the API, each asked one request at a time and then over a few connections at once,
// timed from the request to the last byte (timing.ts, as the search section). And the tab counts'
// query on its own, in this process on its own connection to the database (target under 5 ms).
//
// Unlike the search, each endpoint is asked at one URL: what a feed reader, a search engine or an
// API client asks again and again, answered as the app answers it (none of these is in the page
// cache; they carry a Cache-Control for browsers and proxies, which the bench is not).
import crypto from 'node:crypto';
import type { Db } from '../../db/knex';
import { createUser, findUserByEmail, setPassword } from '../../accounts/users';
import { tabCounts } from '../../moderation/tabs';
import { nl } from './format';
import { formToken } from './load';
import { agentFor, ms, percentile, request, timedRequest, timeRun, timingCells, type Origin, type Timings } from './timing';

export interface EndpointCase {
  label: string;
  path: string;
  /** Asked as the bench's moderator, logged in. */
  moderator?: boolean;
}

/** The articles the endpoints are asked about: the biggest discussion (its feed, its reacties in the API). */
export interface EndpointArticle {
  id: number;
  path: string;
  reacties: number;
}

export function endpointCases(big: EndpointArticle): EndpointCase[] {
  const n = nl(big.reacties);
  return [
    { label: 'moderatiewachtrij, tab Wachtend', path: '/beheer/reacties', moderator: true },
    { label: 'moderatiewachtrij, tab Goedgekeurd', path: '/beheer/reacties?status=approved', moderator: true },
    { label: 'tabtellingen van de wachtrij (JSON)', path: '/beheer/reacties/aantallen', moderator: true },
    { label: 'feed met de nieuwste artikelen', path: '/feed' },
    { label: 'feed van één soort document (memo)', path: '/documenten/memo/feed' },
    { label: 'feed met de nieuwste reacties', path: '/reacties/feed' },
    { label: `reactiesfeed van het artikel met ${n} reacties`, path: `${big.path}/feed` },
    { label: 'sitemap', path: '/sitemap.xml' },
    { label: 'API: lijst van artikelen', path: '/api/v1/artikelen' },
    { label: `API: artikel met ${n} reacties`, path: `/api/v1/artikelen/${big.id}` },
    { label: `API: reacties van dat artikel`, path: `/api/v1/artikelen/${big.id}/reacties` },
  ];
}

export const ENDPOINT_CONNECTIONS = 4;
const MIN_REQUESTS = 5;
/** Enough for a p99 that is not simply the slowest. */
const MAX_REQUESTS = 1000;
const WARMUP_REQUESTS = 3;
const COUNT_CALLS = 500;

const MODERATOR_EMAIL = 'benchmark-moderator@stadslog.invalid';

/**
 * The bench's moderator: made once in the database (a random password each run), then logged in
 * through the login form like a person. Returns the session cookie.
 */
export async function moderatorSession(db: Db, origin: Origin, headers: Record<string, string>): Promise<string> {
  const password = crypto.randomBytes(18).toString('base64url');
  const existing = await findUserByEmail(db, MODERATOR_EMAIL);
  if (existing) await setPassword(db, existing.id, password);
  else await createUser(db, { email: MODERATOR_EMAIL, name: 'Benchmark (moderator)', role: 'moderator', password });
  const form = await request(origin, '/beheer/inloggen', { headers });
  const token = formToken(form.body.toString('utf8'));
  if (!token) throw new Error(`Geen inlogformulier op /beheer/inloggen (HTTP ${form.status}).`);
  const started = [form.headers['set-cookie'] ?? []].flat().map((c) => c.split(';')[0]);
  const res = await request(origin, '/beheer/inloggen', {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded', ...(started.length ? { cookie: started.join('; ') } : {}) },
    body: new URLSearchParams({ _token: token, email: MODERATOR_EMAIL, wachtwoord: password, terug: '/beheer' }).toString(),
  });
  const cookies = [res.headers['set-cookie'] ?? []].flat().map((c) => c.split(';')[0]);
  if (res.status !== 303 || !cookies.length) throw new Error(`Inloggen als moderator mislukte (HTTP ${res.status}).`);
  return cookies.join('; ');
}

export interface EndpointRow {
  case: EndpointCase;
  /** Bytes of the answer, as the bench received it. */
  bytes: number;
  sequential: Timings;
  concurrent: Timings;
}

/**
 * Each endpoint: a warm-up (which also checks it answers 200), one request at a time, then over
 * `connections`, each for `duration` seconds or MAX_REQUESTS requests, at least MIN_REQUESTS.
 */
export async function measureEndpoints(
  origin: Origin,
  cases: EndpointCase[],
  o: { duration: number; headers: Record<string, string>; cookie: string; onCase?: (c: EndpointCase) => void },
): Promise<EndpointRow[]> {
  const rows: EndpointRow[] = [];
  for (const c of cases) {
    o.onCase?.(c);
    const headers = c.moderator ? { ...o.headers, cookie: o.cookie } : o.headers;
    const agent = agentFor(origin);
    let bytes = 0;
    try {
      for (let w = 0; w < WARMUP_REQUESTS; w++) {
        const res = await timedRequest(agent, origin, c.path, { headers });
        if (res.status !== 200) throw new Error(`${c.path} gaf HTTP ${res.status}.`);
        bytes = res.body.length;
      }
    } finally {
      agent.destroy();
    }
    const run = (connections: number) =>
      timeRun(origin, { path: () => c.path, connections, duration: o.duration, min: MIN_REQUESTS, max: MAX_REQUESTS, headers });
    const sequential = await run(1);
    const concurrent = await run(ENDPOINT_CONNECTIONS);
    rows.push({ case: c, bytes, sequential, concurrent });
  }
  return rows;
}

export interface CountTimings {
  sequential: number[];
  concurrent: number[];
}

/** The queue's tab counts as the page asks for them (no filter), called in this process: alone, then 4 at once. */
export async function measureTabCounts(db: Db, calls = COUNT_CALLS): Promise<CountTimings> {
  const once = async () => {
    const started = process.hrtime.bigint();
    await tabCounts(db, { q: '', articleId: null });
    return Number(process.hrtime.bigint() - started) / 1e6;
  };
  for (let i = 0; i < 10; i++) await once();
  const sequential: number[] = [];
  for (let i = 0; i < calls; i++) sequential.push(await once());
  const concurrent: number[] = [];
  let left = calls;
  await Promise.all(
    Array.from({ length: ENDPOINT_CONNECTIONS }, async () => {
      while (left-- > 0) concurrent.push(await once());
    }),
  );
  return { sequential, concurrent };
}

const TARGET_MS = 50;
const COUNT_TARGET_MS = 5;

/** p50, p95 and p99 (up to 1.000 requests per run). */
const PERCENTILES = [0.5, 0.95, 0.99];
const cells = (latencies: number[]): string[] => timingCells(latencies, PERCENTILES);

/** One Markdown table (it goes into BENCHMARKS.md as printed). */
export function endpointTable(rows: EndpointRow[], counts: CountTimings | null): string {
  const c = ENDPOINT_CONNECTIONS;
  const lines = [
    `| endpoint | adres | bytes | één tegelijk: n | p50 | p95 | p99 | ${c} verbindingen: n | p50 | p95 | p99 | fouten |`,
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    const errors = r.sequential.errors + r.concurrent.errors;
    lines.push(
      `| ${r.case.label}${r.case.moderator ? ' (moderator)' : ''} | \`${r.case.path}\` | ${nl(r.bytes)} | ` +
        `${cells(r.sequential.latencies).join(' | ')} | ${cells(r.concurrent.latencies).join(' | ')} | ${nl(errors)} |`,
    );
  }
  if (counts)
    lines.push(
      `| tabtellingen, de query zelf (\`tabCounts\`, in het proces) | — | — | ${cells(counts.sequential).join(' | ')} | ` +
        `${cells(counts.concurrent).join(' | ')} | 0 |`,
    );
  return lines.join('\n');
}

interface Target {
  text: string;
  met: boolean;
  measured: string;
}

const worstP95 = (t: Timings[]): number => Math.max(...t.map((x) => percentile(x.latencies, 0.95)));

/** Issue 26's targets for these: every endpoint p95 under 50 ms (alone and at once), the counts under 5 ms. */
export function endpointTargets(rows: EndpointRow[], counts: CountTimings | null): Target[] {
  const slow = rows.filter((r) => !(worstP95([r.sequential, r.concurrent]) < TARGET_MS));
  const errors = rows.reduce((s, r) => s + r.sequential.errors + r.concurrent.errors, 0);
  const list: Target[] = [
    {
      text: `moderatiewachtrij, feeds, sitemap en API (${nl(rows.length)} adressen): elk p95 onder ${TARGET_MS} ms, één tegelijk en met ${ENDPOINT_CONNECTIONS} verbindingen`,
      met: slow.length === 0 && errors === 0,
      measured:
        `hoogste p95 ${ms(worstP95(rows.flatMap((r) => [r.sequential, r.concurrent])))}, ${nl(errors)} fouten` +
        (slow.length ? `; niet onder ${TARGET_MS} ms: ${slow.map((r) => r.case.label).join(', ')}` : ''),
    },
  ];
  if (counts) {
    const p95 = Math.max(percentile(counts.sequential, 0.95), percentile(counts.concurrent, 0.95));
    list.push({ text: `tabtellingen van de wachtrij: p95 onder ${COUNT_TARGET_MS} ms`, met: p95 < COUNT_TARGET_MS, measured: ms(p95) });
  }
  return list;
}

export const endpointErrors = (rows: EndpointRow[]): number => rows.reduce((s, r) => s + r.sequential.errors + r.concurrent.errors, 0);
