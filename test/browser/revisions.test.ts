// An editor corrects a published article with only a keyboard, a resident sees the correction
// and "Bijgewerkt op", and the editor compares the two versions and restores the first. Every
// page passes axe, every Tab stop shows its focus.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { buildArticle, TEST_PASSWORD } from '../helpers/builders';
import { useBrowserApp } from '../helpers/browser';
import { assertNoAxeViolations } from '../helpers/axe';
import { focusIs, keyboardLogin as loginWithKeyboard, tabTo } from '../helpers/keyboard';
import { editorPage } from '../helpers/staff';
import { articlePath, findArticleById } from '../../server/articles/queries';

describe('browser: revisions and corrections', function () {
  this.timeout(120_000);
  const app = useBrowserApp();

  const keyboardLogin = (page: Page, email: string) => loginWithKeyboard(page, app.server.baseUrl, email, TEST_PASSWORD);

  it('corrects a published article, shows the note to residents, compares two versions and restores the first', async () => {
    const article = await buildArticle(app.t.db, {
      title: 'Nieuwe fietsenstalling bij het station',
      bodyMarkdown: 'De stalling heeft 300 plekken en is dag en nacht open.',
    });
    const base = app.server.baseUrl;
    const { page, errors } = await editorPage(app, 'chief');

    // The editor: a new text and a correction note, with the keyboard.
    await page.goto(`${base}/beheer/artikelen/${article.id}`);
    await assertNoAxeViolations(page, 'editor of a published article');
    await tabTo(page, '#tekst');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('De stalling heeft 250 plekken en is dag en nacht open.');
    await tabTo(page, '#correctienoot');
    await page.keyboard.type('In een eerdere versie stond dat de stalling 300 plekken heeft; het zijn er 250.');
    await tabTo(page, 'button[value="opslaan"]:not([hidden])');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/beheer\/artikelen\/\d+$/);
    assert.match((await page.locator('.flash').textContent())!, /Artikel opgeslagen/);

    // A resident (no cookie): the note on top, and when the text changed.
    const resident = await (await app.browser.newContext()).newPage();
    await resident.goto(`${base}${articlePath(article)}`);
    assert.match(
      (await resident.locator('.correction').textContent())!,
      /Correctie \(.+\): In een eerdere versie stond dat de stalling 300/,
    );
    assert.match((await resident.locator('.article .meta').first().textContent())!, /Bijgewerkt op \d+ \w+ \d{4} om \d\d:\d\d/);
    assert.match((await resident.locator('.article-body').textContent())!, /250 plekken/);
    await assertNoAxeViolations(resident, 'corrected article for a resident');

    // The versions: the one from before and the correction, compared with the keyboard.
    await tabTo(page, 'main a[href$="/versies"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/versies$/);
    await assertNoAxeViolations(page, 'list of versions');
    await tabTo(page, 'button[form="vergelijk-formulier"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/versies\/vergelijken\?(naar=1&van=0|van=0&naar=1)$/);
    const diff = page.locator('.comparison');
    assert.match((await diff.locator('del').first().textContent())!, /\[weg: 300\]/);
    assert.match((await diff.locator('ins').first().textContent())!, /\[nieuw: 250\]/);
    assert.match((await diff.textContent())!, /Correctienoot/);
    await assertNoAxeViolations(page, 'comparison of two versions');

    // Restore the first version from the comparison: a confirmation, then the list with the new version.
    page.once('dialog', (d) => void d.accept());
    await tabTo(page, 'main form[action$="/versies/0/terugzetten"] button');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/versies$/);
    assert.match((await page.locator('.flash').textContent())!, /Versie 0 is teruggezet\. Dat is opgeslagen als versie 2\./);
    assert.match((await page.locator('table.revisions tbody tr').first().textContent())!, /Teruggezet naar versie 0/);
    await assertNoAxeViolations(page, 'list of versions after a restore');
    assert.equal((await findArticleById(app.t.db, article.id))!.bodyMarkdown, 'De stalling heeft 300 plekken en is dag en nacht open.');
    await resident.reload();
    assert.match((await resident.locator('.article-body').textContent())!, /300 plekken/);
    assert.deepEqual(errors, []);
    await resident.context().close();
    await page.context().close();
  });
  it('keeps what is typed while the session is lost, and offers it back after logging in again', async () => {
    const article = await buildArticle(app.t.db, { title: 'Wegwerkzaamheden', bodyMarkdown: 'Oude tekst.' });
    const base = app.server.baseUrl;
    const { page, errors, email } = await editorPage(app, 'chief');
    const context = page.context();
    await page.goto(`${base}/beheer/artikelen/${article.id}`);
    await tabTo(page, '#tekst');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Een lange nieuwe tekst die nog niet is opgeslagen.');
    await page.locator('#autosave-status', { hasText: 'Automatisch bewaard om' }).waitFor({ timeout: 15_000 });

    // The session is gone (the browser crashed, or it ran out): log in again and open the article.
    await context.clearCookies();
    await keyboardLogin(page, email);
    await page.goto(`${base}/beheer/artikelen/${article.id}`);
    assert.match((await page.locator('.draft-offer').textContent())!, /Je hebt tekst die nog niet is opgeslagen/);
    await assertNoAxeViolations(page, 'editor offering a draft back');
    await tabTo(page, '.draft-offer a');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?concept=terug$/);
    assert.equal(await page.locator('#tekst').inputValue(), 'Een lange nieuwe tekst die nog niet is opgeslagen.');
    await tabTo(page, 'button[value="opslaan"]:not([hidden])');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/beheer\/artikelen\/\d+$/);
    assert.equal((await findArticleById(app.t.db, article.id))!.bodyMarkdown, 'Een lange nieuwe tekst die nog niet is opgeslagen.');
    assert.equal(await page.locator('.draft-offer').count(), 0, 'the saved draft is gone');
    assert.deepEqual(errors, []);
    await context.close();
  });
  it('refuses to overwrite another editor’s save: the text stays, both versions are compared, saving again is on purpose', async () => {
    const article = await buildArticle(app.t.db, { title: 'Begroting 2027', bodyMarkdown: 'De begroting sluit met een tekort.' });
    const base = app.server.baseUrl;
    const { page: pageA } = await editorPage(app, 'chief');
    const { page: pageB } = await editorPage(app, 'chief');
    await pageA.goto(`${base}/beheer/artikelen/${article.id}`);
    await pageB.goto(`${base}/beheer/artikelen/${article.id}`);
    await pageA.locator('#tekst').fill('De begroting sluit met een overschot.');
    await pageA.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await pageA.waitForURL(/\/beheer\/artikelen\/\d+$/);

    await tabTo(pageB, '#tekst');
    await pageB.keyboard.press('Control+A');
    await pageB.keyboard.type('De begroting sluit met een klein tekort.');
    await tabTo(pageB, 'button[value="opslaan"]:not([hidden])');
    await pageB.keyboard.press('Enter');
    await pageB.waitForLoadState('load');
    assert.match(
      (await pageB.locator('#conflict h2').textContent())!,
      /Niet opgeslagen: iemand anders heeft dit artikel intussen opgeslagen/,
    );
    assert.equal(await focusIs(pageB, '#conflict'), true, 'focus on the message');
    assert.equal(await pageB.locator('#tekst').inputValue(), 'De begroting sluit met een klein tekort.');
    assert.match((await pageB.locator('#conflict del').first().textContent())!, /\[weg: overschot\]/);
    await assertNoAxeViolations(pageB, 'editor refused a save after another');
    assert.equal((await findArticleById(app.t.db, article.id))!.bodyMarkdown, 'De begroting sluit met een overschot.');

    // The form now carries the other's version: saving again is on purpose.
    await tabTo(pageB, 'button[value="opslaan"]:not([hidden])');
    await pageB.keyboard.press('Enter');
    await pageB.locator('.flash', { hasText: 'Artikel opgeslagen' }).waitFor();
    assert.equal((await findArticleById(app.t.db, article.id))!.bodyMarkdown, 'De begroting sluit met een klein tekort.');
    await pageA.context().close();
    await pageB.context().close();
  });
});
