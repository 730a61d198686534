// Statements as one transaction in one round trip on PostgreSQL (server/db/pg-batch.ts): they run in
// order, each answering its rows; a failing one rolls back the others and throws PostgreSQL's error;
// the connection stays usable after it; and a statement after a row lock sees what the lock waited
// for (its own snapshot, as after BEGIN … lock …), which one statement with the lock in a CTE would not.
import assert from 'node:assert/strict';
import knex from 'knex';
import type { Db } from '../../server/db/knex';
import { runAsOneTransaction } from '../../server/db/pg-batch';
import { isUniqueViolation } from '../../server/db/rows';
import { insertReactie, type NewReactie } from '../../server/reacties/queries';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db';
import { buildArticle } from '../helpers/builders';

const reactie = (articleId: number, n: number): NewReactie => ({
  articleId,
  parentId: null,
  authorName: `Bewoner ${n}`,
  authorEmail: `b${n}@example.nl`,
  authorUrl: null,
  body: `Reactie ${n}`,
  status: 'pending',
  ip: null,
  userAgent: null,
  submissionKey: `sleutel-${n}`,
});

const LOCK = 'select id from articles where id = $1 for no key update';
const COUNT = 'select count(*) as n from reacties where article_id = $1';

if (onPostgres)
  describe('statements as one transaction in one round trip (PostgreSQL)', () => {
    let t: TestDatabase;
    beforeEach(async () => {
      t = await createTestDatabase();
    });
    afterEach(async () => t.drop());

    it('runs them in order and answers the rows of each, as text; a later one sees what an earlier one wrote', async () => {
      const article = await buildArticle(t.db, { title: 'Het Marktplein' });
      for (let i = 0; i < 3; i++) {
        const [locked, updated, read] = await runAsOneTransaction(t.db, [
          { text: LOCK, values: [article.id] },
          { text: 'update articles set title = $1 where id = $2', values: [`Versie ${i}`, article.id] },
          { text: 'select title, id from articles where id = $1', values: [article.id] },
        ]);
        assert.deepEqual(locked, [{ id: String(article.id) }]);
        assert.deepEqual(updated, []);
        assert.deepEqual(read, [{ title: `Versie ${i}`, id: String(article.id) }]);
      }
    });

    it('rolls all of them back when one fails, throws PostgreSQL’s error, and the connection works on', async () => {
      const article = await buildArticle(t.db, { title: 'Voor' });
      await t.db.transaction((trx) => insertReactie(trx, reactie(article.id, 1), new Date()));
      const rename = { text: 'update articles set title = $1 where id = $2', values: ['Na', article.id] };
      // The same submission key again: the unique index refuses it.
      const again = {
        text: `insert into reacties (article_id, author_name, author_email, author_email_key, body, status, submission_key, created_at, status_changed_at)
          values ($1, $2, $3, $3, $4, $5, $6, now(), now())`,
      };
      for (let i = 0; i < 3; i++) {
        const failed = await runAsOneTransaction(t.db, [
          rename,
          { ...again, values: [article.id, 'X', 'x@example.nl', 'Tekst', 'pending', 'sleutel-1'] },
        ]).then(
          () => null,
          (err: unknown) => err,
        );
        assert.ok(isUniqueViolation(failed), `a unique violation, not ${String(failed)}`);
        assert.equal(
          (await t.db('articles').where({ id: article.id }).first('title')).title,
          'Voor',
          'the update before it is rolled back',
        );
      }
      // The same statements (parsed on the connection before the failure) with a key of its own.
      await runAsOneTransaction(t.db, [rename, { ...again, values: [article.id, 'X', 'x@example.nl', 'Tekst', 'pending', 'sleutel-2'] }]);
      assert.equal((await t.db('articles').where({ id: article.id }).first('title')).title, 'Na');
      assert.equal(Number((await t.db('reacties').where({ article_id: article.id }).count({ n: '*' }))[0].n), 2);
    });

    it('parses its statements again after the server lost them (one failed batch, not every later one)', async () => {
      // One connection, so the statements the batch keeps and the DEALLOCATE meet on it.
      const one = knex({ client: 'pg', connection: process.env.TEST_DATABASE_URL, pool: { min: 1, max: 1 } }) as unknown as Db;
      try {
        const read = { text: 'select 41 + $1::int as n', values: [1] };
        assert.deepEqual(await runAsOneTransaction(one, [read]), [[{ n: '42' }]]);
        await one.raw('deallocate all');
        const lost = await runAsOneTransaction(one, [read]).then(
          () => null,
          (err: { code?: string }) => err.code,
        );
        assert.equal(lost, '26000', 'the kept statement is gone on the server');
        assert.deepEqual(await runAsOneTransaction(one, [read]), [[{ n: '42' }]]);
      } finally {
        await one.destroy();
      }
    });

    it('gives the statement after a row lock a snapshot taken after the lock: it sees what the lock waited for', async function () {
      this.timeout(30_000);
      const article = await buildArticle(t.db);
      const trx = await t.db.transaction();
      await trx.raw('select id from articles where id = ? for no key update', [article.id]);
      await insertReactie(trx, reactie(article.id, 1), new Date());
      const batch = runAsOneTransaction(t.db, [
        { text: LOCK, values: [article.id] },
        { text: COUNT, values: [article.id] },
      ]);
      try {
        // Until the batch waits for the article's row lock (its backend waits for a lock).
        for (;;) {
          const waiting = await t.db.raw(
            "select count(*) as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'",
          );
          if (Number(waiting.rows[0].n) > 0) break;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        await trx.commit();
      } finally {
        if (!trx.isCompleted()) await trx.rollback();
      }
      const [, [count]] = await batch;
      assert.equal(count.n, '1', 'the reactie committed while the batch waited for the lock is counted');
    });
  });
