// A resident replies through "Beantwoorden" in a real browser, sees the pending notice,
// a moderator approves, and the count on the voorpagina goes up.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { buildArticle, buildReactie, buildUser, TEST_PASSWORD } from '../helpers/builders';
import { browserLogin, useBrowserApp } from '../helpers/browser';
import { articlePath } from '../../server/articles/queries';

describe('browser: replying, moderation and the counter', function () {
  this.timeout(60_000);
  const app = useBrowserApp();

  async function teaserCount(page: Page, title: string): Promise<string> {
    await page.goto(`${app.server.baseUrl}/`);
    return (await page.locator('article.teaser').filter({ hasText: title }).locator('.reactie-count').textContent())!.trim();
  }

  it('follows a reply from "Beantwoorden" to approval', async () => {
    const article = await buildArticle(app.t.db, { title: 'Nieuwe fietsenstalling bij het station' });
    const pietId = await buildReactie(app.t.db, article, { authorName: 'Piet', body: 'Eindelijk een stalling!' });
    const url = `${app.server.baseUrl}${articlePath(article)}`;

    const resident = await app.browser.newContext();
    const page = await resident.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));

    assert.equal(await teaserCount(page, 'Nieuwe fietsenstalling'), '1 reactie');
    await page.goto(url);
    await page.locator(`#reactie-${pietId}`).getByRole('link', { name: 'Beantwoorden' }).click();
    // The form moved under Piet's reactie without a reload.
    assert.equal(page.url(), url);
    assert.equal(await page.locator(`#reactie-${pietId} > #reageer`).count(), 1);
    assert.equal((await page.locator('#reageer-kop').textContent())!.trim(), 'Reageer op Piet');
    // Focus on the form's first field to fill in: a new resident's name.
    assert.equal(await page.locator('#veld-naam').evaluate((el) => el === document.activeElement), true);

    // Cancel returns the form to the bottom; reply again.
    await page.getByRole('link', { name: 'Annuleer antwoord' }).click();
    assert.equal(await page.locator('#reageer-plek > #reageer').count(), 1);
    assert.equal(await page.locator('#antwoord_op').inputValue(), '');
    await page.locator(`#reactie-${pietId}`).getByRole('link', { name: 'Beantwoorden' }).click();

    await page.getByRole('textbox', { name: 'Naam', exact: true }).fill('Marieke');
    await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill('marieke@example.nl');
    await page.getByRole('textbox', { name: 'Reactie', exact: true }).fill('Wel jammer dat er geen overkapping komt.');
    await page.getByRole('button', { name: 'Plaats reactie' }).click();
    await page.waitForURL(/#reactie-\d+$/);
    const replyId = Number(/#reactie-(\d+)$/.exec(page.url())![1]);
    const reply = page.locator(`#reactie-${pietId} .children #reactie-${replyId}`);
    await reply.waitFor();
    assert.match((await reply.textContent())!, /Je reactie wacht op goedkeuring/);
    assert.deepEqual(errors, []);

    // Someone else sees no trace of it; the count has not moved.
    const stranger = await (await app.browser.newContext()).newPage();
    await stranger.goto(url);
    assert.equal(await stranger.locator(`#reactie-${replyId}`).count(), 0);
    assert.equal(await teaserCount(stranger, 'Nieuwe fietsenstalling'), '1 reactie');

    // A moderator approves it from the queue.
    const moderator = await buildUser(app.t.db, 'moderator');
    const mod = await (await app.browser.newContext()).newPage();
    // Through the plain login page: on PostgreSQL the session written at login is sometimes not yet
    // visible to the very next request, and the login page then sends the browser on to /beheer.
    await browserLogin(mod, app.server.baseUrl, moderator.email, TEST_PASSWORD);
    await mod.goto(`${app.server.baseUrl}/beheer/reacties`);
    const row = mod.locator(`[data-reactie-id="${replyId}"]`);
    await row.getByRole('button', { name: 'Goedkeuren' }).click();
    // Decided in the background: the reactie leaves the queue and the page says so, without a reload.
    await row.waitFor({ state: 'detached' });
    assert.match((await mod.locator('#queue-status').textContent())!, /^De reactie van .+ is goedgekeurd\.$/);
    // A new visitor (public pages may be cached for a minute by the browser that saw them before).
    const visitor = await (await app.browser.newContext()).newPage();
    assert.equal(await teaserCount(visitor, 'Nieuwe fietsenstalling'), '2 reacties');
    assert.match((await visitor.locator('.reactie-total').textContent())!, /^2$/);
    await visitor.goto(url);
    assert.match((await visitor.locator(`#reactie-${pietId} .children #reactie-${replyId}`).textContent())!, /geen overkapping/);
  });

  it('works without JavaScript: "Beantwoorden" renders the form under the reactie', async () => {
    const article = await buildArticle(app.t.db);
    const r = await buildReactie(app.t.db, article, { authorName: 'Kees' });
    const context = await app.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.server.baseUrl}${articlePath(article)}`);
    await page.locator(`#reactie-${r}`).getByRole('link', { name: 'Beantwoorden' }).click();
    await page.waitForURL(new RegExp(`\\?antwoord=${r}#reageer$`));
    assert.equal(await page.locator(`#reactie-${r} > #reageer`).count(), 1);
    await page.getByRole('textbox', { name: 'Naam', exact: true }).fill('Zonder JS');
    await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill('zonderjs@example.nl');
    await page.locator('#veld-reactie').fill('Het werkt ook zo.');
    await page.getByRole('button', { name: 'Plaats reactie' }).click();
    await page.waitForURL(/#reactie-\d+$/);
    assert.match((await page.locator('.reactie.pending').textContent())!, /Het werkt ook zo/);
  });

  it('fits a 360 px phone screen without horizontal scrolling', async () => {
    const article = await buildArticle(app.t.db, {
      title: 'Een artikel met een heel lange titel over de herinrichting van het stadscentrum',
    });
    const parent = await buildReactie(app.t.db, article, {
      body: 'https://www.voorbeeld.nl/een/heel/lange/url/zonder/spaties/die/niet/mag/uitsteken/buiten/het/scherm',
    });
    let id = parent;
    for (let i = 0; i < 4; i++) id = await buildReactie(app.t.db, article, { parentId: id });
    const page = await (await app.browser.newContext({ viewport: { width: 360, height: 740 } })).newPage();
    for (const path of ['/', articlePath(article), '/beheer/inloggen']) {
      await page.goto(`${app.server.baseUrl}${path}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${path} scrolls ${overflow}px sideways`);
    }
  });
});
