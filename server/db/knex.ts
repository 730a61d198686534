// Knex set-up for both databases: SQLite (embedded default) and PostgreSQL.
import fs from 'node:fs';
import path from 'node:path';
import knexFactory, { Knex } from 'knex';
import pg from 'pg';
import { keepStatements, type KeepingConnection } from './sqlite-statements';
import { keepNamedStatements, type NamingConnection } from './pg-statements';

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

function runPragmas(conn: SqliteConnection, pragmas: string[], done: (err: Error | null, conn: unknown) => void): void {
  const next = (i: number): void => {
    if (i === pragmas.length) return done(null, conn);
    conn.run(pragmas[i], (err) => (err ? done(err, conn) : next(i + 1)));
  };
  next(0);
}

// The read-only connections beside each SQLite database's writer (readsOf), by the client's config,
// which a database and its transactions share.
const readers = new WeakMap<object, Db>();
// Two: the machines Stadslog runs on have a few cores, and node-sqlite3 runs each connection's
// statements one after the other on libuv's thread pool (four threads).
const READ_CONNECTIONS = 2;

/**
 * Where a read goes that needs no transaction: on SQLite, a pool of read-only connections beside
 * the one writer. The writer does every statement in turn, each one a trip through the thread pool
 * and back, so a post's reads (the sender's history, the spam memory, the article) used to queue
 * behind other posts' writes, and a cache hit's version check behind both. In WAL mode a reader
 * sees everything committed before its statement began: a reactie posted and answered is in it.
 * Inside a transaction, and on PostgreSQL (a pool of its own), the reads stay where they are.
 */
export function readsOf(db: Db): Db {
  if ((db as Knex.Transaction).isTransaction) return db;
  return readers.get(db.client.config as object) ?? db;
}

function sqliteReader(writer: Db, filename: string): Db {
  const reader = knexFactory({
    client: 'sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    pool: {
      min: 0,
      max: READ_CONNECTIONS,
      afterCreate: (conn: SqliteConnection, done: (err: Error | null, conn: unknown) => void) => {
        keepStatements(conn as unknown as KeepingConnection);
        runPragmas(conn, ['PRAGMA query_only = ON', `PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`], done);
      },
    },
  });
  // Whoever listens to the database's queries (a query-plan test, a profile) hears the reads too.
  for (const event of ['query', 'query-response', 'query-error']) reader.on(event, (...args: unknown[]) => writer.emit(event, ...args));
  // Closing the database closes its readers first (knex's own destroy is read-only; it asks its client).
  const client = writer.client as { destroy: (callback?: unknown) => Promise<void> };
  const destroy = client.destroy.bind(client);
  client.destroy = async (callback?: unknown) => {
    await reader.destroy();
    return destroy(callback);
  };
  return reader;
}

// knex warns with the driver's stack trace when a connection cannot be made; the same error reaches the caller,
// which says it in Dutch (connection-problem.ts): a request logs it once, a command prints what to do.
const QUIET_ACQUIRE = {
  warn(message: unknown): void {
    if (!String(message).startsWith('Acquire connection error')) process.stderr.write(`${String(message)}\n`);
  },
};

export function createDb(databaseUrl: string): Db {
  if (isPostgresUrl(databaseUrl)) {
    return knexFactory({
      client: 'pg',
      connection: databaseUrl,
      log: QUIET_ACQUIRE,
      pool: {
        min: 0,
        max: 10,
        // The statements a post runs every time stay prepared on each connection (pg-statements.ts).
        afterCreate(conn: NamingConnection, done: (err: Error | null, conn: unknown) => void) {
          keepNamedStatements(conn);
          done(null, conn);
        },
      },
    });
  }
  if (databaseUrl !== ':memory:') fs.mkdirSync(path.dirname(path.resolve(databaseUrl)), { recursive: true });
  const db = knexFactory({
    client: 'sqlite3',
    connection: { filename: databaseUrl },
    useNullAsDefault: true,
    // One writer: SQLite has a single writer, and a shared connection keeps transactions serial
    // (no busy waits between our own writes). Reads that need no transaction go to readsOf.
    pool: {
      min: 1,
      max: 1,
      afterCreate(conn: SqliteConnection, done: (err: Error | null, conn: unknown) => void) {
        keepStatements(conn as unknown as KeepingConnection);
        beginImmediate(conn);
        runPragmas(
          conn,
          [
            // busy_timeout first: switching a new file to WAL waits for a process doing the same.
            `PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`,
            'PRAGMA journal_mode = WAL',
            'PRAGMA foreign_keys = ON',
            'PRAGMA synchronous = NORMAL',
          ],
          done,
        );
      },
    },
  });
  // An in-memory database is one connection's own: another would open an empty one.
  if (databaseUrl !== ':memory:') readers.set(db.client.config as object, sqliteReader(db, databaseUrl));
  return db;
}

export function isPostgres(db: Db): boolean {
  return db.client.config.client === 'pg';
}
