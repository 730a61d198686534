// The source side of a copy: an SQLite file opened for reading only, its tables found in
// sqlite_master (so a table a future migration adds is copied too), put in foreign-key order and
// read in batches by rowid, so a million reacties never sit in memory at once.
import fs from 'node:fs';
import knexFactory, { type Knex } from 'knex';
import { CopyError } from './errors';

/** knex's own bookkeeping: the target gets its own from migrating. */
// The search index is the target's own: its triggers make the entries as the rows arrive, and it
// analyses them (and counts their words) itself. So are the queue's per-status counts and the live
// updates' change log: the target's triggers write their own as the rows arrive.
const SKIPPED = new Set([
  'knex_migrations',
  'knex_migrations_lock',
  'search_entries',
  'search_words',
  'reactie_status_deltas',
  'live_changes',
]);

export interface SourceTable {
  name: string;
  columns: string[];
  /** Tables this one refers to (not itself). */
  parents: string[];
  /** Columns that refer to this table's own integer key (reacties.parent_id): a row may point ahead. */
  selfColumns: string[];
  /** The INTEGER PRIMARY KEY column, when there is one (it is the rowid). */
  rowidColumn: string | null;
  withoutRowid: boolean;
}

export function openSource(file: string): Knex {
  if (!fs.existsSync(file)) throw new CopyError(`Het bestand ${file} bestaat niet. Geef met --from het SQLite-bestand van de site op.`);
  if (!fs.statSync(file).isFile()) throw new CopyError(`${file} is geen bestand. Geef met --from het SQLite-bestand van de site op.`);
  return knexFactory({
    client: 'sqlite3',
    connection: { filename: file },
    useNullAsDefault: true,
    pool: {
      min: 1,
      max: 1,
      // query_only: whatever happens, the copy never writes to the site's own database.
      afterCreate(
        conn: { exec: (sql: string, cb: (err: Error | null) => void) => void },
        done: (err: Error | null, conn: unknown) => void,
      ) {
        conn.exec('PRAGMA query_only = ON; PRAGMA busy_timeout = 5000;', (err) => done(err, conn));
      },
    },
  });
}

interface ColumnInfo {
  name: string;
  type: string;
  pk: number;
}

interface ForeignKey {
  table: string;
  from: string;
}

export async function readSourceTables(conn: Knex | Knex.Transaction): Promise<SourceTable[]> {
  const rows: Array<{ name: string; sql: string | null }> = await conn('sqlite_master')
    .where({ type: 'table' })
    .orderBy('name')
    .select('name', 'sql');
  // A full-text index (FTS5, with its shadow tables name_data, name_idx …) is SQLite's own; the
  // target keeps its own index, filled by its triggers as the rows arrive.
  const virtual = rows.filter((r) => /^create\s+virtual\s+table/i.test(r.sql ?? '')).map((r) => r.name);
  const tables: SourceTable[] = [];
  for (const { name, sql } of rows) {
    // sqlite_sequence and friends belong to SQLite itself.
    if (SKIPPED.has(name) || name.startsWith('sqlite_')) continue;
    if (virtual.some((v) => name === v || name.startsWith(`${v}_`))) continue;
    const columns: ColumnInfo[] = await conn.raw(`PRAGMA table_info(${quote(name)})`);
    const keys: ForeignKey[] = await conn.raw(`PRAGMA foreign_key_list(${quote(name)})`);
    const pk = columns.filter((c) => c.pk > 0);
    const rowidColumn = pk.length === 1 && pk[0].type.toUpperCase() === 'INTEGER' ? pk[0].name : null;
    tables.push({
      name,
      columns: columns.map((c) => c.name),
      parents: [...new Set(keys.filter((k) => k.table !== name).map((k) => k.table))],
      selfColumns: keys.filter((k) => k.table === name).map((k) => k.from),
      rowidColumn,
      withoutRowid: /\bwithout\s+rowid\b/i.test(sql ?? ''),
    });
  }
  return inForeignKeyOrder(tables);
}

/** Parents before children; a cycle between two tables cannot be copied row by row. */
function inForeignKeyOrder(tables: SourceTable[]): SourceTable[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const done = new Set<string>();
  const visiting = new Set<string>();
  const ordered: SourceTable[] = [];
  const visit = (table: SourceTable): void => {
    if (done.has(table.name)) return;
    if (visiting.has(table.name))
      throw new CopyError(
        `De tabellen verwijzen in een kring naar elkaar (${[...visiting].join(', ')}); die kan dit commando niet kopiëren.`,
      );
    visiting.add(table.name);
    for (const parent of table.parents) {
      const p = byName.get(parent);
      if (p) visit(p);
    }
    visiting.delete(table.name);
    done.add(table.name);
    ordered.push(table);
  };
  tables.forEach(visit);
  return ordered;
}

export async function countRows(conn: Knex | Knex.Transaction, table: string): Promise<number> {
  const row = await conn(table).count({ n: '*' }).first();
  return Number(row?.n ?? 0);
}

const ROWID = '__copy_rowid';

/** Every row of a table, `size` at a time, in rowid order (or primary-key order without rowid). */
export async function* readBatches(
  conn: Knex.Transaction,
  table: SourceTable,
  size: number,
): AsyncGenerator<Array<Record<string, unknown>>> {
  let after = Number.MIN_SAFE_INTEGER;
  for (let offset = 0; ; offset += size) {
    const rows: Array<Record<string, unknown>> = table.withoutRowid
      ? await conn.raw(`select * from ${quote(table.name)} order by 1 limit ? offset ?`, [size, offset])
      : await conn.raw(`select rowid as ${ROWID}, * from ${quote(table.name)} where rowid > ? order by rowid limit ?`, [after, size]);
    if (rows.length === 0) return;
    if (!table.withoutRowid) after = Number(rows[rows.length - 1][ROWID]);
    for (const row of rows) delete row[ROWID];
    yield rows;
    if (rows.length < size) return;
  }
}

/** The migrations recorded in the file, without the extension older versions wrote. */
export async function recordedMigrations(conn: Knex | Knex.Transaction): Promise<string[] | null> {
  const table = await conn('sqlite_master').where({ type: 'table', name: 'knex_migrations' }).first('name');
  if (!table) return null;
  const rows: Array<{ name: string }> = await conn('knex_migrations').orderBy('id').select('name');
  return rows.map((r) => r.name.replace(/\.(ts|js)$/, ''));
}

function quote(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
