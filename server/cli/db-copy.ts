// npm run db:copy -- --to postgres://user@host:5432/db [--from data/stadslog.sqlite]
// Copies the whole site from its SQLite file into an empty PostgreSQL database, checks every table
// and the reacties counters on the copy before it commits, and says in Dutch what it did.
import path from 'node:path';
import { loadConfig } from '../config';
import { copyDatabase, CopyError } from '../db/copy/copy';
import { isPostgresUrl } from '../db/knex';
import { recountWithin } from '../reacties/counters';
import { parseFlags, progressLine, runCommand, UsageError } from './cli-support';

const USAGE = 'Gebruik: npm run db:copy -- --to postgres://gebruiker@server:5432/database [--from data/stadslog.sqlite]';

/** Where the site's attachments are as files: they are not in the database, so they do not move with it. */
function uploadDirOf(from: string): string {
  return path.resolve(loadConfig({ ...process.env, DATABASE_URL: from }).uploadDir);
}

function defaultSource(): string {
  const { databaseUrl } = loadConfig();
  if (isPostgresUrl(databaseUrl))
    throw new UsageError(`DATABASE_URL wijst al naar PostgreSQL; geef met --from het SQLite-bestand op.\n${USAGE}`);
  return databaseUrl;
}

runCommand(async () => {
  const flags = parseFlags(process.argv.slice(2), ['to', 'from']);
  if (typeof flags.to !== 'string' || !flags.to)
    throw new UsageError(`--to ontbreekt: naar welke PostgreSQL-database moet de kopie?\n${USAGE}`);
  if (flags.from === true) throw new UsageError(`--from heeft geen bestand.\n${USAGE}`);
  const from = flags.from ?? defaultSource();
  const started = Date.now();
  try {
    const result = await copyDatabase({
      from,
      to: flags.to,
      onProgress: (table, done, total) => progressLine(`  ${table}:`, done, total),
      beforeCommit: (trx) => recountWithin(trx),
    });
    const rows = result.tables.reduce((sum, t) => sum + t.rows, 0);
    const counted = result.checked!;
    console.log(
      `Klaar in ${((Date.now() - started) / 1000).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} s: ` +
        `${result.tables.length} tabellen, ${rows.toLocaleString('nl-NL')} rijen gekopieerd en nageteld.`,
    );
    console.log(
      `Tellers nagerekend: ${counted.articles.toLocaleString('nl-NL')} artikelen, ` +
        `${counted.total.toLocaleString('nl-NL')} zichtbare reacties in het lopende totaal.`,
    );
    const wrong = [
      ...(counted.corrected.articles > 0 ? [`${counted.corrected.articles.toLocaleString('nl-NL')} artikeltellers`] : []),
      ...(counted.corrected.total ? ['het lopende totaal'] : []),
    ];
    if (wrong.length) console.log(`In de bron klopten ${wrong.join(' en ')} niet; in de kopie zijn ze opnieuw geteld.`);
    const files = result.tables.find((t) => t.name === 'files')?.rows ?? 0;
    if (files > 0) {
      console.log(
        `De bijlagen zelf (${files.toLocaleString('nl-NL')} bestanden) staan niet in de database maar in ${uploadDirOf(from)}: ` +
          'laat UPLOAD_DIR daarnaar wijzen, op elke app-server dezelfde map.',
      );
    }
    console.log('Zet DATABASE_URL op de PostgreSQL-database en start de app.');
  } catch (err) {
    if (err instanceof CopyError) throw new UsageError(err.message);
    throw err;
  }
});
