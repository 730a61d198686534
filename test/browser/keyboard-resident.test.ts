// A resident with only a keyboard (Tab, Shift+Tab, Enter, Escape): skip link, reading, "Beantwoorden"
// to the form's first field, Escape back to the link, posting with focus on the message, and an error
// with focus on the summary whose links lead to the fields. Every Tab stop shows a visible focus.
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { buildArticle, buildReactie } from '../helpers/builders';
import { useBrowserApp } from '../helpers/browser';
import { assertFocusVisible, focusIs, tabTo } from '../helpers/keyboard';
import { assertNoAxeViolations } from '../helpers/axe';
import { articlePath } from '../../server/articles/queries';

describe('browser: a resident with only a keyboard', function () {
  this.timeout(90_000);
  const app = useBrowserApp();
  const contexts: BrowserContext[] = [];
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });

  async function newPage(): Promise<{ page: Page; errors: string[] }> {
    const context = await app.browser.newContext();
    contexts.push(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      const answeredPost = /status of 4\d\d/.test(m.text()) && new URL(m.location().url).pathname.endsWith('/reacties');
      if (m.type() === 'error' && !answeredPost) errors.push(m.text());
    });
    return { page, errors };
  }

  const activeId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

  it('skips to the content, replies via "Beantwoorden", cancels with Escape and posts; focus follows', async () => {
    const article = await buildArticle(app.t.db, {
      title: 'Bomen aan de Singel',
      bodyMarkdown: 'De gemeente wil twaalf bomen kappen. Lees [het raadsvoorstel](https://example.nl/voorstel).',
    });
    const piet = await buildReactie(app.t.db, article, { authorName: 'Piet', body: 'Zonde van de bomen.' });
    const reply = await buildReactie(app.t.db, article, { authorName: 'Ans', body: 'Ze zijn ziek.', parentId: piet });
    const { page, errors } = await newPage();
    await page.goto(`${app.server.baseUrl}${articlePath(article)}`);
    // The thread is a nested list; a reply says whom it answers to a screen reader, Piet says nothing.
    assert.equal(await page.locator(`ol.thread > #reactie-${piet} > ol.children > #reactie-${reply}`).count(), 1);
    assert.equal(
      await page.locator(`#reactie-${reply} .reactie-header`).evaluate((h) => h.textContent.replace(/\s+/g, ' ').slice(0, 22).trim()),
      'Ans (reactie op Piet)',
    );
    assert.equal(await page.locator(`#reactie-${reply} .reactie-header .visually-hidden`).isVisible(), true);
    assert.equal(await page.locator(`#reactie-${piet} > article .reactie-header .visually-hidden`).count(), 0);

    // The first Tab stop is the skip link, shown on focus; Enter moves focus to the content.
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Naar de inhoud');
    await assertFocusVisible(page, 'skip link');
    await page.keyboard.press('Enter');
    assert.equal(await focusIs(page, '#inhoud'), true, 'the skip link moves focus to <main>');
    // The next Tab is inside the content, past the header and its search box.
    const [firstInMain] = await tabTo(page, 'main *');
    assert.match(firstInMain, /^a.*raadsvoorstel/);

    // Read on to Piet's "Beantwoorden"; Enter opens the form under Piet with focus on its first field.
    const pietReply = `#reactie-${piet} > article .reply-link`;
    await tabTo(page, pietReply);
    await page.keyboard.press('Enter');
    assert.equal(await focusIs(page, '#veld-naam'), true, `focus on Naam, not #${await activeId(page)}`);
    await assertFocusVisible(page, 'Naam in the reply form');
    assert.equal(await page.locator(`#reactie-${piet} > #reageer`).count(), 1);
    assert.equal((await page.locator('#reageer-kop').textContent())!.trim(), 'Reageer op Piet');

    // Escape puts the form back and focus on the link it came from.
    await page.keyboard.type('Marieke');
    await page.keyboard.press('Escape');
    assert.equal(await focusIs(page, pietReply), true, 'Escape returns focus to Piet’s "Beantwoorden"');
    await assertFocusVisible(page, 'Beantwoorden after Escape');
    assert.equal(await page.locator('#reageer-plek > #reageer').count(), 1);
    assert.equal(await page.locator('#antwoord_op').inputValue(), '');
    assert.equal(await page.locator('#veld-naam').inputValue(), 'Marieke', 'nothing typed is lost');

    // "Annuleer antwoord" with Enter does the same, here from Ans's reply (one level deeper).
    const ansReply = `#reactie-${reply} > article .reply-link`;
    await tabTo(page, ansReply);
    await page.keyboard.press('Enter');
    assert.equal(await focusIs(page, '#veld-email'), true, 'the name is filled in: focus on the first empty field');
    await tabTo(page, '#annuleer-antwoord', { back: true });
    await page.keyboard.press('Enter');
    assert.equal(await focusIs(page, ansReply), true, '"Annuleer antwoord" returns focus to Ans’s "Beantwoorden"');

    // Reply to Piet for real: the fields in order, then "Plaats reactie".
    await tabTo(page, pietReply, { back: true });
    await page.keyboard.press('Enter');
    assert.equal(await focusIs(page, '#veld-email'), true);
    const order = await tabTo(page, '#reageer button[type="submit"]');
    // The form's own order; the honeypot (tabindex="-1") is never a stop.
    assert.deepEqual(
      order.map((s) => /#([\w-]+)/.exec(s)?.[1] ?? s),
      ['veld-website', 'veld-reactie', 'veld-onthoud', 'veld-meld-antwoorden', 'veld-meld-artikel', 'button.button "Plaats reactie"'],
    );
    await tabTo(page, '#veld-email', { back: true });
    await page.keyboard.type('marieke@example.nl');
    await tabTo(page, '#veld-reactie');
    await page.keyboard.type('Ziek of niet, plant er nieuwe voor terug.');
    await tabTo(page, '#reageer button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#reactie-\d+$/);
    const id = Number(/#reactie-(\d+)$/.exec(page.url())![1]);
    // Held for moderation (the default policy for a new address): focus on that message.
    assert.equal(await focusIs(page, `#reactie-${id} .pending-notice`), true, `focus on the message, not #${await activeId(page)}`);
    assert.match((await page.locator(`#reactie-${id} .pending-notice`).textContent())!, /wacht op goedkeuring/);
    await assertFocusVisible(page, 'the message after posting');
    await assertNoAxeViolations(page, 'article after posting');
    assert.deepEqual(errors, []);
  });

  it('lands on the error summary after an error; its links move focus to the fields, in form order', async () => {
    const article = await buildArticle(app.t.db, { title: 'Parkeren bij het station' });
    const { page, errors } = await newPage();
    await page.goto(`${app.server.baseUrl}${articlePath(article)}`);
    await tabTo(page, '#veld-email');
    await page.keyboard.type('niet-een-adres');
    await tabTo(page, '.reactie-form button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname.endsWith('/reacties'));

    assert.equal(await focusIs(page, '.error-summary'), true, `focus on the summary, not #${await activeId(page)}`);
    await assertFocusVisible(page, 'error summary');
    const links = await page.locator('.error-summary a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(links, ['#veld-naam', '#veld-email', '#veld-reactie'], 'one link per field in error, in form order');
    // Each field in error says so and points at its message.
    for (const name of ['naam', 'email', 'reactie']) {
      const field = page.locator(`#veld-${name}`);
      assert.equal(await field.getAttribute('aria-invalid'), 'true');
      assert.match((await field.getAttribute('aria-describedby'))!, new RegExp(`fout-${name}`));
    }
    assert.equal(await page.locator('#veld-email').inputValue(), 'niet-een-adres', 'nothing typed is lost');

    // Tab to the second link, Enter: focus on the e-mail field; Shift+Tab goes back to the name.
    await tabTo(page, '.error-summary a[href="#veld-email"]');
    await page.keyboard.press('Enter');
    assert.equal(await focusIs(page, '#veld-email'), true);
    await assertFocusVisible(page, 'e-mail field from the summary');
    await page.keyboard.press('Shift+Tab');
    assert.equal(await focusIs(page, '#veld-naam'), true, 'Shift+Tab from E-mail reaches Naam');
    await assertNoAxeViolations(page, 'reactie form with errors');
    assert.deepEqual(errors, []);
  });
});
