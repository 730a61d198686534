// Analysing what the triggers marked stale (see migrations/20261206140100_search_analysed.ts):
// before every search (so what was just published or approved is found at once), in the
// background, and for `npm run search:reindex`. Several processes may do it at once: a row is only
// marked analysed when its version is still the one that was read.
import type { Knex } from 'knex';
import type { Db } from '../db/knex';
import { isPostgres } from '../db/knex';
import type { DutchAnalyser } from './analyser/dutch';
import { dutchAnalyser } from './analyser/lexicon';
import { entryTokens, tsvectorLiteral, type EntryTokens } from './entry-tokens';
import { KEPT } from '../db/pg-statements';

const BATCH = 200;
const MAX_WORD = 40;
/** Rows per statement: SQLite takes up to 32.766 parameters, PostgreSQL 65.535. */
const ROWS_PER_STATEMENT = 100;

interface StaleRow {
  id: number;
  kind: string;
  title: string;
  body: string;
  fields: string;
  version: string | number;
}

interface Analysed {
  row: StaleRow;
  tokens: EntryTokens;
}

function chunks<T>(list: T[], size = ROWS_PER_STATEMENT): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** SQLite: articles and what belongs to them in search_fts, reacties in search_fts_reacties. */
export function ftsTable(kind: string): 'search_fts' | 'search_fts_reacties' {
  return kind === 'reactie' ? 'search_fts_reacties' : 'search_fts';
}

async function writeSqlite(trx: Knex.Transaction, analysed: Analysed[]): Promise<number> {
  for (const table of ['search_fts', 'search_fts_reacties'] as const) {
    const mine = analysed.filter((a) => ftsTable(a.row.kind) === table);
    for (const part of chunks(mine)) {
      await trx.raw(
        `delete from ${table} where rowid in (${part.map(() => '?').join(', ')})`,
        part.map((a) => a.row.id),
      );
      await trx.raw(
        `insert into ${table} (rowid, title, fields, body, stems, parts) values ${part.map(() => '(?, ?, ?, ?, ?, ?)').join(', ')}`,
        part.flatMap(({ row, tokens }) => [
          row.id,
          tokens.title.join(' '),
          tokens.fields.join(' '),
          tokens.body.join(' '),
          tokens.stems.join(' '),
          tokens.parts.join(' '),
        ]),
      );
    }
  }
  let cleared = 0;
  for (const part of chunks(analysed)) {
    cleared += await trx('search_entries')
      .whereIn(
        ['id', 'version'],
        part.map((a) => [a.row.id, a.row.version]),
      )
      .update({ stale: 0 });
  }
  return cleared;
}

async function writePostgres(trx: Knex.Transaction, analysed: Analysed[]): Promise<number> {
  let cleared = 0;
  for (const part of chunks(analysed)) {
    const result = await trx.raw(
      `update search_entries as e set stale = 0, document = v.doc::tsvector
        from (values ${part.map(() => '(?::bigint, ?::bigint, ?)').join(', ')}) as v (id, version, doc)
        where e.id = v.id and e.version = v.version`,
      part.flatMap(({ row, tokens }) => [row.id, row.version, tsvectorLiteral(tokens)]),
    );
    cleared += Number((result as { rowCount?: number }).rowCount ?? 0);
  }
  return cleared;
}

/** The words of a batch, counted per entry, added to search_words. */
async function countWords(trx: Knex.Transaction, counts: Map<string, number>): Promise<void> {
  const rows = [...counts]
    .filter(([word]) => word.length >= 3 && word.length <= MAX_WORD && !/^\d+$/.test(word))
    .map(([word, entries]) => ({ word, entries }));
  for (const part of chunks(rows, 400)) {
    await trx('search_words')
      .insert(part)
      .onConflict('word')
      .merge({ entries: trx.raw('search_words.entries + excluded.entries') });
  }
}

/**
 * Analyses up to `limit` stale entries; returns how many are analysed now. Entries changed
 * meanwhile stay stale and are taken next time.
 */
export async function indexStale(db: Db, limit = BATCH, analyser: DutchAnalyser = dutchAnalyser()): Promise<number> {
  const rows: StaleRow[] = await db('search_entries')
    .where('stale', 1)
    .orderBy('id')
    .limit(limit)
    .select('id', 'kind', 'title', 'body', 'fields', 'version');
  if (!rows.length) return 0;
  const counts = new Map<string, number>();
  const analysed = rows.map((row) => {
    const tokens = entryTokens(analyser, row);
    for (const word of tokens.distinct) counts.set(word, (counts.get(word) ?? 0) + 1);
    return { row, tokens };
  });
  return db.transaction(async (trx) => {
    const cleared = await (isPostgres(db) ? writePostgres(trx, analysed) : writeSqlite(trx, analysed));
    await countWords(trx, counts);
    return cleared;
  });
}

/** Whether any entry waits to be analysed: one step of the partial index on stale entries. */
const staleEntry = (db: Db) => db('search_entries').where('stale', 1).first('id');

export async function hasStale(db: Db): Promise<boolean> {
  // Asked before every search: kept prepared on PostgreSQL (its plan, the partial index on stale, never changes).
  return (await staleEntry(db).options(KEPT)) !== undefined;
}

/** hasStale as PostgreSQL's text and values, sent along with a search's first statements (postgres-index.ts). */
export function hasStaleStatement(db: Db): { text: string; values: unknown[]; read: (rows: unknown[]) => boolean } {
  const { sql, bindings } = staleEntry(db).toSQL().toNative();
  return { text: sql, values: [...bindings], read: (rows) => rows.length > 0 };
}

/** How many entries wait to be analysed. */
export async function staleCount(db: Db): Promise<number> {
  const row = await db('search_entries').where('stale', 1).count({ n: '*' }).first();
  return Number(row?.n ?? 0);
}

/**
 * Analyses stale entries until none is left, the time is up or `stop` says so (a process shutting
 * down); true when none is left.
 */
export async function indexStaleFor(db: Db, milliseconds: number, stop: () => boolean = () => false): Promise<boolean> {
  const until = Date.now() + milliseconds;
  while (Date.now() < until && !stop()) if ((await indexStale(db)) === 0) return true;
  return false;
}

/**
 * Re-analyses every entry (after an upgrade of the analyser or the lexicon, or a restore): all are
 * marked stale with a new version and analysed in batches; the words are counted afresh.
 */
export async function reindexAll(db: Db, progress: (done: number, total: number) => void): Promise<number> {
  await db('search_words').del();
  const version = isPostgres(db) ? db.raw('(random() * 9e15)::bigint') : db.raw('(abs(random()) % 9007199254740991)');
  await db('search_entries').update({ stale: 1, version });
  const total = await staleCount(db);
  let done = 0;
  progress(0, total);
  for (let n = await indexStale(db, 500); n > 0; n = await indexStale(db, 500)) {
    done = Math.min(total, done + n);
    progress(done, total);
  }
  // SQLite: the full-text tables merged into one segment each, as a search reads them fastest.
  if (!isPostgres(db))
    for (const table of ['search_fts', 'search_fts_reacties']) await db.raw(`insert into ${table} (${table}) values ('optimize')`);
  return done;
}

/** What the index holds now, per kind, and how much waits to be analysed: for /beheer/zoeken. */
export async function indexCounts(db: Db): Promise<{ articles: number; reacties: number; bijlagen: number; stale: number }> {
  const rows: Array<{ kind: string; n: unknown }> = await db('search_entries').groupBy('kind').select('kind').count({ n: '*' });
  const of = (kind: string) => Number(rows.find((r) => r.kind === kind)?.n ?? 0);
  return { articles: of('article'), reacties: of('reactie'), bijlagen: of('bijlage'), stale: await staleCount(db) };
}
