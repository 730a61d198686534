// npm run backup and npm run restore as an operator runs them, on the database the tests run on
// (SQLite, or PostgreSQL with TEST_DATABASE_URL): a backup taken while residents post reacties,
// restored onto an empty database, holds every reactie acknowledged before it began, and its
// counters agree exactly with its rows, and the restored app serves an article's photo (every
// variant, the same bytes). Bad input: a Dutch message and exit code 1.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb, type Db } from '../../server/db/knex';
import { articlePath, type Article } from '../../server/articles/queries';
import { countVisibleReacties, siteReactieTotal } from '../../server/reacties/counters';
import { saveSpamSettings } from '../../server/spam/settings';
import type { Manifest } from '../../server/db/backup';
import { figureShortcode } from '../../server/images/figure';
import { storeVariants } from '../../server/images/pipeline';
import { insertImage } from '../../server/images/queries';
import { LENIENT_SPAM_SETTINGS } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { createEmptyPostgresDatabase, createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db';
import { hiddenInput } from '../helpers/http';
import { jpegWithGps } from '../helpers/images';
import { killAllServers, startServer, type ServerProcess } from '../helpers/server-process';

const ROOT = path.join(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const STACK = /\n\s+at .+:\d+:\d+/;
const TRUSTED = 'vaste-bewoner@example.nl';

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** A command as an operator runs it; asynchronous, so residents keep posting meanwhile. */
function cli(script: string, args: string[], env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(TSX, [path.join('server', 'cli', script), ...args], {
      cwd: ROOT,
      env: { ...process.env, LOG_LEVEL: 'silent', NODE_ENV: 'test', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Posts a reactie as a resident's browser does: the page, its form token, the form. True when acknowledged (303). */
async function post(server: ServerProcess, article: Article, text: string, email: string): Promise<boolean> {
  const url = `${server.baseUrl}${articlePath(article)}`;
  const page = await (await fetch(url)).text();
  const res = await fetch(`${url}/reacties`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Origin: server.baseUrl },
    body: new URLSearchParams({
      _token: hiddenInput(page, '_token'),
      naam: 'Bewoner',
      email,
      website: '',
      reactie: text,
      antwoord_op: '',
    }).toString(),
  });
  await res.arrayBuffer();
  return res.status === 303;
}

async function checkCounters(db: Db): Promise<{ visible: number }> {
  let visible = 0;
  for (const a of await db('articles').select('id', 'reactie_count')) {
    const counted = await countVisibleReacties(db, Number(a.id));
    assert.equal(Number(a.reactie_count), counted, `article ${a.id}'s counter`);
    visible += counted;
  }
  assert.equal(await siteReactieTotal(db), visible, 'the running total');
  return { visible };
}

/** The variant URLs an article's page shows (its lead image and the photo in its text), each once. */
async function photoUrls(server: ServerProcess, article: Article): Promise<string[]> {
  const html = await (await fetch(`${server.baseUrl}${articlePath(article)}`)).text();
  return [...new Set(html.match(/\/beelden\/\d+\/[0-9a-f]{12}-(?:\d+|share)\.(?:webp|jpg)/g) ?? [])].sort();
}

/** A variant as a reader's browser gets it: status and bytes. */
async function variant(server: ServerProcess, url: string): Promise<{ status: number; bytes: Buffer }> {
  const res = await fetch(`${server.baseUrl}${url}`);
  return { status: res.status, bytes: Buffer.from(await res.arrayBuffer()) };
}

describe('npm run backup and npm run restore', function () {
  this.timeout(240_000);
  let source: TestDatabase;
  let dir: string;
  let uploads: string;
  let server: ServerProcess;
  let articles: Article[];
  let photoArticle: Article;
  const attachment = Buffer.from('%PDF-1.4\nRaadsvoorstel over de markt\n');
  const sha = crypto.createHash('sha256').update(attachment).digest('hex');

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-backup-'));
    uploads = path.join(dir, 'bijlagen');
    fs.mkdirSync(uploads);
    source = await createTestDatabase();
    await saveSpamSettings(source.db, LENIENT_SPAM_SETTINGS);
    articles = [await buildArticle(source.db), await buildArticle(source.db)];
    // Moderation 'trusted': this address had a reactie approved, so its reacties are published at
    // once and move the counters; a new address's are held and do not.
    await buildReactie(source.db, articles[0], { authorEmail: TRUSTED });
    // An attachment the database names, and a file it does not (an upload nobody attached).
    fs.writeFileSync(path.join(uploads, sha), attachment);
    await source.db('files').insert({ sha256: sha, media_type: 'application/pdf', size: attachment.length, created_at: new Date() });
    fs.writeFileSync(path.join(uploads, 'f'.repeat(64)), 'los bestand');
    // A photo through the image pipeline, as lead image and in the text of an article.
    const photo = await jpegWithGps(2000, 1200);
    const photoSha = crypto.createHash('sha256').update(photo).digest('hex');
    const made = await storeVariants(photo, uploads, photoSha);
    const imageId = await insertImage(
      source.db,
      { sha256: photoSha, originalName: 'IMG_2041.jpg', mediaType: 'image/jpeg', size: photo.length, ...made },
      { alt: 'De markt op zaterdag', caption: 'De markt', credit: 'Fotograaf Jansen' },
      null,
      new Date(),
    );
    photoArticle = await buildArticle(source.db, {
      title: 'De markt gaat open',
      bodyMarkdown: `De markt gaat open.\n\n${figureShortcode(imageId)}\n\nTot zaterdag.`,
      leadImageId: imageId,
    });
    server = await startServer(source.url, { UPLOAD_DIR: uploads });
  });
  after(async () => {
    await killAllServers();
    await source.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('restores a backup taken during a burst of posts with every acknowledged reactie and exact counters', async () => {
    const out = path.join(dir, 'back-up');
    const acked: Array<{ text: string; at: number }> = [];
    let failed = 0;
    let backupStartedAt = 0;
    let backupEndedAt = 0;
    let backup: Promise<Run> | undefined;
    let n = 0;
    // Eight residents post until the backup is done (and at least 60 reacties in all).
    const resident = async () => {
      while (!backupEndedAt || n < 60) {
        const i = n++;
        const text = `Reactie ${i} tijdens de back-up.`;
        const email = i % 3 === 2 ? `nieuw-${i}@example.nl` : TRUSTED;
        if (await post(server, articles[i % 2], text, email)) acked.push({ text, at: Date.now() });
        else failed++;
        if (acked.length === 15 && !backup) {
          backupStartedAt = Date.now();
          backup = cli('backup.ts', ['--out', out], { DATABASE_URL: source.url, UPLOAD_DIR: uploads }).finally(
            () => (backupEndedAt = Date.now()),
          );
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, resident));
    const made = await backup!;
    assert.equal(made.code, 0, made.stderr + made.stdout);
    assert.equal(failed, 0);
    assert.match(made.stdout, /Back-up klaar in [\d,]+ s/);
    const during = acked.filter((a) => a.at > backupStartedAt && a.at < backupEndedAt).length;
    assert.ok(during > 0, 'reacties were posted while the backup ran');
    const before = acked.filter((a) => a.at <= backupStartedAt);
    assert.ok(before.length >= 15);

    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
    assert.equal(manifest.database, onPostgres ? 'postgresql' : 'sqlite');
    assert.equal(manifest.attachments, 1);
    assert.ok(manifest.migration);
    assert.deepEqual(fs.readdirSync(path.join(out, 'bijlagen')), [sha]);
    assert.equal(manifest.photos, 1);
    assert.deepEqual(manifest.missing_photos, []);
    const urls = await photoUrls(server, photoArticle);
    // 480, 960 and 1600 wide as WebP and JPEG in the text; the lead image and og:image may add more.
    assert.ok(urls.length >= 6, urls.join(' '));
    const served = new Map<string, Buffer>();
    for (const url of urls) {
      const got = await variant(server, url);
      assert.equal(got.status, 200, url);
      served.set(url, got.bytes);
    }

    const target = onPostgres
      ? await createEmptyPostgresDatabase()
      : { url: path.join(dir, 'hersteld', 'stadslog.sqlite'), drop: async () => {} };
    const restoredUploads = path.join(dir, 'herstelde-bijlagen');
    try {
      const restored = await cli('restore.ts', [out], { DATABASE_URL: target.url, UPLOAD_DIR: restoredUploads });
      assert.equal(restored.code, 0, restored.stderr + restored.stdout);
      assert.match(restored.stdout, /Database teruggezet en nageteld/);
      assert.match(restored.stdout, /Hersteld: de back-up van/);
      const db = createDb(target.url);
      try {
        const bodies = new Set((await db('reacties').select('body')).map((r: { body: string }) => r.body));
        const lost = before.filter((a) => !bodies.has(a.text));
        assert.deepEqual(lost, [], 'every reactie acknowledged before the backup began');
        assert.equal(bodies.size, manifest.counts.reacties);
        const { visible } = await checkCounters(db);
        assert.ok(visible >= (before.length * 2) / 3 && visible < bodies.size, `${visible} visible of ${bodies.size} reacties`);
        assert.equal(fs.readFileSync(path.join(restoredUploads, sha)).toString(), attachment.toString());
        assert.deepEqual(fs.readdirSync(restoredUploads).sort(), [sha, 'beelden'].sort(), 'only the attachments the snapshot names');
      } finally {
        await db.destroy();
      }

      // The restored site serves the photo: every variant the page names, the same bytes.
      const restoredServer = await startServer(target.url, { UPLOAD_DIR: restoredUploads });
      assert.deepEqual(await photoUrls(restoredServer, photoArticle), urls);
      for (const url of urls) {
        const got = await variant(restoredServer, url);
        assert.equal(got.status, 200, url);
        assert.ok(got.bytes.equals(served.get(url)!), `${url}: the same bytes`);
      }
      restoredServer.stop();
      await restoredServer.exited;

      // Never over a site: the same restore again is refused, in Dutch, with exit code 1.
      const again = await cli('restore.ts', [out], { DATABASE_URL: target.url, UPLOAD_DIR: restoredUploads });
      assert.equal(again.code, 1);
      assert.match(
        again.stderr,
        /De database is niet leeg \(\d+ tabellen, waaronder .*\): een herstel overschrijft nooit een bestaande site/,
      );
      assert.doesNotMatch(again.stderr, STACK);
    } finally {
      await target.drop();
    }
  });

  it('says which attachments the database names but the upload folder lacks, and keeps them in the manifest', async () => {
    const gone = 'a'.repeat(64);
    await source.db('files').insert({ sha256: gone, media_type: 'application/pdf', size: 10, created_at: new Date() });
    const out = path.join(dir, 'zonder-bestand');
    const res = await cli('backup.ts', ['--out', out], { DATABASE_URL: source.url, UPLOAD_DIR: uploads });
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /Let op: 1 bijlagen staan in de database maar niet in .*Klopt UPLOAD_DIR\?/);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
    assert.deepEqual(manifest.missing_attachments, [gone]);
    assert.equal(manifest.attachments, 1);
  });

  it('says which photo variants the database names but the upload folder lacks, and keeps them in the manifest', async () => {
    const gone = 'b'.repeat(64);
    await insertImage(
      source.db,
      { sha256: gone, originalName: 'weg.jpg', mediaType: 'image/jpeg', size: 10, width: 400, height: 300, widths: [400] },
      { alt: 'Een verdwenen foto', caption: '', credit: '' },
      null,
      new Date(),
    );
    const out = path.join(dir, 'zonder-foto');
    const res = await cli('backup.ts', ['--out', out], { DATABASE_URL: source.url, UPLOAD_DIR: uploads });
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /Let op: 3 fotobestanden staan in de database maar niet in .*beelden .*Klopt UPLOAD_DIR\?/);
    const manifest = JSON.parse(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
    assert.deepEqual(manifest.missing_photos, [`${gone}/400.webp`, `${gone}/400.jpg`, `${gone}/share.jpg`]);
    assert.equal(manifest.photos, 1, 'the photo whose variants are there');
  });

  it('refuses bad input with a Dutch message and exit code 1', async () => {
    const env = { DATABASE_URL: source.url, UPLOAD_DIR: uploads };
    const cases: Array<[string, string[], Record<string, string>, RegExp]> = [
      ['restore.ts', [path.join(dir, 'bestaat-niet')], env, /De map .* bestaat niet/],
      ['restore.ts', [dir], env, /staat geen manifest\.json: dit is geen \(volledige\) back-up/],
      ['restore.ts', [], env, /Geef precies één back-upmap op/],
      ['restore.ts', ['--snel', dir], env, /Onbekende optie "--snel": restore kent geen opties/],
      ['backup.ts', ['--out', uploads], env, /bestaat al: kies met --out een nieuwe map/],
      ['backup.ts', ['--naar', 'x'], env, /Onbekende optie "--naar"/],
      [
        'backup.ts',
        ['--out', path.join(dir, 'nergens')],
        { DATABASE_URL: path.join(dir, 'geen.sqlite') },
        /bestaat niet: klopt DATABASE_URL/,
      ],
    ];
    for (const [script, args, e, message] of cases) {
      const res = await cli(script, args, e);
      assert.equal(res.code, 1, `${script} ${args.join(' ')}: ${res.stdout}${res.stderr}`);
      assert.match(res.stderr, message, `${script} ${args.join(' ')}`);
      assert.doesNotMatch(res.stderr + res.stdout, STACK);
    }
    assert.equal(fs.existsSync(path.join(dir, 'nergens')), false, 'a failed backup leaves no folder');
  });
});
