// On PostgreSQL every new or changed reactie reaches search_entries through a trigger
// (search_entry_reactie). Its lookup of the reactie must go by the key alone, whatever the planner
// knows: in a new database, or in one long transaction (a WordPress import, the benchmark's million
// reacties), the table has no statistics and a kept generic plan found the reactie through the index
// on status, reading every approved reactie for each one written (the benchmark's data stopped at about
// 100.000 reacties in 14 minutes; migrations/20261211100000_search_entry_reactie_by_key.ts).
import assert from 'node:assert/strict';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db';
import { buildArticle, insertReactiesInBulk } from '../helpers/builders';
import type { Db } from '../../server/db/knex';

/** Reacties rows read by index scans so far in this transaction (PostgreSQL's own statistics). */
async function reactieRowsFetched(trx: Db): Promise<number> {
  const result = await trx.raw("select idx_tup_fetch as n from pg_stat_xact_user_tables where relname = 'reacties'");
  return Number(result.rows[0]?.n ?? 0);
}

if (onPostgres)
  describe('search: a reactie reaches the index by its key (PostgreSQL)', () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase();
    });
    after(async () => t.drop());

    it('reads one reactie row per reactie written, however many are there, in a database without statistics', async () => {
      const article = await buildArticle(t.db, { title: 'De markt' });
      await t.db.transaction(async (trx) => {
        // One row per statement, as an import writes them: the trigger's plan is kept after a few.
        for (let i = 0; i < 20; i++) await insertReactiesInBulk(trx, article.id, 1, 'Een reactie over de markt');
        await insertReactiesInBulk(trx, article.id, 2000, 'Een reactie over de markt');
        const before = await reactieRowsFetched(trx);
        for (let i = 0; i < 10; i++)
          await insertReactiesInBulk(trx, article.id, 1, 'Een reactie over de markt', i % 2 ? 'approved' : 'pending');
        const fetched = (await reactieRowsFetched(trx)) - before;
        assert.ok(fetched <= 20, `ten reacties written read ${fetched} reactie rows`);
        // And the index holds what it should: the approved ones, not the held ones.
        const entries = await trx.raw("select count(*) as n from search_entries where kind = 'reactie'");
        assert.equal(Number(entries.rows[0].n), 2025);
      });
    });

    it('drops a reactie from the index when it is no longer shown, and brings it back when it is', async () => {
      const article = await buildArticle(t.db, { title: 'Het park' });
      await insertReactiesInBulk(t.db, article.id, 1, 'Een reactie over het park');
      const [{ id }] = await t.db('reacties').where({ article_id: article.id }).select('id');
      const entry = () =>
        t
          .db('search_entries')
          .where({ id: Number(id) * 4 + 1 })
          .first('id');
      assert.ok(await entry());
      await t.db('reacties').where({ id }).update({ status: 'trash' });
      assert.equal(await entry(), undefined);
      await t.db('reacties').where({ id }).update({ status: 'approved' });
      assert.ok(await entry());
      await t.db('reacties').where({ id }).update({ author_email_key: '' });
      assert.equal(await entry(), undefined, 'an anonymised reactie is not searched');
      await t.db('reacties').where({ id }).delete();
      assert.equal(await entry(), undefined);
    });
  });
