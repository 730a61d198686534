// Storing a new reactie on its page (storeReactie): a held one is one statement on SQLite, a
// reactie that shows locks its article; on both databases, and with posts arriving at once, every
// reactie gets the page the paging rule gives it, and only a reactie that shows moves the counters.
import assert from 'node:assert/strict';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db';
import { buildArticle } from '../helpers/builders';
import type { Article } from '../../server/articles/queries';
import { insertReactie, storeReactie, type NewReactie } from '../../server/reacties/queries';

const reactie = (article: Article, n: number, fields: Partial<NewReactie> = {}): NewReactie => ({
  articleId: article.id,
  parentId: null,
  authorName: `Bewoner ${n}`,
  authorEmail: `b${n}@example.nl`,
  authorUrl: null,
  body: `Reactie ${n}`,
  status: 'pending',
  ip: null,
  userAgent: null,
  ...fields,
});

describe('storing a new reactie on its page', () => {
  let t: TestDatabase;
  before(async () => {
    t = await createTestDatabase();
  });
  after(async () => t.drop());

  it('puts held reacties arriving at once on the page the rule gives them: the last one while it has room, then the next', async function () {
    this.timeout(60_000);
    const article = await buildArticle(t.db);
    let firstRoot = 0;
    // 499 reacties that fill page 1 (approved and held count, spam does not).
    await t.db.transaction(async (trx) => {
      for (let i = 0; i < 499; i++) {
        const id = await insertReactie(trx, reactie(article, i, { status: i % 2 ? 'approved' : 'pending' }), new Date());
        if (i === 0) firstRoot = id;
      }
      await insertReactie(trx, reactie(article, 999, { status: 'spam' }), new Date());
    });
    const now = new Date();
    const stored = await Promise.all([
      ...Array.from({ length: 5 }, (_, i) => storeReactie(t.db, reactie(article, 1000 + i), now)),
      storeReactie(t.db, reactie(article, 2000, { parentId: firstRoot }), now),
    ]);
    const pages = stored.slice(0, 5).map((s) => s.page);
    assert.deepEqual([...pages].sort(), [1, 2, 2, 2, 2], 'the 500th place on page 1 goes to one of them, the rest start page 2');
    assert.equal(stored[5].page, 1, 'a reply joins its thread’s page');
    for (const s of stored) {
      const row = await t.db('reacties').where({ id: s.id }).first('thread_page', 'status');
      assert.equal(Number(row.thread_page), s.page);
      assert.equal(row.status, 'pending');
    }
  });

  it('moves the counters and the page version for a reactie that shows, and neither for a held one', async () => {
    const article = await buildArticle(t.db);
    const state = async () => {
      const row = await t.db('articles').where({ id: article.id }).first('version', 'reactie_count');
      return { version: Number(row.version), count: Number(row.reactie_count) };
    };
    const start = await state();
    const held = await storeReactie(t.db, reactie(article, 1), new Date());
    assert.equal(held.page, 1);
    const afterHeld = await state();
    assert.equal(afterHeld.count, start.count, 'a held reactie is not counted');
    // It changes no public page: SQLite keeps the version; PostgreSQL locks the article by moving it.
    if (!onPostgres) assert.equal(afterHeld.version, start.version, 'the cached page stays');
    const shown = await storeReactie(t.db, reactie(article, 2, { status: 'approved' }), new Date());
    assert.equal(shown.page, 1);
    const after = await state();
    assert.equal(after.count, start.count + 1);
    assert.ok(after.version > start.version, 'the cached page follows');
  });
});
