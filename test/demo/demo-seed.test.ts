// Demo content seeded by several app processes starting at once on an empty database: exactly one
// seeds, the others go on without it, nothing is written twice.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db';
import { DEMO_SEED_KEY, seedDemoContent } from '../../server/demo/demo-content';
import { countVisibleReacties, siteReactieTotal } from '../../server/reacties/counters';
import { createDb, type Db } from '../../server/db/knex';
import { verifyPassword } from '../../server/accounts/passwords';
import { createArticle } from '../../server/articles/queries';

const ROOT = path.join(__dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const DEMO_ARTICLES = 6;
const DEMO_REACTIES = 15;

/** Asserts the database holds the demo site exactly once, with counters that match the reacties. */
async function assertSeededOnce(db: Db): Promise<void> {
  const users: Array<{ email: string }> = await db('users').select('email');
  assert.deepEqual(users.map((u) => u.email).sort(), [
    'beheer@peelstad.example',
    'moderatie@peelstad.example',
    'redactie@peelstad.example',
  ]);
  const articles: Array<{ id: number; slug: string; reactie_count: number }> = await db('articles').select('id', 'slug', 'reactie_count');
  assert.equal(articles.length, DEMO_ARTICLES);
  assert.equal(new Set(articles.map((a) => a.slug)).size, DEMO_ARTICLES, 'every demo article once');
  assert.equal((await db('reacties').select('id')).length, DEMO_REACTIES);
  assert.equal((await db('pages').where({ slug: 'over-deze-weblog' }).select('slug')).length, 1);
  let total = 0;
  for (const a of articles) {
    const visible = await countVisibleReacties(db, Number(a.id));
    assert.equal(Number(a.reactie_count), visible, `reactie_count of ${a.slug}`);
    total += visible;
  }
  assert.equal(await siteReactieTotal(db), total, 'site-wide reacties total');
}

describe(`demo content seeded concurrently (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, function () {
  this.timeout(120_000);
  let database: TestDatabase;
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => database.drop());

  it('three connection pools seeding at the same moment: one seeds, the others get null, nothing twice', async () => {
    // Each createDb has its own pool (on SQLite its own connection), like a separate process.
    const pools = [createDb(database.url), createDb(database.url), createDb(database.url)];
    try {
      const now = new Date();
      const results = await Promise.all(pools.map((db) => seedDemoContent(db, now)));
      const winners = results.filter((r) => r !== null);
      assert.equal(winners.length, 1, 'exactly one seeder returns accounts');
      assert.equal(results.filter((r) => r === null).length, pools.length - 1);
      await assertSeededOnce(database.db);
      // The accounts handed back are the ones stored, with working one-time passwords.
      for (const account of winners[0].accounts) {
        const row = await database.db('users').where({ email: account.email }).first('role', 'password_hash');
        assert.equal(row.role, account.role);
        assert.ok(await verifyPassword(row.password_hash, account.password), `password of ${account.email}`);
      }
      // And later starts still never seed again.
      assert.equal(await seedDemoContent(pools[0], now), null);
      await assertSeededOnce(database.db);
    } finally {
      await Promise.all(pools.map((db) => db.destroy()));
    }
  });

  it('never seeds over real content, also when no seed was ever recorded', async () => {
    const now = new Date();
    await createArticle(
      database.db,
      {
        title: 'Echt nieuws',
        slug: 'echt-nieuws',
        kind: 'nieuws',
        bodyMarkdown: 'Echt.',
        excerptMarkdown: '',
        authorName: 'Redactie',
        status: 'draft',
        publishedAt: null,
        pinned: false,
        reactiesOpen: true,
      },
      null,
      now,
    );
    assert.equal(await seedDemoContent(database.db, now), null);
    assert.equal((await database.db('users').select('id')).length, 0);
    assert.equal((await database.db('articles').select('id')).length, 1);
    assert.equal(await database.db('settings').where({ key: DEMO_SEED_KEY }).first('key'), undefined, 'no claim left behind');
  });

  it('never seeds again once the seed is recorded, even when the articles are gone', async () => {
    await database.db('settings').insert({ key: DEMO_SEED_KEY, value: JSON.stringify({ at: new Date().toISOString() }) });
    assert.equal(await seedDemoContent(database.db, new Date()), null);
    assert.equal((await database.db('users').select('id')).length, 0);
  });

  it('two app processes starting together on an empty database both run, and seed once', async () => {
    const children: ChildProcess[] = [];
    try {
      const env = {
        ...process.env,
        DATABASE_URL: database.url,
        PORT: '0',
        HOST: '127.0.0.1',
        NODE_ENV: 'development',
        SEED_DEMO: 'true',
        LOG_LEVEL: 'silent',
        SESSION_SECRET: 'demo-seed-test-secret-0123456789abcdef',
      };
      const started = [0, 1].map(() => {
        const child = spawn(TSX, ['server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
        children.push(child);
        return new Promise<{ ready: boolean; code: number | null; stdout: string; stderr: string }>((resolve) => {
          let stdout = '';
          let stderr = '';
          child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
            stdout += chunk;
            // The start-up banner is printed in one console.log, so it is complete once "Stoppen" appears.
            if (stdout.includes('draait op') && stdout.includes('Stoppen')) resolve({ ready: true, code: null, stdout, stderr });
          });
          child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
          child.on('exit', (code) => resolve({ ready: false, code, stdout, stderr }));
        });
      });
      const outcomes = await Promise.all(started);
      for (const o of outcomes) assert.ok(o.ready, `a process did not start (exit code ${o.code}):\n${o.stdout}\n${o.stderr}`);
      for (const child of children) assert.equal(child.exitCode, null, 'still running');
      assert.equal(outcomes.filter((o) => o.stdout.includes('Demo-inhoud geplaatst')).length, 1, 'exactly one process seeded');
      await assertSeededOnce(database.db);
    } finally {
      await Promise.all(children.map((child) => stopChild(child)));
    }
  });
});

/** SIGTERM, then SIGKILL if it has not gone after 15 s; resolves when the process has exited. */
function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
