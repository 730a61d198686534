// The benchmark's output: Markdown tables (they go into BENCHMARKS.md as printed) and the
// targets of issues 9 and 22, each met or not met.
import type { GenerationReport } from './data';
import { nl } from './format';
import type { Measured } from './load';
import { printSearch, searchTarget, type SearchRow } from './search';
import { endpointTable, endpointTargets, type CountTimings, type EndpointRow } from './endpoints';
import type { CounterCheck, PostCheck } from './verify';
import type { WordPressRun } from './wordpress';

export interface PageRow {
  label: string;
  bytes: number;
  stadslog: Measured;
  reference?: Measured;
}

const mb = (bytes: number): string => `${nl(bytes / 1048576)} MB`;

function cells(m: Measured): string[] {
  return [nl(m.rps), `${nl(m.p50)} ms`, `${nl(m.p99)} ms`, nl(m.errors), nl(m.unexpected)];
}

function ratio(row: PageRow): number | null {
  return row.reference ? row.stadslog.rps / row.reference.rps : null;
}

function table(rows: PageRow[], referenceName: string): string {
  const lines = [
    '| page | server | req/s | p50 | p99 | errors | non-2xx | bytes | ratio |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const row of rows) {
    const r = ratio(row);
    lines.push(
      `| ${row.label} | Stadslog | ${cells(row.stadslog).join(' | ')} | ${row.bytes ? nl(row.bytes) : '—'} | ${r === null ? '—' : `${nl(r * 100)} %`} |`,
    );
    if (row.reference) lines.push(`| | ${referenceName} | ${cells(row.reference).join(' | ')} | ${nl(row.bytes)} | |`);
  }
  return lines.join('\n');
}

interface Target {
  text: string;
  met: boolean;
  /** What was measured, as the reader compares it with the text. */
  measured: string;
}

export interface RunReport {
  /** Voorpagina, 500-reactie article, a page of the biggest discussion, archive article, posting: in this order. */
  rows: PageRow[];
  /** The four pages again, as a browser asks for them (gzip), in the same order. */
  compressed: PageRow[];
  ttfb: number;
  ttfbReference: number;
  /** Median time of one post with nothing else going on, in ms. */
  singlePost: number;
  posts: PostCheck;
  counters: CounterCheck;
  serverPeak: number;
  generation: GenerationReport | null;
  /** Stock WordPress's post with 500 comments, measured in this run; null when it was not there. */
  wordpress: WordPressRun | null;
  /** Each query of the search section (search.ts). */
  search: SearchRow[];
  /** The moderation queue, feeds, sitemap and API (endpoints.ts), and the tab counts' query alone. */
  endpoints: EndpointRow[];
  counts: CountTimings;
  /** Who served the same bytes: node:http directly, nginx itself through the proxy. */
  referenceName: string;
}

function printTarget(t: Target): void {
  console.log(`- ${t.met ? 'gehaald' : 'NIET gehaald'}: ${t.text} (gemeten: ${t.measured})`);
}

const pct = (r: number | null): string => `${nl((r ?? 0) * 100)} %`;

function wordpressRatio(row: PageRow, wp: WordPressRun): string {
  return wp.run.requests > 0
    ? `${nl(row.stadslog.rps / wp.run.rps)}× WordPress`
    : 'niet te vergelijken: WordPress beantwoordde niets binnen de meting';
}

/** Posting's targets (issue 9): how many a second, no errors, nothing lost and exact counters. */
function postingTargets(posting: Measured, posts: PostCheck, counters: CounterCheck): Target[] {
  const errors = posting.errors + posting.unexpected;
  const stored = posts.missing === 0 && posts.duplicated === 0;
  const counted = counters.wrongArticles === 0 && counters.siteStored === counters.siteCounted;
  return [
    { text: '≥ 300 reacties per seconde', met: posting.rps >= 300, measured: `${nl(posting.rps)} per seconde` },
    { text: 'plaatsen zonder fouten', met: errors === 0, measured: `${nl(errors)} fouten of andere antwoorden dan 303` },
    {
      text: 'elke bevestigde reactie precies één keer opgeslagen, tellers exact',
      met: stored && counted,
      measured: stored && counted ? 'ja' : 'nee',
    },
  ];
}

/** The targets of issues 9 and 22, each as met or not met. */
function issueTargets(r: RunReport): Target[] {
  const [home, small, huge, , posting] = r.rows;
  const hugeGzip = r.compressed[2];
  const ref = r.referenceName;
  const list: Target[] = [
    { text: `${small.label} ≥ 50 % van ${ref}`, met: (ratio(small) ?? 0) >= 0.5, measured: pct(ratio(small)) },
    { text: `${small.label}: eerste byte binnen 10 ms`, met: r.ttfb < 10, measured: `${nl(r.ttfb, 1)} ms` },
    r.wordpress
      ? {
          text: `${small.label} ≥ 100× WordPress, in dezelfde run`,
          // No answer in the run is no measurement, not an infinite ratio.
          met: r.wordpress.run.requests > 0 && small.stadslog.rps >= 100 * r.wordpress.run.rps,
          measured: wordpressRatio(small, r.wordpress),
        }
      : { text: `${small.label} ≥ 100× WordPress`, met: false, measured: 'WordPress niet gemeten' },
    { text: `voorpagina ≥ 50 % van ${ref}`, met: (ratio(home) ?? 0) >= 0.5, measured: pct(ratio(home)) },
    {
      // A reader's browser always asks for gzip; the uncompressed page (autocannon's default) is shown beside it.
      text: `${huge.label}, zoals een browser hem vraagt (gzip): p99 onder 50 ms`,
      met: hugeGzip.stadslog.p99 < 50,
      measured:
        `${nl(hugeGzip.stadslog.p99)} ms (${ref} ${nl(hugeGzip.reference?.p99 ?? 0)} ms); ` +
        `zonder compressie ${nl(huge.stadslog.p99)} ms (${ref} ${nl(huge.reference?.p99 ?? 0)} ms)`,
    },
    ...postingTargets(posting.stadslog, r.posts, r.counters),
    { text: 'piekgeheugen server onder 250 MB', met: r.serverPeak < 250 * 1048576, measured: mb(r.serverPeak) },
    searchTarget(r.search),
    ...endpointTargets(r.endpoints, r.counts),
  ];
  if (r.generation)
    list.push({
      text: 'piekgeheugen generator onder 500 MB',
      met: r.generation.peakRss < 500 * 1048576,
      measured: mb(r.generation.peakRss),
    });
  return list;
}

export function printReport(r: RunReport): void {
  const { posts, counters, generation } = r;
  console.log(`\n${table([...r.rows.slice(0, 4), ...r.compressed, ...r.rows.slice(4)], r.referenceName)}\n`);
  console.log(
    `Tijd tot eerste byte, ${r.rows[1].label}, één verzoek tegelijk (mediaan van 20): ${nl(r.ttfb, 1)} ms (${r.referenceName}: ${nl(r.ttfbReference, 1)} ms)`,
  );
  console.log(`Eén reactie plaatsen, één tegelijk (mediaan van 5): ${nl(r.singlePost)} ms`);
  const wp = r.wordpress;
  if (wp) {
    const w = wp.run;
    console.log(
      `WordPress (${wp.url}, ${nl(wp.comments)} reacties, ${nl(wp.bytes)} bytes): ${nl(w.rps, 2)} req/s, p50 ${nl(w.p50)} ms, ` +
        `p99 ${nl(w.p99)} ms, ${nl(w.errors)} fouten, ${nl(w.requests)} antwoorden; eerste byte ${nl(wp.ttfb)} ms (mediaan van 5); ` +
        `${r.rows[1].label}: ${wordpressRatio(r.rows[1], wp)}`,
    );
  }
  console.log(
    `Plaatsen: ${nl(posts.acknowledged)} bevestigd (303), ${nl(posts.missing)} niet opgeslagen, ${nl(posts.duplicated)} dubbel; ` +
      `tellers: ${nl(counters.wrongArticles)} artikelen fout, totaal ${nl(counters.siteStored)} opgeslagen en ${nl(counters.siteCounted)} geteld`,
  );
  const generated = generation
    ? `; generator: ${mb(generation.peakRss)} in ${nl(generation.seconds)} s (${nl(generation.cpuSeconds)} s processortijd)`
    : '';
  console.log(`Piekgeheugen server: ${mb(r.serverPeak)}${generated}`);
  printSearch(r.search);
  console.log(`\n${endpointTable(r.endpoints, r.counts)}\n`);
  console.log(
    'Tijd tot de laatste byte, per adres eerst 3 verzoeken niet geteld; tabtellingen: 500 keer aangeroepen, alleen en 4 tegelijk.',
  );
  console.log('');
  for (const t of issueTargets(r)) printTarget(t);
}

/** `npm run bench -- --posting-only`: posting, one post alone, the checks and the posting targets, nothing else measured. */
export function printPostingReport(label: string, posting: Measured, singlePost: number, posts: PostCheck, counters: CounterCheck): void {
  console.log(`\n${table([{ label, bytes: 0, stadslog: posting }], '')}\n`);
  console.log(`Eén reactie plaatsen, één tegelijk (mediaan van 5): ${nl(singlePost)} ms`);
  console.log(
    `Plaatsen: ${nl(posts.acknowledged)} bevestigd (303), ${nl(posts.missing)} niet opgeslagen, ${nl(posts.duplicated)} dubbel; ` +
      `tellers: ${nl(counters.wrongArticles)} artikelen fout, totaal ${nl(counters.siteStored)} opgeslagen en ${nl(counters.siteCounted)} geteld`,
  );
  console.log('');
  for (const t of postingTargets(posting, posts, counters)) printTarget(t);
}

/** `npm run bench -- --search-only`: the search section and its target, nothing else measured. */
export function printSearchReport(search: SearchRow[]): void {
  printSearch(search);
  console.log('');
  printTarget(searchTarget(search));
}

function printEndpoints(endpoints: EndpointRow[], counts: CountTimings): void {
  console.log(`\n${endpointTable(endpoints, counts)}\n`);
  console.log(
    'Tijd tot de laatste byte, per adres eerst 3 verzoeken niet geteld; tabtellingen: 500 keer aangeroepen, alleen en 4 tegelijk.',
  );
}

/** `npm run bench -- --endpoints-only`: the endpoint section and its targets, nothing else measured. */
export function printEndpointReport(endpoints: EndpointRow[], counts: CountTimings): void {
  printEndpoints(endpoints, counts);
  console.log('');
  for (const t of endpointTargets(endpoints, counts)) printTarget(t);
}
