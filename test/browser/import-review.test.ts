// The paste-import's review step in a real browser: an editor pastes seed 002 (written questions with
// the college's answers), sees the 7 questions with their answers line by line, drops a line as
// letterhead with only the keyboard, recognises again, and the editor below follows. Then a question
// is split in one click and an answer given with the keyboard while the editor's own title stays,
// and Enter in the title still saves. Axe-clean.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { buildUser, TEST_PASSWORD } from '../helpers/builders';
import { browserLogin, useBrowserApp } from '../helpers/browser';
import { assertNoAxeViolations } from '../helpers/axe';
import { tabTo } from '../helpers/keyboard';
import { BANKJES_MOTIE, TREES_QUESTIONS } from '../helpers/documents';

const SEED = path.join(__dirname, '..', 'fixtures', 'documents', 'seeds', '002_3e7e3dd9611e8dcd.txt');

describe('browser: the paste-import’s review step', function () {
  this.timeout(120_000);
  const app = useBrowserApp();

  /** An editor pastes the text into "Document importeren" and clicks "Herkennen en invullen"; script errors are collected. */
  const recognised = async (text: string) => {
    const editor = await buildUser(app.t.db, 'editor');
    const page = await (await app.browser.newContext()).newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await browserLogin(page, app.server.baseUrl, editor.email, TEST_PASSWORD);
    await page.goto(`${app.server.baseUrl}/beheer/artikelen/importeren`);
    await page.getByLabel('Of: de tekst van het document').fill(text);
    await page.getByRole('button', { name: 'Herkennen en invullen' }).click();
    return { page, errors };
  };

  it('shows the questions with their answers, and recognises again after a correction made with the keyboard', async () => {
    const text = fs.readFileSync(SEED, 'utf8');
    const line = text.split('\n').findIndex((l) => l.includes('Naar aanleiding van uw bovengenoemde brief'));
    const { page, errors } = await recognised(text);
    const review = page.locator('section.import-review');
    await review.waitFor();
    assert.match((await review.textContent())!, /7 vragen, waarvan 7 met antwoord\./);
    const roles = await review.locator('select').evaluateAll((ss) => ss.map((s) => (s as HTMLSelectElement).value));
    assert.equal(roles.filter((r) => r === 'question').length, 7);
    assert.equal(roles.filter((r) => r === 'answer').length, 7);
    const numbers = (role: string) =>
      review
        .locator(`li.review-block:has(select option[value="${role}"]:checked) input[inputmode="numeric"]`)
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
    await tabTo(page, '#herkennen', { max: 400 });
    await page.keyboard.press('Enter');
    await page.getByText('1 correctie toegepast.').waitFor();
    assert.equal(await page.locator(`#rol_${line}`).inputValue(), 'letterhead');
    assert.doesNotMatch(await page.getByLabel('Tekst', { exact: true }).inputValue(), /Naar aanleiding van uw bovengenoemde brief/);
    assert.match(await page.getByLabel('Antwoord 7', { exact: true }).inputValue(), /Bijzondere Bijstand/);
    await assertNoAxeViolations(page, 'the import recognised again');
    assert.deepEqual(errors, []);
  });

  it('splits a question in one click and takes an answer from the keyboard, keeping the editor’s title; Enter in the title saves', async () => {
    const text = TREES_QUESTIONS;
    const { page, errors } = await recognised(text);
    await page.locator('section.import-review').waitFor();
    await page.getByLabel('Titel', { exact: true }).fill('Bomen in Wyck: onze vragen');

    await page.getByRole('button', { name: 'Splits hier (vraag 2 begint bij regel 7)', exact: true }).click();
    await page.getByText('Wat je zelf in het formulier veranderde, is gebleven: de titel.').waitFor();
    assert.equal(await page.getByLabel('Titel', { exact: true }).inputValue(), 'Bomen in Wyck: onze vragen');
    assert.equal(await page.getByLabel('Vraag 2', { exact: true }).inputValue(), 'Worden er nieuwe geplant?');
    assert.equal(await page.getByLabel('Vraag 3', { exact: true }).inputValue(), 'Wanneer begint het planten?');
    assert.match((await page.locator('.import-warnings').textContent())!, /3 vragen gevonden, maar 2 antwoorden/);
    await assertNoAxeViolations(page, 'the review after a split');

    // The last line is answer 3: chosen and numbered with the keyboard, Enter in the number box recognises again.
    await page.getByLabel('Soort van regel 14').focus();
    await page.keyboard.press('End');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'nummer_13');
    await page.keyboard.type('3');
    await page.keyboard.press('Enter');
    await page.getByText('Wat je zelf in het formulier veranderde, is gebleven: de titel.').waitFor();
    assert.equal(await page.getByLabel('Antwoord 3', { exact: true }).inputValue(), 'Volgend jaar in maart.');
    assert.equal(await page.locator('.import-warnings').count(), 0);
    assert.match((await page.locator('li.review-block.corrected').last().textContent())!, /Jouw correctie; herkend als Tekst\./);

    // Enter in the title saves the article, as everywhere in beheer.
    await page.getByLabel('Titel', { exact: true }).press('Enter');
    await page.waitForURL(/\/beheer\/artikelen\/\d+$/);
    await page.getByText('Artikel opgeslagen als concept.').waitFor();
    await page.getByRole('button', { name: 'Opnieuw herkennen' }).waitFor();
    assert.deepEqual(errors, []);
  });
  it('offers the title line next to the empty onderwerp, and "Overnemen" fills it in without sending the form', async () => {
    const text = BANKJES_MOTIE;
    const { page, errors } = await recognised(text);
    const field = page.locator('#doc__motie__onderwerp');
    await field.waitFor();
    assert.equal(await field.inputValue(), '');
    const suggestion = page.locator('.field-suggestion[data-voorstel="doc__motie__onderwerp"]');
    assert.match((await suggestion.textContent())!, /Voorstel: Bankjes in het Wilhelminapark/);
    await assertNoAxeViolations(page, 'the import with a suggestion');
    let sent = false;
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().includes('/beheer/artikelen')) sent = true;
    });
    await suggestion.getByRole('button', { name: 'Overnemen als onderwerp' }).click();
    assert.equal(await field.inputValue(), 'Bankjes in het Wilhelminapark');
    assert.equal(await suggestion.count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'doc__motie__onderwerp');
    assert.equal(sent, false);
    assert.deepEqual(errors, []);
  });
});
