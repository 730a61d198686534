// Issue 23, in the browser, with the keyboard: an editor writes a new article with tags and a
// dossier before its first save, previews it as a resident sees it at phone and desktop width, and
// offers it for review; the eindredacteur sends it back with a note; the editor fixes it and offers
// it again; the eindredacteur publishes it; a resident reads it. Every page passes axe.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { buildUser, TEST_PASSWORD } from '../helpers/builders';
import { useBrowserApp } from '../helpers/browser';
import { assertNoAxeViolations } from '../helpers/axe';
import { focusIs, keyboardLogin as loginWithKeyboard, tabTo } from '../helpers/keyboard';
import { articlePath, findArticleById } from '../../server/articles/queries';
import { createDossier } from '../../server/dossiers/queries';
import { pdfFromText } from '../helpers/pdf';

describe('browser: review before publication, one screen and the preview', function () {
  this.timeout(180_000);
  const app = useBrowserApp();

  const keyboardLogin = (page: Page, email: string) => loginWithKeyboard(page, app.server.baseUrl, email, TEST_PASSWORD);

  it('writes with tags and a dossier, previews, is sent back with a note, resubmitted, published and read', async () => {
    const base = app.server.baseUrl;
    const dossier = await createDossier(
      app.t.db,
      { title: 'Weekmarkt', slug: 'weekmarkt', introMarkdown: 'Alles over de markt.', participants: '' },
      new Date(),
    );
    const editor = await buildUser(app.t.db, 'editor', { name: 'Els Redacteur' });
    const chief = await buildUser(app.t.db, 'chief', { name: 'Carla Eindredacteur' });
    const errors: string[] = [];
    const ed = await (await app.browser.newContext()).newPage();
    ed.on('pageerror', (e) => errors.push(e.message));
    await keyboardLogin(ed, editor.email);

    // A new article: title, text, tags and a dossier, all before the first save.
    await ed.goto(`${base}/beheer/artikelen/nieuw`);
    await assertNoAxeViolations(ed, 'new article form');
    assert.equal(await ed.locator('#status-publiceren').count(), 0, 'an editor cannot publish directly');
    await tabTo(ed, '#titel');
    await ed.keyboard.type('De weekmarkt verhuist naar het Plein');
    await tabTo(ed, '#tekst');
    await ed.keyboard.type('De weekmarkt staat voortaan op het Plein.');
    await tabTo(ed, '#tags');
    await ed.keyboard.type('markt, Plein');
    await tabTo(ed, `#dossier-${dossier.id}`);
    await ed.keyboard.press('Space');
    // An attachment too, before the first save: it waits, chosen, through the preview.
    await ed.setInputFiles('#bijlage_bestand', {
      name: 'Raadsbrief weekmarkt.pdf',
      mimeType: 'application/pdf',
      buffer: await pdfFromText('De weekmarkt verhuist naar het Plein.'),
    });

    // The preview: the article template in a frame, at phone width, then at desktop width.
    await tabTo(ed, 'button[value="voorbeeld"]');
    await ed.keyboard.press('Enter');
    await ed.waitForSelector('iframe.preview-frame');
    const frame = ed.frameLocator('iframe.preview-frame');
    assert.equal(await frame.locator('h1').textContent(), 'De weekmarkt verhuist naar het Plein');
    assert.match((await frame.locator('.in-dossier').textContent())!, /In dossier: Weekmarkt/);
    assert.match((await frame.locator('.article-tags').textContent())!, /markt, Plein/);
    assert.equal(await frame.locator('.beheer-nav, form.reactie-form, #reactie-form').count(), 0);
    const width = async () => (await ed.locator('iframe.preview-frame').boundingBox())!.width;
    assert.equal(Math.round(await width()), 390);
    // In a frame of 390 pixels the site's own phone layout applies: the frame's viewport is that wide.
    assert.equal(await frame.locator('body').evaluate(() => window.innerWidth), 390);
    await tabTo(ed, '#breedte-telefoon');
    await ed.keyboard.press('ArrowDown');
    assert.equal(await ed.locator('#breedte-computer').isChecked(), true);
    assert.equal(Math.round(await width()), 1280);
    await assertNoAxeViolations(ed, 'editor with the preview');
    // Nothing was lost: the tags and the dossier are still chosen.
    assert.equal(await ed.locator('#tags').inputValue(), 'markt, Plein');
    assert.equal(await ed.locator(`#dossier-${dossier.id}`).isChecked(), true);
    const chosen = ed.locator('input[name="bijlage"]');
    assert.equal(await chosen.isChecked(), true);
    assert.match(
      (await ed.locator(`label[for="${await chosen.getAttribute('id')}"]`).textContent())!,
      /Al gekozen: „Raadsbrief weekmarkt” \(pdf, /,
    );

    // Offered for review: the radio after "Concept", then Opslaan.
    await tabTo(ed, '#status-concept');
    await ed.keyboard.press('ArrowDown');
    assert.equal(await ed.locator('#status-beoordeling').isChecked(), true);
    await tabTo(ed, 'button[value="opslaan"]:not([hidden])');
    await ed.keyboard.press('Enter');
    await ed.waitForURL(/\/beheer\/artikelen\/\d+$/);
    assert.match(
      (await ed.locator('.flash').first().textContent())!,
      /ter beoordeling aangeboden\. Bijlage „Raadsbrief weekmarkt” toegevoegd\./,
    );
    assert.match((await ed.locator('#bijlagen').textContent())!, /Raadsbrief weekmarkt \(pdf, /);
    const id = Number(/(\d+)$/.exec(ed.url())![1]);
    assert.equal((await findArticleById(app.t.db, id))!.status, 'review');

    // The eindredacteur: the count on the Overzicht, the list, and the article sent back with a note.
    const ch = await (await app.browser.newContext()).newPage();
    ch.on('pageerror', (e) => errors.push(e.message));
    await keyboardLogin(ch, chief.email);
    assert.match((await ch.locator('main').textContent())!, /Ter beoordeling: 1 artikel wacht op jouw beoordeling/);
    await tabTo(ch, 'main a[href="/beheer/artikelen?status=ter-beoordeling"]');
    await ch.keyboard.press('Enter');
    await ch.waitForURL(/status=ter-beoordeling$/);
    await assertNoAxeViolations(ch, 'list of articles waiting for review');
    assert.match((await ch.locator('table').textContent())!, /De weekmarkt verhuist naar het Plein\s*Nieuws\s*Els Redacteur/);
    await tabTo(ch, `a[href="/beheer/artikelen/${id}#beoordeling"]`);
    await ch.keyboard.press('Enter');
    await ch.waitForURL(new RegExp(`/beheer/artikelen/${id}#beoordeling$`));
    await assertNoAxeViolations(ch, 'editor with the review panel');
    await tabTo(ch, '#notitie');
    await ch.keyboard.type('Noem de datum van de verhuizing.');
    await tabTo(ch, 'button[value="terugsturen"]');
    await ch.keyboard.press('Enter');
    await ch.waitForURL(new RegExp(`/beheer/artikelen/${id}$`));
    assert.match((await ch.locator('.flash').first().textContent())!, /teruggestuurd naar de auteur/);

    // The editor sees the note, fixes the text and offers it again.
    await ed.reload();
    await assertNoAxeViolations(ed, 'editor with the note of the eindredacteur');
    assert.match(
      (await ed.locator('#beoordeling').textContent())!,
      /Teruggestuurd door Carla Eindredacteur[\s\S]*Noem de datum van de verhuizing\./,
    );
    await tabTo(ed, '#tekst');
    await ed.keyboard.press('End');
    await ed.keyboard.type(' Vanaf zaterdag 7 maart.');
    await tabTo(ed, '#status-concept');
    await ed.keyboard.press('ArrowDown');
    await tabTo(ed, 'button[value="opslaan"]:not([hidden])');
    await ed.keyboard.press('Enter');
    await ed.waitForURL(/\/beheer\/artikelen\/\d+$/);
    assert.match((await ed.locator('.flash').first().textContent())!, /ter beoordeling aangeboden/);

    // The eindredacteur publishes it, now.
    await ch.goto(`${base}/beheer/artikelen/${id}`);
    assert.match((await ch.locator('#beoordeling').textContent())!, /Aangeboden door Els Redacteur/);
    await tabTo(ch, 'button[value="publiceren"]');
    await ch.keyboard.press('Enter');
    await ch.waitForURL(new RegExp(`/beheer/artikelen/${id}$`));
    assert.match((await ch.locator('.flash').first().textContent())!, /goedgekeurd en gepubliceerd/);

    // A resident reads it, in its dossier and with its tags.
    const article = (await findArticleById(app.t.db, id))!;
    assert.equal(article.status, 'published');
    const resident = await (await app.browser.newContext()).newPage();
    await resident.goto(`${base}${articlePath(article)}`);
    assert.equal(await resident.locator('h1').textContent(), 'De weekmarkt verhuist naar het Plein');
    assert.match((await resident.locator('.article-body').textContent())!, /Vanaf zaterdag 7 maart\./);
    assert.match((await resident.locator('.in-dossier').textContent())!, /Weekmarkt/);
    assert.match((await resident.locator('.article-tags').textContent())!, /Plein/);
    await assertNoAxeViolations(resident, 'the published article for a resident');
    assert.equal(await focusIs(resident, 'body'), true);
    assert.deepEqual(errors, []);
    await Promise.all([ed.context().close(), ch.context().close(), resident.context().close()]);
  });
});
