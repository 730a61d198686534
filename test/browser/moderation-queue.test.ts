// The moderation queue in a real browser: the keyboard legend, j/k to move, a/s/t to decide, the
// reactie leaving the list and the tab counts following without a reload, and a page as spam at once.
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { buildArticle, buildReactie, buildUser, TEST_PASSWORD } from '../helpers/builders';
import { browserLogin, useBrowserApp } from '../helpers/browser';

describe('browser: the moderation queue with the keyboard', function () {
  this.timeout(60_000);
  const app = useBrowserApp();

  // One login for the file: logging in (argon2) is the slowest step on a loaded machine.
  let context: BrowserContext;
  before(async function () {
    this.timeout(90_000);
    const moderator = await buildUser(app.t.db, 'moderator');
    context = await app.browser.newContext();
    // Through the plain login page to the dashboard: on PostgreSQL the session written at login is
    // sometimes not yet visible to the very next request, and the login page then sends the browser
    // on to /beheer, never to the page it came from.
    await browserLogin(await context.newPage(), app.server.baseUrl, moderator.email, TEST_PASSWORD);
  });

  const count = async (page: Page, status: string) => (await page.locator(`[data-count="${status}"] .count`).textContent())!.trim();

  it('moves with j/k, approves with a, marks spam with s, trashes with t; the counts follow without a reload', async () => {
    const article = await buildArticle(app.t.db);
    const ids: number[] = [];
    for (const body of ['Eerste wachtende', 'Tweede wachtende', 'Derde wachtende', 'Vierde wachtende'])
      ids.push(await buildReactie(app.t.db, article, { status: 'pending', body }));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${app.server.baseUrl}/beheer/reacties?artikel=${article.id}`);
    let navigations = 0;
    page.on('framenavigated', (frame) => frame === page.mainFrame() && navigations++);

    const legend = page.locator('.shortcut-legend');
    assert.equal(await legend.isVisible(), true);
    assert.match((await legend.textContent())!, /a\s+goedkeuren · s\s+spam · t\s+prullenbak/);
    assert.equal(await count(page, 'pending'), '4');

    // Newest first: the fourth is on top. j selects it, j again the third.
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    const third = page.locator(`[data-reactie-id="${ids[2]}"]`);
    assert.equal(await third.evaluate((el) => el.classList.contains('is-current')), true);
    await page.keyboard.press('k');
    assert.equal(await page.locator(`[data-reactie-id="${ids[3]}"]`).evaluate((el) => el.classList.contains('is-current')), true);

    await page.keyboard.press('a');
    await page.locator(`[data-reactie-id="${ids[3]}"]`).waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.querySelector('[data-count="approved"] .count')?.textContent?.trim() === '1');
    assert.equal(await count(page, 'pending'), '3');
    assert.match((await page.locator('#queue-status').textContent())!, /^De reactie van .+ is goedgekeurd\.$/);
    // The next one is current now.
    assert.equal(await third.evaluate((el) => el.classList.contains('is-current')), true);

    await page.keyboard.press('s');
    await third.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.querySelector('[data-count="spam"] .count')?.textContent?.trim() === '1');
    await page.keyboard.press('t');
    await page.locator(`[data-reactie-id="${ids[1]}"]`).waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.querySelector('[data-count="trash"] .count')?.textContent?.trim() === '1');
    assert.equal(await count(page, 'pending'), '1');
    assert.equal(navigations, 0, 'no reload');

    // Typing in the search field is not a shortcut.
    await page.locator('#zoek').fill('ast');
    assert.equal(await page.locator(`[data-reactie-id="${ids[0]}"]`).count(), 1);

    const statuses = await app.t.db('reacties').whereIn('id', ids).orderBy('id').pluck('status');
    assert.deepEqual(statuses, ['pending', 'trash', 'spam', 'approved']);
    assert.deepEqual(errors, []);
  });

  it('marks the whole page as spam with one click, after a confirmation, but not what was decided already', async () => {
    const article = await buildArticle(app.t.db);
    const ids: number[] = [];
    for (const body of ['Koop nu 1', 'Koop nu 2', 'Koop nu 3'])
      ids.push(await buildReactie(app.t.db, article, { status: 'pending', body }));
    const page = await context.newPage();
    await page.goto(`${app.server.baseUrl}/beheer/reacties?artikel=${article.id}`);
    // One of them is a resident after all: approved first, then it is no longer on the page.
    await page.locator(`[data-reactie-id="${ids[0]}"]`).getByRole('button', { name: 'Goedkeuren' }).click();
    await page.locator(`[data-reactie-id="${ids[0]}"]`).waitFor({ state: 'detached' });
    const button = page.getByRole('button', { name: /Alles op deze pagina als spam/ });
    assert.match((await button.textContent())!, /\(2\)/);
    page.once('dialog', (d) => void d.accept());
    await button.click();
    await page.waitForURL(/\/beheer\/reacties\?artikel=/);
    await page.locator('.flash').waitFor();
    assert.match((await page.locator('.flash').textContent())!, /2 reacties zijn als spam gemarkeerd\./);
    const statuses = await app.t.db('reacties').whereIn('id', ids).orderBy('id').pluck('status');
    assert.deepEqual(statuses, ['approved', 'spam', 'spam']);
  });
});
