// The site version as a voorpagina hit reads it: on PostgreSQL from memory (no round trip), kept
// current by the database's notifications, read again when the LISTEN connection is lost; on SQLite
// from the database every time. Both databases in both runs: the PostgreSQL server is there in each.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import pino from 'pino';
import { createDb, type Db } from '../../server/db/knex';
import { migrateLatest } from '../../server/db/migrate';
import { bumpSiteVersion, moveSiteTotal, sinceSiteVersionMoved, siteVersion } from '../../server/reacties/counters';
import { SiteVersionWatch } from '../../server/reacties/site-version';
import { createEmptyPostgresDatabase, createSqliteTestDatabase } from '../helpers/db';

const logger = pino({ level: 'silent' });

/** Counts the queries `db` sends while `fn` runs. */
async function queriesDuring(db: Db, fn: () => Promise<void>): Promise<number> {
  let n = 0;
  const count = () => n++;
  db.on('query', count);
  try {
    await fn();
  } finally {
    db.off('query', count);
  }
  return n;
}

async function until(what: string, check: () => Promise<boolean> | boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) assert.fail(`not within ${ms} ms: ${what}`);
    await sleep(10);
  }
}

describe('the site version a voorpagina hit reads', () => {
  describe('on PostgreSQL', () => {
    let pg: { url: string; drop(): Promise<void> };
    let db: Db;
    // The writer: another app server, as far as the watch can tell (a pool of its own).
    let other: Db;
    let watch: SiteVersionWatch;

    beforeEach(async () => {
      pg = await createEmptyPostgresDatabase();
      db = createDb(pg.url);
      await migrateLatest(db);
      other = createDb(pg.url);
      watch = new SiteVersionWatch(db, pg.url, logger);
      // A change this process made (an earlier test, a migration) makes the watch read for a second.
      await until('no change of this process in the last second', () => sinceSiteVersionMoved() > 1100, 3000);
    });
    afterEach(async () => {
      await watch.close();
      await Promise.all([db.destroy(), other.destroy()]);
      await pg.drop();
    });

    // Another app server moves the version: the statements its counters.ts sends, from a pool of its own (not
    // through this process's counters.ts, which would count as a change of this process's own).
    const moveRow = (name: string) =>
      other.raw(`insert into counters (name, value) values (?, 1) on conflict (name) do update set value = counters.value + 1`, [name]);
    const bumpElsewhere = () => moveRow('site_version');

    it('answers from memory once listening, and hears a change committed elsewhere without reading', async () => {
      const start = await siteVersion(db);
      assert.equal(await watch.read(), start);
      await until('listening', () => watch.listening);
      const hits = await queriesDuring(db, async () => {
        for (let i = 0; i < 100; i++) assert.equal(await watch.read(), start);
      });
      assert.equal(hits, 0, 'a hit makes no query');

      await bumpElsewhere();
      const reads = await queriesDuring(db, () => until('the new version', async () => (await watch.read()) === start + 1, 1000));
      assert.equal(reads, 0, 'the notification brought it, not a read');
      await bumpElsewhere();
      await bumpElsewhere();
      await until('two more', async () => (await watch.read()) === start + 3, 1000);
    });

    it('hears the slot rows that posts on articles move (a new slot too), and keeps their sum exact', async () => {
      await watch.read();
      await until('listening', () => watch.listening);
      const start = await siteVersion(db);
      // Posts on three articles: two slots (each made by its first change), the version's own row once.
      await moveRow('site_version/7');
      await moveRow('site_version/7');
      await moveRow('site_version/8');
      await bumpElsewhere();
      const reads = await queriesDuring(db, () => until('four changes heard', async () => (await watch.read()) === start + 4, 1000));
      assert.equal(reads, 0, 'the notifications brought them, not a read');
      assert.equal(await siteVersion(db), start + 4, 'the database sums the same rows');
    });

    it('after a change of its own reads the version, so the next page of the same server shows it at once', async () => {
      await watch.read();
      await until('listening', () => watch.listening);
      const start = await siteVersion(db);
      await db.transaction((trx) => moveSiteTotal(trx, 1, 5));
      let seen = 0;
      assert.ok((await queriesDuring(db, async () => void (seen = await watch.read()))) > 0, 'read, not taken from memory');
      assert.equal(seen, start + 1);
      await db.transaction((trx) => bumpSiteVersion(trx));
      assert.equal(await watch.read(), start + 2);
    });

    it('reads from the database while its LISTEN connection is lost, and listens again', async () => {
      const start = await siteVersion(db);
      await watch.read();
      await until('listening', () => watch.listening);
      await other.raw(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and query like 'LISTEN stadslog_site_version%'`,
      );
      await until('the loss noticed', () => !watch.listening);
      await bumpElsewhere();
      // No notification can come now: the version is read, at once.
      assert.equal(await watch.read(), start + 1);
      await bumpElsewhere();
      assert.equal(await watch.read(), start + 2);
      // A few seconds later it listens again and answers from memory.
      await until('listening again', async () => (await watch.read(), watch.listening), 10_000);
      await bumpElsewhere();
      assert.equal(
        await queriesDuring(db, () => until('the change after reconnecting', async () => (await watch.read()) === start + 3, 1000)),
        0,
      );
    });
  });

  describe('on SQLite', () => {
    it('reads every time: another process may have changed it, and nothing would tell this one', async () => {
      const database = await createSqliteTestDatabase();
      const watch = new SiteVersionWatch(database.db, database.url, logger);
      try {
        const start = await watch.read();
        await database.db.transaction((trx) => bumpSiteVersion(trx));
        assert.equal(await watch.read(), start + 1);
        assert.equal(watch.listening, false);
      } finally {
        await watch.close();
        await database.drop();
      }
    });
  });
});
