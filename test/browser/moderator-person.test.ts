// Issue 21 in a real browser, with the keyboard only: from a reactie in the queue a moderator opens
// "Meer van deze schrijver", blocks the address with a reason, leaves a note; the resident meets a
// neutral refusal with the text kept; the moderator lifts the block, and takes a reactie off the
// page with the removal reason under key 1. Every page passes axe-core (WCAG 2.1 A/AA).
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import { buildArticle, buildReactie, buildUser, TEST_PASSWORD } from '../helpers/builders';
import { browserLogin, useBrowserApp } from '../helpers/browser';
import { assertNoAxeViolations } from '../helpers/axe';
import { articlePath } from '../../server/articles/queries';

describe('browser: the person behind an address, notes and removal reasons', function () {
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
    // A form sent back with an error answers 4xx on purpose: Chromium logs that as a failed load.
    page.on(
      'console',
      (m) =>
        m.type() === 'error' &&
        !/^Failed to load resource: the server responded with a status of 4\d\d/.test(m.text()) &&
        errors.push(m.text()),
    );
    return { page, errors };
  }

  const accessible = (page: Page) => assertNoAxeViolations(page, `axe on ${page.url()}`);

  /** Focuses an element and presses a key, as a keyboard user would reach it. */
  async function press(page: Page, locator: ReturnType<Page['locator']>, key = 'Enter') {
    await locator.focus();
    await page.keyboard.press(key);
  }

  it('blocks an address from the queue with a reason, notes it, and the resident keeps their text', async () => {
    const article = await buildArticle(app.t.db, { title: 'De markt op zaterdag' });
    const email = 'marktkoopman@example.nl';
    const id = await buildReactie(app.t.db, article, { authorEmail: email, authorName: 'Gerrit', body: 'De markt moet blijven.' });
    await buildReactie(app.t.db, article, { authorEmail: email, authorName: 'Gerrit', status: 'trash', body: 'Een weggehaalde reactie.' });

    const { page, errors } = await watched(moderator);
    await page.goto(`${app.server.baseUrl}/beheer/reacties?status=approved&artikel=${article.id}`);
    await press(page, page.locator(`[data-reactie-id="${id}"] a`, { hasText: 'Meer van deze schrijver' }));
    await page.waitForURL(new RegExp(`/beheer/reacties/${id}/schrijver$`));
    await page.getByRole('heading', { name: 'Meer van deze schrijver', level: 1 }).waitFor();
    assert.match((await page.locator('.writer-facts').textContent())!, /2 reacties: 1 goedgekeurd, 1 in de prullenbak/);
    assert.ok(!(await page.content()).includes(email), 'the address is never shown');
    await accessible(page);

    // A wrong last day: the error summary takes focus, the reason stays.
    await page.getByLabel('Reden (optioneel, alleen voor de redactie)').focus();
    await page.keyboard.type('Scheldt op de marktmeester');
    await page.getByLabel('Laatste dag (optioneel)').focus();
    await page.keyboard.type('01012000');
    await press(page, page.getByRole('button', { name: 'Blokkeren' }));
    await page.locator('.error-summary').waitFor();
    // The page's script moves the focus once it runs (deferred): wait for it, a busy machine is slower.
    await page.waitForFunction(() => document.activeElement?.classList.contains('error-summary'), undefined, { timeout: 10_000 });
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'error-summary');
    assert.match((await page.locator('.error-summary').textContent())!, /Kies een laatste dag vanaf vandaag\./);
    assert.equal(await page.getByLabel('Reden (optioneel, alleen voor de redactie)').inputValue(), 'Scheldt op de marktmeester');
    await accessible(page);

    // Cleared: a year from now, in one click.
    await page.getByLabel('Laatste dag (optioneel)').fill('');
    await press(page, page.getByRole('button', { name: 'Blokkeren' }));
    await page.locator('dd[data-rule="block"]').waitFor();
    assert.match((await page.locator('dd[data-rule="block"]').textContent())!, /Blokkeren, tot en met .*Reden: Scheldt op de marktmeester/);
    assert.match((await page.locator('.flash, [role="status"]').first().textContent())!, /geblokkeerd: nieuwe reacties worden geweigerd/);

    // A note on the person.
    await page.getByLabel('Nieuwe notitie over deze schrijver (alleen voor de redactie)').focus();
    await page.keyboard.type('Telefonisch gewaarschuwd op 6 december.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.locator('.moderator-notes', { hasText: 'Telefonisch gewaarschuwd' }).waitFor();
    await accessible(page);

    // The resident: a neutral refusal, the text still in the form.
    const resident = await app.browser.newContext();
    const r = await watched(resident);
    await r.page.goto(`${app.server.baseUrl}${articlePath(article)}`);
    await r.page.getByRole('textbox', { name: 'Naam', exact: true }).fill('Gerrit');
    await r.page.getByRole('textbox', { name: 'E-mail', exact: true }).fill(email);
    await r.page.getByRole('textbox', { name: 'Reactie', exact: true }).fill('Ik kom toch terug op de markt.');
    const answer = r.page.waitForResponse((res) => res.request().method() === 'POST');
    await press(r.page, r.page.getByRole('button', { name: 'Plaats reactie' }));
    assert.equal((await answer).status(), 403);
    await r.page.waitForURL((u) => u.pathname.endsWith('/reacties'));
    await r.page.getByRole('alert').waitFor();
    assert.match((await r.page.getByRole('alert').textContent())!, /Je reactie kon niet worden geplaatst\./);
    assert.equal(await r.page.getByRole('textbox', { name: 'Reactie', exact: true }).inputValue(), 'Ik kom toch terug op de markt.');
    assert.doesNotMatch((await r.page.locator('main').textContent())!, /geblokkeerd/i);
    await accessible(r.page);
    await resident.close();

    // Lifted again.
    await press(page, page.getByRole('button', { name: 'Maatregel opheffen' }));
    await page.locator('dd[data-rule="geen"]').waitFor();
    assert.equal(await app.t.db('address_rules').first(), undefined);
    await page.close();
    assert.deepEqual([...errors, ...r.errors], []);
  });

  it('takes the current reactie off the page with removal reason 1 from the keyboard, without a reload', async () => {
    const article = await buildArticle(app.t.db, { title: 'Het stadhuisplein' });
    const id = await buildReactie(app.t.db, article, { authorEmail: 'grof@example.nl', authorName: 'Grof', body: 'Een grove reactie.' });
    const { page, errors } = await watched(moderator);
    await page.goto(`${app.server.baseUrl}/beheer/reacties?status=approved&artikel=${article.id}`);
    assert.match((await page.locator('.shortcut-legend').textContent())!, /1.+4.+weghalen met reden/);
    await accessible(page);
    await page.keyboard.press('j');
    await page.locator(`[data-reactie-id="${id}"].is-current`).waitFor();
    await page.keyboard.press('1');
    await page.locator(`[data-reactie-id="${id}"]`).waitFor({ state: 'detached' });
    assert.match(
      (await page.locator('#queue-status').textContent())!,
      /De reactie van Grof is van de pagina gehaald \(reden: Beledigend\)/,
    );
    assert.equal((await app.t.db('reacties').where({ id }).first()).status, 'trash');
    const mail = await app.t.db('mail_queue').where({ to: 'grof@example.nl' }).first();
    assert.match(String(mail.text), /Je reactie was:\n> Een grove reactie\./);
    await page.close();
    assert.deepEqual(errors, []);
  });
});
