// Issue 25 in a real browser, with the keyboard only: a reader appreciates a reactie, hears and sees
// the count, takes it back, and sorts the discussion by most appreciated; without JavaScript the same
// button posts the form and the page comes back at the reactie. Every page with JavaScript passes axe-core.
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { buildArticle, buildReactie, buildUser, TEST_PASSWORD } from '../helpers/builders';
import { browserLogin, useBrowserApp } from '../helpers/browser';
import { assertNoAxeViolations } from '../helpers/axe';
import { tabTo, focusIs } from '../helpers/keyboard';
import { articlePath } from '../../server/articles/queries';

describe('browser: waardering and the order of a discussion', function () {
  this.timeout(180_000);
  const app = useBrowserApp();

  async function watched(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    return { page, errors };
  }

  const minutesAgo = (n: number) => new Date(Date.now() - n * 60_000);
  const order = (page: Page) =>
    page.$$eval('ol.thread > li.reactie', (items) => items.map((li) => li.querySelector('.reactie-text')?.textContent?.trim() ?? ''));

  it('appreciates with the keyboard, shows the count, undoes it, and sorts by most appreciated', async () => {
    const article = await buildArticle(app.t.db, { title: 'Het nieuwe fietspad' });
    await buildReactie(app.t.db, article, { authorName: 'Anja', body: 'Eerste gedachte.' }, minutesAgo(30));
    const b = await buildReactie(app.t.db, article, { authorName: 'Bram', body: 'Een goed punt.' }, minutesAgo(20));
    await buildReactie(app.t.db, article, { authorName: 'Cor', body: 'Laatste woord.' }, minutesAgo(10));
    const context = await app.browser.newContext();
    const { page, errors } = await watched(context);
    await page.goto(`${app.server.baseUrl}${articlePath(article)}`);
    await assertNoAxeViolations(page, 'article page with Waarderen buttons');
    const button = `#reactie-${b} .waardering-button`;
    await tabTo(page, button);
    assert.equal(await page.getAttribute(button, 'aria-pressed'), 'false');
    assert.match((await page.textContent(button)) ?? '', /Waarderen \(reactie van Bram\)/);

    await page.keyboard.press('Enter');
    await page.waitForSelector(`${button}[aria-pressed="true"]`);
    assert.equal(await page.textContent(`#waarderingen-${b}`), '1 waardering');
    assert.equal(await page.textContent('#waardering-status'), 'Je waardering is gegeven. Nu 1 waardering.');
    assert.ok(await focusIs(page, button), 'focus stays on the button');
    assert.ok(!page.url().includes('#'), 'no reload');
    await assertNoAxeViolations(page, 'after appreciating');

    await page.keyboard.press('Space');
    await page.waitForSelector(`${button}[aria-pressed="false"]`);
    assert.equal(await page.textContent(`#waarderingen-${b}`), '');
    assert.equal(await page.textContent('#waardering-status'), 'Je waardering is ingetrokken. Nog geen waarderingen.');
    await page.keyboard.press('Enter');
    await page.waitForSelector(`${button}[aria-pressed="true"]`);
    assert.equal(Number((await app.t.db('reacties').where({ id: b }).first()).waarderingen), 1);

    // The order: a link list above the discussion.
    await tabTo(page, 'nav.volgorde a[href*="volgorde=waardering"]', { back: true });
    await Promise.all([page.waitForURL(/volgorde=waardering/), page.keyboard.press('Enter')]);
    assert.deepEqual(await order(page), ['Een goed punt.', 'Eerste gedachte.', 'Laatste woord.']);
    assert.equal(
      await page.getAttribute('nav.volgorde a[aria-current="true"]', 'href'),
      `${articlePath(article)}?volgorde=waardering#reacties-kop`,
    );
    // Still pressed on the sorted page (this browser has its cookie), and kept for the next visit.
    assert.equal(await page.getAttribute(button, 'aria-pressed'), 'true');
    await assertNoAxeViolations(page, 'sorted by most appreciated');
    await page.goto(`${app.server.baseUrl}${articlePath(article)}`);
    assert.deepEqual(await order(page), ['Een goed punt.', 'Eerste gedachte.', 'Laatste woord.'], 'the order is kept');
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('works without JavaScript: the button posts the form and the page comes back at the reactie', async () => {
    const article = await buildArticle(app.t.db, { title: 'De markt op zaterdag' });
    const id = await buildReactie(app.t.db, article, { authorName: 'Dirk', body: 'Graag vaker.' });
    const context = await app.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${app.server.baseUrl}${articlePath(article)}`);
    const button = page.locator(`#reactie-${id}`).getByRole('button', { name: 'Waarderen (reactie van Dirk)' });
    // (page.evaluate, which the Tab walk and axe use, does not run with JavaScript off: the markup is the one checked above.)
    await button.focus();
    await Promise.all([page.waitForURL(new RegExp(`#reactie-${id}$`)), page.keyboard.press('Enter')]);
    assert.equal(await page.locator(`#waarderingen-${id}`).textContent(), '1 waardering');
    assert.equal(await button.getAttribute('aria-pressed'), 'true');
    await button.press('Enter');
    await page.locator(`#reactie-${id} .waardering-button[aria-pressed="false"]`).waitFor();
    assert.equal(await page.locator(`#waarderingen-${id}`).textContent(), '', 'pressed again: taken back');
    assert.equal(await button.getAttribute('aria-pressed'), 'false');
    await context.close();
  });

  it('a moderator features a reactie with the keyboard; it shows above the discussion and on the voorpagina', async () => {
    const article = await buildArticle(app.t.db, { title: 'Het plein' });
    const id = await buildReactie(app.t.db, article, { authorName: 'Els', body: 'Meer bomen op het plein, graag.' });
    await buildReactie(app.t.db, article, { authorName: 'Frits', body: 'Liever parkeerplaatsen.' });
    const user = await buildUser(app.t.db, 'moderator');
    const context = await app.browser.newContext();
    const { page, errors } = await watched(context);
    await browserLogin(page, app.server.baseUrl, user.email, TEST_PASSWORD);
    await page.goto(`${app.server.baseUrl}${articlePath(article)}`);
    await assertNoAxeViolations(page, 'article page for a moderator, with Uitlichten');
    await tabTo(page, `#reactie-${id} .feature-button`);
    await Promise.all([page.waitForURL(new RegExp(`#reactie-${id}$`)), page.keyboard.press('Enter')]);
    assert.match((await page.textContent('section.uitgelicht')) ?? '', /Uitgelicht door de redactie[\s\S]*Meer bomen op het plein/);
    assert.equal(await page.textContent(`#reactie-${id} .featured-badge`), 'Uitgelicht door de redactie');
    await assertNoAxeViolations(page, 'article page with a featured reactie');
    const reader = await app.browser.newContext();
    const home = await reader.newPage();
    await home.goto(`${app.server.baseUrl}/`);
    assert.match((await home.textContent('.featured-reactie')) ?? '', /Meer bomen op het plein[\s\S]*reactie van Els/);
    await assertNoAxeViolations(home, 'voorpagina with a featured reactie');
    assert.deepEqual(errors, []);
    await reader.close();
    await context.close();
  });
});
