// Copies a whole Stadslog site from its SQLite file into an empty PostgreSQL database (npm run
// db:copy). Generic on purpose: every table in the file is copied, ids kept, in foreign-key
// order, with each value converted to its PostgreSQL column's type, so a table a future migration
// adds needs no change here. Everything is written in one transaction on the target, read from one
// snapshot of the source: a copy either arrives whole and checked, or not at all.
import type { Knex } from 'knex';
import { isPostgresUrl, type Db } from '../knex';
import { knownMigrations, migrateLatest } from '../migrate';
import { CopyError } from './errors';
import { countRows, openSource, readBatches, readSourceTables, recordedMigrations, type SourceTable } from './source';
import { connectTarget, resetSequences, rowsOfFreshMigration, tablesWithContent, targetColumns } from './target';
import { safeUrl } from '../connection-problem';
import { convertValue, ValueError } from './values';

export { CopyError } from './errors';

export interface CopyOptions<T> {
  /** The SQLite file. */
  from: string;
  /** postgres://… of an empty (or freshly migrated) database. */
  to: string;
  onProgress?: (table: string, done: number, total: number) => void;
  /** Runs on the target inside the copy's transaction, after the rows are in (the counters check). */
  beforeCommit?: (trx: Knex.Transaction) => Promise<T>;
  /** Rows per read and per insert. */
  batchSize?: number;
}

export interface CopyResult<T> {
  tables: Array<{ name: string; rows: number }>;
  sequences: number;
  checked: T | undefined;
}

// PostgreSQL takes at most 65.535 bound values per statement.
const MAX_VALUES = 30_000;

const ROLLED_BACK = 'Er is niets in de doeldatabase gezet: de kopie is in zijn geheel teruggedraaid.';

export async function copyDatabase<T>(options: CopyOptions<T>): Promise<CopyResult<T>> {
  if (!isPostgresUrl(options.to))
    throw new CopyError(`--to moet een PostgreSQL-adres zijn (postgres://gebruiker@server:5432/database), niet "${options.to}".`);
  if (isPostgresUrl(options.from)) throw new CopyError('--from moet het SQLite-bestand van de site zijn; de bron staat al in PostgreSQL.');
  const source = openSource(options.from);
  let target: Db | null = null;
  try {
    await checkSource(source, options.from);
    target = await connectTarget(options.to);
    const fresh = await rowsOfFreshMigration();
    // Before migrating, so a database in use is refused without a single change.
    await refuseContent(target, fresh, options.to);
    try {
      await migrateLatest(target);
    } catch (err) {
      throw new CopyError(`Het bijwerken van het schema van de doeldatabase is mislukt: ${(err as Error).message}`);
    }
    const db = target;
    return await source.transaction((read) => copyAll(read, db, fresh, options));
  } catch (err) {
    if (err instanceof CopyError) throw err;
    // Reading the source went wrong (a locked or damaged file): the target has no rows from us.
    throw new CopyError(`Kopiëren mislukt: ${(err as Error).message}\n${ROLLED_BACK}`);
  } finally {
    await source.destroy();
    await target?.destroy();
  }
}

async function checkSource(source: Knex, file: string): Promise<void> {
  let recorded: string[] | null;
  try {
    recorded = await recordedMigrations(source);
  } catch (err) {
    const e = err as { code?: string; message?: string };
    // knex puts the query in front of the driver's message; the reader only needs the latter.
    const reason = e.code === 'SQLITE_NOTADB' ? '' : ` (${String(e.message).split(' - ').pop()})`;
    throw new CopyError(`${file} is geen SQLite-database${reason}.`);
  }
  const known = await knownMigrations();
  if (!recorded || !recorded.some((name) => known.includes(name)))
    throw new CopyError(`${file} is geen Stadslog-database: er staan geen Stadslog-migraties in.`);
  const unknown = recorded.filter((name) => !known.includes(name));
  if (unknown.length)
    throw new CopyError(
      `${file} is gemaakt door een nieuwere versie van Stadslog (onbekende migraties: ${unknown.join(', ')}). Werk deze versie eerst bij.`,
    );
  const missing = known.filter((name) => !recorded.includes(name));
  if (missing.length) {
    throw new CopyError(
      `${file} is nog niet bijgewerkt (${missing.length} migraties ontbreken). Draai eerst: DATABASE_URL=${file} npm run migrate`,
    );
  }
}

async function refuseContent(conn: Knex | Knex.Transaction, fresh: Map<string, number>, url: string): Promise<void> {
  const full = await tablesWithContent(conn, fresh);
  if (full.length === 0) return;
  const list = full.map(([name, n]) => `${name} (${n.toLocaleString('nl-NL')})`).join(', ');
  throw new CopyError(
    `De doeldatabase ${safeUrl(url)} is niet leeg: ${list}. Er is niets veranderd. ` +
      'Kopieer alleen naar een lege database; maak er een met "dropdb NAAM && createdb NAAM", ' +
      `of leeg deze met: psql "${safeUrl(url)}" -c "drop schema public cascade; create schema public"`,
  );
}

async function copyAll<T>(read: Knex.Transaction, target: Db, fresh: Map<string, number>, options: CopyOptions<T>): Promise<CopyResult<T>> {
  const tables = await readSourceTables(read);
  const types = await targetColumns(target);
  for (const table of tables) checkTable(table, types.get(table.name));
  let current = '';
  try {
    return await target.transaction(async (trx) => {
      await refuseContent(trx, fresh, options.to);
      // What the migrations wrote (the site counter) makes way for the source's own rows.
      for (const table of tables) if (fresh.has(table.name)) await trx(table.name).del();
      const copied: CopyResult<T>['tables'] = [];
      for (const table of tables) {
        current = table.name;
        const total = await countRows(read, table.name);
        const rows = await copyTable(read, trx, table, types.get(table.name)!, total, options);
        const arrived = await countRows(trx, table.name);
        if (rows !== total || arrived !== total) {
          throw new CopyError(`Tabel ${table.name}: ${total} rijen in de bron, ${arrived} aangekomen.`);
        }
        copied.push({ name: table.name, rows });
      }
      current = '';
      const checked = options.beforeCommit ? await options.beforeCommit(trx) : undefined;
      const sequences = await resetSequences(
        trx,
        tables.map((t) => t.name),
      );
      return { tables: copied, sequences, checked };
    });
  } catch (err) {
    const where = current ? ` bij tabel ${current}` : '';
    const message = err instanceof CopyError ? err.message : (err as Error).message;
    throw new CopyError(`Kopiëren mislukt${where}: ${message}\n${ROLLED_BACK} Los het probleem op en start het commando opnieuw.`);
  }
}

function checkTable(table: SourceTable, columns: Map<string, string> | undefined): void {
  if (!columns)
    throw new CopyError(`De tabel ${table.name} staat in de bron maar niet in de doeldatabase; die kan niet gekopieerd worden.`);
  const missing = table.columns.filter((c) => !columns.has(c));
  if (missing.length) throw new CopyError(`De tabel ${table.name} heeft in de doeldatabase geen kolom ${missing.join(', ')}.`);
}

async function copyTable<T>(
  read: Knex.Transaction,
  trx: Knex.Transaction,
  table: SourceTable,
  types: Map<string, string>,
  total: number,
  options: CopyOptions<T>,
): Promise<number> {
  const size = Math.max(1, Math.min(options.batchSize ?? 500, Math.floor(MAX_VALUES / table.columns.length)));
  // A row that refers ahead to a row of its own table not yet copied gets that reference afterwards.
  const ahead: Array<{ key: number; column: string; value: unknown }> = [];
  let done = 0;
  if (total === 0) options.onProgress?.(table.name, 0, 0);
  for await (const rows of readBatches(read, table, size)) {
    const converted = rows.map((row) => {
      const out = convertRow(table.name, row, types);
      const key = table.rowidColumn ? Number(row[table.rowidColumn]) : null;
      for (const column of table.selfColumns) {
        if (key !== null && out[column] !== null && Number(out[column]) > key) {
          ahead.push({ key, column, value: out[column] });
          out[column] = null;
        }
      }
      return out;
    });
    await trx(table.name).insert(converted);
    done += rows.length;
    options.onProgress?.(table.name, done, total);
  }
  for (const { key, column, value } of ahead)
    await trx(table.name)
      .where(table.rowidColumn!, key)
      .update({ [column]: value as number });
  return done;
}

function convertRow(table: string, row: Record<string, unknown>, types: Map<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row)) {
    try {
      out[column] = convertValue(value, types.get(column)!);
    } catch (err) {
      if (!(err instanceof ValueError)) throw err;
      const id = typeof row.id === 'number' || typeof row.id === 'string' ? ` (id ${row.id})` : '';
      throw new CopyError(`kolom ${table}.${column}${id}: ${err.message}`);
    }
  }
  return out;
}
