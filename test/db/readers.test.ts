import assert from 'node:assert/strict';
import { isPostgres, readsOf } from '../../server/db/knex';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db';
import { buildArticle } from '../helpers/builders';

describe('reads beside the writer (readsOf)', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(async () => t.drop());

  it('reads inside a transaction through that transaction, so they see its own writes', async () => {
    const article = await buildArticle(t.db);
    await t.db.transaction(async (trx) => {
      assert.equal(readsOf(trx), trx);
      await trx('articles').where({ id: article.id }).update({ title: 'Nog niet vastgelegd' });
      const row = await readsOf(trx)('articles').where({ id: article.id }).first('title');
      assert.equal(row.title, 'Nog niet vastgelegd');
    });
  });

  if (onPostgres) {
    it('on PostgreSQL, reads stay on the database itself (its pool has many connections)', () => {
      assert.ok(isPostgres(t.db));
      assert.equal(readsOf(t.db), t.db);
    });
  } else {
    it('on SQLite, reads go to other connections that see every committed write at once, and cannot write', async () => {
      const reads = readsOf(t.db);
      assert.notEqual(reads, t.db);
      const article = await buildArticle(t.db, { title: 'Vastgelegd' });
      assert.equal((await reads('articles').where({ id: article.id }).first('title')).title, 'Vastgelegd');
      await t.db('articles').where({ id: article.id }).update({ title: 'Gewijzigd' });
      assert.equal((await reads('articles').where({ id: article.id }).first('title')).title, 'Gewijzigd');
      await assert.rejects(reads('articles').where({ id: article.id }).update({ title: 'Via de lezer' }), /readonly/i);
      assert.equal((await t.db('articles').where({ id: article.id }).first('title')).title, 'Gewijzigd');
    });

    it('on SQLite, a read waits for no open write transaction, and sees only what was committed', async () => {
      const article = await buildArticle(t.db, { title: 'Voor' });
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      const writing = t.db.transaction(async (trx) => {
        await trx('articles').where({ id: article.id }).update({ title: 'Tijdens' });
        await held;
      });
      // The writer's one connection is busy with the open transaction; the reader answers anyway.
      await new Promise((r) => setTimeout(r, 20));
      assert.equal((await readsOf(t.db)('articles').where({ id: article.id }).first('title')).title, 'Voor');
      release();
      await writing;
      assert.equal((await readsOf(t.db)('articles').where({ id: article.id }).first('title')).title, 'Tijdens');
    });

    it("on SQLite, tells the database's query listeners about its reads, and closes with the database", async () => {
      const reads = readsOf(t.db);
      const heard: string[] = [];
      const listen = (q: { sql: string }) => heard.push(q.sql);
      t.db.on('query', listen);
      await reads('articles').count({ n: '*' });
      t.db.removeListener('query', listen);
      assert.ok(
        heard.some((sql) => /count\(\*\)/.test(sql)),
        heard.join('\n'),
      );
      await t.db.destroy();
      await assert.rejects(reads('articles').count({ n: '*' }));
      // drop() destroys again: harmless.
    });
  }
});
