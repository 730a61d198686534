// The news mail (issue 25) in a real browser, with the keyboard only: a resident goes from the
// voorpagina to /nieuwsbrief, makes a mistake, subscribes weekly to council documents, reads the
// Dutch confirmation text, then confirms and changes it from the links in the mail. Every page passes axe-core.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { useBrowserApp } from '../helpers/browser';
import { assertNoAxeViolations } from '../helpers/axe';
import { manageUrls } from '../../server/newsmail/links';

describe('browser: subscribing to the news mail with the keyboard', function () {
  this.timeout(90_000);
  const app = useBrowserApp();

  const accessible = (page: Page) => assertNoAxeViolations(page, `axe on ${page.url()}`);

  /** The path and query of a link in the text of the last queued mail to this address. */
  async function linkInMail(to: string, path: string): Promise<string> {
    const mail = await app.t.db('mail_queue').where({ to_key: to }).orderBy('id', 'desc').first();
    const m = new RegExp(`https?://[^\\s/]+(${path}\\?\\S+)`).exec(String(mail?.text ?? ''));
    assert.ok(m, `a link to ${path} in the mail to ${to}`);
    return m[1];
  }

  it('subscribes from the voorpagina, sees the Dutch confirmation text, confirms and changes it', async () => {
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));

    await page.goto(`${app.server.baseUrl}/`);
    await page.getByRole('link', { name: 'Nieuwsbrief', exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/nieuwsbrief$/);
    await page.getByRole('heading', { name: 'De nieuwsbrief: nieuwe artikelen per e-mail' }).waitFor();
    await accessible(page);

    // A mistake: the message is tied to the field, the choices stay.
    await page.getByLabel('Je e-mailadres').focus();
    await page.keyboard.type('Mila <mila@voorbeeld.nl>');
    await page.keyboard.press('Tab'); // the first frequency, ticked
    await page.keyboard.press('ArrowDown'); // weekly
    await page.keyboard.press('Tab'); // the kinds
    await page.keyboard.press('ArrowDown'); // only council documents
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#fout-email');
    assert.match((await page.locator('#fout-email').textContent())!, /Vul alleen het e-mailadres zelf in/);
    assert.equal(await page.getByLabel('Je e-mailadres').getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator('#frequentie-weekly').isChecked(), true);
    assert.equal(await page.locator('#artikelen-documents').isChecked(), true);
    await accessible(page);

    await page.getByLabel('Je e-mailadres').focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('mila@voorbeeld.nl');
    await page.getByRole('button', { name: 'Aanmelden' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Kijk in je mailbox' }).waitFor();
    assert.match(
      (await page.getByRole('status').textContent())!,
      /We sturen een e-mail naar het adres dat je opgaf\. Bevestig je aanmelding met de link daarin; pas daarna krijg je de nieuwsbrief\./,
    );
    await accessible(page);
    const stored = await app.t.db('news_subscribers').where({ email_key: 'mila@voorbeeld.nl' }).first();
    assert.equal(stored.frequency, 'weekly');
    assert.equal(stored.kinds, 'documents');
    assert.equal(stored.confirmed_at, null);

    // The link in the mail: a page with a button first.
    await page.goto(`${app.server.baseUrl}${await linkInMail('mila@voorbeeld.nl', '/nieuwsbrief/bevestigen')}`);
    assert.match((await page.locator('main').textContent())!, /alleen raadsdocumenten, elke maandag om 07:00/);
    await accessible(page);
    await page.getByRole('button', { name: 'Ja, stuur mij de nieuwsbrief' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Aanmelding bevestigd' }).waitFor();
    await accessible(page);

    // Changing it with the link every news mail carries; the confirmation link's signature does not open that page.
    const manage = `${app.server.baseUrl}/nieuwsbrief/wijzigen?${(await linkInMail('mila@voorbeeld.nl', '/nieuwsbrief/bevestigen')).split('?')[1]}`;
    const refused = await page.goto(manage);
    assert.equal(refused?.status(), 400);
    await page.goto(manageUrls(app.t.deps, Number(stored.id)).manage.replace(app.t.deps.config.baseUrl, app.server.baseUrl));
    await page.locator('#frequentie-daily').focus();
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: 'Opslaan' }).focus();
    await page.keyboard.press('Enter');
    await page.getByText('Opgeslagen. De volgende nieuwsbrief komt zoals je nu koos.').waitFor();
    assert.equal(await page.locator('#frequentie-daily').isChecked(), true);
    await accessible(page);
    assert.equal((await app.t.db('news_subscribers').where({ id: stored.id }).first()).frequency, 'daily');

    await context.close();
    assert.deepEqual(errors, []);
  });
});
