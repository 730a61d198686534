// npm run db:copy as a person runs it: a Dutch message and exit code 1 on bad input, never a stack
// trace, and a Dutch summary when it works.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDb } from '../../server/db/knex';
import { seedDemoContent } from '../../server/demo/demo-content';
import { createEmptyPostgresDatabase, createSqliteTestDatabase, type TestDatabase } from '../helpers/db';

const ROOT = path.join(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');

function dbCopy(args: string[], env: Record<string, string> = {}) {
  return spawnSync(TSX, [path.join('server', 'cli', 'db-copy.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent', NODE_ENV: 'test', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

const STACK = /\n\s+at .+:\d+:\d+/;

describe('npm run db:copy on the command line', function () {
  this.timeout(120_000);
  let source: TestDatabase;
  let dir: string;
  before(async () => {
    source = await createSqliteTestDatabase();
    await seedDemoContent(source.db, new Date());
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-db-copy-'));
  });
  after(async () => {
    await source.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('refuses bad input with a Dutch message and exit code 1', async () => {
    const notSqlite = path.join(dir, 'tekst.sqlite');
    fs.writeFileSync(notSqlite, 'Dit is geen database, maar een boodschappenlijst.\n'.repeat(100));
    const otherSqlite = path.join(dir, 'notities.sqlite');
    const pg = 'postgres://postgres@127.0.0.1:5432/test';
    const cases: Array<[string[], RegExp]> = [
      [['--from', source.url], /--to ontbreekt/],
      [['--to', 'mysql://root@localhost/stadslog', '--from', source.url], /--to moet een PostgreSQL-adres zijn/],
      [['--to', pg, '--from', path.join(dir, 'bestaat-niet.sqlite')], /bestaat niet/],
      [['--to', pg, '--from', notSqlite], /is geen SQLite-database/],
      [
        ['--to', 'postgres://postgres@127.0.0.1:1/stadslog', '--from', source.url],
        /Kan de PostgreSQL-database .* niet bereiken: er luistert geen server/,
      ],
      [
        ['--to', 'postgres://postgres@127.0.0.1:5432/bestaat_niet_xyz', '--from', source.url],
        /die database bestaat niet; maak hem eerst met createdb/,
      ],
      [['--to', pg, '--from', source.url, '--zonder-vragen'], /Onbekende optie "--zonder-vragen"/],
    ];
    // An SQLite file of something else.
    const other = createDb(otherSqlite);
    await other.raw('create table notities (tekst text)');
    await other.destroy();
    cases.push([['--to', pg, '--from', otherSqlite], /geen Stadslog-database/]);
    for (const [args, message] of cases) {
      const res = dbCopy(args);
      assert.equal(res.status, 1, `${args.join(' ')}: ${res.stdout}${res.stderr}`);
      assert.match(res.stderr, message, args.join(' '));
      assert.doesNotMatch(res.stderr + res.stdout, STACK, args.join(' '));
    }
    assert.equal(fs.existsSync(path.join(dir, 'bestaat-niet.sqlite')), false, 'a missing source is not created');
  });

  it('copies DATABASE_URL by default and prints a short Dutch summary', async () => {
    const target = await createEmptyPostgresDatabase();
    try {
      const res = dbCopy(['--to', target.url], { DATABASE_URL: source.url });
      assert.equal(res.status, 0, res.stderr);
      assert.match(res.stdout, /reacties: \d+ van \d+/);
      assert.match(res.stdout, /Klaar in [\d,]+ s: \d+ tabellen, [\d.]+ rijen gekopieerd en nageteld\./);
      assert.match(res.stdout, /Tellers nagerekend: 6 artikelen, \d+ zichtbare reacties/);
      const again = dbCopy(['--to', target.url], { DATABASE_URL: source.url });
      assert.equal(again.status, 1);
      assert.match(again.stderr, /is niet leeg/);
    } finally {
      await target.drop();
    }
  });
});
