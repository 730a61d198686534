// Issue 21 in a real browser, with the keyboard: the moderator sees open reports in the menu and the
// Overzicht, opens the Meldingen queue, reads why each reactie is there, puts a hidden one back (a),
// marks one as spam (s), keeps one (a) and removes the last with a reason (w) — the list and the
// counts follow without a reload, and every page passes axe-core (WCAG 2.1 A/AA).
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { buildArticle, buildReactie, buildUser, TEST_PASSWORD } from '../helpers/builders';
import { browserLogin, useBrowserApp } from '../helpers/browser';
import { assertNoAxeViolations } from '../helpers/axe';
import { addReport, type ReportReason } from '../../server/reacties/reports/reports';

describe('browser: the Meldingen queue and "Waarom hier?"', function () {
  this.timeout(90_000);
  const app = useBrowserApp();

  let context: BrowserContext;
  before(async function () {
    this.timeout(90_000);
    const moderator = await buildUser(app.t.db, 'moderator');
    context = await app.browser.newContext();
    await browserLogin(await context.newPage(), app.server.baseUrl, moderator.email, TEST_PASSWORD);
  });

  let reader = 0;
  const report = (id: number, reason: ReportReason, note: string | null = null) =>
    addReport(app.t.db, { reactieId: id, reason, note, readerKey: `lezer-${++reader}`, networkKey: `net-${reader}` }, 3, new Date());

  const count = async (page: Page) => (await page.locator('[data-count="meldingen"] .count').textContent())!.trim();
  const accessible = (page: Page) => assertNoAxeViolations(page, `axe on ${page.url()}`);

  it('works the reported reacties with the keyboard, in place, and removes the last one with a reason', async () => {
    const article = await buildArticle(app.t.db, { title: 'Het nieuwe fietspad' });
    const hidden = await buildReactie(app.t.db, article, { status: 'approved', authorName: 'Anna', body: 'Verborgen na drie meldingen' });
    const spam = await buildReactie(app.t.db, article, { status: 'approved', authorName: 'Bert', body: 'Koop goedkope fietsen' });
    const kept = await buildReactie(app.t.db, article, { status: 'approved', authorName: 'Carla', body: 'Een stevige mening' });
    const removed = await buildReactie(app.t.db, article, { status: 'approved', authorName: 'Dirk', body: 'Noemt een adres' });
    for (const reason of ['beledigend', 'beledigend', 'off-topic'] as const) await report(hidden, reason);
    await report(spam, 'spam', 'Reclame');
    await report(spam, 'spam');
    await report(kept, 'beledigend', 'Te fel');
    await report(removed, 'persoonsgegevens', 'Mijn huisadres');

    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
    await page.goto(`${app.server.baseUrl}/beheer`);
    assert.match((await page.locator('.dashboard').textContent())!, /Meldingen van lezers:\s*4\s*reacties zijn gemeld/);
    await accessible(page);
    // From the menu, with the keyboard.
    const menuLink = page.locator('.beheer-nav a', { hasText: 'Meldingen' });
    assert.equal((await menuLink.textContent())!.replace(/\s+/g, ' ').trim(), 'Meldingen 4');
    await menuLink.focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/beheer\/reacties\/meldingen$/);
    assert.equal(await count(page), '4');
    const order = await page.locator('.queue-item').evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-reactie-id'))));
    assert.deepEqual(order, [hidden, spam, kept, removed]);

    // "Waarom hier?" opens with the keyboard and names the reports.
    const summary = page.locator(`[data-reactie-id="${hidden}"] .why-here summary`);
    await summary.focus();
    await page.keyboard.press('Enter');
    const why = (await page.locator(`[data-reactie-id="${hidden}"] .why-reasons`).first().textContent())!.replace(/\s+/g, ' ');
    assert.match(why, /Gemeld door 3 lezers \(2× beledigend, 1× hoort hier niet\)\. Daarom is hij van de pagina gehaald/);
    await accessible(page);

    let navigations = 0;
    page.on('framenavigated', (frame) => frame === page.mainFrame() && navigations++);
    assert.equal(await page.locator('.shortcut-legend').isVisible(), true);
    // Opening its "Waarom hier?" made that reactie the current one; j and k move from it.
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    assert.equal(await page.locator('.queue-item.is-current').getAttribute('data-reactie-id'), String(hidden));
    await page.keyboard.press('a');
    await page.locator(`[data-reactie-id="${hidden}"]`).waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.querySelector('[data-count="meldingen"] .count')?.textContent?.trim() === '3');
    assert.match(
      (await page.locator('#queue-status').textContent())!,
      /^De reactie van Anna staat weer op de pagina; de meldingen zijn afgehandeld\.$/,
    );
    assert.equal((await app.t.db('reacties').where({ id: hidden }).first()).status, 'approved');

    await page.keyboard.press('s');
    await page.locator(`[data-reactie-id="${spam}"]`).waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.querySelector('[data-count="meldingen"] .count')?.textContent?.trim() === '2');
    assert.equal((await app.t.db('reacties').where({ id: spam }).first()).status, 'spam');

    await page.keyboard.press('a');
    await page.locator(`[data-reactie-id="${kept}"]`).waitFor({ state: 'detached' });
    assert.match(
      (await page.locator('#queue-status').textContent())!,
      /^De meldingen over de reactie van Carla zijn genegeerd; de reactie blijft staan\.$/,
    );
    assert.equal((await app.t.db('reacties').where({ id: kept }).first()).status, 'approved');
    assert.equal(navigations, 0, 'no reload');
    await accessible(page);

    // w: the removal form, opened from here and back here.
    await page.keyboard.press('w');
    await page.waitForURL(/\/weghalen\?terug=/);
    await accessible(page);
    assert.equal(await page.getByLabel('Reden (openbaar in het moderatielogboek)').inputValue(), 'persoonsgegevens');
    await page.getByLabel('Prullenbak').focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Weghalen' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/beheer\/reacties\/meldingen$/);
    assert.equal((await app.t.db('reacties').where({ id: removed }).first()).status, 'trash');
    assert.match((await page.locator('.flash').textContent())!, /Dirk/);
    assert.match((await page.locator('main').textContent())!, /Er zijn geen open meldingen\. Mooi zo\./);
    assert.equal(await count(page), '0');
    await accessible(page);
    assert.deepEqual(errors, []);
    await page.close();
    // Every decision is in the audit log.
    for (const [action, subject] of [
      ['reactie.approve', hidden],
      ['reactie.spam', spam],
      ['reactie.reports-dismissed', kept],
      ['reactie.trash', removed],
    ] as const)
      assert.ok(await app.t.db('audit_log').where({ action, subject_id: subject }).first(), action);
  });

  it('says why a first reactie waits in the queue', async () => {
    const article = await buildArticle(app.t.db, { title: 'De markt op zaterdag' });
    const id = await buildReactie(app.t.db, article, {
      status: 'pending',
      body: 'Mijn eerste reactie',
      heldBecause: { policy: ['first-reactie'] },
      verdict: {
        checks: { local: 'pass', outcome: 'clear', hits: [], score: 0.04 },
        akismet: null,
        akismetPayload: null,
        recheckAt: null,
      },
    });
    const page = await context.newPage();
    await page.goto(`${app.server.baseUrl}/beheer/reacties?artikel=${article.id}`);
    const summary = page.locator(`[data-reactie-id="${id}"] .why-here summary`);
    assert.equal((await summary.textContent())!.replace(/\s+/g, ' ').trim(), 'Waarom hier? eerste reactie van dit e-mailadres');
    await summary.focus();
    await page.keyboard.press('Enter');
    const text = (await page.locator(`[data-reactie-id="${id}"] .why-here`).textContent())!.replace(/\s+/g, ' ');
    assert.match(text, /Eerste reactie van dit e-mailadres\./);
    assert.match(text, /Lerend filter: spamkans 0,04; dat telde niet mee\./);
    assert.doesNotMatch(text, /Geen enkele spamcontrole/);
    await accessible(page);
    await page.close();
  });
});
