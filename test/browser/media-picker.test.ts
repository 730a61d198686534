// "Kies uit de mediabibliotheek" in the editor, keyboard only: with JavaScript a dialog (search, pages)
// puts an earlier photo's line where the cursor was and ticks another as lead image; Escape closes it
// and focus goes back. Without JavaScript the button opens the plain page and the choice comes back in
// the editor with everything typed. A resident then sees the lead image at the top of the article.
// Every page, and the open dialog, passes axe (run where JavaScript is on).
import assert from 'node:assert/strict';
import { buildArticle } from '../helpers/builders';
import { useBrowserApp } from '../helpers/browser';
import { assertNoAxeViolations } from '../helpers/axe';
import { jpegWithGps } from '../helpers/images';
import { loginAs } from '../helpers/http';
import { pdfFromText } from '../helpers/pdf';
import { focusIs, tabTo } from '../helpers/keyboard';
import { editorPage, uploadPhoto, type Staff } from '../helpers/staff';
import { articlePath, findArticleById } from '../../server/articles/queries';

describe('browser: an earlier photo from the media library in the editor', function () {
  this.timeout(120_000);
  const app = useBrowserApp();
  let shed: number;
  let market: number;
  let uploader: Staff;

  before(async () => {
    uploader = await loginAs(app.t.app, app.t.db, 'editor');
    const upload = async (alt: string, colour: string) =>
      uploadPhoto(uploader, { alt, bijschrift: 'Op de eerste dag', fotograaf: 'Anna de Vries' }, await jpegWithGps(1600, 1000, { colour }));
    shed = await upload('Fietsenstalling bij het station', '#336699');
    market = await upload('Kramen op de weekmarkt', '#993333');
  });

  it('with JavaScript: a dialog puts the photo at the cursor and sets the lead image, keyboard only', async () => {
    const article = await buildArticle(app.t.db, { title: 'Stalling open', bodyMarkdown: 'De stalling is open.\n\nEr is plek.' });
    const base = app.server.baseUrl;
    const { page, errors } = await editorPage(app);
    await page.goto(`${base}/beheer/artikelen/${article.id}`);

    // The cursor after the first paragraph.
    await tabTo(page, '#tekst');
    await page.evaluate(() => (document.getElementById('tekst') as HTMLTextAreaElement).setSelectionRange(20, 20));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');

    await tabTo(page, 'button[data-media-picker]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#mediakiezer[open] [data-media-list] li');
    assert.ok(await focusIs(page, '#mediakiezer-zoek'), 'focus in the search field of the dialog');
    assert.match((await page.locator('[data-media-status]').textContent())!, /2 foto’s, pagina 1 van 1\./);
    await assertNoAxeViolations(page, 'editor with the media library dialog open');

    // Escape closes it; focus is back on the button and nothing changed.
    await page.keyboard.press('Escape');
    assert.equal(await page.locator('#mediakiezer[open]').count(), 0);
    assert.ok(await focusIs(page, 'button[data-media-picker]'));
    assert.equal(await page.inputValue('#tekst'), 'De stalling is open.\n\nEr is plek.');

    await page.keyboard.press('Enter');
    await page.waitForSelector('#mediakiezer[open]');
    await page.keyboard.type('station');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /^1 foto, pagina 1 van 1\.$/.test(document.querySelector('[data-media-status]')?.textContent ?? ''));
    assert.ok(await focusIs(page, '[data-media-list] li:first-child button:first-child'), 'focus on the first photo found');
    assert.equal(await page.locator('[data-media-list] li').count(), 1);
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('#mediakiezer[open]').count(), 0);
    assert.equal(await page.inputValue('#tekst'), `De stalling is open.\n\n[foto ${shed}]\n\nEr is plek.`);
    assert.ok(await focusIs(page, '#tekst'), 'focus back in the text');
    assert.match((await page.locator('[data-media-picked]').textContent())!, new RegExp(`Foto in de tekst gezet: \\[foto ${shed}\\]`));

    // The other photo as lead image.
    await tabTo(page, 'button[data-media-picker]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelectorAll('#mediakiezer [data-media-list] li').length === 2);
    await tabTo(page, `button[aria-describedby="mediakiezer-foto-${market}"].secondary`);
    await page.keyboard.press('Enter');
    assert.ok(await focusIs(page, `#hoofdfoto-${market}`), 'focus on the lead image chosen');
    assert.ok(await page.isChecked(`#hoofdfoto-${market}`));
    await assertNoAxeViolations(page, 'editor after choosing from the media library');

    // The preview shows that lead image as a resident will see it, at phone width and at desktop width.
    await tabTo(page, 'button[value="voorbeeld"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('iframe.preview-frame');
    const frame = page.frameLocator('iframe.preview-frame');
    const previewLead = frame.locator('.lead-figure img');
    assert.equal(await previewLead.getAttribute('alt'), 'Kramen op de weekmarkt');
    assert.deepEqual([await previewLead.getAttribute('width'), await previewLead.getAttribute('height')], ['1600', '1000']);
    assert.match((await previewLead.getAttribute('srcset'))!, /-480\.jpg 480w, .*-960\.jpg 960w, .*-1600\.jpg 1600w$/);
    assert.equal(await frame.locator('.lead-figure figcaption').textContent(), 'Op de eerste dag\n    Foto: Anna de Vries');
    const shown = () =>
      previewLead.evaluate(async (img: HTMLImageElement) => {
        await img.decode();
        return { width: img.getBoundingClientRect().width, src: img.currentSrc };
      });
    const phone = await shown();
    assert.ok(phone.width > 300 && phone.width < 390, `the phone's full width less the margins: ${phone.width}`);
    assert.match(phone.src, /-480\.webp$/, phone.src);
    await tabTo(page, '#breedte-telefoon');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.querySelector('iframe.preview-frame')!.getBoundingClientRect().width > 1000);
    assert.equal(Math.round((await shown()).width), 672, 'the text column of a computer (42rem)');
    await assertNoAxeViolations(page, 'editor with the preview of the lead image');

    await tabTo(page, 'button[value="opslaan"]:not([hidden])');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => /Artikel opgeslagen/.test(document.querySelector('.flash')?.textContent ?? ''));
    const saved = (await findArticleById(app.t.db, article.id))!;
    assert.equal(saved.leadImageId, market);
    assert.equal(saved.bodyMarkdown, `De stalling is open.\n\n[foto ${shed}]\n\nEr is plek.`);
    // The plain page (axe runs with JavaScript; the page has no script of its own).
    await page.goto(`${base}/beheer/media/kiezen?artikel=${article.id}`);
    await assertNoAxeViolations(page, 'the plain media library choice');
    assert.deepEqual(errors, []);

    // A resident: the lead image at the top, the other photo in the text.
    const resident = await (await app.browser.newContext({ viewport: { width: 390, height: 800 } })).newPage();
    await resident.goto(`${base}${articlePath(saved)}`);
    const lead = resident.locator('.lead-figure img');
    assert.equal(await lead.getAttribute('alt'), 'Kramen op de weekmarkt');
    assert.deepEqual([await lead.getAttribute('width'), await lead.getAttribute('height')], ['1600', '1000']);
    assert.match((await lead.getAttribute('sizes'))!, /calc\(100vw - 2rem\)/);
    assert.equal(await resident.locator('.lead-figure figcaption').textContent(), 'Op de eerste dag\n    Foto: Anna de Vries');
    assert.equal(await resident.locator('.article-body figure img').getAttribute('alt'), 'Fietsenstalling bij het station');
    await assertNoAxeViolations(resident, 'article with its lead image on top');
  });

  it('without JavaScript: the plain page, and back in the editor with the text typed and the photo', async () => {
    const article = await buildArticle(app.t.db, { title: 'Markt verhuist', bodyMarkdown: 'De markt verhuist.' });
    const base = app.server.baseUrl;
    const { page } = await editorPage(app, 'editor', { javaScriptEnabled: false });
    await page.goto(`${base}/beheer/artikelen/${article.id}`);
    await tabTo(page, '#tekst');
    await page.keyboard.press('End');
    await page.keyboard.type(' Naar het plein, nog niet opgeslagen.');
    await tabTo(page, 'button[data-media-picker]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/beheer\/media\/kiezen\?artikel=\d+$/);
    await tabTo(page, `button[value="tekst"][aria-describedby="foto-${market}-alt"]`);
    await page.keyboard.press('Enter');
    await page.waitForURL(/concept=terug/);
    assert.equal(await page.inputValue('#tekst'), `De markt verhuist. Naar het plein, nog niet opgeslagen.\n\n[foto ${market}]\n`);
    assert.match((await page.locator('.flash').first().textContent())!, /Kramen op de weekmarkt/);
  });

  it('the library and an attachment’s page with its replace form pass axe, and the form is reached by keyboard', async () => {
    const article = await buildArticle(app.t.db, { title: 'Begroting 2027' });
    await uploader.agent
      .post(`/beheer/artikelen/${article.id}/bijlagen?_csrf=${encodeURIComponent(uploader.csrf)}`)
      .field('titel', 'Begroting (pdf)')
      .attach('bestand', await pdfFromText('Begroting 2027.'), { filename: 'begroting.pdf', contentType: 'application/pdf' })
      .expect(303);
    const { page } = await editorPage(app);
    await page.goto(`${app.server.baseUrl}/beheer/media`);
    await assertNoAxeViolations(page, 'the media library');
    await tabTo(page, 'a[href^="/beheer/media/bijlagen/"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/beheer\/media\/bijlagen\/\d+$/);
    await assertNoAxeViolations(page, 'an attachment in the media library');
    await tabTo(page, '#vervang-bestand');
    await tabTo(page, 'form[enctype="multipart/form-data"] button[type="submit"]');
  });
});
