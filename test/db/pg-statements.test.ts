// The statements a post runs every time, kept prepared per PostgreSQL connection (server/db/pg-statements.ts):
// a query marked KEPT runs under a name made from its text, in and outside a transaction, answers
// what it answered unnamed, and an unmarked one stays unnamed. On SQLite the mark changes nothing.
import assert from 'node:assert/strict';
import { KEPT } from '../../server/db/pg-statements';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db';
import { buildArticle } from '../helpers/builders';

describe('statements kept prepared on PostgreSQL (KEPT)', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(async () => t.drop());

  it('answers what the same query answers unmarked, as a builder and as raw SQL, and inside a transaction', async () => {
    const article = await buildArticle(t.db, { title: 'Het Marktplein' });
    const plain = await t.db('articles').where({ id: article.id }).first('id', 'title');
    for (let i = 0; i < 7; i++) {
      // Past the fifth run PostgreSQL may plan it once for all values: the answer stays the same.
      assert.deepEqual(await t.db('articles').where({ id: article.id }).first('id', 'title').options(KEPT), plain);
    }
    const raw = await t.db.raw('select title from articles where id = ?', [article.id]).options(KEPT);
    assert.equal((Array.isArray(raw) ? raw[0] : raw.rows[0]).title, 'Het Marktplein');
    await t.db.transaction(async (trx) => {
      await trx('articles').where({ id: article.id }).update({ title: 'Nog niet vastgelegd' });
      const row = await trx('articles').where({ id: article.id }).first('title').options(KEPT);
      assert.equal(row.title, 'Nog niet vastgelegd');
    });
  });

  if (onPostgres) {
    it('runs a marked query as a named prepared statement on its connection, and an unmarked one unnamed', async () => {
      const article = await buildArticle(t.db);
      // One transaction: one connection, whose prepared statements pg_prepared_statements lists.
      await t.db.transaction(async (trx) => {
        await trx('articles').where({ id: article.id }).first('slug').options(KEPT);
        await trx('articles').where({ id: article.id }).first('title');
        const kept: { rows: Array<{ name: string; statement: string }> } = await trx.raw(
          'select name, statement from pg_prepared_statements',
        );
        assert.equal(kept.rows.length, 1);
        assert.match(kept.rows[0].name, /^k_[0-9a-f]{32}$/);
        assert.match(kept.rows[0].statement, /select "slug" from "articles"/);
      });
    });
  }
});
