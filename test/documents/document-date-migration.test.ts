// The document date's migration: documents already on the site are listed on /documenten under
// their own datum, or under the day (in Amsterdam) they were published when they have none.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle } from '../helpers/builders';
import * as documentDate from '../../migrations/20261203100200_article_document_date';

describe('documents: the migration that dates documents already on the site', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp({ pageCacheBytes: 0 });
  });
  after(async () => t.close());

  it('fills in each document’s own date, or its publication day in Amsterdam, and leaves news without', async () => {
    const dated = await buildArticle(t.db, {
      title: 'Memo met datum',
      kind: 'memo',
      publishedAt: new Date('2018-01-10T10:00:00Z'),
      document: { fields: { datum: '2015-03-05' }, questions: [] },
    });
    // Half past midnight in Amsterdam on 15 January, still the 14th in UTC.
    const undated = await buildArticle(t.db, { title: 'Brief zonder datum', kind: 'brief', publishedAt: new Date('2018-01-14T23:30:00Z') });
    const news = await buildArticle(t.db, { title: 'Nieuws', kind: 'nieuws' });
    // As a site had them before: without the column.
    await documentDate.down(t.db);
    await documentDate.up(t.db);

    const dateOf = async (id: number) => (await t.db('articles').where({ id }).first('document_date')).document_date as string | null;
    assert.equal(await dateOf(dated.id), '2015-03-05');
    assert.equal(await dateOf(undated.id), '2018-01-15');
    assert.equal(await dateOf(news.id), null);

    const html = (await request(t.app).get('/documenten').expect(200)).text;
    assert.deepEqual(
      [...html.matchAll(/<h2><a href="[^"]+">([^<]+)<\/a><\/h2>/g)].map((m) => m[1]),
      ['Brief zonder datum', 'Memo met datum'],
    );
    assert.match(html, /href="\/documenten\?jaar=2015">2015<\/a>\s*<span class="count">\(1\)/);
    assert.match(html, /Geplaatst op <time datetime="2018-01-15">15 januari 2018<\/time>/);
  });
});
