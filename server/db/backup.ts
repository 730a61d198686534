// Backups of a running site and restores onto an empty database (npm run backup / npm run restore).
//
// A backup is one folder: the database as one consistent snapshot (SQLite: VACUUM INTO, which reads
// one snapshot beside the writers; PostgreSQL: pg_dump in custom format, run on a snapshot this
// code exports and keeps open), the attachments that snapshot names (bijlagen/<sha256>), the
// variants of the photos it names (beelden/<sha256>/<width>.webp …), and manifest.json, written
// last: when, which database kind, the newest migration and the row count of every table, all read
// from that same snapshot. It is made under a temporary name and renamed when complete, so a folder
// with a manifest is a whole backup.
//
// Attachments are files named by their sha256, written before their row and never changed or
// deleted, so the files a snapshot names are on disk when it is read, and a file added later is one
// the snapshot does not name. Photo variants are written before their images row too, but a photo
// deleted or replaced while the backup runs has its folder removed: such a photo is reported missing.
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import { isPostgresUrl } from './knex';
import { knownMigrations } from './migrate';

const MANIFEST = 'manifest.json';
const FORMAT = 1;
const SQLITE_FILE = 'database.sqlite';
const PG_FILE = 'database.pgdump';
const ATTACHMENTS = 'bijlagen';
/** The photo variants, in the backup as in UPLOAD_DIR: beelden/<sha256>/<file> (images/pipeline.ts). */
const PHOTOS = 'beelden';
const SHA256_HEX = /^[0-9a-f]{64}$/;
/** A variant's file name as images/pipeline.ts's variantFile makes it: "960.webp", "share.jpg". */
const VARIANT_NAME = /^(\d{1,5}|share)\.(webp|jpg)$/;

/** A backup or restore that cannot go on, with a Dutch message that says what to do (no stack trace). */
export class BackupError extends Error {}

export interface Manifest {
  format: number;
  created_at: string;
  database: 'sqlite' | 'postgresql';
  database_file: string;
  /** The newest migration the database had, and how many. */
  migration: string | null;
  migrations: number;
  /** Rows in each table of the snapshot (knex's own tables left out). */
  counts: Record<string, number>;
  attachments: number;
  /** Attachments the snapshot names whose file was not in the upload folder. */
  missing_attachments: string[];
  /** Photos (images rows' sha256) whose every variant was copied. Absent in backups made before photos. */
  photos?: number;
  /** Photo variants the snapshot names that were not in the upload folder: "<sha256>/<file>". */
  missing_photos?: string[];
}

/** A photo as the snapshot names it: its folder and the widths its row says were made. */
interface PhotoRow {
  sha256: string;
  widths: number[];
}

type Progress = (line: string) => void;

type Reader = Pick<Knex, 'raw'> | pg.ClientBase;

async function rowsOf<T>(conn: Reader, sql: string): Promise<T[]> {
  if (conn instanceof pg.Client) return (await conn.query(sql)).rows as T[];
  const result = (await (conn as Knex).raw(sql)) as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

async function snapshotFacts(
  conn: Reader,
  tables: string[],
): Promise<{ counts: Record<string, number>; migration: string | null; migrations: number; files: string[]; photos: PhotoRow[] }> {
  const counts: Record<string, number> = {};
  for (const table of tables.sort()) {
    if (table.startsWith('knex_')) continue;
    const [row] = await rowsOf<{ n: unknown }>(conn, `select count(*) as n from "${table}"`);
    counts[table] = Number(row.n);
  }
  const migrations = tables.includes('knex_migrations') ? await rowsOf<{ name: string }>(conn, 'select name from knex_migrations') : [];
  const names = migrations.map((m) => m.name.replace(/\.(ts|js)$/, '')).sort();
  const files = tables.includes('files') ? (await rowsOf<{ sha256: string }>(conn, 'select sha256 from files')).map((r) => r.sha256) : [];
  const photos = tables.includes('images')
    ? photoRows(await rowsOf<{ sha256: string; variants: unknown }>(conn, 'select sha256, variants from images'))
    : [];
  return { counts, migration: names.at(-1) ?? null, migrations: names.length, files, photos };
}

/** One entry per variant folder (rows may share one), with every width any of its rows names. */
function photoRows(rows: Array<{ sha256: string; variants: unknown }>): PhotoRow[] {
  const bySha = new Map<string, Set<number>>();
  for (const row of rows) {
    let widths: unknown;
    try {
      widths = typeof row.variants === 'string' ? JSON.parse(row.variants) : row.variants;
    } catch {
      widths = [];
    }
    const set = bySha.get(row.sha256) ?? new Set<number>();
    if (Array.isArray(widths)) for (const w of widths) if (Number.isInteger(w) && (w as number) > 0) set.add(w as number);
    bySha.set(row.sha256, set);
  }
  return [...bySha].map(([sha256, widths]) => ({ sha256, widths: [...widths].sort((a, b) => a - b) }));
}

function sqliteFile(filename: string): Knex {
  return knexFactory({
    client: 'sqlite3',
    connection: { filename },
    useNullAsDefault: true,
    pool: { min: 1, max: 1 },
  });
}

async function sqliteTables(db: Knex): Promise<string[]> {
  const rows = await rowsOf<{ name: string }>(db, "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'");
  return rows.map((r) => r.name);
}

const PG_TABLES = "select table_name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'";

/**
 * Runs a PostgreSQL client program on a database; a missing program or a failure becomes a Dutch
 * message. The password goes in PGPASSWORD, not on the command line, where ps shows it to everyone.
 */
function runTool(program: string, args: string[], databaseUrl: string, what: string): Promise<void> {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  const env = password ? { ...process.env, PGPASSWORD: password } : process.env;
  return new Promise((resolve, reject) => {
    const child = spawn(program, [...args, `--dbname=${url.toString()}`], { stdio: ['ignore', 'ignore', 'pipe'], env });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (err: NodeJS.ErrnoException) =>
      reject(
        new BackupError(
          err.code === 'ENOENT'
            ? `${program} is niet gevonden. Installeer de PostgreSQL-clientprogramma's (Debian: apt-get install postgresql-client) in dezelfde hoofdversie als de server of nieuwer.`
            : `${program} kon niet starten: ${err.message}`,
        ),
      ),
    );
    child.on('close', (code) =>
      code === 0 ? resolve() : reject(new BackupError(`${what} mislukte (${program}, code ${code}):\n${stderr.trim() || '(geen uitleg)'}`)),
    );
  });
}

async function connectPg(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  client.on('error', () => {});
  try {
    await client.connect();
  } catch (err) {
    throw new BackupError(`Kan de PostgreSQL-database niet bereiken (${(err as Error).message}): draait de server, en klopt DATABASE_URL?`);
  }
  return client;
}

async function copyAttachments(files: string[], from: string, to: string, progress: Progress): Promise<string[]> {
  await fs.promises.mkdir(to, { recursive: true });
  const missing: string[] = [];
  let done = 0;
  for (const sha of files) {
    if (!SHA256_HEX.test(sha)) continue;
    try {
      await fs.promises.copyFile(path.join(from, sha), path.join(to, sha));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      missing.push(sha);
    }
    done++;
    if (done === files.length || done % 100 === 0)
      progress(`  bijlagen: ${done.toLocaleString('nl-NL')} van ${files.length.toLocaleString('nl-NL')}`);
  }
  return missing;
}

/**
 * Copies each photo's variant folder (every variant file in it) and returns the variants its rows
 * name that were not there ("<sha256>/<file>"), and how many photos came whole.
 */
async function copyPhotos(
  photos: PhotoRow[],
  from: string,
  to: string,
  progress: Progress,
): Promise<{ copied: number; missing: string[] }> {
  const missing: string[] = [];
  let copied = 0;
  let done = 0;
  for (const { sha256, widths } of photos) {
    if (!SHA256_HEX.test(sha256)) continue;
    const source = path.join(from, sha256);
    const target = path.join(to, sha256);
    await fs.promises.mkdir(target, { recursive: true });
    const present = new Set<string>();
    const names = await fs.promises.readdir(source).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') return [] as string[];
      throw err;
    });
    for (const name of names.filter((n) => VARIANT_NAME.test(n))) {
      try {
        await fs.promises.copyFile(path.join(source, name), path.join(target, name));
        present.add(name);
      } catch (err) {
        // Removed after the listing: a photo deleted or replaced during the backup.
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
    const wanted = [...widths.flatMap((w) => [`${w}.webp`, `${w}.jpg`]), 'share.jpg'];
    const lacking = wanted.filter((name) => !present.has(name));
    missing.push(...lacking.map((name) => `${sha256}/${name}`));
    if (!lacking.length) copied++;
    done++;
    if (done === photos.length || done % 100 === 0)
      progress(`  foto's: ${done.toLocaleString('nl-NL')} van ${photos.length.toLocaleString('nl-NL')}`);
  }
  return { copied, missing };
}

export interface BackupOptions {
  databaseUrl: string;
  uploadDir: string;
  /** The folder to make; it must not exist yet. */
  out: string;
  now: Date;
  progress: Progress;
}

export async function makeBackup({ databaseUrl, uploadDir, out, now, progress }: BackupOptions): Promise<Manifest> {
  if (fs.existsSync(out)) throw new BackupError(`${out} bestaat al: kies met --out een nieuwe map voor de back-up.`);
  const partial = `${out}.onvolledig`;
  await fs.promises.rm(partial, { recursive: true, force: true });
  await fs.promises.mkdir(partial, { recursive: true, mode: 0o700 });
  try {
    let facts: Awaited<ReturnType<typeof snapshotFacts>>;
    let kind: Manifest['database'];
    let file: string;
    if (isPostgresUrl(databaseUrl)) {
      kind = 'postgresql';
      file = PG_FILE;
      const client = await connectPg(databaseUrl);
      try {
        // One snapshot for pg_dump, the counts and the list of attachments.
        await client.query('begin isolation level repeatable read, read only');
        const snapshot = (await client.query<{ id: string }>('select pg_export_snapshot() as id')).rows[0].id;
        progress('Database: pg_dump maakt een kopie terwijl de site doorwerkt …');
        const dumped = runTool(
          'pg_dump',
          ['--format=custom', `--snapshot=${snapshot}`, `--file=${path.join(partial, file)}`],
          databaseUrl,
          'De kopie van de database',
        );
        facts = await snapshotFacts(
          client,
          (await rowsOf<{ table_name: string }>(client, PG_TABLES)).map((r) => r.table_name),
        );
        await dumped;
        await client.query('commit');
      } finally {
        await client.end().catch(() => {});
      }
    } else {
      kind = 'sqlite';
      file = SQLITE_FILE;
      if (!fs.existsSync(databaseUrl)) throw new BackupError(`Het databasebestand ${databaseUrl} bestaat niet: klopt DATABASE_URL?`);
      progress('Database: VACUUM INTO maakt een kopie terwijl de site doorwerkt …');
      const source = sqliteFile(databaseUrl);
      try {
        await source.raw('pragma busy_timeout = 5000');
        await source.raw('vacuum into ?', [path.join(partial, file)]);
      } catch (err) {
        throw new BackupError(
          `De kopie van ${databaseUrl} mislukte: ${(err as Error).message}. Is het een SQLite-database en is er schijfruimte?`,
        );
      } finally {
        await source.destroy();
      }
      // Everything in the manifest comes from the copy itself: one snapshot.
      const copy = sqliteFile(path.join(partial, file));
      try {
        facts = await snapshotFacts(copy, await sqliteTables(copy));
      } finally {
        await copy.destroy();
      }
    }
    // Readers' e-mail and IP addresses are in it: for the operator's eyes only.
    await fs.promises.chmod(path.join(partial, file), 0o600);
    if (!facts.migration) throw new BackupError('Dit is geen Stadslog-database (er zijn geen migraties): klopt DATABASE_URL?');
    progress(
      `Database gekopieerd: ${Object.values(facts.counts)
        .reduce((a, b) => a + b, 0)
        .toLocaleString('nl-NL')} rijen.`,
    );
    const missing = await copyAttachments(facts.files, uploadDir, path.join(partial, ATTACHMENTS), progress);
    const photos = await copyPhotos(facts.photos, path.join(uploadDir, PHOTOS), path.join(partial, PHOTOS), progress);
    const manifest: Manifest = {
      format: FORMAT,
      created_at: now.toISOString(),
      database: kind,
      database_file: file,
      migration: facts.migration,
      migrations: facts.migrations,
      counts: facts.counts,
      attachments: facts.files.length - missing.length,
      missing_attachments: missing,
      photos: photos.copied,
      missing_photos: photos.missing,
    };
    await fs.promises.writeFile(path.join(partial, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    await fs.promises.rename(partial, out);
    return manifest;
  } catch (err) {
    await fs.promises.rm(partial, { recursive: true, force: true });
    throw err;
  }
}

async function readManifest(dir: string): Promise<Manifest> {
  const file = path.join(dir, MANIFEST);
  if (!fs.existsSync(dir)) throw new BackupError(`De map ${dir} bestaat niet: geef de map van een back-up op.`);
  if (!fs.existsSync(file)) throw new BackupError(`In ${dir} staat geen ${MANIFEST}: dit is geen (volledige) back-up van Stadslog.`);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await fs.promises.readFile(file, 'utf8')) as Manifest;
  } catch {
    throw new BackupError(`${file} is beschadigd (geen geldige JSON).`);
  }
  if (manifest.format !== FORMAT)
    throw new BackupError(`Deze back-up heeft formaat ${manifest.format}; deze versie van Stadslog kent alleen formaat ${FORMAT}.`);
  return manifest;
}

/** Tables in the target that hold anything: a restore goes only onto an empty database. */
async function tablesInTarget(databaseUrl: string): Promise<string[]> {
  if (isPostgresUrl(databaseUrl)) {
    const client = await connectPg(databaseUrl);
    try {
      return (await rowsOf<{ table_name: string }>(client, PG_TABLES)).map((r) => r.table_name).sort();
    } finally {
      await client.end().catch(() => {});
    }
  }
  if (!fs.existsSync(databaseUrl) || fs.statSync(databaseUrl).size === 0) return [];
  const db = sqliteFile(databaseUrl);
  try {
    return (await sqliteTables(db)).sort();
  } catch {
    throw new BackupError(`${databaseUrl} bestaat al en is geen SQLite-database: kies een nieuw bestand voor DATABASE_URL.`);
  } finally {
    await db.destroy();
  }
}

async function sha256Of(file: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

export interface RestoreOptions {
  dir: string;
  databaseUrl: string;
  uploadDir: string;
  progress: Progress;
}

/** Restores a backup onto an empty database and its attachments and photos into the upload folder; returns the manifest. */
export async function restoreBackup({ dir, databaseUrl, uploadDir, progress }: RestoreOptions): Promise<Manifest> {
  const manifest = await readManifest(dir);
  const wanted: Manifest['database'] = isPostgresUrl(databaseUrl) ? 'postgresql' : 'sqlite';
  if (manifest.database !== wanted) {
    throw new BackupError(
      manifest.database === 'sqlite'
        ? 'Dit is een back-up van een SQLite-database en DATABASE_URL wijst naar PostgreSQL: herstel hem in een SQLite-bestand en verhuis dan met npm run db:copy.'
        : 'Dit is een back-up van een PostgreSQL-database en DATABASE_URL wijst naar een SQLite-bestand: herstel hem in een lege PostgreSQL-database.',
    );
  }
  const known = new Set(await knownMigrations());
  if (manifest.migration && !known.has(manifest.migration)) {
    throw new BackupError(
      `De back-up komt van een nieuwere versie van Stadslog (migratie ${manifest.migration}): herstel hem met die versie of een nieuwere.`,
    );
  }
  const present = await tablesInTarget(databaseUrl);
  if (present.length) {
    throw new BackupError(
      `De database is niet leeg (${present.length} tabellen, waaronder ${present.slice(0, 3).join(', ')}): een herstel overschrijft nooit een bestaande site. ` +
        (wanted === 'postgresql'
          ? 'Maak een nieuwe, lege database (createdb) en laat DATABASE_URL daarheen wijzen.'
          : 'Laat DATABASE_URL naar een nieuw bestand wijzen.'),
    );
  }
  const source = path.join(dir, manifest.database_file);
  if (!fs.existsSync(source)) throw new BackupError(`${source} ontbreekt: de back-up is onvolledig.`);

  progress('Database terugzetten …');
  let counts: Record<string, number>;
  if (wanted === 'postgresql') {
    await runTool(
      'pg_restore',
      ['--exit-on-error', '--single-transaction', '--no-owner', '--no-privileges', source],
      databaseUrl,
      'Het terugzetten van de database',
    );
    const client = await connectPg(databaseUrl);
    try {
      counts = (
        await snapshotFacts(
          client,
          (await rowsOf<{ table_name: string }>(client, PG_TABLES)).map((r) => r.table_name),
        )
      ).counts;
    } finally {
      await client.end().catch(() => {});
    }
  } else {
    await fs.promises.mkdir(path.dirname(path.resolve(databaseUrl)), { recursive: true });
    const partial = `${databaseUrl}.herstel`;
    await fs.promises.copyFile(source, partial);
    await fs.promises.rename(partial, databaseUrl);
    const db = sqliteFile(databaseUrl);
    try {
      counts = (await snapshotFacts(db, await sqliteTables(db))).counts;
    } finally {
      await db.destroy();
    }
  }
  const wrong = Object.entries(manifest.counts).filter(([table, n]) => counts[table] !== n);
  if (wrong.length) {
    throw new BackupError(
      `Na het terugzetten kloppen de aantallen niet met de back-up: ${wrong.map(([t, n]) => `${t} ${counts[t] ?? 0} in plaats van ${n}`).join(', ')}. Gebruik de database niet; probeer een andere back-up.`,
    );
  }
  progress(`Database teruggezet en nageteld: ${Object.keys(counts).length} tabellen.`);

  const files = (await fs.promises.readdir(path.join(dir, ATTACHMENTS)).catch(() => [] as string[])).filter((f) => SHA256_HEX.test(f));
  await fs.promises.mkdir(uploadDir, { recursive: true });
  let done = 0;
  for (const sha of files) {
    const from = path.join(dir, ATTACHMENTS, sha);
    if ((await sha256Of(from)) !== sha)
      throw new BackupError(`De bijlage ${sha} in de back-up is beschadigd (de inhoud past niet bij de naam).`);
    const to = path.join(uploadDir, sha);
    if (!fs.existsSync(to)) {
      await fs.promises.copyFile(from, `${to}.herstel`);
      await fs.promises.rename(`${to}.herstel`, to);
    }
    done++;
    if (done === files.length || done % 100 === 0)
      progress(`  bijlagen: ${done.toLocaleString('nl-NL')} van ${files.length.toLocaleString('nl-NL')}`);
  }
  await restorePhotos(path.join(dir, PHOTOS), path.join(uploadDir, PHOTOS), progress);
  return manifest;
}

/**
 * Puts the photos' variant folders back, each through a temporary folder beside it (as the
 * pipeline stores them: a half-copied set never has the real name); a folder already there is kept.
 */
async function restorePhotos(from: string, to: string, progress: Progress): Promise<void> {
  const folders = (await fs.promises.readdir(from).catch(() => [] as string[])).filter((f) => SHA256_HEX.test(f));
  if (!folders.length) return;
  await fs.promises.mkdir(to, { recursive: true, mode: 0o755 });
  let done = 0;
  for (const sha of folders) {
    const final = path.join(to, sha);
    if (!fs.existsSync(final)) {
      const tmp = path.join(to, `.tmp-herstel-${sha}`);
      await fs.promises.rm(tmp, { recursive: true, force: true });
      await fs.promises.mkdir(tmp, { mode: 0o755 });
      for (const name of (await fs.promises.readdir(path.join(from, sha))).filter((n) => VARIANT_NAME.test(n)))
        await fs.promises.copyFile(path.join(from, sha, name), path.join(tmp, name));
      await fs.promises.rename(tmp, final);
    }
    done++;
    if (done === folders.length || done % 100 === 0)
      progress(`  foto's: ${done.toLocaleString('nl-NL')} van ${folders.length.toLocaleString('nl-NL')}`);
  }
}
