// npm run import:wxr and export:wxr run as a person runs them: exit codes, Dutch messages, files.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../helpers/db';

const ROOT = path.join(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const FIXTURES = path.join(__dirname, '..', 'fixtures', 'wxr');

function run(script: string, args: string[], databaseUrl: string) {
  return spawnSync(TSX, [path.join('server', 'cli', script), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', NODE_ENV: 'test' },
    encoding: 'utf8',
    input: '',
    timeout: 60_000,
  });
}

describe('imports: the import:wxr and export:wxr commands', function () {
  // Each case starts the command as its own process (up to 60 s each, as run() allows): on a shared machine that takes a while.
  this.timeout(120_000);
  let database: TestDatabase;
  let dir: string;
  before(async () => {
    database = await createTestDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-wxr-'));
  });
  after(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await database.drop();
  });

  it('refuses a file that breaks halfway with a Dutch message and exit code 1, and stores nothing of it', async () => {
    const res = run('import-wxr.ts', [path.join(FIXTURES, 'broken.xml')], database.url);
    assert.equal(res.status, 1, res.stderr);
    assert.match(res.stderr, /Het bestand is geen geldige XML \(regel 19, kolom \d+\)/);
    assert.match(res.stderr, /Er is niets geïmporteerd; de database is ongewijzigd\./);
    assert.equal(Number((await database.db('articles').count({ n: '*' }).first())?.n), 0);
    assert.equal(Number((await database.db('reacties').count({ n: '*' }).first())?.n), 0);
  });

  it('refuses a file that does not exist with a Dutch message and exit code 1 (the peer suite’s test_parse_non_existent_file)', () => {
    const res = run('import-wxr.ts', ['/path/to/non-existent-file.xml'], database.url);
    assert.equal(res.status, 1, res.stderr);
    assert.match(res.stderr, /Bestand niet gevonden: \/path\/to\/non-existent-file\.xml/);
  });

  it('imports an export with progress and a report, then writes one without e-mail addresses', () => {
    const res = run('import-wxr.ts', ['--pingbacks', 'keep', path.join(FIXTURES, 'site.xml')], database.url);
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, /Ingelezen \(procent\): 100 van 100/);
    assert.match(res.stdout, /Import klaar\./);
    assert.match(res.stdout, /Berichten: 5 geïmporteerd, 1 overgeslagen/);
    assert.match(res.stdout, /Reacties: 15 geïmporteerd/);
    const out = path.join(dir, 'uit.xml');
    const exported = run('export-wxr.ts', [out], database.url);
    assert.equal(exported.status, 0, exported.stderr);
    assert.match(exported.stdout, /6 artikelen, 15 reacties, 1 dossiers \(als categorieën\), 1 tags, 2 auteurs, zonder e-mailadressen/);
    const xml = fs.readFileSync(out, 'utf8');
    assert.match(xml, /<wp:wxr_version>1\.2<\/wp:wxr_version>/);
    assert.ok(!xml.includes('@example.nl'));
    // An imported author has an account without a password until an admin gives it one.
    const given = run('user-create.ts', ['--email', 'redactie@oud.example.nl', '--role', 'editor', '--generate'], database.url);
    assert.equal(given.status, 0, given.stderr);
    assert.match(given.stdout, /Wachtwoord gezet voor redactie@oud\.example\.nl \(editor\)/);
    assert.equal(
      run('user-create.ts', ['--email', 'redactie@oud.example.nl', '--role', 'editor', '--generate'], database.url).status,
      1,
      'only once',
    );
    const usage = run('import-wxr.ts', [], database.url);
    assert.equal(usage.status, 1);
    assert.match(usage.stderr, /Gebruik: npm run import:wxr/);
  });

  it('explains --fetch-uploads and --allow-host, and refuses an --allow-host that is no host', () => {
    const site = path.join(FIXTURES, 'site.xml');
    const alone = run('import-wxr.ts', ['--allow-host', 'media.example.nl', site], database.url);
    assert.equal(alone.status, 1);
    assert.match(alone.stderr, /--allow-host hoort bij --fetch-uploads\./);
    assert.match(alone.stderr, /--allow-host HOST {3}haalt ook van deze host op, bijvoorbeeld --allow-host media\.example\.nl/);
    assert.match(alone.stderr, /nooit van een intern adres/);
    const bad = run('import-wxr.ts', ['--fetch-uploads', '--allow-host', 'media.example.nl/pad', site], database.url);
    assert.equal(bad.status, 1);
    assert.match(
      bad.stderr,
      /--allow-host heeft een host nodig, zoals media\.example\.nl of media\.example\.nl:8080, niet "media\.example\.nl\/pad"\./,
    );
  });
});
