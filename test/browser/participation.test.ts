// Participation in a real browser, by keyboard, with axe-core on every new page and state: editing
// and withdrawing one's own reactie, an official reply, folded long threads and a permalink into
// one, the note of reacties closed by time, and the moderators' page of held edits.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { buildArticle, buildReactie, buildUser, TEST_PASSWORD } from '../helpers/builders';
import { browserLogin, useBrowserApp } from '../helpers/browser';
import { assertNoAxeViolations } from '../helpers/axe';
import { articlePath } from '../../server/articles/queries';
import { saveSettings } from '../../server/settings/settings';

const DAY = 24 * 60 * 60 * 1000;

function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // A 4xx answer is a page the test asked for (an error summary), not a script error.
  page.on('console', (m) => m.type() === 'error' && !m.text().startsWith('Failed to load resource') && errors.push(m.text()));
  return errors;
}

/** Tabs until the element matching `selector` has focus (at most `max` presses). */
async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`never reached ${selector} with Tab`);
}

describe('browser: participation', function () {
  this.timeout(90_000);
  const app = useBrowserApp();

  it('a resident edits and then withdraws their own reactie with the keyboard', async () => {
    const article = await buildArticle(app.t.db, { title: 'Bomen in de Oranjestraat' });
    await buildReactie(app.t.db, article, { authorEmail: 'ans@example.nl', status: 'approved' });
    const url = `${app.server.baseUrl}${articlePath(article)}`;
    const page = await (await app.browser.newContext()).newPage();
    const errors = collectErrors(page);
    await page.goto(url);
    await page.getByRole('textbox', { name: 'Naam', exact: true }).fill('Ans');
    await page.getByRole('textbox', { name: 'E-mail', exact: true }).fill('ans@example.nl');
    await page.getByRole('textbox', { name: 'Reactie', exact: true }).fill('Mooie bomen, jammer van de plek.');
    await page.getByRole('button', { name: 'Plaats reactie' }).click();
    await page.waitForURL(/#reactie-\d+$/);
    const id = Number(/#reactie-(\d+)$/.exec(page.url())![1]);

    // The actions under one's own reactie are separate items, each link's text only its own words.
    const actions = await page.locator(`#reactie-${id} .reactie-actions > li`).allInnerTexts();
    assert.deepEqual(
      actions.map((text) => text.replace(/\d\d:\d\d/, 'HH:MM').replace(/\s+/g, ' ')),
      ['Beantwoorden', 'Bewerken of intrekken (kan tot HH:MM)', 'Melden (reactie van Ans)'],
    );
    for (const name of await page.locator(`#reactie-${id} .reactie-actions a`).allTextContents())
      assert.equal(name, name.trim(), `no space inside the link "${name}"`);
    await tabTo(page, `#reactie-${id} .edit-link`);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/reactie\/\d+\/bewerken$/);
    await assertNoAxeViolations(page, 'the edit page');

    // An empty text: the error summary, with axe.
    await page.getByRole('textbox', { name: 'Je reactie' }).fill('');
    await page.getByRole('button', { name: 'Wijziging opslaan' }).click();
    await page.locator('.error-summary').waitFor();
    assert.match((await page.locator('.error-summary').textContent())!, /Vul je reactie in/);
    await assertNoAxeViolations(page, 'the edit page with an error');

    await page.getByRole('textbox', { name: 'Je reactie' }).fill('Mooie bomen, en de plek valt mee.');
    await page.getByRole('button', { name: 'Wijziging opslaan' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/#reactie-\d+$/);
    const reactie = page.locator(`#reactie-${id}`);
    assert.match((await reactie.textContent())!, /de plek valt mee/);
    assert.match((await reactie.locator('.reactie-edited').textContent())!, /^bewerkt om \d\d:\d\d$/);
    await assertNoAxeViolations(page, 'an article with an edited reactie and the edit link');

    await reactie.getByRole('link', { name: 'Bewerken of intrekken' }).click();
    await page.getByRole('button', { name: 'Reactie intrekken' }).focus();
    await page.keyboard.press('Enter');
    // The article says so, and focus is on that message: the reactie did not just vanish.
    await page.waitForURL(new RegExp(`\\?ingetrokken=${id}#ingetrokken$`));
    assert.equal(await page.locator(`#reactie-${id}`).count(), 0);
    await page.waitForFunction(() => document.activeElement?.id === 'ingetrokken');
    assert.match((await page.locator('#ingetrokken').textContent())!, /^Je reactie is ingetrokken\./);
    assert.equal(await page.locator('#ingetrokken').getAttribute('role'), 'status');
    await assertNoAxeViolations(page, 'the article after withdrawing');
    assert.deepEqual(errors, []);
  });

  it('a staff member reacts "namens de redactie" and readers see the badge', async () => {
    const article = await buildArticle(app.t.db, { title: 'Parkeren bij de markt' });
    const editor = await buildUser(app.t.db, 'chief');
    const page = await (await app.browser.newContext()).newPage();
    await browserLogin(page, app.server.baseUrl, editor.email, TEST_PASSWORD);
    await page.goto(`${app.server.baseUrl}${articlePath(article)}`);
    await page.getByRole('textbox', { name: 'Reactie', exact: true }).fill('De gemeente kijkt ernaar.');
    await page.getByRole('combobox', { name: 'Reageer als' }).selectOption('de redactie');
    await assertNoAxeViolations(page, 'the reactie form with a choice of role');
    await page.getByRole('button', { name: 'Plaats reactie' }).click();
    await page.waitForURL(/#reactie-\d+$/);

    const reader = await (await app.browser.newContext()).newPage();
    await reader.goto(`${app.server.baseUrl}${articlePath(article)}`);
    assert.equal((await reader.locator('.official-badge').textContent())!.trim(), 'Namens de redactie');
    await assertNoAxeViolations(reader, 'an article with an official reply');
  });

  it('folds a long thread behind "toon N antwoorden", opens it with the keyboard, and a permalink opens it highlighted', async () => {
    const article = await buildArticle(app.t.db, { title: 'Een lange discussie' });
    const ids: number[] = [];
    for (let i = 0; i < 5; i++) ids.push(await buildReactie(app.t.db, article, { parentId: ids.at(-1) ?? null, body: `Niveau ${i + 1}.` }));
    const page = await (await app.browser.newContext()).newPage();
    const errors = collectErrors(page);
    await page.goto(`${app.server.baseUrl}${articlePath(article)}`);
    const deep = page.locator(`#reactie-${ids[4]}`);
    assert.equal(await deep.isVisible(), false, 'folded');
    await assertNoAxeViolations(page, 'a thread with a fold');
    await tabTo(page, 'details.more-replies > summary');
    assert.match((await page.locator('details.more-replies > summary').textContent())!, /Toon 2 antwoorden/);
    await page.keyboard.press('Enter');
    await deep.waitFor({ state: 'visible' });
    await assertNoAxeViolations(page, 'a thread with an opened fold');

    // A permalink from a feed or mail: the fold is open, the reactie in view and highlighted.
    const linked = await (await app.browser.newContext()).newPage();
    await linked.goto(`${app.server.baseUrl}/reactie/${ids[4]}`);
    const target = linked.locator(`#reactie-${ids[4]}`);
    await target.waitFor({ state: 'visible' });
    assert.equal(await target.evaluate((el) => el.matches(':target')), true);
    const background = await target.locator('> article').evaluate((el) => getComputedStyle(el).backgroundColor);
    assert.notEqual(background, 'rgba(0, 0, 0, 0)', 'highlighted');
    const box = (await target.boundingBox())!;
    const viewport = linked.viewportSize()!;
    // Scrolled to the top, give or take a fraction of a pixel.
    assert.ok(box.y > -1 && box.y < viewport.height, `in view: ${box.y} of ${viewport.height}`);

    // With JavaScript, a bare #reactie-ID link into a closed fold opens it too.
    const bare = await (await app.browser.newContext()).newPage();
    await bare.goto(`${app.server.baseUrl}${articlePath(article)}#reactie-${ids[4]}`);
    await bare.locator(`#reactie-${ids[4]}`).waitFor({ state: 'visible' });
    assert.deepEqual(errors, []);
  });

  it('shows the note of reacties closed by time, and the moderators’ page of held edits, without axe violations', async () => {
    await saveSettings(app.t.db, { reacties: { closeAfterDays: 7 } });
    const article = await buildArticle(app.t.db, { title: 'Oud nieuws', publishedAt: new Date(Date.now() - 8 * DAY) });
    const page = await (await app.browser.newContext()).newPage();
    await page.goto(`${app.server.baseUrl}${articlePath(article)}`);
    assert.match((await page.locator('.closed').textContent())!, /Reageren is gesloten sinds/);
    await assertNoAxeViolations(page, 'an article closed by time');
    await saveSettings(app.t.db, { reacties: { closeAfterDays: 0 } });

    const fresh = await buildArticle(app.t.db, { title: 'Nieuw nieuws' });
    const id = await buildReactie(app.t.db, fresh, { body: 'Oude tekst.' });
    await app.t
      .db('reacties')
      .where({ id })
      .update({ pending_body: 'Nieuwe tekst.', pending_body_html: '<p>Nieuwe tekst.</p>', pending_edit_at: new Date() });
    const moderator = await buildUser(app.t.db, 'moderator');
    const mod = await (await app.browser.newContext()).newPage();
    await browserLogin(mod, app.server.baseUrl, moderator.email, TEST_PASSWORD);
    await mod.goto(`${app.server.baseUrl}/beheer/reacties`);
    await mod.getByRole('link', { name: /gewijzigde reactie wacht/ }).click();
    await mod.waitForURL(/\/beheer\/reacties\/wijzigingen$/);
    await assertNoAxeViolations(mod, 'the held edits page');
    await mod.getByRole('button', { name: 'Wijziging goedkeuren' }).focus();
    await mod.keyboard.press('Enter');
    // The same address again after the redirect: wait for the message itself.
    await mod.getByText(/staat nu op de pagina/).waitFor();
    assert.equal(await mod.getByRole('button', { name: 'Wijziging goedkeuren' }).count(), 0);
  });
});
