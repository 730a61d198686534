// One row by a fixed SQL statement, for the reads every page view makes (the page cache's version,
// an article by its slug). knex's query builder costs several times the query itself on SQLite
// (~190 µs against ~45 µs here); these reads go straight to the driver on the pooled connection.
// Going through the pool keeps them out of a transaction that holds the connection. No statement
// is kept prepared between calls: one left open would keep SQLite from closing cleanly (the WAL
// not checkpointed at shutdown). PostgreSQL goes through knex.raw (its cost is the round trip).
import type { Db } from './knex';
import { isPostgres } from './knex';

type Row = Record<string, unknown>;

interface SqliteConnection {
  get(sql: string, params: unknown[], cb: (err: Error | null, row?: Row) => void): void;
}

export async function rawGet(db: Db, sql: string, params: unknown[]): Promise<Row | undefined> {
  if (isPostgres(db)) return (await db.raw<{ rows: Row[] }>(sql, params as never)).rows[0];
  const client = db.client as { acquireConnection(): Promise<SqliteConnection>; releaseConnection(c: SqliteConnection): Promise<void> };
  const conn = await client.acquireConnection();
  try {
    return await new Promise<Row | undefined>((resolve, reject) => conn.get(sql, params, (err, row) => (err ? reject(err) : resolve(row))));
  } finally {
    await client.releaseConnection(conn);
  }
}
