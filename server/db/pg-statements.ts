// Prepared statements kept per PostgreSQL connection, for the statements a post runs every time.
// knex sends every query unnamed, so PostgreSQL parses and plans its text anew each time: for the
// sender's history (four subqueries) that was 0,6 ms of the server's processor time against 0,1 ms
// for a kept one, and a post runs some ten such statements. A query marked with `.options(KEPT)` is
// sent under a name made from its text; the connection parses it once, and from the sixth run on
// PostgreSQL may keep one generic plan for it.
//
// Only for statements whose plan does not depend on the values (lookups by a key on its index) and
// that name their columns: a kept `select *` would fail with "cached plan must not change result
// type" once a migration adds a column while this process runs (the previous release does, beside
// the new one). The texts marked are a few dozen at most; each connection keeps them while it lives.
import crypto from 'node:crypto';

/** Marks a query (a builder or raw) as one to keep prepared on PostgreSQL: `.options(KEPT)`. SQLite keeps every statement already. */
export const KEPT = { keep: true } as const;

interface QueryConfig {
  text: string;
  values?: unknown[];
  name?: string;
  keep?: boolean;
}

/** The parts of a node-postgres Client that knex uses and this module wraps. */
export interface NamingConnection {
  query(config: unknown, ...rest: unknown[]): unknown;
}

const names = new Map<string, string>();

/**
 * A statement's name from its text: the same text is the same statement on every connection. `prefix` keeps the
 * names of those node-postgres keeps account of ('k', here) apart from those db/pg-batch.ts parses itself ('b').
 */
export function statementName(text: string, prefix: 'k' | 'b' = 'k'): string {
  const key = `${prefix}:${text}`;
  let name = names.get(key);
  if (!name) {
    name = `${prefix}_${crypto.createHash('sha256').update(text).digest('hex').slice(0, 32)}`;
    names.set(key, name);
  }
  return name;
}

const nameOf = (text: string): string => statementName(text);

/** Sends the queries marked KEPT as named statements on this connection (knex's pool calls it for each new one). */
export function keepNamedStatements(conn: NamingConnection): void {
  const query = conn.query.bind(conn);
  conn.query = (config: unknown, ...rest: unknown[]) => {
    if (config && typeof config === 'object' && (config as QueryConfig).keep) {
      const { keep: _keep, ...plain } = config as QueryConfig;
      return query({ ...plain, name: nameOf(plain.text) }, ...rest);
    }
    return query(config, ...rest);
  };
}
