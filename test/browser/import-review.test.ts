// The paste-import's review step in a real browser: an editor pastes seed 002 (written questions with
// the college's answers), sees the 7 questions with their answers line by line, drops a line as
// letterhead with only the keyboard, recognises again, and the editor below follows. Axe-clean.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { buildUser, TEST_PASSWORD } from '../helpers/builders';
import { browserLogin, useBrowserApp } from '../helpers/browser';
import { assertNoAxeViolations } from '../helpers/axe';
import { tabTo } from '../helpers/keyboard';

const SEED = path.join(__dirname, '..', 'fixtures', 'documents', 'seeds', '002_3e7e3dd9611e8dcd.txt');

describe('browser: the paste-import’s review step', function () {
  this.timeout(120_000);
  const app = useBrowserApp();

  it('shows the questions with their answers, and recognises again after a correction made with the keyboard', async () => {
    const text = fs.readFileSync(SEED, 'utf8');
    const line = text.split('\n').findIndex((l) => l.includes('Naar aanleiding van uw bovengenoemde brief'));
    const editor = await buildUser(app.t.db, 'editor');
    const page = await (await app.browser.newContext()).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await browserLogin(page, app.server.baseUrl, editor.email, TEST_PASSWORD);
    await page.goto(`${app.server.baseUrl}/beheer/artikelen/importeren`);
    await page.getByLabel('Of: de tekst van het document').fill(text);
    await page.getByRole('button', { name: 'Herkennen en invullen' }).click();
    const review = page.locator('section.import-review');
    await review.waitFor();
    assert.match((await review.textContent())!, /7 vragen, waarvan 7 met antwoord\./);
    const roles = await review.locator('select').evaluateAll((ss) => ss.map((s) => (s as HTMLSelectElement).value));
    assert.equal(roles.filter((r) => r === 'question').length, 7);
    assert.equal(roles.filter((r) => r === 'answer').length, 7);
    const numbers = (role: string) =>
      review
        .locator(`tr:has(select option[value="${role}"]:checked) input`)
        .evaluateAll((is) => is.map((i) => (i as HTMLInputElement).value));
    assert.deepEqual(await numbers('question'), ['1', '2', '3', '4', '5', '6', '7']);
    assert.deepEqual(await numbers('answer'), ['1', '2', '3', '4', '5', '6', '7']);
    assert.match(await page.getByLabel('Tekst', { exact: true }).inputValue(), /Naar aanleiding van uw bovengenoemde brief/);
    await assertNoAxeViolations(page, 'the import with its review');

    // With the keyboard only: to the line's role, one choice down twice (tekst → tussenkop → briefhoofd), to the button.
    await tabTo(page, `#rol_${line}`, { max: 400 });
    assert.equal(await page.locator(`#rol_${line}`).inputValue(), 'body');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.locator(`#rol_${line}`).inputValue(), 'letterhead');
    await tabTo(page, '#correcties button[type="submit"]', { max: 400 });
    await page.keyboard.press('Enter');
    await page.getByText('1 correctie toegepast.').waitFor();
    assert.equal(await page.locator(`#rol_${line}`).inputValue(), 'letterhead');
    assert.doesNotMatch(await page.getByLabel('Tekst', { exact: true }).inputValue(), /Naar aanleiding van uw bovengenoemde brief/);
    assert.match(await page.getByLabel('Antwoord 7', { exact: true }).inputValue(), /Bijzondere Bijstand/);
    await assertNoAxeViolations(page, 'the import recognised again');
    assert.deepEqual(errors, []);
  });
});
