// npm run import:wxr -- [--pingbacks skip|keep] [--dry-run] EXPORT.xml
// Moves a WordPress site in: authors, categories, posts and pages, comments, old addresses (imports/).
import fs from 'node:fs';
import { audit, SYSTEM_ACTOR } from '../audit/audit-log';
import { importWxr } from '../imports/import';
import { WxrError } from '../imports/wxr-reader';
import { openDatabase, parseFlags, progressLine, runCommand, UsageError } from './cli-support';

const USAGE = 'Gebruik: npm run import:wxr -- [--pingbacks skip|keep] [--dry-run] EXPORTBESTAND.xml';

runCommand(async () => {
  const args = process.argv.slice(2);
  const files = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--pingbacks');
  const flags = parseFlags(
    args.filter((a) => !files.includes(a)),
    ['pingbacks', 'dry-run'],
  );
  if (files.length !== 1) throw new UsageError(USAGE);
  const pingbacks = flags.pingbacks ?? 'skip';
  if (pingbacks !== 'skip' && pingbacks !== 'keep')
    throw new UsageError(`--pingbacks is skip of keep, niet "${String(pingbacks)}".\n${USAGE}`);
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
      { pingbacks, ipRetentionDays: config.ipRetentionDays, now: new Date(), dryRun: flags['dry-run'] === true },
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
