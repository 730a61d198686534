// On PostgreSQL an entry's search document (a tsvector of a few kilobytes for an article) is kept in
// its row, compressed (storage MAIN), not out of line: the articles' statement of every search checks
// and ranks the newest 500 articles' documents, and fetching each through the TOAST index was most of
// its time (migrations/20261210100000_search_documents_inline.ts).
import assert from 'node:assert/strict';
import { createTestDatabase, onPostgres, type TestDatabase } from '../helpers/db';
import { buildArticle } from '../helpers/builders';
import { indexStaleFor } from '../../server/search/indexer';

if (onPostgres)
  describe('search: an entry’s document in its row (PostgreSQL)', () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase();
    });
    after(async () => t.drop());

    it('stores the document column MAIN, and a long article’s document is found by it', async () => {
      const storage = await t.db.raw(
        "select attstorage from pg_attribute where attrelid = 'search_entries'::regclass and attname = 'document'",
      );
      assert.equal(storage.rows[0].attstorage, 'm');
      const words = Array.from({ length: 900 }, (_, i) => `woord${i.toString(36)}`).join(' ');
      const article = await buildArticle(t.db, { title: 'Het Vrijthof', bodyMarkdown: `${words} kermis` });
      await indexStaleFor(t.db, 10_000);
      const size = await t.db.raw('select pg_column_size(document) as n from search_entries where id = ?', [article.id * 4]);
      assert.ok(Number(size.rows[0].n) > 2000, 'a document larger than a row would hold uncompressed beside the others');
      const found = await t.db.raw("select id from search_entries where document @@ '''kermis'''::tsquery");
      assert.deepEqual(
        found.rows.map((r: { id: string }) => Number(r.id)),
        [article.id * 4],
      );
    });
  });
