// An editor adds a photo to an article with alt text, caption and credit (the photo form sent in the
// background puts its line in the text), chooses it as lead image and saves, keyboard only apart from
// choosing the file; a resident sees the figure with srcset, width, height and lazy loading, the
// caption and credit, the lead image on the voorpagina and og:image. Every page passes axe.
import assert from 'node:assert/strict';
import { buildArticle } from '../helpers/builders';
import { useBrowserApp } from '../helpers/browser';
import { assertNoAxeViolations } from '../helpers/axe';
import { jpegWithGps } from '../helpers/images';
import { focusIs, tabTo } from '../helpers/keyboard';
import { editorPage } from '../helpers/staff';
import { articlePath, findArticleById } from '../../server/articles/queries';

describe('browser: photos in an article', function () {
  this.timeout(120_000);
  const app = useBrowserApp();

  it('adds a photo with alt text, caption and credit and a lead image; a resident sees figure, srcset, sizes and og:image', async () => {
    const article = await buildArticle(app.t.db, {
      title: 'Nieuwe fietsenstalling bij het station',
      bodyMarkdown: 'De stalling is open.\n\nEr is plek voor 1.200 fietsen.',
    });
    const base = app.server.baseUrl;
    const { page, errors } = await editorPage(app);
    await page.goto(`${base}/beheer/artikelen/${article.id}`);
    await assertNoAxeViolations(page, 'editor with the photo form');

    // The cursor after the first paragraph: the photo's line goes there.
    await tabTo(page, '#tekst');
    await page.evaluate(() => {
      const text = document.getElementById('tekst') as HTMLTextAreaElement;
      text.setSelectionRange(20, 20);
    });
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');

    // Without alt text the photo is refused, and focus goes to the alt field.
    await tabTo(page, '#foto-bestand');
    await page.setInputFiles('#foto-bestand', { name: 'stalling.jpg', mimeType: 'image/jpeg', buffer: await jpegWithGps(2400, 1600) });
    await tabTo(page, 'form[data-photo-upload] button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      /Beschrijf wat er op de foto te zien is/.test(document.querySelector('[data-photo-status]')?.textContent ?? ''),
    );
    assert.ok(await focusIs(page, '#foto-alt'), 'focus on the alt text field after the refusal');

    await page.keyboard.type('Overdekte fietsenstalling met twee verdiepingen naast het station');
    await tabTo(page, '#foto-bijschrift');
    await page.keyboard.type('De stalling op de eerste dag');
    await tabTo(page, '#foto-fotograaf');
    await page.keyboard.type('Anna de Vries');
    await tabTo(page, 'form[data-photo-upload] button[type="submit"]');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      /Foto toegevoegd en in de tekst gezet/.test(document.querySelector('[data-photo-status]')?.textContent ?? ''),
    );
    const photoId = Number(/\[foto (\d+)\]/.exec(await page.inputValue('#tekst'))?.[1]);
    assert.equal(await page.inputValue('#tekst'), `De stalling is open.\n\n[foto ${photoId}]\n\nEr is plek voor 1.200 fietsen.`);

    // The lead image: the photo is among the choices after a preview (it is in the text now).
    await tabTo(page, 'button[value="voorbeeld"]', { back: true });
    await page.keyboard.press('Enter');
    await page.waitForSelector('.preview figure');
    assert.match((await page.locator('.preview figcaption').textContent())!, /De stalling op de eerste dag Foto: Anna de Vries/);
    await assertNoAxeViolations(page, 'editor with the preview of the photo');
    await tabTo(page, '#hoofdfoto-geen');
    await page.keyboard.press('ArrowDown');
    assert.ok(await focusIs(page, `#hoofdfoto-${photoId}`));
    assert.ok(await page.isChecked(`#hoofdfoto-${photoId}`));
    await tabTo(page, 'button[value="opslaan"]:not([hidden])');
    await page.keyboard.press('Enter');
    // The preview came from the same address: wait for the saved editor's message.
    await page.waitForFunction(() => /Artikel opgeslagen/.test(document.querySelector('.flash')?.textContent ?? ''));
    assert.equal((await findArticleById(app.t.db, article.id))!.leadImageId, photoId);
    assert.deepEqual(errors, []);

    // A resident: the figure, its sources and sizes, lazy, with the caption and credit.
    const resident = await (await app.browser.newContext({ viewport: { width: 390, height: 800 } })).newPage();
    await resident.goto(`${base}${articlePath(article)}`);
    const img = resident.locator('.article-body figure picture img');
    assert.equal(await img.getAttribute('alt'), 'Overdekte fietsenstalling met twee verdiepingen naast het station');
    assert.deepEqual([await img.getAttribute('width'), await img.getAttribute('height')], ['1600', '1067']);
    assert.equal(await img.getAttribute('loading'), 'lazy');
    assert.match((await img.getAttribute('srcset'))!, /-480\.jpg 480w, .*-960\.jpg 960w, .*-1600\.jpg 1600w$/);
    assert.match((await resident.locator('.article-body figure source').getAttribute('type'))!, /^image\/webp$/);
    assert.equal(await resident.locator('.article-body figcaption').textContent(), 'De stalling op de eerste dag Foto: Anna de Vries');
    await img.scrollIntoViewIfNeeded();
    await resident.waitForFunction(() => {
      const i = document.querySelector<HTMLImageElement>('.article-body figure img');
      return Boolean(i?.complete && i.naturalWidth > 0);
    });
    // A phone of 390 CSS pixels picks a small WebP, not the largest.
    const chosen = await resident.evaluate(() => document.querySelector<HTMLImageElement>('.article-body figure img')!.currentSrc);
    assert.match(chosen, /-(480|960)\.webp$/, chosen);
    const og = await resident.locator('meta[property="og:image"]').getAttribute('content');
    assert.match(og!, new RegExp(`/beelden/${photoId}/[0-9a-f]{12}-share\\.jpg$`));
    assert.equal(await resident.locator('meta[property="og:image:width"]').getAttribute('content'), '1200');
    assert.equal(await resident.locator('meta[property="og:image:alt"]').getAttribute('content'), await img.getAttribute('alt'));
    await assertNoAxeViolations(resident, 'article with a photo');

    await resident.goto(`${base}/`);
    const lead = resident.locator('.teaser-image img');
    assert.deepEqual([await lead.getAttribute('width'), await lead.getAttribute('height')], ['1600', '1067']);
    assert.equal(await lead.getAttribute('alt'), 'Overdekte fietsenstalling met twee verdiepingen naast het station');
    await assertNoAxeViolations(resident, 'voorpagina with a lead image');
  });
});
