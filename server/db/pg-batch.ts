// A few statements as one transaction in one round trip on PostgreSQL. knex runs a transaction as
// BEGIN, each statement, COMMIT: four round trips for two statements, each a write to the socket
// and a wake-up of the server, and the rows locked by the first are held across all of them. Here
// the statements go out together in the extended protocol with one Sync at the end: PostgreSQL runs
// them one after the other in one implicit transaction (a failing one rolls back all of them and
// skips the rest), each statement with a snapshot of its own, taken when it starts (READ
// COMMITTED), so a statement after a lock sees what the lock waited for, as in a BEGIN … COMMIT.
// The statements stay prepared per connection under names of their own (pg-statements.ts says why).
// It speaks node-postgres's protocol writer directly (tested with pg 8.23): not with pipeline mode.
import pg from 'pg';
import type { Db } from './knex';
import { statementName } from './pg-statements';

/** One statement: PostgreSQL's text with $1, $2 … and its values (as node-postgres sends them). */
export interface BatchStatement {
  text: string;
  values: readonly unknown[];
}

/** A row as PostgreSQL sent it: every column as text (or null); the caller reads its numbers. */
export type TextRow = Record<string, string | null>;

/** The parts of node-postgres's connection (its protocol writer) a batch uses. */
interface Wire {
  stream: { cork?: () => void; uncork?: () => void };
  close(msg: { type: 'S'; name: string }): void;
  parse(msg: { text: string; name: string; types: number[] }): void;
  bind(msg: { statement: string; values: readonly unknown[]; valueMapper: (value: unknown) => unknown }): void;
  describe(msg: { type: 'P'; name: string }): void;
  execute(msg: { portal: string; rows: number }): void;
  sync(): void;
}

interface Field {
  name: string;
}

const prepareValue = (pg as unknown as { utils: { prepareValue: (value: unknown) => unknown } }).utils.prepareValue;

// Not the names of pg-statements.ts's kept statements: node-postgres keeps its own account of those.
const nameOf = (text: string): string => statementName(text, 'b');

/** The statement names each connection has parsed, known after a batch that used them succeeded. */
const parsedOn = new WeakMap<object, Set<string>>();

/**
 * What node-postgres's client runs as a query (a "submittable"): writes the messages, then receives
 * the answers of the statements in order until the one ReadyForQuery.
 */
class Batch {
  private fields: Field[] = [];
  private rows: TextRow[] = [];
  private readonly results: TextRow[][] = [];

  constructor(
    private readonly statements: readonly BatchStatement[],
    private readonly parsed: Set<string>,
    private readonly done: (err: Error | null, results?: TextRow[][]) => void,
  ) {}

  submit(wire: Wire): null {
    wire.stream.cork?.();
    try {
      for (const s of this.statements) {
        const name = nameOf(s.text);
        if (this.parsed.has(name)) continue;
        // Not known to be parsed: a batch that failed after parsing it may have left it. Closing a
        // statement that does not exist is no error, so Close then Parse is right either way.
        wire.close({ type: 'S', name });
        wire.parse({ text: s.text, name, types: [] });
      }
      for (const s of this.statements) {
        wire.bind({ statement: nameOf(s.text), values: s.values, valueMapper: prepareValue });
        wire.describe({ type: 'P', name: '' });
        wire.execute({ portal: '', rows: 0 });
      }
      wire.sync();
    } finally {
      wire.stream.uncork?.();
    }
    return null;
  }

  handleRowDescription(msg: { fields: Field[] }): void {
    this.fields = msg.fields;
  }

  handleDataRow(msg: { fields: Array<string | null> }): void {
    const row: TextRow = {};
    this.fields.forEach((f, i) => (row[f.name] = msg.fields[i]));
    this.rows.push(row);
  }

  handleCommandComplete(): void {
    this.results.push(this.rows);
    this.rows = [];
    this.fields = [];
  }

  handleEmptyQuery(): void {
    this.handleCommandComplete();
  }

  handleError(err: Error): void {
    // A statement the server no longer has or can no longer use as prepared (26000, or 0A000 after a change of the
    // schema) would fail every later batch on this connection: the next batch closes and parses them again.
    for (const s of this.statements) this.parsed.delete(nameOf(s.text));
    // node-postgres forgets this query at the error; the ReadyForQuery after it goes to no one.
    this.done(err);
  }

  handleReadyForQuery(): void {
    for (const s of this.statements) this.parsed.add(nameOf(s.text));
    this.done(null, this.results);
  }

  handlePortalSuspended(): void {}
  handleCopyInResponse(): void {}
  handleCopyData(): void {}
}

/**
 * Runs `statements` on PostgreSQL as one transaction in one round trip, and answers the rows of
 * each, as text. A failing statement rolls all of them back and its error is thrown (with its
 * SQLSTATE in `code`, as from knex).
 */
export async function runAsOneTransaction(db: Db, statements: readonly BatchStatement[]): Promise<TextRow[][]> {
  const client = db.client as {
    acquireConnection(): Promise<object>;
    releaseConnection(conn: object): Promise<void>;
    emit(event: 'query', query: { sql: string; bindings: readonly unknown[]; method: 'raw'; __knexUid?: string }): void;
  };
  const conn = await client.acquireConnection();
  try {
    // As knex says of its own queries: what listens to db.on('query') (the query-plan guard) sees these too.
    const uid = (conn as { __knexUid?: string }).__knexUid;
    for (const s of statements) client.emit('query', { sql: s.text, bindings: s.values, method: 'raw', __knexUid: uid });
    let parsed = parsedOn.get(conn);
    if (!parsed) parsedOn.set(conn, (parsed = new Set()));
    const known = parsed;
    return await new Promise<TextRow[][]>((resolve, reject) => {
      const batch = new Batch(statements, known, (err, results) => (err ? reject(err) : resolve(results!)));
      (conn as { query(submittable: Batch): void }).query(batch);
    });
  } finally {
    await client.releaseConnection(conn);
  }
}
