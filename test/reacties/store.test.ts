// Storing a new reactie on its page (storeReactie): a held one is one statement on SQLite, a
// reactie that shows locks its article; on both databases, and with posts arriving at once, every
// reactie gets the page the paging rule gives it, and only a reactie that shows moves the counters.
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { buildArticle } from '../helpers/builders';
import type { Article } from '../../server/articles/queries';
import { insertReactie, storeReactie, type NewReactie } from '../../server/reacties/queries';
import { countVisibleReacties, siteReactieTotal, siteVersion } from '../../server/reacties/counters';

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
    // It changes no public page: the version stays, on PostgreSQL too (it locks the row without moving it).
    assert.equal(afterHeld.version, start.version, 'the cached page stays');
    const shown = await storeReactie(t.db, reactie(article, 2, { status: 'approved' }), new Date());
    assert.equal(shown.page, 1);
    const after = await state();
    assert.equal(after.count, start.count + 1);
    assert.ok(after.version > start.version, 'the cached page follows');
  });

  it('keeps every article’s count and the site total exact when many posts arrive at once, on one article and on several', async function () {
    this.timeout(120_000);
    // One busy article, five others and a concept (its reacties count for the article, not the site).
    const busy = await buildArticle(t.db);
    const others = await Promise.all(Array.from({ length: 5 }, () => buildArticle(t.db)));
    const concept = await buildArticle(t.db, { status: 'draft', publishedAt: null });
    const articles = [busy, ...others, concept];
    const roots = await Promise.all(articles.map((a, i) => storeReactie(t.db, reactie(a, 3000 + i, { status: 'approved' }), new Date())));
    const totalBefore = await siteReactieTotal(t.db);
    const versionBefore = await siteVersion(t.db);
    // 120 at once: 40 on the busy article, the rest round the others; new threads, replies and held ones mixed.
    const posts = Array.from({ length: 120 }, (_, i) => {
      const at = i < 40 ? 0 : 1 + (i % 6);
      const status = i % 5 === 4 ? 'pending' : 'approved';
      const parentId = i % 3 === 2 ? roots[at].id : null;
      return storeReactie(t.db, reactie(articles[at], 4000 + i, { status, parentId }), new Date());
    });
    const stored = await Promise.all(posts);
    assert.equal(new Set(stored.map((s) => s.id)).size, 120, 'every post stored once');
    for (const a of articles) {
      const row = await t.db('articles').where({ id: a.id }).first('reactie_count');
      const visible = await countVisibleReacties(t.db, a.id);
      assert.equal(Number(row.reactie_count), visible, `the count of ${a.slug}`);
    }
    // 96 approved of 120: 32 on the busy article, 64 round the others (of which the concept's are not in the total).
    assert.equal(await countVisibleReacties(t.db, busy.id), 1 + 32);
    const onConcept = (await countVisibleReacties(t.db, concept.id)) - 1;
    assert.equal(await siteReactieTotal(t.db), totalBefore + 96 - onConcept, 'the running total on the voorpagina');
    const allPublished = Number(
      (await t.db('articles').where({ status: 'published', is_page: false }).sum({ n: 'reactie_count' }).first())?.n,
    );
    assert.equal(await siteReactieTotal(t.db), allPublished);
    assert.ok((await siteVersion(t.db)) > versionBefore, 'the kept voorpagina is out of date');
  });
});
