// npm run import:wxr -- [--pingbacks skip|keep] [--uploads DIR] [--fetch-uploads] [--dry-run] EXPORT.xml
// Moves a WordPress site in: authors, categories, posts and pages, comments, old addresses (imports/).
import fs from 'node:fs';
import { audit, SYSTEM_ACTOR } from '../audit/audit-log';
import { importWxr } from '../imports/import';
import { WxrError } from '../imports/wxr-reader';
import { MAX_ATTACHMENT_BYTES } from '../attachments/upload';
import { openDatabase, parseFlags, progressLine, runCommand, UsageError } from './cli-support';

const USAGE =
  'Gebruik: npm run import:wxr -- [--pingbacks skip|keep] [--uploads MAP/wp-content/uploads] [--fetch-uploads] [--dry-run] EXPORTBESTAND.xml';
const WITH_VALUE = ['--pingbacks', '--uploads'];

runCommand(async () => {
  const args = process.argv.slice(2);
  const files = args.filter((a, i) => !a.startsWith('--') && !WITH_VALUE.includes(args[i - 1]));
  const flags = parseFlags(
    args.filter((a) => !files.includes(a)),
    ['pingbacks', 'dry-run', 'uploads', 'fetch-uploads'],
  );
  if (files.length !== 1) throw new UsageError(USAGE);
  const pingbacks = flags.pingbacks ?? 'skip';
  if (pingbacks !== 'skip' && pingbacks !== 'keep')
    throw new UsageError(`--pingbacks is skip of keep, niet "${String(pingbacks)}".\n${USAGE}`);
  const uploadsDir = flags.uploads;
  if (uploadsDir === true) throw new UsageError(`--uploads heeft een map nodig.\n${USAGE}`);
  if (uploadsDir !== undefined && !(fs.existsSync(uploadsDir) && fs.statSync(uploadsDir).isDirectory()))
    throw new UsageError(`De map met uploads bestaat niet: ${uploadsDir}`);
  const fetchUploads = flags['fetch-uploads'] === true;
  const file = files[0];
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch {
    throw new UsageError(`Bestand niet gevonden: ${file}`);
  }

  const { config, db } = await openDatabase();
  try {
    let shown = -1;
    const report = await importWxr(
      db,
      fs.createReadStream(file),
      {
        pingbacks,
        ipRetentionDays: config.ipRetentionDays,
        now: new Date(),
        dryRun: flags['dry-run'] === true,
        uploads:
          uploadsDir !== undefined || fetchUploads
            ? { uploadDir: config.uploadDir, sources: { dir: uploadsDir, fetch: fetchUploads, maxBytes: MAX_ATTACHMENT_BYTES } }
            : undefined,
        onAttachment: (done, total, failure) => {
          if (failure) console.log(`Bijlage niet overgenomen: ${failure}`);
          progressLine('Bijlagen:', done, total);
        },
      },
      (bytes) => {
        const percent = size ? Math.floor((bytes / size) * 100) : 100;
        if (percent !== shown) progressLine('Ingelezen (procent):', (shown = percent), 100);
      },
    ).catch((err: unknown) => {
      if (err instanceof WxrError) throw new UsageError(`${err.message}\nEr is niets geïmporteerd; de database is ongewijzigd.`);
      throw err;
    });
    if (!flags['dry-run'])
      await audit(db, SYSTEM_ACTOR, 'wxr.import', null, `${report.count('post')} berichten, ${report.count('comment')} reacties`);
    console.log(flags['dry-run'] ? 'Proefdraai: er is niets opgeslagen. Dit zou er gebeuren:' : 'Import klaar.');
    for (const line of report.lines()) console.log(line);
  } finally {
    await db.destroy();
  }
});
