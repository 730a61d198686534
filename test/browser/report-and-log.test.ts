// Issue 12 in a real browser, with the keyboard only: a reader reports a reactie, a moderator takes
// it off with a reason, the author asks for a second look, and the public log shows it all. Every
// new page passes axe-core (WCAG 2.1 A/AA).
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { buildArticle, buildReactie, buildUser, TEST_PASSWORD } from '../helpers/builders';
import { browserLogin, useBrowserApp } from '../helpers/browser';
import { assertNoAxeViolations } from '../helpers/axe';
import { articlePath } from '../../server/articles/queries';

describe('browser: reporting a reactie, the public moderation log and bezwaar', function () {
  this.timeout(90_000);
  const app = useBrowserApp();

  let moderator: BrowserContext;
  before(async function () {
    this.timeout(90_000);
    const user = await buildUser(app.t.db, 'moderator');
    moderator = await app.browser.newContext();
    await browserLogin(await moderator.newPage(), app.server.baseUrl, user.email, TEST_PASSWORD);
  });

  /** A page that fails the test on any script error or CSP violation. */
  async function watched(context: BrowserContext): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // A form sent back with an error answers 422 on purpose: Chromium logs that as a failed load.
    page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
    return { page, errors };
  }

  const accessible = (page: Page) => assertNoAxeViolations(page, `axe on ${page.url()}`);

  it('a reader reports a reactie with the keyboard; the moderator sees the report in the queue', async () => {
    const article = await buildArticle(app.t.db, { title: 'De nieuwe bibliotheek' });
    const id = await buildReactie(app.t.db, article, { status: 'approved', body: 'Een reactie om te melden' });
    const reader = await app.browser.newContext();
    const { page, errors } = await watched(reader);
    await page.goto(`${app.server.baseUrl}${articlePath(article)}`);
    await page.locator(`#reactie-${id} .report-link`).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/reactie/${id}/melden$`));
    await accessible(page);

    // Sent without a reason: the error is announced and the note is kept.
    await page.getByLabel('Toelichting voor de moderatie (optioneel)').focus();
    await page.keyboard.type('Dit klopt niet');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#fout-reden');
    assert.equal(await page.getByLabel('Toelichting voor de moderatie (optioneel)').inputValue(), 'Dit klopt niet');
    await accessible(page);

    await page.locator('#reden-spam').focus();
    await page.keyboard.press('ArrowDown'); // radio group: the next reason, beledigend
    assert.equal(await page.locator('#reden-beledigend').isChecked(), true);
    await page.getByRole('button', { name: 'Melden' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Bedankt voor je melding' }).waitFor();
    await accessible(page);
    await reader.close();
    assert.deepEqual(errors, []);

    const mod = await watched(moderator);
    await mod.page.goto(`${app.server.baseUrl}/beheer/reacties?status=approved&artikel=${article.id}`);
    const item = mod.page.locator(`[data-reactie-id="${id}"]`);
    assert.match((await item.locator('.queue-reports').textContent())!, /1 melding van lezers:\s+beledigend: “Dit klopt niet”/);
    await accessible(mod.page);
    await mod.page.close();
  });

  it('a moderator removes a reactie with a reason; the author sends a bezwaar; the log shows each step', async () => {
    const article = await buildArticle(app.t.db, { title: 'Het nieuwe zwembad' });
    const id = await buildReactie(app.t.db, article, { status: 'approved', authorEmail: 'schrijver@example.nl', body: 'Over het zwembad' });
    const mod = await watched(moderator);
    await mod.page.goto(`${app.server.baseUrl}/beheer/reacties?status=approved&artikel=${article.id}`);
    await mod.page.locator(`[data-reactie-id="${id}"] a`, { hasText: 'Weghalen met reden' }).focus();
    await mod.page.keyboard.press('Enter');
    await mod.page.waitForURL(/\/weghalen$/);
    await accessible(mod.page);
    await mod.page.getByLabel('Prullenbak').focus();
    await mod.page.keyboard.press('Space');
    await mod.page.getByLabel('Categorie bij een andere reden (openbaar in het moderatielogboek)').selectOption('off-topic');
    await mod.page.getByLabel('Openbare toelichting (optioneel)').focus();
    await mod.page.keyboard.type('Ging over de sporthal');
    await mod.page.getByRole('button', { name: 'Weghalen' }).focus();
    await mod.page.keyboard.press('Enter');
    await mod.page.waitForURL(/\/beheer\/reacties\?status=trash/);
    assert.equal((await app.t.db('reacties').where({ id }).first()).status, 'trash');

    // The author follows the link from the mail.
    const mail = await app.t.db('mail_queue').where({ to: 'schrijver@example.nl' }).first();
    const path = /http:\/\/127\.0\.0\.1(\/moderatie\/bezwaar\/\S+)/.exec(String(mail.text))![1];
    const author = await app.browser.newContext();
    const a = await watched(author);
    await a.page.goto(`${app.server.baseUrl}${path}`);
    await accessible(a.page);
    await a.page.getByLabel('Waarom moet de moderatie nog eens kijken?').focus();
    await a.page.keyboard.type('Het ging juist over het zwembad.');
    await a.page.keyboard.press('Tab');
    await a.page.keyboard.press('Enter');
    await a.page.getByText('Je bezwaar is ontvangen').waitFor();
    await accessible(a.page);
    await author.close();

    await mod.page.goto(`${app.server.baseUrl}/beheer/bezwaren`);
    await accessible(mod.page);
    await mod.page.getByRole('button', { name: 'Toekennen (terugzetten)' }).focus();
    await mod.page.keyboard.press('Enter');
    await mod.page.getByText('Bezwaar toegekend').waitFor();
    assert.equal((await app.t.db('reacties').where({ id }).first()).status, 'approved');
    await mod.page.close();

    const reader = await app.browser.newContext();
    const r = await watched(reader);
    await r.page.goto(`${app.server.baseUrl}/`);
    await r.page.getByRole('link', { name: 'Moderatie', exact: true }).focus();
    await r.page.keyboard.press('Enter');
    await r.page.waitForURL(/\/moderatie$/);
    const text = (await r.page.locator('.log-entries').textContent())!;
    assert.match(text, /bezwaar toegekend, reactie teruggezet: hoort hier niet/);
    assert.match(text, /verwijderd door de moderatie: hoort hier niet/);
    assert.match(text, /Ging over de sporthal/);
    assert.doesNotMatch(text, /schrijver@example\.nl/);
    await accessible(r.page);
    await reader.close();
    assert.deepEqual([...mod.errors, ...a.errors, ...r.errors], []);
  });
});
