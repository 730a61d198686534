// Searching in the benchmark (issue 22: a search answers with p95 under 50 ms at 10.000 articles
// and 1.000.000 reacties): a fixed list of what residents type into /zoeken, chosen for the
// generated text (text.ts), each asked one request at a time and then over a few connections at
// once, timed from the request to the last byte of the answer.
//
// Every request really searches. /zoeken is not one of the pages the page cache keeps (the
// voorpagina and article pages, articles/public-pages.ts), and its Cache-Control only speaks to
// browsers and proxies, which the bench is not. Each request still gets its own URL: a parameter
// the route does not read (`meting`), so a cache keyed on the URL could not answer it either.
// A cache of results per search in the server would; this measurement would then have to change.
import { nl } from './format';
import { agentFor, ms, percentile, timedRequest, timeRun, timingCells, type Origin, type Timings } from './timing';

export { percentile, type Timings };

export interface SearchCase {
  /** What the query stands for, in the report. */
  label: string;
  /** What the resident typed. */
  q: string;
  /** The result page; 1 when not given. */
  page?: number;
}

// The generated text (text.ts) repeats a small vocabulary: a subject, a verb and an object per
// sentence, closing remarks, short answers, links; article titles from ten topics.
export const SEARCH_CASES: SearchCase[] = [
  { label: 'veelvoorkomend woord', q: 'gemeente' },
  { label: 'veelvoorkomend woord, pagina 2', q: 'gemeente', page: 2 },
  { label: 'zeldzaam woord (alleen in artikelen)', q: 'Vrijthof' },
  { label: 'zeldzaam woord in reacties', q: 'bizar' },
  { label: 'twee woorden', q: 'zwembad bibliotheek' },
  { label: 'twee veelvoorkomende woorden', q: 'college betalen' },
  { label: 'meervoud van een woord uit de tekst', q: 'fietsbruggen' },
  { label: 'deel van een samenstelling (fietsbrug)', q: 'brug' },
  { label: 'woordgroep tussen aanhalingstekens', q: '"sociale huurwoningen"' },
  { label: 'tikfout', q: 'wethoudre' },
  { label: 'begin van een woord', q: 'parkeerpl' },
  { label: 'met lidwoord', q: 'de markt' },
];

/** Concurrent requests in the second run: a few residents searching at the same moment. */
export const SEARCH_CONNECTIONS = 4;
/** Measured requests per query and run, at most; and at least, whatever the time. */
const MAX_REQUESTS = 100;
const MIN_REQUESTS = 5;
/** Requests before each query's runs, not counted: the first also tells how many results there are. */
const WARMUP_REQUESTS = 2;

/** The path of the n-th request for a query: its own URL each time (see the top of this file). */
export function searchPath(c: SearchCase, n: number): string {
  const page = c.page && c.page > 1 ? `&pagina=${c.page}` : '';
  return `/zoeken?q=${encodeURIComponent(c.q)}${page}&meting=${n}`;
}

export interface Results {
  /** Results the page says it has (0 for "Niets gevonden"); null when it says neither. */
  found: number | null;
  /** The page said "Meer dan" that number (it stops counting). */
  more: boolean;
  /** The query it searched instead when it offered "Bedoelde je …?", as HTML text. */
  corrected: string | null;
}

/** What a result page says it found. */
export function resultsOf(html: string): Results {
  const corrected = /Bedoelde je <a [^>]*>([^<]*)<\/a>/.exec(html)?.[1] ?? null;
  const m = /<p class="search-count">(Meer dan )?([\d.]+) resulta(?:at|ten)\b/.exec(html);
  if (m) return { found: Number(m[2].replace(/\./g, '')), more: m[1] !== undefined, corrected };
  return { found: /Niets gevonden voor/.test(html) ? 0 : null, more: false, corrected };
}

export interface SearchRow extends Results {
  case: SearchCase;
  sequential: Timings;
  concurrent: Timings;
}

/**
 * The percentile over several queries' timings with every query weighing the same, whatever
 * number of requests it got in its time (a slow query gets fewer): nearest rank on weights.
 */
export function pooledPercentile(groups: number[][], p: number): number {
  const weighted = groups
    .filter((g) => g.length > 0)
    .flatMap((g) => g.map((value) => ({ value, weight: 1 / g.length })))
    .sort((a, b) => a.value - b.value);
  if (!weighted.length) return NaN;
  const total = weighted.reduce((s, w) => s + w.weight, 0);
  let seen = 0;
  for (const w of weighted) {
    seen += w.weight;
    if (seen >= p * total - 1e-9) return w.value;
  }
  return weighted[weighted.length - 1].value;
}

export interface SearchOptions {
  /** Seconds per query and run, after at least MIN_REQUESTS requests (at most MAX_REQUESTS). */
  duration: number;
  connections?: number;
  /** Called as each query starts (progress on the terminal). */
  onCase?: (c: SearchCase) => void;
}

/** Each query: a warm-up (which reads the result count), one request at a time, then over `connections`. */
export async function measureSearch(origin: Origin, cases: SearchCase[], o: SearchOptions): Promise<SearchRow[]> {
  const connections = o.connections ?? SEARCH_CONNECTIONS;
  const rows: SearchRow[] = [];
  for (const [i, c] of cases.entries()) {
    o.onCase?.(c);
    // Numbers no other request of this run uses: a query's URLs differ from each other and from the others'.
    const base = i * 10_000;
    let found: Results = { found: null, more: false, corrected: null };
    const agent = agentFor(origin);
    try {
      for (let w = 0; w < WARMUP_REQUESTS; w++) {
        const res = await timedRequest(agent, origin, searchPath(c, base + w));
        if (res.status !== 200) throw new Error(`${searchPath(c, base + w)} gaf HTTP ${res.status}.`);
        if (w === 0) found = resultsOf(res.body.toString('utf8'));
      }
    } finally {
      agent.destroy();
    }
    const run = (first: number, n: number) =>
      timeRun(origin, {
        path: (i) => searchPath(c, first + i),
        connections: n,
        duration: o.duration,
        min: MIN_REQUESTS,
        max: MAX_REQUESTS,
      });
    const sequential = await run(base + WARMUP_REQUESTS, 1);
    const concurrent = await run(base + WARMUP_REQUESTS + MAX_REQUESTS, connections);
    rows.push({ case: c, ...found, sequential, concurrent });
  }
  return rows;
}

const TARGET_MS = 50;

/** p50, p95 and the slowest (a query gets at most 100 requests: a p99 would be the slowest but one). */
const PERCENTILES = [0.5, 0.95, 1];

/** The query as typed, in a Markdown cell: quotes and all, the page after it. */
function typed(c: SearchCase): string {
  return `\`${c.q}\`${c.page && c.page > 1 ? `, pagina ${c.page}` : ''}`;
}

/** One Markdown table (it goes into BENCHMARKS.md as printed). */
export function searchTable(rows: SearchRow[], connections = SEARCH_CONNECTIONS): string {
  const lines = [
    `| zoekvraag | getypt | resultaten | één tegelijk: n | p50 | p95 | max | ${connections} verbindingen: n | p50 | p95 | max | fouten |`,
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    const errors = r.sequential.errors + r.concurrent.errors;
    lines.push(
      `| ${r.case.label} | ${typed(r.case)} | ${r.found === null ? '?' : `${r.more ? 'meer dan ' : ''}${nl(r.found)}`}${r.corrected ? ` (bedoeld: ${r.corrected})` : ''} | ` +
        `${timingCells(r.sequential.latencies, PERCENTILES).join(' | ')} | ` +
        `${timingCells(r.concurrent.latencies, PERCENTILES).join(' | ')} | ${nl(errors)} |`,
    );
  }
  return lines.join('\n');
}

interface SearchSummary {
  /** p95 over all queries, each weighing the same, one request at a time. */
  sequentialP95: number;
  concurrentP95: number;
  /** Queries whose own p95 (in either run) is not under the target. */
  slow: SearchRow[];
  errors: number;
}

function summarizeSearch(rows: SearchRow[]): SearchSummary {
  const p95 = (t: Timings) => percentile(t.latencies, 0.95);
  return {
    sequentialP95: pooledPercentile(
      rows.map((r) => r.sequential.latencies),
      0.95,
    ),
    concurrentP95: pooledPercentile(
      rows.map((r) => r.concurrent.latencies),
      0.95,
    ),
    slow: rows.filter((r) => !(p95(r.sequential) < TARGET_MS) || !(p95(r.concurrent) < TARGET_MS)),
    errors: rows.reduce((s, r) => s + r.sequential.errors + r.concurrent.errors, 0),
  };
}

/** Issue 22's target: met when every search, pooled, answers with p95 under 50 ms, alone and at once. */
export function searchTarget(rows: SearchRow[], connections = SEARCH_CONNECTIONS): { text: string; met: boolean; measured: string } {
  const s = summarizeSearch(rows);
  const slow = s.slow.length ? `; p95 niet onder ${TARGET_MS} ms: ${s.slow.map((r) => r.case.label).join(', ')}` : '';
  return {
    text: `zoeken (${nl(rows.length)} zoekvragen): p95 onder ${TARGET_MS} ms, één tegelijk en met ${connections} verbindingen`,
    met: s.sequentialP95 < TARGET_MS && s.concurrentP95 < TARGET_MS && s.errors === 0,
    measured: `één tegelijk ${ms(s.sequentialP95)}, ${connections} verbindingen ${ms(s.concurrentP95)}, ${nl(s.errors)} fouten${slow}`,
  };
}

/** The search section: the table, and the pooled figures under it. */
export function printSearch(rows: SearchRow[], connections = SEARCH_CONNECTIONS): void {
  const s = summarizeSearch(rows);
  console.log(`\n${searchTable(rows, connections)}\n`);
  console.log(
    `Zoeken, p95 over alle zoekvragen (elke zoekvraag weegt even zwaar): één tegelijk ${ms(s.sequentialP95)}, ` +
      `${connections} verbindingen ${ms(s.concurrentP95)}; tijd tot de laatste byte, per zoekvraag eerst ${WARMUP_REQUESTS} verzoeken niet geteld`,
  );
}
