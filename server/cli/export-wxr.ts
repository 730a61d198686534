// npm run export:wxr -- [--with-emails] OUT.xml
// Writes the weblog as a WordPress export (WXR 1.2): no lock-in. E-mail addresses only with --with-emails.
import fs from 'node:fs';
import { once } from 'node:events';
import { exportWxr } from '../imports/export';
import { openDatabase, parseFlags, progressLine, runCommand, UsageError } from './cli-support';

const USAGE = 'Gebruik: npm run export:wxr -- [--with-emails] UITVOERBESTAND.xml';

runCommand(async () => {
  const args = process.argv.slice(2);
  const files = args.filter((a) => !a.startsWith('--'));
  const flags = parseFlags(
    args.filter((a) => a.startsWith('--')),
    ['with-emails'],
  );
  if (files.length !== 1) throw new UsageError(USAGE);
  const { config, db } = await openDatabase();
  const out = fs.createWriteStream(files[0], { encoding: 'utf8' });
  try {
    await once(out, 'open').catch(() => {
      throw new UsageError(`Kan niet schrijven naar ${files[0]}.`);
    });
    const write = async (chunk: string) => {
      if (!out.write(chunk)) await once(out, 'drain');
    };
    const result = await exportWxr(
      db,
      write,
      { withEmails: flags['with-emails'] === true, baseUrl: config.baseUrl, now: new Date() },
      (done, total) => progressLine('Artikelen geschreven:', done, total),
    );
    out.end();
    await once(out, 'finish');
    console.log(
      `Geëxporteerd naar ${files[0]}: ${result.articles} artikelen, ${result.reacties} reacties, ${result.dossiers} dossiers (als categorieën), ${result.tags} tags, ${result.authors} auteurs${flags['with-emails'] ? ', met e-mailadressen' : ', zonder e-mailadressen'}.`,
    );
  } finally {
    out.destroy();
    await db.destroy();
  }
});
