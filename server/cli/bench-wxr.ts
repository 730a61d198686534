// npm run bench:wxr -- [--posts 7000] [--comments 100000] [--attachments 3000] [--mb 150] [--keep export.xml] [--database URL]
// Measures import:wxr at the size of a real weblog: generates twenty years of a daily weblog as a
// WordPress export (bench/wxr-export.ts), imports it with the built command into a fresh SQLite file
// (or the database given), as a separate process under /usr/bin/time, and prints the wall-clock
// time and the peak memory (maximum resident set size) of that process.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_WXR_SIZES, writeLargeExport, type WxrSizes } from './bench/wxr-export';
import { parseFlags, runCommand, UsageError } from './cli-support';

function count(flags: Record<string, string | true>, name: string, fallback: number): number {
  const v = flags[name];
  if (v === undefined) return fallback;
  const n = Number(v);
  if (typeof v !== 'string' || !Number.isInteger(n) || n < 0) throw new UsageError(`--${name} is een geheel getal, niet "${String(v)}".`);
  return n;
}

runCommand(async () => {
  const flags = parseFlags(process.argv.slice(2), ['posts', 'comments', 'attachments', 'mb', 'keep', 'database']);
  const sizes: WxrSizes = {
    posts: Math.max(1, count(flags, 'posts', DEFAULT_WXR_SIZES.posts)),
    comments: count(flags, 'comments', DEFAULT_WXR_SIZES.comments),
    attachments: count(flags, 'attachments', DEFAULT_WXR_SIZES.attachments),
    bytes: count(flags, 'mb', DEFAULT_WXR_SIZES.bytes / 1024 / 1024) * 1024 * 1024,
  };
  const command = path.join('dist', 'server', 'cli', 'import-wxr.js');
  if (!fs.existsSync(command)) throw new UsageError('Eerst bouwen: npm run build (npm run bench:wxr doet dat zelf).');
  if (!fs.existsSync('/usr/bin/time'))
    throw new UsageError('/usr/bin/time ontbreekt (apt-get install time): daarmee wordt het geheugen gemeten.');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-bench-wxr-'));
  const file = typeof flags.keep === 'string' ? flags.keep : path.join(dir, 'export.xml');
  const database = typeof flags.database === 'string' ? flags.database : path.join(dir, 'stadslog.sqlite');
  try {
    const t0 = Date.now();
    const bytes = await writeLargeExport(file, sizes);
    console.log(
      `Export gemaakt: ${(bytes / 1024 / 1024).toFixed(0)} MB, ${sizes.posts.toLocaleString('nl-NL')} berichten, ` +
        `${sizes.comments.toLocaleString('nl-NL')} reacties, ${sizes.attachments.toLocaleString('nl-NL')} bijlagen (${((Date.now() - t0) / 1000).toFixed(0)} s)`,
    );
    const child = spawn('/usr/bin/time', ['-v', process.execPath, command, file], {
      env: { ...process.env, DATABASE_URL: database, LOG_LEVEL: 'silent', UPLOAD_DIR: path.join(dir, 'bijlagen') },
      stdio: ['ignore', 'inherit', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1];
    const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): ([\d:.]+)/.exec(stderr)?.[1];
    if (code !== 0 || !rss) throw new UsageError(`De import is mislukt (code ${code}):\n${stderr}`);
    console.log(`Import: ${wall} (u:mm:ss), piekgeheugen ${(Number(rss) / 1024).toFixed(0)} MB (maximum resident set size)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
