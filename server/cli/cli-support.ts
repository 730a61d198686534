// Shared by the commands behind npm scripts: config, a migrated database, Dutch errors, progress.
import { ConfigError, loadConfig, type Config } from '../config';
import { createDb, type Db } from '../db/knex';
import { migrateLatest } from '../db/migrate';
import { connectionProblem } from '../db/connection-problem';

export class UsageError extends Error {}

export async function openDatabase(): Promise<{ config: Config; db: Db; applied: string[] }> {
  const config = loadConfig();
  const db = createDb(config.databaseUrl);
  const applied = await migrateLatest(db);
  return { config, db, applied };
}

/** Runs a command: known errors print their Dutch message and exit 1; the database is always closed. */
export function runCommand(work: () => Promise<void>): void {
  // Through a promise, so a usage error thrown before the work's first await is reported the same way.
  Promise.resolve()
    .then(work)
    .then(
      () => process.exit(0),
      (err) => {
        const unreachable = connectionProblem(err);
        if (err instanceof UsageError || err instanceof ConfigError) console.error(err.message);
        else if (unreachable) console.error(`Kan de database niet bereiken: ${unreachable}`);
        else console.error('Er ging iets mis:', err);
        process.exit(1);
      },
    );
}

/** One line that updates in place on a terminal, and every tenth step in a log. */
export function progressLine(label: string, done: number, total: number): void {
  const line = `${label} ${done.toLocaleString('nl-NL')} van ${total.toLocaleString('nl-NL')}`;
  if (process.stdout.isTTY) process.stdout.write(`\r${line}${done === total ? '\n' : ''}`);
  else if (done === total || done % Math.max(1, Math.ceil(total / 10)) === 0) console.log(line);
}

/** --name value pairs and --flags. */
export function parseFlags(argv: string[], known: string[]): Record<string, string | true> {
  const out: Record<string, string | true> = {};
  for (let i = 0; i < argv.length; i++) {
    const m = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!m || !known.includes(m[1])) throw new UsageError(`Onbekende optie "${argv[i]}". Bekend: ${known.map((k) => `--${k}`).join(', ')}`);
    if (m[2] !== undefined) out[m[1]] = m[2];
    else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith('--')) out[m[1]] = argv[++i];
    else out[m[1]] = true;
  }
  return out;
}
