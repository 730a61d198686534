// Live updates (issue 25) in a real browser: two readers have an article open; one replies, a moderator
// approves it, and the other page offers "1 nieuwe reactie — tonen" without a reload. With the keyboard
// the reader shows it: it stands in its thread, focus on it; a removal replaces it at once. Axe-clean;
// the voorpagina's numbers follow. Without JavaScript the page is as it was.
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { buildArticle, buildReactie, buildUser, TEST_PASSWORD } from '../helpers/builders';
import { browserLogin, useBrowserApp } from '../helpers/browser';
import { assertNoAxeViolations } from '../helpers/axe';
import { focusIs, tabTo } from '../helpers/keyboard';
import { loginAs } from '../helpers/http';
import { articlePath } from '../../server/articles/queries';
import { siteReactieTotal } from '../../server/reacties/counters';

describe('browser: live updates on an article page', function () {
  this.timeout(180_000);
  const app = useBrowserApp();

  async function watched(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    return { page, errors };
  }

  // The page's stream is open once the server answered; it starts where the page was read (?na=).
  async function streamOpen(page: Page, path: string): Promise<void> {
    await page.waitForResponse(
      (r) => new URL(r.url()).pathname === path && /^\?na=\d+$/.test(new URL(r.url()).search) && r.status() === 200,
    );
  }

  it('offers a new reactie, shows it in its thread with the keyboard, and replaces it when it is removed', async () => {
    const article = await buildArticle(app.t.db, { title: 'Bomen aan de Singel' });
    const karel = await buildReactie(app.t.db, article, { authorName: 'Karel', body: 'Die bomen moeten blijven.' });
    const url = `${app.server.baseUrl}${articlePath(article)}`;
    const reader = await watched(await app.browser.newContext());
    const opened = streamOpen(reader.page, `/artikel/${article.id}/live`);
    await reader.page.goto(url);
    await opened;

    // Someone else replies to Karel; a first reactie from an address waits for a moderator.
    const writer = await (await app.browser.newContext()).newPage();
    await writer.goto(url);
    await writer.locator(`#reactie-${karel}`).getByRole('link', { name: 'Beantwoorden' }).click();
    await writer.getByRole('textbox', { name: 'Naam', exact: true }).fill('Noor');
    await writer.getByRole('textbox', { name: 'E-mail', exact: true }).fill('noor.prive@example.nl');
    await writer.getByRole('textbox', { name: 'Reactie', exact: true }).fill('Eens, en plant er nog een paar bij.');
    await writer.getByRole('button', { name: 'Plaats reactie' }).click();
    await writer.waitForURL(/#reactie-\d+$/);
    const reply = Number(/#reactie-(\d+)$/.exec(writer.url())![1]);
    const moderator = await loginAs(app.t.app, app.t.db, 'moderator');
    // A reactie approved at once after the held one: when the reader hears of it, the held one would have come first.
    const other = await buildReactie(app.t.db, article, { authorName: 'Els', body: 'Een nieuwe draad.' });
    await reader.page.waitForSelector('.live-toon:has-text("1 nieuwe reactie — tonen")');
    // The heading counts the reacties the article has now, the ones behind "tonen" too; a held one not.
    await reader.page.waitForFunction(() => document.getElementById('reacties-kop')?.textContent === '2 reacties');
    await moderator.agent.post(`/beheer/reacties/${reply}/goedkeuren`).type('form').send({ _csrf: moderator.csrf }).expect(303);
    await reader.page.waitForSelector('.live-toon:has-text("2 nieuwe reacties — tonen")');
    await reader.page.waitForFunction(() => document.getElementById('reacties-kop')?.textContent === '3 reacties');
    assert.equal(await reader.page.locator(`#reactie-${reply}`).count(), 0, 'not inserted before the reader asks');
    await reader.page.waitForFunction(() => /^2 nieuwe reacties\./.test(document.getElementById('live-status')?.textContent ?? ''));
    assert.equal(await reader.page.getAttribute('#live-status', 'aria-live'), 'polite');
    await assertNoAxeViolations(reader.page, 'article page offering new reacties');

    // With the keyboard: Tab to the button, Enter; the reactie stands under Karel's, focus on the first new one.
    await tabTo(reader.page, '.live-toon');
    await reader.page.keyboard.press('Enter');
    const inThread = reader.page.locator(`#reactie-${karel} > ol.children > #reactie-${reply}`);
    await inThread.waitFor();
    assert.match((await inThread.textContent())!, /Noor\s+\(reactie op Karel\)[\s\S]*plant er nog een paar bij/);
    assert.equal(await reader.page.locator(`ol.thread > #reactie-${other}`).count(), 1, 'a new thread at the end');
    assert.ok(await focusIs(reader.page, `#reactie-${karel} > ol.children > #reactie-${reply} > article`), 'focus on the new reactie');
    assert.ok(!(await reader.page.isVisible('.live-toon')), 'the button is gone once nothing waits');
    assert.equal(await reader.page.textContent('#live-status'), '2 nieuwe reacties getoond.');
    assert.doesNotMatch(await reader.page.content(), /noor\.prive/);
    await assertNoAxeViolations(reader.page, 'after showing the new reacties');

    // Tab goes on from the new reactie into it: its permalink, then its Waarderen button.
    await reader.page.keyboard.press('Tab');
    assert.ok(await focusIs(reader.page, `#reactie-${reply} .reactie-permalink`), 'Tab reaches the new reactie’s permalink');
    await reader.page.keyboard.press('Tab');
    assert.ok(await focusIs(reader.page, `#reactie-${reply} .waardering-button`), 'then its Waarderen');

    // A moderator takes it off: its text is replaced at once by the placeholder, focus stays in it.
    await moderator.agent.post(`/beheer/reacties/${reply}/prullenbak`).type('form').send({ _csrf: moderator.csrf }).expect(303);
    await reader.page.waitForSelector(`#reactie-${reply} > p.removed-notice`);
    assert.doesNotMatch((await reader.page.textContent(`#reactie-${reply}`))!, /plant er nog een paar bij/);
    assert.ok(await focusIs(reader.page, `#reactie-${reply} *`), 'focus stays where the reactie was');
    // Gone without a place: replaced by a short line.
    await app.t.db('reacties').where({ id: other }).update({ status: 'trash' });
    await reader.page.waitForSelector('.live-weg:has-text("Deze reactie is weggehaald.")');
    assert.equal(await reader.page.locator(`#reactie-${other}`).count(), 0);
    await assertNoAxeViolations(reader.page, 'after the removals');
    assert.deepEqual(reader.errors, []);
  });

  it('a reactie featured on the moderator’s page shows in the reader’s Uitgelicht block without a reload, and leaves it', async () => {
    const article = await buildArticle(app.t.db, { title: 'Parkeren bij het station' });
    const ans = await buildReactie(app.t.db, article, { authorName: 'Ans', body: 'Een fietsenstalling onder het plein lost veel op.' });
    await buildReactie(app.t.db, article, { authorName: 'Bert', body: 'Meer plekken voor auto’s, graag.' });
    const url = `${app.server.baseUrl}${articlePath(article)}`;
    // The reader's page, without a cookie: the kept page, as most readers get it.
    const reader = await watched(await app.browser.newContext());
    const opened = streamOpen(reader.page, `/artikel/${article.id}/live`);
    await reader.page.goto(url);
    await opened;
    assert.equal(await reader.page.locator('section.uitgelicht').count(), 0);

    const user = await buildUser(app.t.db, 'moderator');
    const staff = await watched(await app.browser.newContext());
    await browserLogin(staff.page, app.server.baseUrl, user.email, TEST_PASSWORD);
    await staff.page.goto(url);
    await staff.page.locator(`#reactie-${ans} .feature-button`).click();
    await staff.page.waitForURL(new RegExp(`#reactie-${ans}$`));

    // On the reader's page: the block above the discussion, the badge on the reactie, said politely.
    const item = reader.page.locator(`section.uitgelicht li[data-reactie="${ans}"]`);
    await item.waitFor();
    assert.match((await item.textContent())!, /fietsenstalling onder het plein[\s\S]*Ans/);
    await reader.page.waitForSelector(`#reactie-${ans} .featured-badge`);
    await reader.page.waitForFunction(() =>
      /^Een reactie is uitgelicht door de redactie\./.test(document.getElementById('live-status')?.textContent ?? ''),
    );
    assert.equal(await reader.page.getAttribute('#live-status', 'aria-live'), 'polite');
    const order = await reader.page.$$eval('#reacties > *', (nodes) => nodes.map((n) => n.id || n.className));
    assert.ok(order.indexOf('uitgelicht') === order.indexOf('reacties-kop') + 1, `the block right under the heading: ${order.join(', ')}`);
    await assertNoAxeViolations(reader.page, 'article page with a reactie featured live');

    // The moderator takes it back: the block goes, again without a reload.
    await staff.page.locator(`#reactie-${ans} .feature-button`).click();
    await staff.page.waitForURL(new RegExp(`#reactie-${ans}$`));
    await reader.page.waitForSelector('section.uitgelicht', { state: 'detached' });
    await reader.page.waitForFunction(
      () => document.getElementById('live-status')?.textContent === 'Een reactie is niet meer uitgelicht door de redactie.',
    );
    assert.equal(await reader.page.locator(`#reactie-${ans} .featured-badge`).count(), 0);
    await assertNoAxeViolations(reader.page, 'article page after the reactie left the block');
    assert.deepEqual(reader.errors, []);
    assert.deepEqual(staff.errors, []);
  });

  it('the voorpagina follows the counts; without JavaScript the article page has no live parts', async () => {
    const article = await buildArticle(app.t.db, { title: 'Markt op zaterdag' });
    const { page, errors } = await watched(await app.browser.newContext());
    const opened = streamOpen(page, '/voorpagina/live');
    await page.goto(`${app.server.baseUrl}/`);
    await opened;
    const link = `a.reactie-count[href="${articlePath(article)}#reacties"]`;
    assert.equal(await page.textContent(link), 'Nog geen reacties');
    await buildReactie(app.t.db, article);
    await page.waitForFunction((selector) => document.querySelector(selector)?.textContent === '1 reactie', link);
    const total = await siteReactieTotal(app.t.db);
    assert.equal(await page.textContent('.reactie-total'), new Intl.NumberFormat('nl-NL').format(total));
    assert.deepEqual(errors, []);

    const plain = await (await app.browser.newContext({ javaScriptEnabled: false })).newPage();
    await plain.goto(`${app.server.baseUrl}${articlePath(article)}`);
    assert.equal(await plain.locator('.live-nieuw, #live-status').count(), 0);
  });
});
