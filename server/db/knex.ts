// Knex set-up for both databases: SQLite (embedded default) and PostgreSQL.
import fs from 'node:fs';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';
import pg from 'pg';

export type Db = Knex;

// PostgreSQL returns bigint (count(*), sums) as strings; our counts stay far below 2^53.
pg.types.setTypeParser(20, (value: string) => Number(value));

// How long an SQLite writer waits for another before giving up (several processes may share the file).
const SQLITE_BUSY_TIMEOUT_MS = 5000;

export function isPostgresUrl(url: string): boolean {
  return /^postgres(ql)?:\/\//.test(url);
}

type SqliteCallback = (err: Error | null, result?: unknown) => void;
interface SqliteConnection {
  run: (sql: string, cb: (err: Error | null) => void) => void;
  all: (sql: string, bindings: unknown, cb: SqliteCallback) => void;
}

/**
 * knex opens a transaction with a deferred "BEGIN;", which takes the write lock only at the first
 * write. With several processes on one file in WAL mode, a transaction that read first (every
 * change locks and re-reads its article) and finds that another process has written since gets
 * SQLITE_BUSY at once: busy_timeout cannot help, its snapshot is stale. BEGIN IMMEDIATE takes the
 * write lock up front, where busy_timeout waits for the other writer. knex has no option for it,
 * so the statement is swapped on the way to the driver (knex sends its BEGIN through all()).
 */
function beginImmediate(conn: SqliteConnection): void {
  const all = conn.all.bind(conn);
  conn.all = (sql, bindings, cb) => all(/^BEGIN;?$/i.test(sql.trim()) ? 'BEGIN IMMEDIATE;' : sql, bindings, cb);
}

export function createDb(databaseUrl: string): Db {
  if (isPostgresUrl(databaseUrl)) {
    return knexFactory({ client: 'pg', connection: databaseUrl, pool: { min: 0, max: 10 } });
  }
  if (databaseUrl !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(databaseUrl)), { recursive: true });
  return knexFactory({
    client: 'sqlite3',
    connection: { filename: databaseUrl },
    useNullAsDefault: true,
    // One connection: SQLite has a single writer, and a shared connection keeps transactions serial.
    pool: {
      min: 1,
      max: 1,
      afterCreate(conn: SqliteConnection, done: (err: Error | null, conn: unknown) => void) {
        beginImmediate(conn);
        const pragmas = [
          'PRAGMA journal_mode = WAL',
          `PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`,
          'PRAGMA foreign_keys = ON',
          'PRAGMA synchronous = NORMAL',
        ];
        const next = (i: number): void => {
          if (i === pragmas.length) return done(null, conn);
          conn.run(pragmas[i], (err) => (err ? done(err, conn) : next(i + 1)));
        };
        next(0);
      },
    },
  });
}

export function isPostgres(db: Db): boolean {
  return db.client.config.client === 'pg';
}
