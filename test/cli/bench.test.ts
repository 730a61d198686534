// npm run bench end to end, at a small size and for a second a page: it must run on a fresh clone
// (it builds the server itself), measure each page plain and gzip against the bare node:http
// reference, search with each of its queries, post with valid form tokens, check every acknowledged
// reactie and the counters, and print every target of issues 9 and 22 as met or not met. The figures
// at this size mean nothing; the run does.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { generate } from '../../server/cli/bench/generate';
import { SEARCH_CASES } from '../../server/cli/bench/search';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db';

const run = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');

describe('npm run bench, end to end at a small size', function () {
  this.timeout(300_000);
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
    await generate(t.db, { articles: 30, reacties: 2500, big: [500, 1200], years: 1 });
  });
  after(async () => t.drop());

  it('measures every page plain and as a browser asks for it, searches, posts, checks what it posted, and prints every target', async () => {
    const where = onPostgres ? ['--database', t.url] : ['--file', t.url];
    const flags = ['--duration', '1', '--warmup', '1', '--connections', '4', '--wordpress', 'off'];
    const { stdout } = await run(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'server/cli/bench.ts', ...where, ...flags],
      {
        cwd: ROOT,
        maxBuffer: 10 * 1024 * 1024,
      },
    );
    for (const page of ['voorpagina', 'artikel met 500 reacties', 'artikel met 1.200 reacties, pagina 2', 'oud archiefartikel']) {
      assert.match(stdout, new RegExp(`^\\| ${page} \\| Stadslog \\| [\\d.]+ \\|`, 'm'), page);
      assert.match(stdout, new RegExp(`^\\| ${page}, gzip \\| Stadslog \\| [\\d.]+ \\|`, 'm'), `${page}, gzip`);
    }
    assert.equal((stdout.match(/^\| \| node:http \|/gm) ?? []).length, 8, 'a reference row under every page');
    assert.match(stdout, /^\| reactie plaatsen/m);
    for (const c of SEARCH_CASES) {
      const label = c.label.replace(/[()]/g, '\\$&');
      // Every query answered, its results counted, none failed.
      assert.match(
        stdout,
        new RegExp(
          `^\\| ${label} \\| \`[^\`]+\`(, pagina \\d+)? \\| (meer dan )?[\\d.]+( \\(bedoeld: [^)]+\\))? \\| [\\d.]+ \\| .* \\| 0 \\|$`,
          'm',
        ),
        c.label,
      );
    }
    assert.match(stdout, /Plaatsen: [\d.]+ bevestigd \(303\), 0 niet opgeslagen, 0 dubbel; tellers: 0 artikelen fout/);
    // The moderation queue (logged in), feeds, sitemap and API: every address answered, none failed.
    const endpoints = stdout.match(/^\| [^|]+ \| `\/[^`]*` \| [\d.]+ \| .* \| 0 \|$/gm) ?? [];
    assert.equal(endpoints.length, 11, endpoints.join('\n'));
    assert.ok(endpoints.some((line) => line.startsWith('| moderatiewachtrij, tab Wachtend (moderator) | `/beheer/reacties` |')));
    assert.match(stdout, /^\| tabtellingen, de query zelf \(`tabCounts`, in het proces\) \| — \| — \| 500 \|/m);
    const targets = stdout.match(/^- (gehaald|NIET gehaald): .*$/gm) ?? [];
    assert.equal(targets.length, 12, targets.join('\n'));
    assert.ok(targets.some((line) => /tabtellingen van de wachtrij: p95 onder 5 ms/.test(line)));
    assert.ok(targets.some((line) => /zoeken \(12 zoekvragen\): p95 onder 50 ms, één tegelijk en met 4 verbindingen/.test(line)));
    assert.ok(targets.some((line) => /zoals een browser hem vraagt \(gzip\): p99 onder 50 ms/.test(line)));
  });

  it('with --search-only measures searching alone, and prints its target', async () => {
    const where = onPostgres ? ['--database', t.url] : ['--file', t.url];
    const { stdout } = await run(
      process.execPath,
      [path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'server/cli/bench.ts', ...where, '--search-only', '--duration', '1'],
      { cwd: ROOT, maxBuffer: 10 * 1024 * 1024 },
    );
    assert.equal((stdout.match(/^\| (?!zoekvraag|---).* \| `/gm) ?? []).length, SEARCH_CASES.length, 'a row per query');
    assert.doesNotMatch(stdout, /node:http|reactie plaatsen/);
    const targets = stdout.match(/^- (gehaald|NIET gehaald): .*$/gm) ?? [];
    assert.equal(targets.length, 1, targets.join('\n'));
    assert.match(targets[0], /zoeken \(12 zoekvragen\): p95 onder 50 ms/);
  });
});
