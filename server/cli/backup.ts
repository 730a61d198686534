// npm run backup [-- --out DIR]: a consistent copy of the running site (database, attachments, photos)
// into a new folder, with a manifest; see server/db/backup.ts and docs/production.md.
import path from 'node:path';
import { loadConfig } from '../config';
import { BackupError, makeBackup } from '../db/backup';
import { parseFlags, runCommand, UsageError } from './cli-support';

const USAGE = 'Gebruik: npm run backup [-- --out backups/stadslog-2026-12-06]';

/** backups/stadslog-2026-12-06T10-15-00Z: sorts by time, no characters a file system refuses. */
function defaultFolder(now: Date): string {
  return path.join('backups', `stadslog-${now.toISOString().slice(0, 19).replace(/:/g, '-')}Z`);
}

runCommand(async () => {
  const flags = parseFlags(process.argv.slice(2), ['out']);
  if (flags.out === true) throw new UsageError(`--out heeft geen map.\n${USAGE}`);
  const config = loadConfig();
  const now = new Date();
  const out = path.resolve(flags.out ?? defaultFolder(now));
  const started = Date.now();
  try {
    const manifest = await makeBackup({
      databaseUrl: config.databaseUrl,
      uploadDir: config.uploadDir,
      out,
      now,
      progress: (line) => console.log(line),
    });
    const n = (table: string) => (manifest.counts[table] ?? 0).toLocaleString('nl-NL');
    console.log(
      `Back-up klaar in ${((Date.now() - started) / 1000).toLocaleString('nl-NL', { maximumFractionDigits: 1 })} s: ${out}\n` +
        `  ${manifest.database === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, migratie ${manifest.migration}; ` +
        `${n('articles')} artikelen, ${n('reacties')} reacties, ${manifest.attachments.toLocaleString('nl-NL')} bijlagen, ` +
        `${(manifest.photos ?? 0).toLocaleString('nl-NL')} foto's.`,
    );
    if (manifest.missing_attachments.length) {
      console.log(
        `Let op: ${manifest.missing_attachments.length} bijlagen staan in de database maar niet in ${config.uploadDir} (zie manifest.json). ` +
          'Klopt UPLOAD_DIR?',
      );
    }
    const lacking = manifest.missing_photos ?? [];
    if (lacking.length) {
      console.log(
        `Let op: ${lacking.length} fotobestanden staan in de database maar niet in ${config.uploadDir}/beelden (zie manifest.json). ` +
          'Klopt UPLOAD_DIR? Een foto die tijdens de back-up is verwijderd of vervangen, telt hier ook mee.',
      );
    }
    console.log('Bewaar de map op een andere schijf of server; terugzetten: npm run restore -- ' + out);
  } catch (err) {
    if (err instanceof BackupError) throw new UsageError(err.message);
    throw err;
  }
});
