// Runs the migrations in migrations/ (TypeScript under tsx, compiled JavaScript in dist/).
// knex records each migration by name in knex_migrations and refuses to start when a recorded name
// is not in the folder, so names leave out the extension: `npm run dev` and `npm start` must accept
// each other's databases.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Knex } from 'knex';
import { isPostgres, type Db } from './knex';

const MIGRATIONS_DIR = path.join(__dirname, '..', '..', 'migrations');
const EXTENSION = path.extname(__filename); // '.ts' when run from source, '.js' when compiled
const TABLE = 'knex_migrations';

// Lists only the running extension's files (no .d.ts, .map or the other build's files) and names
// them without it. knex's loadExtensions argument is ignored: the running code decides.
const migrationSource: Knex.MigrationSource<string> = {
  async getMigrations() {
    const files = await fs.readdir(MIGRATIONS_DIR);
    return files.filter((file) => file.endsWith(EXTENSION) && !file.endsWith(`.d${EXTENSION}`)).sort();
  },
  getMigrationName: (file) => path.basename(file, EXTENSION),
  // require, not import(): under tsx's CommonJS hook only require loads a .ts file.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  getMigration: (file) => Promise.resolve(require(path.join(MIGRATIONS_DIR, file)) as Knex.Migration),
};

/** Every migration this version of Stadslog has, by the name it records, oldest first. */
export async function knownMigrations(): Promise<string[]> {
  return (await migrationSource.getMigrations([])).map((file) => migrationSource.getMigrationName(file));
}

// Databases migrated before names lost their extension recorded `….ts` or `….js`: strip it before
// knex compares names. One UPDATE, and a no-op once done, so two processes starting together are safe.
async function renameRecordedMigrations(db: Db): Promise<void> {
  if (!(await db.schema.hasTable(TABLE))) return;
  await db(TABLE)
    .where((q) => q.where('name', 'like', '%.ts').orWhere('name', 'like', '%.js'))
    .update({ name: db.raw('substr(name, 1, length(name) - 3)') });
}

const LOCK_TABLE = `${TABLE}_lock`;

/**
 * Makes knex's two tables and the one row of its lock table as knex would (same columns), but in one
 * transaction, which on SQLite begins IMMEDIATE and so waits for any other process doing the same.
 * knex makes them statement by statement: two processes starting on an empty file could both find
 * the lock table empty and both insert its row, and with two rows knex's lock (an UPDATE that must
 * touch exactly one) can never be taken again: every start then failed with "Migration table is
 * already locked". A database left with extra rows by that race gets its one row back here.
 */
async function prepareKnexTables(db: Db): Promise<void> {
  await db.transaction(async (trx) => {
    if (!(await trx.schema.hasTable(TABLE))) {
      await trx.schema.createTable(TABLE, (t) => {
        t.increments();
        t.string('name');
        t.integer('batch');
        t.timestamp('migration_time');
      });
    }
    if (!(await trx.schema.hasTable(LOCK_TABLE))) {
      await trx.schema.createTable(LOCK_TABLE, (t) => {
        t.increments('index').primary();
        t.integer('is_locked');
      });
    }
    const rows: { index: number }[] = await trx(LOCK_TABLE).select('index').orderBy('index');
    if (rows.length === 0) await trx(LOCK_TABLE).insert({ is_locked: 0 });
    // Extra rows only come from that race, in which no process could take the lock: none holds it.
    else if (rows.length > 1) await trx(LOCK_TABLE).where('index', '>', rows[0].index).del();
  });
}

// Any fixed number: the key of the PostgreSQL advisory lock that migrating app processes share.
const MIGRATION_LOCK_KEY = 20261122;
// What another process migrating at the same moment looks like on SQLite, where there is no
// advisory lock: its knex tables appeared under our feet, or it holds knex's migration lock.
const CONCURRENT_MIGRATION = /already exists|Migration table is already locked|SQLITE_BUSY/i;
const RETRY_FOR_MS = 60 * 1000;

/**
 * Applies every pending migration. Several app processes may start together on an empty database,
 * and knex's own lock table is only created by the first run, so first runs race to create it
 * (prepareKnexTables makes it in one transaction). On PostgreSQL a transaction-scoped advisory lock, held on a connection of its own while the
 * migrations run on others, makes the later processes wait and then find nothing to do. On SQLite
 * a process that meets another one's half-made tables or lock waits a moment and tries again.
 */
export async function migrateLatest(db: Db): Promise<string[]> {
  const run = async () => {
    await prepareKnexTables(db);
    await renameRecordedMigrations(db);
    const [, applied] = await db.migrate.latest({ migrationSource });
    return applied as string[];
  };
  if (isPostgres(db)) {
    return db.transaction(async (lock) => {
      await lock.raw('select pg_advisory_xact_lock(?)', [MIGRATION_LOCK_KEY]);
      return run();
    });
  }
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (!CONCURRENT_MIGRATION.test(String((err as Error)?.message)) || Date.now() - started > RETRY_FOR_MS) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.min(50 * attempt, 1000)));
    }
  }
}

// Undoes every applied migration, newest first; returns their names.
export async function migrateRollbackAll(db: Db): Promise<string[]> {
  await renameRecordedMigrations(db);
  const [, reverted] = await db.migrate.rollback({ migrationSource }, true);
  return reverted as string[];
}
