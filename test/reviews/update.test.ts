// The update that brings "Ter beoordeling": redacteuren of a site that already had them go on
// publishing their own articles (nobody's daily work stops on an update); a new site starts with review.
import assert from 'node:assert/strict';
import { createTestDatabase, type TestDatabase } from '../helpers/db';
import { buildUser } from '../helpers/builders';
import { loadSettings } from '../../server/settings/settings';
import * as reviews from '../../migrations/20261206190100_article_reviews';

describe('reviews: the update on a site that already has redacteuren', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase();
  });
  afterEach(async () => t.drop());

  it('lets its redacteuren publish directly, as before the update', async () => {
    await buildUser(t.db, 'editor');
    await reviews.down(t.db);
    await reviews.up(t.db);
    assert.equal((await loadSettings(t.db)).articles.directPublish, 'all');
  });

  it('starts a site without redacteuren with review, and keeps a choice already made', async () => {
    await reviews.down(t.db);
    await reviews.up(t.db);
    assert.equal((await loadSettings(t.db)).articles.directPublish, 'chief');
    await t
      .db('settings')
      .insert({ key: 'articles.directPublish', value: JSON.stringify('chief') })
      .onConflict('key')
      .merge(['value']);
    await buildUser(t.db, 'editor');
    await reviews.down(t.db);
    await reviews.up(t.db);
    assert.equal((await loadSettings(t.db)).articles.directPublish, 'chief');
  });
});
