// The benchmark's database as a command: sizes from the flags, a fresh SQLite file (or an empty
// PostgreSQL database), progress on the terminal, and the time and peak memory it took.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, isPostgres, isPostgresUrl, type Db } from '../../db/knex';
import { migrateLatest } from '../../db/migrate';
import { UsageError } from '../cli-support';
import { analyseSearchIndex, generate } from './generate';

export interface Sizes {
  articles: number;
  reacties: number;
  big: number[];
}

const DEFAULT_BIG = [500, 5000, 100_000];

function positive(flags: Record<string, string | true>, name: string, fallback: number): number {
  const raw = flags[name];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new UsageError(`--${name} moet een positief geheel getal zijn.`);
  return value;
}

export function parseSizes(flags: Record<string, string | true>): Sizes {
  const articles = positive(flags, 'articles', 10_000);
  const reacties = positive(flags, 'reacties', 1_000_000);
  const big = typeof flags.big === 'string' ? flags.big.split(',').map(Number) : DEFAULT_BIG;
  if (big.some((n) => !Number.isInteger(n) || n < 1)) throw new UsageError('--big is een lijst van aantallen, zoals 500,5000,100000.');
  if (big.reduce((s, n) => s + n, 0) > reacties)
    throw new UsageError('De grote discussies (--big) hebben samen meer reacties dan --reacties.');
  if (articles < big.length + 1) throw new UsageError(`--articles moet groter zijn dan het aantal grote discussies (${big.length}).`);
  return { articles, reacties, big };
}

function mb(bytes: number): string {
  return `${Math.round(bytes / 1048576).toLocaleString('nl-NL')} MB`;
}

/** Peak resident memory of this process so far (maxRSS is in kilobytes). */
function peakRss(): number {
  return process.resourceUsage().maxRSS * 1024;
}

/** Progress on one line, redrawn at most every 1.000 steps (a million rows print quickly). */
function progress(label: string, done: number, total: number): void {
  if (done !== total && done % 1000 !== 0) return;
  const line = `  ${label}: ${done.toLocaleString('nl-NL')} van ${total.toLocaleString('nl-NL')}`;
  if (process.stdout.isTTY) process.stdout.write(`\r${line}${done === total ? '\n' : ''}`);
  else if (done === total || done % Math.max(1000, Math.ceil(total / 10 / 1000) * 1000) === 0) console.log(line);
}

export interface GenerationReport {
  where: string;
  seconds: number;
  /** Processor time the generator used: on a shared machine, a better measure of its cost than the clock. */
  cpuSeconds: number;
  /** Peak resident memory of the generating process, in bytes. */
  peakRss: number;
}

/**
 * An existing database's search index analysed to the end before the bench measures: stale when
 * it was made before the search analysed in the app, or a migration marked it so.
 */
export async function analyseExisting(db: Db): Promise<void> {
  const started = Date.now();
  const n = await analyseSearchIndex(db, progress);
  if (!n) return;
  console.log(`  zoekindex: ${n.toLocaleString('nl-NL')} stukken geanalyseerd in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  // Dead rows cleared and statistics for what changed, as after generating (generate.ts).
  if (isPostgres(db)) await db.raw('vacuum analyze');
}

/** Generates into `target` (an SQLite path or a PostgreSQL URL), or a new file in a temp folder. */
export async function generateDatabase(sizes: Sizes, target: string | null): Promise<GenerationReport> {
  const where = target ?? path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-bench-')), 'bench.sqlite');
  if (!isPostgresUrl(where) && fs.existsSync(where)) throw new UsageError(`${where} bestaat al; kies een nieuw bestand.`);
  console.log(
    `Benchmarkdatabase: ${sizes.articles.toLocaleString('nl-NL')} artikelen, ${sizes.reacties.toLocaleString('nl-NL')} reacties ` +
      `(grote discussies: ${sizes.big.map((n) => n.toLocaleString('nl-NL')).join(', ')}) in ${where}`,
  );
  const started = Date.now();
  let report: GenerationReport;
  const db = createDb(where);
  try {
    await migrateLatest(db);
    const result = await generate(db, { ...sizes, progress });
    const seconds = (Date.now() - started) / 1000;
    const cpu = process.cpuUsage();
    report = { where, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, peakRss: peakRss() };
    console.log(
      `  klaar in ${seconds.toFixed(0)} s (${report.cpuSeconds.toFixed(0)} s processortijd): ${result.reacties.toLocaleString('nl-NL')} reacties ` +
        `(${Math.round(result.reacties / seconds).toLocaleString('nl-NL')} per seconde), ${result.visible.toLocaleString('nl-NL')} zichtbaar; ` +
        `piekgeheugen ${mb(report.peakRss)}`,
    );
  } finally {
    await db.destroy();
  }
  return report;
}
