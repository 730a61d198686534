// A regression fixture for the export: test/fixtures/wxr/stadslog-export.xml is what export:wxr
// wrote for test/fixtures/wxr/site.xml plus an article of our own (with tags, a reply and "]]>"),
// checked with docs/wordpress/wxr-check.php, which reads it as WordPress's importer does (its
// counts are below). Our own importer must read it back to the same counts.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { importWxr } from '../../server/imports/import';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'wxr', 'stadslog-export.xml');

// What wxr-check.php printed for the fixture (WordPress's reading of it).
const WORDPRESS_SEES = {
  authors: 3,
  categories: 1,
  tags: 2,
  posts: { 'post/draft': 3, 'post/publish': 4 },
  comments: 17,
  comments_with_parent: 8,
  item_terms: { category: 1, post_tag: 3 },
};

describe('imports: the checked export fixture reads back whole', () => {
  let d: TestDatabase;
  before(async () => {
    d = await createTestDatabase();
  });
  after(async () => d.drop());

  const count = async (table: string, where: Record<string, unknown> = {}) =>
    Number((await d.db(table).where(where).count({ n: '*' }).first())?.n);

  it('gives the counts WordPress’s importer reads from it', async () => {
    const report = await importWxr(d.db, fs.createReadStream(FIXTURE), {
      pingbacks: 'keep',
      ipRetentionDays: 30,
      now: new Date('2015-06-20T12:00:00Z'),
    });
    const text = report.lines().join('\n');
    assert.equal(report.count('author'), WORDPRESS_SEES.authors, text);
    assert.equal(report.count('category'), WORDPRESS_SEES.categories, text);
    assert.equal(report.count('tag'), WORDPRESS_SEES.tags, text);
    assert.equal(report.count('post'), WORDPRESS_SEES.posts['post/draft'] + WORDPRESS_SEES.posts['post/publish'], text);
    assert.equal(await count('articles', { status: 'draft' }), WORDPRESS_SEES.posts['post/draft']);
    assert.equal(await count('articles', { status: 'published' }), WORDPRESS_SEES.posts['post/publish']);
    assert.equal(await count('reacties'), WORDPRESS_SEES.comments);
    assert.equal(
      Number((await d.db('reacties').whereNotNull('parent_id').count({ n: '*' }).first())?.n),
      WORDPRESS_SEES.comments_with_parent,
    );
    assert.equal(await count('dossier_articles'), WORDPRESS_SEES.item_terms.category);
    assert.equal(await count('article_tags'), WORDPRESS_SEES.item_terms.post_tag);
  });
});
