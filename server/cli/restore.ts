// npm run restore -- DIR: puts a backup of npm run backup back onto an EMPTY database (DATABASE_URL)
// and its attachments and photos into UPLOAD_DIR, checks the row counts, then migrates to this version.
import { loadConfig } from '../config';
import { BackupError, restoreBackup } from '../db/backup';
import { createDb } from '../db/knex';
import { migrateLatest } from '../db/migrate';
import { runCommand, UsageError } from './cli-support';

const USAGE = 'Gebruik: npm run restore -- backups/stadslog-2026-12-06T10-15-00Z  (DATABASE_URL wijst naar een lege database)';

runCommand(async () => {
  const args = process.argv.slice(2);
  const dirs = args.filter((a) => !a.startsWith('--'));
  const option = args.find((a) => a.startsWith('--'));
  if (option) throw new UsageError(`Onbekende optie "${option}": restore kent geen opties.\n${USAGE}`);
  if (dirs.length !== 1) throw new UsageError(`Geef precies één back-upmap op.\n${USAGE}`);
  const config = loadConfig();
  try {
    const manifest = await restoreBackup({
      dir: dirs[0],
      databaseUrl: config.databaseUrl,
      uploadDir: config.uploadDir,
      progress: (line) => console.log(line),
    });
    const db = createDb(config.databaseUrl);
    try {
      const applied = await migrateLatest(db);
      if (applied.length) console.log(`Bijgewerkt naar deze versie: ${applied.length} migraties.`);
    } finally {
      await db.destroy();
    }
    const n = (table: string) => (manifest.counts[table] ?? 0).toLocaleString('nl-NL');
    console.log(
      `Hersteld: de back-up van ${new Date(manifest.created_at).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' })}, ` +
        `${n('articles')} artikelen, ${n('reacties')} reacties, ${manifest.attachments.toLocaleString('nl-NL')} bijlagen ` +
        `en ${(manifest.photos ?? 0).toLocaleString('nl-NL')} foto's in ${config.uploadDir}.`,
    );
    console.log('Start de app met deze DATABASE_URL en UPLOAD_DIR.');
  } catch (err) {
    if (err instanceof BackupError) throw new UsageError(err.message);
    throw err;
  }
});
