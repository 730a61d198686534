// One row by a fixed SQL statement, for the reads every page view makes (the page cache's version,
// an article by its slug). knex's query builder costs about ten times the query itself on SQLite
// (~190 µs against ~20 µs here); these reads take a prepared statement on the pooled connection
// instead. Going through the pool keeps them out of a transaction that holds the connection.
// PostgreSQL goes through knex.raw (the round trip, not the builder, is its cost).
import type { Db } from './knex';
import { isPostgres } from './knex';

type Row = Record<string, unknown>;

interface SqliteStatement {
  get(params: unknown[], cb: (err: Error | null, row?: Row) => void): void;
  reset(cb: () => void): void;
}
interface SqliteConnection {
  prepare(sql: string): SqliteStatement;
}

const statements = new WeakMap<SqliteConnection, Map<string, SqliteStatement>>();

function statementFor(conn: SqliteConnection, sql: string): SqliteStatement {
  let byText = statements.get(conn);
  if (!byText) statements.set(conn, (byText = new Map()));
  let stmt = byText.get(sql);
  if (!stmt) byText.set(sql, (stmt = conn.prepare(sql)));
  return stmt;
}

export async function rawGet(db: Db, sql: string, params: unknown[]): Promise<Row | undefined> {
  if (isPostgres(db)) return (await db.raw<{ rows: Row[] }>(sql, params as never)).rows[0];
  const client = db.client as { acquireConnection(): Promise<SqliteConnection>; releaseConnection(c: SqliteConnection): Promise<void> };
  const conn = await client.acquireConnection();
  try {
    const stmt = statementFor(conn, sql);
    return await new Promise<Row | undefined>((resolve, reject) =>
      // reset ends the statement's read: a statement left open would pin an old snapshot.
      stmt.get(params, (err, row) => stmt.reset(() => (err ? reject(err) : resolve(row)))),
    );
  } finally {
    await client.releaseConnection(conn);
  }
}
