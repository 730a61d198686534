// The target side of a copy: a PostgreSQL database that must hold nothing yet but what a fresh
// migration writes, its column types (to convert values), and its serial sequences.
import type { Knex } from 'knex';
import pg from 'pg';
import { createDb, type Db } from '../knex';
import { migrateLatest } from '../migrate';
import { CopyError } from './errors';
import { CONNECT_TIMEOUT_MS, connectionProblem, safeUrl } from '../connection-problem';

/** Tries one plain connection first: knex's pool would log its own stack trace for a server that is not there. */
export async function connectTarget(url: string): Promise<Db> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: CONNECT_TIMEOUT_MS });
  client.on('error', () => {}); // a connection dropped later is reported by the query that meets it
  try {
    await client.connect();
  } catch (err) {
    throw new CopyError(`Kan de PostgreSQL-database ${safeUrl(url)} niet bereiken: ${connectionProblem(err) ?? (err as Error).message}`);
  } finally {
    await client.end().catch(() => {});
  }
  return createDb(url);
}

/** data_type of every column of every table in the target's schema. */
export async function targetColumns(conn: Knex | Knex.Transaction): Promise<Map<string, Map<string, string>>> {
  const rows: Array<{ table_name: string; column_name: string; data_type: string }> = await conn('information_schema.columns')
    .whereRaw('table_schema = current_schema()')
    .select('table_name', 'column_name', 'data_type');
  const tables = new Map<string, Map<string, string>>();
  for (const r of rows) {
    if (!tables.has(r.table_name)) tables.set(r.table_name, new Map());
    tables.get(r.table_name)!.set(r.column_name, r.data_type);
  }
  return tables;
}

/**
 * How many rows the migrations themselves write into each table (the site counter, for one): an
 * in-memory SQLite database migrated from scratch says so, without a list to keep up to date.
 */
export async function rowsOfFreshMigration(): Promise<Map<string, number>> {
  const fresh = createDb(':memory:');
  try {
    await migrateLatest(fresh);
    const tables: Array<{ name: string }> = await fresh('sqlite_master').where({ type: 'table' }).select('name');
    const counts = new Map<string, number>();
    for (const { name } of tables) {
      if (name.startsWith('sqlite_') || name.startsWith('knex_')) continue;
      const n = Number((await fresh(name).count({ n: '*' }).first())?.n ?? 0);
      if (n > 0) counts.set(name, n);
    }
    return counts;
  } finally {
    await fresh.destroy();
  }
}

/** Tables of the target holding more than a fresh migration writes, with their row counts. */
export async function tablesWithContent(conn: Knex | Knex.Transaction, fresh: Map<string, number>): Promise<Array<[string, number]>> {
  const tables = await targetColumns(conn);
  const found: Array<[string, number]> = [];
  for (const name of [...tables.keys()].sort()) {
    if (name.startsWith('knex_')) continue;
    const n = Number((await conn(name).count({ n: '*' }).first())?.n ?? 0);
    if (n > (fresh.get(name) ?? 0)) found.push([name, n]);
  }
  return found;
}

/**
 * Sets every serial sequence of the copied tables past the highest id, so the next row gets a
 * fresh one. setval is not undone by a rollback, so this runs last, when everything else holds.
 */
export async function resetSequences(trx: Knex.Transaction, tables: string[]): Promise<number> {
  const serials: Array<{ table_name: string; column_name: string }> = await trx('information_schema.columns')
    .whereRaw('table_schema = current_schema()')
    .whereIn('table_name', tables)
    .where((q) => q.where('column_default', 'like', 'nextval(%').orWhere('is_identity', 'YES'))
    .select('table_name', 'column_name');
  for (const { table_name: table, column_name: column } of serials) {
    await trx.raw('select setval(pg_get_serial_sequence(?, ?), (select coalesce(max(??), 0) + 1 from ??), false)', [
      `"${table}"`,
      column,
      column,
      table,
    ]);
  }
  return serials.length;
}
