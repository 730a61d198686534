// The benchmark's search section (issue 22): its percentiles, its table and target, and its
// measurement against the real /zoeken (every request its own URL, the result count read from the
// page). No full benchmark here: test/cli/bench.test.ts runs that at a small size.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle } from '../helpers/builders';
import {
  measureSearch,
  percentile,
  pooledPercentile,
  resultsOf,
  searchPath,
  searchTable,
  searchTarget,
  type SearchRow,
  type Timings,
} from '../../server/cli/bench/search';

const timings = (latencies: number[], errors = 0): Timings => ({ latencies, errors });
const row = (label: string, q: string, found: number | null, sequential: Timings, concurrent: Timings, page?: number): SearchRow => ({
  case: { label, q, page },
  found,
  more: false,
  corrected: null,
  sequential,
  concurrent,
});
const fast = Array.from({ length: 100 }, (_, i) => 2 + i / 10);

function listen(handler: http.RequestListener): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer(handler);
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}

describe('bench: search section', () => {
  it('takes percentiles by nearest rank', () => {
    const values = Array.from({ length: 20 }, (_, i) => 20 - i);
    assert.equal(percentile(values, 0.5), 10);
    assert.equal(percentile(values, 0.95), 19);
    assert.equal(percentile([7], 0.95), 7);
    assert.ok(Number.isNaN(percentile([], 0.95)));
  });

  it('weighs every query the same in the overall p95, however many requests it got', () => {
    // A slow query gets 5 requests in its time, a fast one 100: pooled plainly, the slow one would vanish.
    const slow = [900, 1000, 1100, 1200, 1300];
    assert.equal(percentile([...fast, ...slow], 0.95), 11.9);
    assert.equal(pooledPercentile([fast, slow], 0.95), 1300);
    assert.equal(pooledPercentile([fast, fast], 0.95), percentile(fast, 0.95));
    assert.equal(pooledPercentile([fast, []], 0.95), percentile(fast, 0.95));
  });

  it('prints one Markdown row per query, with the query as typed and the page after it', () => {
    const rows = [
      row('veelvoorkomend woord', 'gemeente', 312_456, timings(fast), timings(fast.map((v) => v * 2))),
      row('woordgroep, pagina 2', '"sociale huurwoningen"', 0, timings([40, 60]), timings([], 3), 2),
      { ...row('tikfout', 'wethoudre', 1_200, timings([5]), timings([5])), corrected: 'wethouder' },
      { ...row('lidwoord', 'de', 10_000, timings([5]), timings([5])), more: true },
    ];
    const lines = searchTable(rows).split('\n');
    assert.equal(lines.length, 6);
    assert.match(lines[0], /^\| zoekvraag \| getypt \| resultaten \| één tegelijk: n \| p50 \| p95 \| max \| 4 verbindingen: n \|/);
    assert.equal(
      lines[2],
      '| veelvoorkomend woord | `gemeente` | 312.456 | 100 | 6,9 ms | 11 ms | 12 ms | 100 | 14 ms | 23 ms | 24 ms | 0 |',
    );
    assert.equal(
      lines[3],
      '| woordgroep, pagina 2 | `"sociale huurwoningen"`, pagina 2 | 0 | 2 | 40 ms | 60 ms | 60 ms | 0 | — | — | — | 3 |',
    );
    assert.match(lines[4], /^\| tikfout \| `wethoudre` \| 1\.200 \(bedoeld: wethouder\) \| 1 \| 5,0 ms \|/);
    assert.match(lines[5], /^\| lidwoord \| `de` \| meer dan 10\.000 \| 1 \|/);
  });

  it('meets the target only when the pooled p95 is under 50 ms alone and at once, without errors, and names the slow queries', () => {
    const quick = row('snel', 'a', 1, timings(fast), timings(fast));
    const met = searchTarget([quick, quick]);
    assert.equal(met.met, true);
    assert.equal(met.text, 'zoeken (2 zoekvragen): p95 onder 50 ms, één tegelijk en met 4 verbindingen');
    assert.equal(met.measured, 'één tegelijk 11 ms, 4 verbindingen 11 ms, 0 fouten');

    const slowAtOnce = row('veelvoorkomend woord', 'gemeente', 1, timings(fast), timings([700, 800, 900, 1000, 1100]));
    const missed = searchTarget([quick, slowAtOnce]);
    assert.equal(missed.met, false);
    assert.equal(missed.measured, 'één tegelijk 11 ms, 4 verbindingen 1.100 ms, 0 fouten; p95 niet onder 50 ms: veelvoorkomend woord');

    const failing = searchTarget([quick, row('kapot', 'b', null, timings(fast), timings(fast, 1))]);
    assert.equal(failing.met, false, 'an error is no answer');
    assert.match(failing.measured, /, 1 fouten$/);
  });

  it('reads the result count from the page, also when nothing is found', () => {
    assert.deepEqual(resultsOf('<p class="search-count">1.234 resultaten voor <strong class="query">gemeente</strong>.</p>'), {
      found: 1234,
      more: false,
      corrected: null,
    });
    assert.deepEqual(resultsOf('<p class="search-count">1 resultaat voor <strong class="query">x</strong>.</p>'), {
      found: 1,
      more: false,
      corrected: null,
    });
    assert.deepEqual(resultsOf('<p class="empty">Niets gevonden voor <strong class="query">qqq</strong>.'), {
      found: 0,
      more: false,
      corrected: null,
    });
    assert.deepEqual(
      resultsOf(
        '<p class="search-corrected">Niets gevonden voor <strong class="query">wethoudre</strong>. Bedoelde je <a href="/zoeken?q=wethouder">wethouder</a>? Hieronder wat dat vindt.</p>\n' +
          '<p class="search-count">7 resultaten.</p>',
      ),
      { found: 7, more: false, corrected: 'wethouder' },
    );
    assert.deepEqual(resultsOf('<p class="search-count">Meer dan 10.000 resultaten voor <strong class="query">de</strong>.</p>'), {
      found: 10_000,
      more: true,
      corrected: null,
    });
    assert.deepEqual(resultsOf('<h1>Zoeken</h1>'), { found: null, more: false, corrected: null });
  });

  describe('against /zoeken', function () {
    this.timeout(60_000);
    let t: TestApp;
    let server: { url: string; close: () => Promise<void> };
    before(async () => {
      t = await createTestApp();
      await buildArticle(t.db, { title: 'Het zwembad', bodyMarkdown: 'De gemeente houdt het zwembad langer open.' });
      await buildArticle(t.db, { title: 'De fietsbrug', bodyMarkdown: 'De gemeente bouwt een fietsbrug over de Maas.' });
      server = await listen(t.app);
    });
    after(async () => {
      await server.close();
      await t.close();
    });

    it('asks the real page with a parameter it ignores: the same results, a new URL for every request', async () => {
      const plain = await (await fetch(`${server.url}/zoeken?q=gemeente`)).text();
      const marked = await (await fetch(`${server.url}${searchPath({ label: '', q: 'gemeente' }, 7)}`)).text();
      assert.deepEqual(resultsOf(plain), { found: 2, more: false, corrected: null });
      const hits = (html: string) => html.match(/<li class="search-result">[\s\S]*?<\/li>/g);
      assert.deepEqual(hits(marked), hits(plain));
      assert.equal(
        searchPath({ label: '', q: '"sociale huurwoningen"', page: 2 }, 3),
        '/zoeken?q=%22sociale%20huurwoningen%22&pagina=2&meting=3',
      );
    });

    it('measures each query alone and over four connections, with the number of results it found', async () => {
      const rows = await measureSearch(
        { url: server.url },
        [
          { label: 'gewoon', q: 'gemeente' },
          { label: 'niets', q: 'wethoudre' },
        ],
        { duration: 1 },
      );
      assert.deepEqual(
        rows.map((r) => [r.case.label, r.found, r.sequential.errors, r.concurrent.errors]),
        [
          ['gewoon', 2, 0, 0],
          ['niets', 0, 0, 0],
        ],
      );
      for (const r of rows) {
        assert.ok(r.sequential.latencies.length >= 5 && r.sequential.latencies.length <= 100, `${r.sequential.latencies.length}`);
        assert.ok(r.concurrent.latencies.length >= 5 && r.concurrent.latencies.length <= 100, `${r.concurrent.latencies.length}`);
        assert.ok(r.sequential.latencies.every((ms) => ms > 0));
      }
    });
  });

  it('sends every request to a URL of its own and counts what is not a 200 as an error', async () => {
    const seen: string[] = [];
    let n = 0;
    const fake = await listen((req, res) => {
      seen.push(req.url!);
      // The two warm-up requests pass; after that every third request fails.
      const status = n++ >= 2 && n % 3 === 0 ? 500 : 200;
      res.writeHead(status, { 'content-type': 'text/html' }).end('<p class="search-count">3 resultaten voor "x".</p>');
    });
    try {
      const [r] = await measureSearch({ url: fake.url }, [{ label: 'x', q: 'x' }], { duration: 1 });
      assert.equal(r.found, 3);
      assert.equal(new Set(seen).size, seen.length, 'no URL asked twice');
      assert.ok(seen.every((u) => /^\/zoeken\?q=x&meting=\d+$/.test(u)));
      const measured = r.sequential.latencies.length + r.sequential.errors + r.concurrent.latencies.length + r.concurrent.errors;
      assert.equal(measured, seen.length - 2, 'the warm-up is not counted');
      assert.ok(r.sequential.errors + r.concurrent.errors > 0);
      assert.equal(r.sequential.errors + r.concurrent.errors, Math.floor(seen.length / 3), 'every third request failed');
    } finally {
      await fake.close();
    }
  });
});
