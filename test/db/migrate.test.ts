// Migration names do not depend on how the server was started: `npm run dev` (tsx, .ts files) and
// `npm start` (compiled, .js files) must accept each other's databases, old ones included.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { migrateLatest, migrateRollbackAll } from '../../server/db/migrate';
import { createDb, type Db } from '../../server/db/knex';

const ROOT = path.join(__dirname, '..', '..');
const TSC = path.join(ROOT, 'node_modules', '.bin', 'tsc');

// Every migration in migrations/, named without its extension, in order.
const EXPECTED = fs
  .readdirSync(path.join(ROOT, 'migrations'))
  .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
  .map((f) => f.slice(0, -'.ts'.length))
  .sort();

async function recordedNames(db: Db): Promise<string[]> {
  return (await db('knex_migrations').orderBy('id').select('name')).map((r: { name: string }) => r.name);
}

// Rewrites knex_migrations as an older `npm run dev` (.ts) or `npm start` (.js) left it.
async function recordWithExtension(db: Db, extension: string): Promise<void> {
  for (const name of EXPECTED) {
    await db('knex_migrations')
      .whereIn('name', [name, `${name}.ts`, `${name}.js`])
      .update({ name: `${name}${extension}` });
  }
  assert.deepEqual(
    await recordedNames(db),
    EXPECTED.map((n) => `${n}${extension}`),
  );
}

describe('migrations', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => database.drop());

  it('records every migration without a file extension', async () => {
    assert.ok(EXPECTED.length > 0);
    assert.deepEqual(await recordedNames(database.db), EXPECTED);
  });

  for (const extension of ['.ts', '.js']) {
    it(`accepts a database that recorded ${extension} names, applies nothing again and renames them`, async () => {
      await recordWithExtension(database.db, extension);
      assert.deepEqual(await migrateLatest(database.db), []);
      assert.deepEqual(await recordedNames(database.db), EXPECTED);
      assert.deepEqual(await migrateLatest(database.db), [], 'idempotent');
    });
  }

  it('lets three app processes migrate an empty database at once: one applies everything, none fails', async () => {
    const { db, url } = database;
    await migrateRollbackAll(db);
    await db.schema.dropTable('knex_migrations_lock');
    await db.schema.dropTable('knex_migrations');
    const pools = [createDb(url), createDb(url), createDb(url)];
    try {
      const applied = await Promise.all(pools.map((pool) => migrateLatest(pool)));
      assert.deepEqual(
        applied.map((names) => names.length).sort((a, b) => a - b),
        [0, 0, EXPECTED.length],
      );
      assert.deepEqual(await recordedNames(db), EXPECTED);
    } finally {
      await Promise.all(pools.map((pool) => pool.destroy()));
    }
  });

  it("takes the lock again when an earlier start left two rows in knex's lock table, and applies what is pending", async () => {
    // Two processes starting together on an empty file could both insert the lock row; knex's lock
    // (an UPDATE that must touch one row) then failed on every later start.
    const { db } = database;
    await migrateRollbackAll(db);
    await db('knex_migrations_lock').insert({ is_locked: 0 });
    assert.equal((await db('knex_migrations_lock').select('*')).length, 2);
    assert.deepEqual(await migrateLatest(db), EXPECTED);
    assert.deepEqual(await db('knex_migrations_lock').select('is_locked'), [{ is_locked: 0 }]);
  });

  it('rolls every migration back and applies them all again', async () => {
    const { db } = database;
    assert.deepEqual(await migrateRollbackAll(db), [...EXPECTED].reverse());
    assert.deepEqual(await recordedNames(db), []);
    assert.equal(await db.schema.hasTable('users'), false);
    assert.equal(await db.schema.hasTable('reacties'), false);
    assert.deepEqual(await migrateLatest(db), EXPECTED);
    assert.deepEqual(await recordedNames(db), EXPECTED);
    assert.equal(await db.schema.hasTable('reacties'), true);
  });

  describe('the compiled server', function () {
    this.timeout(60_000); // each test starts a node process; generous for a busy machine
    let outDir: string;
    before(function () {
      this.timeout(120_000); // the build takes some 7 s on an idle machine, over 20 s on a busy one
      outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'stadslog-build-'));
      const tsc = spawnSync(TSC, ['-p', 'tsconfig.build.json', '--outDir', outDir], { cwd: ROOT, encoding: 'utf8', timeout: 110_000 });
      assert.equal(tsc.status, 0, `tsc failed: ${tsc.stdout}${tsc.stderr}`);
      // Like dist/ inside the project: the compiled code resolves knex, pg and sqlite3 from here.
      fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(outDir, 'node_modules'), 'dir');
    });
    after(() => fs.rmSync(outDir, { recursive: true, force: true }));

    // Runs the compiled migrateLatest in plain node (no tsx, so it cannot load .ts files) on the given
    // database, and on an empty SQLite file to show which migration files it finds.
    function runCompiled(databaseUrl: string): { applied: string[]; fresh: string[] } {
      const script = `
        const { createDb } = require(process.env.BUILD + '/server/db/knex.js');
        const { migrateLatest } = require(process.env.BUILD + '/server/db/migrate.js');
        (async () => {
          const result = {};
          for (const [key, url] of [['applied', process.env.DB_URL], ['fresh', process.env.BUILD + '/fresh.sqlite']]) {
            const db = createDb(url);
            result[key] = await migrateLatest(db);
            await db.destroy();
          }
          console.log(JSON.stringify(result));
        })().catch((e) => { console.error(e); process.exit(1); });`;
      const env: NodeJS.ProcessEnv = { ...process.env, BUILD: outDir, DB_URL: databaseUrl };
      delete env.NODE_OPTIONS;
      const child = spawnSync(process.execPath, ['-e', script], { cwd: os.tmpdir(), env, encoding: 'utf8', timeout: 30_000 });
      assert.equal(child.status, 0, `compiled migrate failed: ${child.stdout}${child.stderr}`);
      fs.rmSync(path.join(outDir, 'fresh.sqlite'), { force: true });
      return JSON.parse(child.stdout.trim().split('\n').pop()!);
    }

    it('finds the compiled .js migrations next to itself', () => {
      assert.ok(fs.existsSync(path.join(outDir, 'migrations', `${EXPECTED[0]}.js`)));
      assert.ok(!fs.existsSync(path.join(outDir, 'migrations', `${EXPECTED[0]}.ts`)));
    });

    it('accepts a database migrated from source and applies nothing', async () => {
      const { applied, fresh } = runCompiled(database.url);
      assert.deepEqual(applied, []);
      assert.deepEqual(fresh, EXPECTED, 'an empty database gets every compiled migration');
      assert.deepEqual(await recordedNames(database.db), EXPECTED);
    });

    it('accepts a database made by an older npm run dev (.ts names) and applies nothing', async () => {
      await recordWithExtension(database.db, '.ts');
      const { applied } = runCompiled(database.url);
      assert.deepEqual(applied, []);
      assert.deepEqual(await recordedNames(database.db), EXPECTED);
    });
  });
});
