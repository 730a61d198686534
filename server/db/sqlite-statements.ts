// Prepared statements kept per SQLite connection. knex hands node-sqlite3 the SQL text of every
// query, and node-sqlite3 prepares it anew each time: for the statements a post or a page runs,
// that was two thirds of their cost (about 130 µs of processor time against 40 µs for a kept one,
// measured on the sender-history query), on the two cores the server shares with everything else.
// The statements are the same few dozen texts over and over, so each connection keeps the ones it
// used last, ready to bind and run.

// A busy site runs fewer different statements than this; the least recently used one goes first.
const KEPT_PER_CONNECTION = 200;
// Run once or rarely, or about the schema or the transaction: prepared each time, never kept.
const NOT_KEPT = /^\s*(begin|commit|end|rollback|savepoint|release|pragma|create|drop|alter|vacuum|analyze|attach|detach|reindex)\b/i;

type RunContext = { lastID?: number; changes?: number } | undefined;
type Callback = (this: RunContext, err: Error | null, result?: unknown) => void;

interface Statement {
  all(bindings: unknown[], cb: Callback): unknown;
  run(bindings: unknown[], cb: Callback): unknown;
  finalize(cb: () => void): unknown;
}

/** The parts of a node-sqlite3 Database that knex uses and this module wraps. */
export interface KeepingConnection {
  all(sql: string, bindings: unknown, cb: Callback): unknown;
  run(sql: string, bindings: unknown, cb: Callback): unknown;
  prepare(sql: string, cb: (err: Error | null) => void): Statement;
  close(cb: (err: Error | null) => void): unknown;
}

export function keepStatements(conn: KeepingConnection): void {
  const kept = new Map<string, Statement>();
  // Every statement not yet finalized, for close(): also one replaced in `kept` when two queries
  // on this connection prepared the same new text at once (parallel queries in one transaction).
  const open = new Set<Statement>();

  const withStatement = (sql: string, use: (statement: Statement) => void, cb: Callback): void => {
    const known = kept.get(sql);
    if (known) {
      // Newest last: the map's first entry is the one used longest ago.
      kept.delete(sql);
      kept.set(sql, known);
      return use(known);
    }
    // A statement that fails to prepare answers nothing afterwards: report the error, keep nothing.
    const fresh = conn.prepare(sql, (err) => {
      if (err) return cb.call(undefined, err);
      open.add(fresh);
      kept.set(sql, fresh);
      if (kept.size > KEPT_PER_CONNECTION) {
        const [oldestSql, oldest] = kept.entries().next().value as [string, Statement];
        kept.delete(oldestSql);
        open.delete(oldest);
        oldest.finalize(() => {});
      }
      use(fresh);
    });
  };

  for (const method of ['all', 'run'] as const) {
    const direct = conn[method].bind(conn);
    conn[method] = (...args: [string, unknown, Callback]) => {
      const [sql, bindings, cb] = args;
      // Passed on as they came: run(sql, callback) has no bindings.
      if (NOT_KEPT.test(sql) || typeof cb !== 'function') return (direct as (...a: unknown[]) => unknown)(...args);
      // knex reads lastID and changes from the callback's `this`: taken from the kept statement at
      // once, before its next run changes them.
      const answer: Callback = function (err, result) {
        cb.call({ lastID: this?.lastID, changes: this?.changes }, err, result);
      };
      withStatement(sql, (statement) => statement[method](Array.isArray(bindings) ? bindings : [], answer), answer);
    };
  }

  // SQLite closes a connection only when its statements are finalized (and only then removes the WAL).
  const close = conn.close.bind(conn);
  conn.close = (cb) => {
    const statements = [...open];
    open.clear();
    kept.clear();
    let left = statements.length;
    if (left === 0) return close(cb);
    for (const statement of statements) statement.finalize(() => void (--left === 0 && close(cb)));
  };
}
