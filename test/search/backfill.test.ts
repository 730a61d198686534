// The search migration indexes what a site already has, and its down leaves nothing behind.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { articlePath } from '../../server/articles/queries';
import * as searchMigration from '../../migrations/20261206140100_search_analysed';

describe('search: the migration backfills the index', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('finds articles, document fields and approved reacties that were there before', async () => {
    await searchMigration.down(t.db);
    assert.equal(await t.db.schema.hasTable('search_words'), false);
    const article = await buildArticle(t.db, {
      title: 'Oud artikel',
      kind: 'motie',
      bodyMarkdown: 'Over de klokkentoren.',
      document: { fields: { partijen: ['Stadspartij Zonnebloem'] }, questions: [] },
    });
    const approved = await buildReactie(t.db, article, { body: 'Oude reactie over de wipkip.' });
    await buildReactie(t.db, article, { body: 'Wachtende reactie over de wipkip.', status: 'pending' });
    await searchMigration.up(t.db);
    const find = async (q: string) =>
      (
        await request(t.app)
          .get(`/zoeken?q=${encodeURIComponent(q)}`)
          .expect(200)
      ).text;
    assert.match(await find('klokkentoren'), new RegExp(`href="${articlePath(article)}"`));
    assert.match(await find('zonnebloem'), /<span class="kind">Motie<\/span>/);
    const reacties = await find('wipkip');
    assert.match(reacties, new RegExp(`href="/reactie/${approved}"`));
    assert.match(reacties, /1 resultaat/);
  });
});
