// The commands behind npm scripts, run as a person would run them.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { seedDemoContent } from '../../server/demo/demo-content';
import { countVisibleReacties, siteReactieTotal } from '../../server/reacties/counters';
import { createDb } from '../../server/db/knex';

const TSX = path.join(__dirname, '..', '..', 'node_modules', '.bin', 'tsx');

function run(script: string, args: string[], databaseUrl: string) {
  return spawnSync(TSX, [path.join('server', 'cli', script), ...args], {
    cwd: path.join(__dirname, '..', '..'),
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', NODE_ENV: 'test' },
    encoding: 'utf8',
    input: '',
    timeout: 60_000,
  });
}

describe('demo content', () => {
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => database.drop());

  it('seeds a Dutch demo site once, with right counters, one held reactie and a start in May 2005', async () => {
    const now = new Date();
    const result = await seedDemoContent(database.db, now);
    assert.ok(result);
    assert.deepEqual(result.accounts.map((a) => a.role).sort(), ['admin', 'editor', 'moderator']);
    assert.equal(await seedDemoContent(database.db, now), null, 'never twice');
    assert.equal((await database.db('reacties').where({ status: 'pending' })).length, 1);
    let total = 0;
    for (const a of await database.db('articles').select('id', 'reactie_count')) {
      const visible = await countVisibleReacties(database.db, Number(a.id));
      assert.equal(Number(a.reactie_count), visible);
      total += visible;
    }
    assert.equal(await siteReactieTotal(database.db), total);
    const kinds = new Set((await database.db('articles').select('kind')).map((r: { kind: string }) => r.kind));
    assert.deepEqual([...kinds].sort(), ['brief', 'nieuws', 'schriftelijke-vragen']);
    const first = await database.db('articles').orderBy('published_at').first('published_at');
    assert.equal(new Date(first.published_at).toISOString().slice(0, 7), '2005-05');
  });
});

describe('npm scripts', function () {
  this.timeout(120_000);
  let dir: string;
  let file: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-cli-'));
    file = path.join(dir, 'cli.sqlite');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('user:create makes an account with a generated password printed once', async () => {
    const res = run('user-create.ts', ['--email', 'Nieuw@Peelstad.example', '--role', 'moderator', '--name', 'Nieuwe Moderator'], file);
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, /Account aangemaakt: nieuw@peelstad\.example \(moderator\)/);
    assert.match(res.stdout, /Wachtwoord \(wordt niet nog eens getoond\): \S{24}/);
    const db = createDb(file);
    const row = await db('users').where({ email: 'nieuw@peelstad.example' }).first();
    await db.destroy();
    assert.equal(row.role, 'moderator');
    assert.equal(row.name, 'Nieuwe Moderator');
  });

  it('user:create refuses an unknown role, a bad address and an existing account with exit code 1', () => {
    const role = run('user-create.ts', ['--email', 'x@peelstad.example', '--role', 'baas'], file);
    assert.equal(role.status, 1);
    assert.match(role.stderr, /Onbekende rol "baas"/);
    const email = run('user-create.ts', ['--email', 'geen-adres', '--role', 'admin'], file);
    assert.equal(email.status, 1);
    assert.match(email.stderr, /geen geldig e-mailadres/);
    const twice = run('user-create.ts', ['--email', 'nieuw@peelstad.example', '--role', 'admin'], file);
    assert.equal(twice.status, 1);
    assert.match(twice.stderr, /Er is al een account/);
  });

  it('a command that cannot reach its database says why in Dutch and what to do, without a stack trace', () => {
    const missing = run('recount.ts', [], 'postgres://postgres@127.0.0.1:5432/stadslog_bestaat_niet');
    assert.equal(missing.status, 1);
    assert.match(missing.stderr, /Kan de database niet bereiken: die database bestaat niet; maak hem eerst met createdb\./);
    const closed = run('recount.ts', [], 'postgres://postgres@127.0.0.1:1/test');
    assert.equal(closed.status, 1);
    assert.match(closed.stderr, /er luistert geen server op dat adres/);
    const notSqlite = path.join(dir, 'tekst.sqlite');
    fs.writeFileSync(notSqlite, 'Dit is een tekstbestand en geen database.\n'.repeat(100));
    const text = run('recount.ts', [], notSqlite);
    assert.equal(text.status, 1);
    assert.match(text.stderr, /dat bestand is geen SQLite-database/);
    for (const res of [missing, closed, text]) assert.doesNotMatch(res.stderr, /\n\s+at |Acquire connection error/);
  });

  it('recount repairs a tampered counter and shows progress', async () => {
    const db = createDb(file);
    await seedDemoContent(db, new Date());
    const right = await siteReactieTotal(db);
    await db('articles').update({ reactie_count: 999 });
    await db('counters').update({ value: 12345 });
    // As a database from before the HTML of a reactie was kept.
    const old = await db('reacties').count({ n: '*' }).first();
    await db('reacties').update({ body_html: null });
    await db.destroy();
    const res = run('recount.ts', [], file);
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, /Artikel \d+ van \d+/);
    assert.match(res.stdout, new RegExp(`12\\.345 → ${right}`));
    assert.match(res.stdout, new RegExp(`${Number(old?.n)} reacties kregen hun opgemaakte tekst`));
    const after = createDb(file);
    assert.equal(await siteReactieTotal(after), right);
    assert.equal(Number((await after('reacties').whereNull('body_html').count({ n: '*' }).first())?.n), 0);
    await after.destroy();
  });
});
