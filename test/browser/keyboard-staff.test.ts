// An editor and a moderator with only a keyboard: log in, write and publish an article (through an
// error summary first), and approve and mark spam from the moderation queue. Every Tab stop shows a
// visible focus, and each page passes axe.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { buildArticle, buildReactie, buildUser, TEST_PASSWORD } from '../helpers/builders';
import { useBrowserApp } from '../helpers/browser';
import { assertFocusVisible, focusIs, keyboardLogin as loginWithKeyboard, tabTo } from '../helpers/keyboard';
import { assertNoAxeViolations } from '../helpers/axe';

describe('browser: editors and moderators with only a keyboard', function () {
  this.timeout(120_000);
  const app = useBrowserApp();

  const keyboardLogin = (page: Page, email: string) => loginWithKeyboard(page, app.server.baseUrl, email, TEST_PASSWORD);

  it('an editor logs in (after a wrong password), writes and publishes an article', async () => {
    const editor = await buildUser(app.t.db, 'chief');
    const page = await (await app.browser.newContext()).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // A wrong password: focus on the message, the address still there.
    await page.goto(`${app.server.baseUrl}/beheer/inloggen`);
    await tabTo(page, '#email');
    await page.keyboard.type(editor.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type('fout-wachtwoord-fout');
    await page.keyboard.press('Enter');
    await page.waitForLoadState('load');
    assert.equal(await focusIs(page, '.error-summary'), true, 'focus on the login error');
    assert.match((await page.locator('.error-summary').textContent())!, /Onjuiste inloggegevens/);
    assert.equal(await page.locator('#email').inputValue(), editor.email);
    await assertNoAxeViolations(page, 'login with an error');

    await keyboardLogin(page, editor.email);
    await tabTo(page, 'main a[href="/beheer/artikelen/nieuw"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/beheer\/artikelen\/nieuw$/);
    await assertNoAxeViolations(page, 'new article form');

    // Saved without a title or text: the summary has focus and its first link leads to Titel.
    await tabTo(page, 'button[value="opslaan"]');
    await page.keyboard.press('Enter');
    await page.waitForLoadState('load');
    assert.equal(await focusIs(page, '.error-summary'), true, 'focus on the error summary');
    assert.match((await page.locator('.error-summary').textContent())!, /Het artikel is nog niet opgeslagen/);
    const links = await page.locator('.error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(links.slice(0, 2), ['#titel', '#tekst']);
    assert.equal(await page.locator('#titel').getAttribute('aria-invalid'), 'true');
    await assertNoAxeViolations(page, 'article form with errors');
    await tabTo(page, '.error-summary a[href="#titel"]');
    await page.keyboard.press('Enter');
    assert.equal(await focusIs(page, '#titel'), true, 'the summary link moves focus to Titel');
    await page.keyboard.type('Nieuwe openingstijden van het stadskantoor');

    await tabTo(page, '#tekst');
    await page.keyboard.type('Vanaf januari is het stadskantoor ook op donderdagavond open.');
    // The publication choice is a radio group: Tab reaches the checked one, an arrow key picks the other.
    await tabTo(page, 'input[name="status"]:checked');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator('#status-publiceren').isChecked(), true);
    await assertFocusVisible(page, 'Publiceren');
    await tabTo(page, 'button[value="opslaan"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/beheer\/artikelen\/\d+$/);
    const flash = page.locator('.flash');
    assert.equal(await flash.count(), 1);

    // Published: the link to it works with Enter too.
    await tabTo(page, 'main a[href*="/nieuwe-openingstijden-van-het-stadskantoor"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/\d{4}\/\d{2}\/nieuwe-openingstijden-van-het-stadskantoor$/);
    assert.equal((await page.locator('h1').textContent())!.trim(), 'Nieuwe openingstijden van het stadskantoor');
    assert.deepEqual(errors, []);
    await page.context().close();
  });

  it('a moderator approves and marks spam from the queue; focus stays in the queue, then on the message', async () => {
    const moderator = await buildUser(app.t.db, 'moderator');
    const article = await buildArticle(app.t.db);
    const first = await buildReactie(app.t.db, article, { status: 'pending', body: 'Een goede vraag over de markt.' });
    const second = await buildReactie(app.t.db, article, { status: 'pending', body: 'Koop goedkope horloges hier.' });
    const page = await (await app.browser.newContext()).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await keyboardLogin(page, moderator.email);
    await tabTo(page, '.beheer-nav a[href="/beheer/reacties"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/beheer\/reacties$/);
    await assertNoAxeViolations(page, 'moderation queue');

    // Newest first: the spam is on top. Tab to its "Spam" button, Enter.
    const spamItem = page.locator(`[data-reactie-id="${second}"]`);
    await tabTo(page, `[data-reactie-id="${second}"] button[data-moderation="spam"]`);
    await page.keyboard.press('Enter');
    await spamItem.waitFor({ state: 'detached' });
    assert.match((await page.locator('#queue-status').textContent())!, /^De reactie van .+ is als spam gemarkeerd\.$/);
    // Focus went to the next reactie, not to the top of the page.
    assert.equal(await focusIs(page, `[data-reactie-id="${first}"]`), true, 'focus on the next reactie');
    await tabTo(page, `[data-reactie-id="${first}"] button[data-moderation="goedkeuren"]`);
    await page.keyboard.press('Enter');
    await page.locator(`[data-reactie-id="${first}"]`).waitFor({ state: 'detached' });
    // The list is empty now: focus on the message that says what happened.
    assert.equal(await focusIs(page, '#queue-status'), true, 'focus on the status message');
    assert.match((await page.locator('#queue-status').textContent())!, /^De reactie van .+ is goedgekeurd\.$/);
    const statuses = await app.t.db('reacties').whereIn('id', [first, second]).orderBy('id').pluck('status');
    assert.deepEqual(statuses, ['approved', 'spam']);
    assert.deepEqual(errors, []);
    await page.context().close();
  });
});
