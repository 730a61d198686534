// The voorpagina's live counts: an article's reacties count and the site's running total are read as one snapshot,
// so a reader never sees the count from before a reactie beside the total from after it (session 14: two statements
// did pair them so, for a moment, while reacties came in).
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { buildArticle } from '../helpers/builders';
import { articleCounts } from '../../server/live/changes';
import { moveReactieCount, siteReactieTotal } from '../../server/reacties/counters';

describe('live counts: an article count and the site total from one snapshot', function () {
  this.timeout(120_000);
  let database: TestDatabase;
  before(async () => {
    database = await createTestDatabase();
  });
  after(async () => database?.drop());

  it('while reacties come in, every read shows the count and the total of the same moment', async () => {
    const { db } = database;
    const article = await buildArticle(db);
    const other = await buildArticle(db);
    const first = await articleCounts(db, [article.id, other.id], new Date());
    assert.equal(first.total, await siteReactieTotal(db));
    const gap = first.total - first.articles.find((a) => a.id === article.id)!.count;

    // Each change moves the article's count and the site total in one transaction, as posting does.
    let writing = true;
    const writes = (async () => {
      for (let i = 0; i < 150; i++) await db.transaction((trx) => moveReactieCount(trx, article.id, 1, true));
      writing = false;
    })();
    let reads = 0;
    const torn: string[] = [];
    while (writing) {
      const { total, articles } = await articleCounts(db, [article.id], new Date());
      reads++;
      if (total - articles[0].count !== gap) torn.push(`totaal ${total}, aantal ${articles[0].count}`);
    }
    await writes;
    assert.ok(reads > 5, `read while writing (${reads})`);
    assert.deepEqual(torn, []);
    const last = await articleCounts(db, [article.id], new Date());
    assert.equal(last.articles[0].count - first.articles.find((a) => a.id === article.id)!.count, 150);
    assert.equal(last.total - first.total, 150);
  });

  it('reads any number of articles in the one statement', async () => {
    const { db } = database;
    const article = await buildArticle(db);
    const ids = [...Array.from({ length: 1200 }, (_, i) => 10_000_000 + i), article.id];
    const read = await articleCounts(db, ids, new Date());
    assert.deepEqual(
      read.articles.map((a) => a.id),
      [article.id],
    );
    assert.equal(read.total, await siteReactieTotal(db));
  });

  it('gives the total also when none of the articles is public', async () => {
    const { db } = database;
    const draft = await buildArticle(db, { status: 'draft' });
    const read = await articleCounts(db, [draft.id], new Date());
    assert.deepEqual(read.articles, []);
    assert.equal(read.total, await siteReactieTotal(db));
  });
});
