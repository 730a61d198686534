// A list of ids (or words) as one parameter: `column in (…)` with one placeholder per id costs more than the
// lookups themselves once there are hundreds (knex builds and the driver binds each one; on
// PostgreSQL the server parses them all), and every length is a different statement text, which
// SQLite prepares anew each time (db/sqlite-statements.ts keeps a statement per text). As one JSON
// array (SQLite's json_each) or one bigint[] (PostgreSQL's any), the statement is the same for any
// number of ids and SQLite still looks each one up by its key.
import type { Knex } from 'knex';
import { isPostgres, type Db } from './knex';

/** Adds `column in ids` to the query; `column` is an identifier (quoted as one). */
export function whereIdIn<Q extends Knex.QueryBuilder>(db: Db, query: Q, column: string, ids: readonly number[]): Q {
  return isPostgres(db)
    ? (query.whereRaw('?? = any(?::bigint[])', [column, [...ids]]) as Q)
    : (query.whereRaw('?? in (select value from json_each(?))', [column, JSON.stringify(ids)]) as Q);
}

/** The same for a list of strings (words). */
export function whereTextIn<Q extends Knex.QueryBuilder>(db: Db, query: Q, column: string, values: readonly string[]): Q {
  return isPostgres(db)
    ? (query.whereRaw('?? = any(?::text[])', [column, [...values]]) as Q)
    : (query.whereRaw('?? in (select value from json_each(?))', [column, JSON.stringify(values)]) as Q);
}
