// npm run search:eval -- [--set holdout|dev|all] [--database postgres://…/empty] [--verbose]
// The relevance figures of issue 22: the corpus of real Dutch texts (test/fixtures/search and the
// council documents of test/fixtures/documents/real) put into a new database as articles, every
// resident query of the set searched as /zoeken does, and per category how many found their text
// among the first ten results. Figures count on the holdout set: the search was never tuned on it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, isPostgresUrl } from '../db/knex';
import { migrateLatest } from '../db/migrate';
import { figures, loadCorpus, readCorpus, readQueries, runQueries, type RelevanceQuery } from '../search/relevance';
import { parseFlags, progressLine, runCommand, UsageError } from './cli-support';

const USAGE = 'Gebruik: npm run search:eval -- [--set holdout|dev|all] [--database postgres://…/lege-database] [--verbose]';
const FIXTURES = path.join(__dirname, '..', '..', 'test', 'fixtures');

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} %` : '–');

runCommand(async () => {
  const flags = parseFlags(process.argv.slice(2), ['set', 'database', 'verbose']);
  const set = flags.set === undefined ? 'holdout' : String(flags.set);
  if (!['holdout', 'dev', 'all'].includes(set)) throw new UsageError(`Onbekende set "${set}".\n${USAGE}`);
  const queries: RelevanceQuery[] = (set === 'all' ? ['dev', 'holdout'] : [set]).flatMap((s) =>
    readQueries(path.join(FIXTURES, 'search', 'queries', `${s}.tsv`)),
  );
  const given = typeof flags.database === 'string' ? flags.database : null;
  if (given !== null && !isPostgresUrl(given)) throw new UsageError(`--database is een PostgreSQL-adres (postgres://…).\n${USAGE}`);
  const work = given === null ? fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-zoekmeting-')) : null;
  const db = createDb(given ?? path.join(work!, 'meting.sqlite'));
  try {
    await migrateLatest(db);
    const articles = Number((await db('articles').count({ n: '*' }).first())?.n ?? 0);
    if (articles > 0) throw new UsageError('Die database heeft al artikelen: geef een lege database op.');
    const corpus = readCorpus(FIXTURES);
    const now = new Date();
    const bySlug = await loadCorpus(db, corpus, now, (n) => progressLine('Teksten in de database:', n, corpus.length));
    const outcomes = await runQueries(db, bySlug, queries, now);
    const { categories, all } = figures(outcomes);
    console.log(`\n${set}: ${all.queries} zoekvragen over ${corpus.length} teksten (${given ? 'PostgreSQL' : 'SQLite'})`);
    for (const c of [...categories, all]) {
      console.log(
        `  ${c.category.padEnd(14)} ${String(c.found).padStart(3)}/${String(c.queries).padEnd(3)} in de eerste 10 (${pct(c.found, c.queries)})`,
      );
    }
    if (flags.verbose) {
      console.log('\nNiet gevonden:');
      for (const o of outcomes.filter((x) => x.rank === null)) {
        console.log(`  [${o.category}] "${o.query}" → ${o.expected.join(' | ')} (${o.note}); eerst: ${o.top.join(', ') || 'niets'}`);
      }
    }
  } finally {
    await db.destroy();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  }
});
