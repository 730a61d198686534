// npm run import:wxr -- [--pingbacks skip|keep] [--uploads DIR] [--fetch-uploads [--allow-host HOST]…] [--dry-run] EXPORT.xml
// Moves a WordPress site in: authors, categories, posts and pages, comments, old addresses (imports/).
// --fetch-uploads fetches files only from the old site's own hosts (named in the export) and the
// hosts given with --allow-host, and never from an internal address (http/guarded-fetch.ts).
import fs from 'node:fs';
import { audit, SYSTEM_ACTOR } from '../audit/audit-log';
import { importWxr } from '../imports/import';
import { WxrError } from '../imports/wxr-reader';
import { MAX_ATTACHMENT_BYTES } from '../attachments/upload';
import { parseHost } from '../http/guarded-fetch';
import { openDatabase, parseFlags, progressLine, runCommand, UsageError } from './cli-support';

const USAGE = `Gebruik: npm run import:wxr -- [--pingbacks skip|keep] [--uploads MAP/wp-content/uploads] [--fetch-uploads [--allow-host HOST]…] [--dry-run] EXPORTBESTAND.xml

  --fetch-uploads     haalt de bestanden van bijlagen op van de oude site: alleen van de hosts die de
                      export zelf noemt (de link van de site, wp:base_site_url en wp:base_blog_url),
                      op hun gewone poort, en nooit van een intern adres (localhost, het eigen netwerk).
  --allow-host HOST   haalt ook van deze host op, bijvoorbeeld --allow-host media.example.nl of
                      --allow-host media.example.nl:8080 (met een andere poort). Herhaalbaar.`;
const WITH_VALUE = ['--pingbacks', '--uploads'];

/** Every value of a repeatable option (--allow-host a --allow-host=b), and the arguments without them. */
function takeRepeated(args: string[], name: string): { values: string[]; rest: string[] } {
  const values: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === name) {
      const value = args[i + 1];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} heeft een host nodig.\n${USAGE}`);
      values.push(value);
      i++;
    } else if (args[i].startsWith(`${name}=`)) values.push(args[i].slice(name.length + 1));
    else rest.push(args[i]);
  }
  return { values, rest };
}

runCommand(async () => {
  const { values: allowHosts, rest: args } = takeRepeated(process.argv.slice(2), '--allow-host');
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
  for (const host of allowHosts)
    if (!parseHost(host))
      throw new UsageError(`--allow-host heeft een host nodig, zoals media.example.nl of media.example.nl:8080, niet "${host}".`);
  if (allowHosts.length && !fetchUploads) throw new UsageError(`--allow-host hoort bij --fetch-uploads.\n${USAGE}`);
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
            ? {
                uploadDir: config.uploadDir,
                sources: { dir: uploadsDir, fetch: fetchUploads ? { hosts: allowHosts } : undefined, maxBytes: MAX_ATTACHMENT_BYTES },
              }
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
