// A large import killed with kill -9 halfway leaves nothing behind (one transaction), and running the
// same command again brings everything in: on SQLite and on PostgreSQL, with a generated export of a
// daily weblog (server/cli/bench/wxr-export.ts), run as a person runs it, as its own process.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { writeLargeExport } from '../../server/cli/bench/wxr-export';

const ROOT = path.join(__dirname, '..', '..');
const COMMAND = ['--import', 'tsx', path.join('server', 'cli', 'import-wxr.ts')];
const SIZES = { posts: 300, comments: 4_000, attachments: 60, bytes: 6 * 1024 * 1024 };

describe('imports: a large import killed halfway (kill -9)', function () {
  this.timeout(400_000);
  let database: TestDatabase;
  let dir: string;
  let file: string;
  before(async () => {
    database = await createTestDatabase();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-wxr-kill-'));
    file = path.join(dir, 'export.xml');
    await writeLargeExport(file, SIZES);
  });
  after(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await database.drop();
  });

  const env = () => ({ ...process.env, DATABASE_URL: database.url, LOG_LEVEL: 'silent', NODE_ENV: 'test', UPLOAD_DIR: dir });
  const count = async (table: string) => Number((await database.db(table).count({ n: '*' }).first())?.n);

  it('shows its progress, leaves nothing when killed, and a second run brings all of it in', async () => {
    // One node process (no wrapper that would survive the kill), killed once it has read a fifth.
    const child = spawn(process.execPath, [...COMMAND, file], { cwd: ROOT, env: env(), stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const killed = await new Promise<boolean>((resolve) => {
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (/Ingelezen \(procent\): [2-9]0 van 100/.test(out) && child.exitCode === null) child.kill('SIGKILL');
      });
      child.on('close', (_code, signal) => resolve(signal === 'SIGKILL'));
    });
    assert.ok(killed, `killed halfway (it ended by itself):\n${out}\n${stderr}`);
    assert.match(out, /Ingelezen \(procent\): 10 van 100/);
    assert.doesNotMatch(out, /Import klaar/);
    for (const table of ['articles', 'reacties', 'users', 'dossiers', 'tags', 'wp_imports', 'wp_redirects'])
      assert.equal(await count(table), 0, `${table} after kill -9`);

    const again = spawnSync(process.execPath, [...COMMAND, file], { cwd: ROOT, env: env(), encoding: 'utf8', timeout: 380_000 });
    assert.equal(again.status, 0, again.stderr);
    assert.match(again.stdout, /Ingelezen \(procent\): 100 van 100/);
    assert.match(again.stdout, /Berichten: 300 geïmporteerd, 0 overgeslagen/);
    assert.match(again.stdout, /Reacties: 4\.000 geïmporteerd, 0 overgeslagen/);
    assert.equal(await count('articles'), 300);
    assert.equal(await count('reacties'), 4_000);
  });
});
