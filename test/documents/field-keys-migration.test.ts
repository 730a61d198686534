// The common fields' migration: documents stored under a type's old key (a memo's `van`, a
// raadsinformatiebrief's `nummer`, a letter's `onze_referentie`) keep their value under the common
// key, and the card shows it with the type's own label.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle } from '../helpers/builders';
import { articlePath, type Article, type ArticleInput } from '../../server/articles/queries';
import * as fieldKeys from '../../migrations/20261203100100_document_field_keys';

describe('documents: the migration to the common field keys', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  /** An article with these rows in article_fields, written as an older version stored them. */
  async function stored(kind: ArticleInput['kind'], rows: Record<string, string>): Promise<Article> {
    const article = await buildArticle(t.db, { kind });
    await t.db('article_fields').insert(Object.entries(rows).map(([key, value]) => ({ article_id: article.id, key, position: 0, value })));
    return article;
  }
  const keys = async (a: Article) =>
    Object.fromEntries(
      (await t.db('article_fields').where({ article_id: a.id }).orderBy('key')).map((r: { key: string; value: string }) => [
        r.key,
        r.value,
      ]),
    );
  const page = async (a: Article) => (await request(t.app).get(articlePath(a)).expect(200)).text;

  it('renames van, nummer and onze_referentie to afzender and kenmerk, and back on rollback', async () => {
    await fieldKeys.down(t.db);
    const memo = await stored('memo', { van: 'Wethouder Mieke Damsma', onderwerp: 'Deelfietsen' });
    const rib = await stored('raadsinformatiebrief', { nummer: '2015/14', onderwerp: 'Sphinxkwartier' });
    // A row under the new key from the letter's former type was never shown: the letter's own value wins.
    const brief = await stored('brief', { onze_referentie: '2015.08141', kenmerk: 'oud' });
    // Other types and other keys are left alone.
    const vragen = await stored('schriftelijke-vragen', { nummer: '17', onderwerp: 'Parkeren' });
    await fieldKeys.up(t.db);

    assert.deepEqual(await keys(memo), { afzender: 'Wethouder Mieke Damsma', onderwerp: 'Deelfietsen' });
    assert.deepEqual(await keys(rib), { kenmerk: '2015/14', onderwerp: 'Sphinxkwartier' });
    assert.deepEqual(await keys(brief), { kenmerk: '2015.08141' });
    assert.deepEqual(await keys(vragen), { nummer: '17', onderwerp: 'Parkeren' });

    // Readers see the values again, under the label the type's documents use.
    assert.match(await page(memo), /<dt>Van<\/dt>\s*<dd>\s*Wethouder Mieke Damsma/);
    assert.match(await page(rib), /<dt>Nummer<\/dt>\s*<dd>\s*2015\/14/);
    assert.match(await page(brief), /<dt>Onze referentie<\/dt>\s*<dd>\s*2015\.08141/);

    await fieldKeys.down(t.db);
    assert.deepEqual(await keys(memo), { onderwerp: 'Deelfietsen', van: 'Wethouder Mieke Damsma' });
    assert.deepEqual(await keys(rib), { nummer: '2015/14', onderwerp: 'Sphinxkwartier' });
    assert.deepEqual(await keys(brief), { onze_referentie: '2015.08141' });
    await fieldKeys.up(t.db);
  });
});
