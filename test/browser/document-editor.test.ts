// An editor writes written questions in a real browser: choosing the type shows only its fields,
// the answers go in pairs, and the article shows the card and the questions with their answers.
import assert from 'node:assert/strict';
import { buildUser, TEST_PASSWORD } from '../helpers/builders';
import { browserLogin, useBrowserApp } from '../helpers/browser';

describe('browser: the document editor', function () {
  this.timeout(60_000);
  const app = useBrowserApp();

  it('shows only the chosen type’s fields, and publishes written questions with their card and answers', async () => {
    const editor = await buildUser(app.t.db, 'chief');
    const context = await app.browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await browserLogin(page, app.server.baseUrl, editor.email, TEST_PASSWORD);
    await page.goto(`${app.server.baseUrl}/beheer/artikelen/nieuw`);
    const vragen = page.locator('[data-document-type="schriftelijke-vragen"]');
    const memo = page.locator('[data-document-type="memo"]');
    assert.equal(await vragen.isVisible(), false, 'news has no document fields');
    await page.getByLabel('Soort').selectOption('schriftelijke-vragen');
    assert.equal(await vragen.isVisible(), true);
    assert.equal(await memo.isVisible(), false);
    await page.getByLabel('Titel').fill('Vragen over de speeltuin');
    await page.getByLabel('Tekst', { exact: true }).fill('De fractie van D66 stelt de volgende vragen.');
    await vragen.getByLabel('Onderwerp').fill('Speeltuin Wilhelminapark');
    await vragen.getByLabel('Datum', { exact: true }).fill('8 december 2017');
    await vragen.getByLabel('Partijen').fill('D66\nPvdA');
    await page.getByLabel('Vraag 1', { exact: true }).fill('Wanneer gaat de speeltuin weer open?');
    await page.getByLabel('Antwoord 1', { exact: true }).fill('In het voorjaar van 2018.');
    await page.getByLabel('Vraag 2', { exact: true }).fill('Wie betaalt de reparatie?');
    await page.getByLabel('Publiceren').check();
    await page.getByRole('button', { name: 'Opslaan' }).click();
    await page.waitForURL(/\/beheer\/artikelen\/\d+$/);
    await page.getByRole('link', { name: /\/\d{4}\/\d{2}\/vragen-over-de-speeltuin/ }).click();
    await page.waitForLoadState('load');
    const card = page.locator('dl.document-card');
    assert.match(
      (await card.textContent())!,
      /Datum\s*8 december 2017[\s\S]*Onderwerp\s*Speeltuin Wilhelminapark[\s\S]*Partijen\s*D66, PvdA/,
    );
    assert.match((await page.locator('#antwoord-1').textContent())!, /In het voorjaar van 2018/);
    assert.match((await page.locator('#antwoord-2').textContent())!, /Nog niet beantwoord/);
    await page.goto(`${page.url()}#vraag-2`);
    assert.equal(await page.locator('#vraag-2').isVisible(), true);
    assert.deepEqual(errors, []);
    await context.close();
  });
});
