// Long threads: the replies below the display depth fold behind "toon N antwoorden" (a <details>
// that works without JavaScript), and a link to a reactie inside a fold renders that fold open.
import assert from 'node:assert/strict';
import request from 'supertest';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { articlePath, type Article } from '../../server/articles/queries';

/** A chain of replies, each under the one before: ids from the top down. */
async function chain(t: TestApp, article: Article, length: number): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < length; i++) ids.push(await buildReactie(t.db, article, { parentId: ids.at(-1) ?? null, body: `Niveau ${i + 1}.` }));
  return ids;
}

describe('participation: long threads fold and open where a link points', () => {
  let t: TestApp;
  before(async () => {
    t = await createTestApp();
  });
  after(async () => t.close());

  it('folds the replies below depth 3 with a summary that says how many, closed by default', async () => {
    const article = await buildArticle(t.db);
    const ids = await chain(t, article, 5);
    const page = await request(t.app).get(articlePath(article)).expect(200);
    const details = page.text.match(/<details class="more-replies"[^>]*>/g) ?? [];
    assert.equal(details.length, 1, 'one fold, under the reactie at depth 3');
    assert.doesNotMatch(details[0], /open/);
    assert.match(page.text, /<summary>Toon 2 antwoorden<span class="visually-hidden"> op de reactie van [^<]+<\/span><\/summary>/);
    // Everything is in the page (search engines, readers without JavaScript open the fold).
    assert.match(page.text, /Niveau 5\./);
    // The fold sits right after the reactie at depth 3.
    const at3 = page.text.indexOf(`id="reactie-${ids[2]}"`);
    const fold = page.text.indexOf('<details class="more-replies"');
    const at4 = page.text.indexOf(`id="reactie-${ids[3]}"`);
    assert.ok(at3 < fold && fold < at4);
  });

  it('leads a permalink deep in a thread to its page with the fold open, past the page cache', async () => {
    const article = await buildArticle(t.db);
    const path = articlePath(article);
    const ids = await chain(t, article, 5);
    const deep = ids[4];
    // Kept page for readers without a cookie first: the link must not be served from it.
    await request(t.app).get(path).expect(200);
    const redirect = await request(t.app).get(`/reactie/${deep}`).expect(302);
    assert.equal(redirect.headers.location, `${path}?reacties=1&reactie=${deep}#reactie-${deep}`);
    const page = await request(t.app).get(`${path}?reacties=1&reactie=${deep}`).expect(200);
    assert.match(page.text, /<details class="more-replies" open>/);
    // The reactie's own time link in the page says the same.
    assert.match(page.text, new RegExp(`href="${path}\\?reacties=1&amp;reactie=${deep}#reactie-${deep}"`));
    // A reactie above the fold keeps the short link.
    const top = await request(t.app).get(`/reactie/${ids[0]}`).expect(302);
    assert.equal(top.headers.location, `${path}?reacties=1#reactie-${ids[0]}`);
    const plain = await request(t.app).get(path).expect(200);
    assert.doesNotMatch(plain.text, /<details class="more-replies" open>/);
  });

  it('opens the fold that holds the reactie being answered (?antwoord=ID, no JavaScript)', async () => {
    const article = await buildArticle(t.db);
    const ids = await chain(t, article, 5);
    const page = await request(t.app)
      .get(`${articlePath(article)}?antwoord=${ids[4]}`)
      .expect(200);
    assert.match(page.text, /<details class="more-replies" open>/);
    assert.match(page.text, /Reageer op/);
  });
});
