// Issue 23's target: an article with five photos weighs under 400 KB on a phone's first view. A phone
// of 390 CSS pixels (device pixel ratio 2, as most phones have at least) opens the article with its
// lead image at the top and five photos in the text; every response of that first view (the page,
// stylesheet, script, and the photos the browser fetches before any scrolling, lazy loading
// included) is summed as transferred (headers and body as sent). Every image has width, height and alt.
import assert from 'node:assert/strict';
import { buildArticle } from '../helpers/builders';
import { useBrowserApp } from '../helpers/browser';
import { photoLike } from '../helpers/images';
import { loginAs } from '../helpers/http';
import { articlePath } from '../../server/articles/queries';

const FIRST_VIEW_MAX_BYTES = 400_000;

describe('browser: the weight of an article with five photos on a phone', function () {
  this.timeout(180_000);
  const app = useBrowserApp();

  it('stays under 400 KB in the first view, every image with width, height and alt', async () => {
    const uploader = await loginAs(app.t.app, app.t.db, 'editor');
    const ids: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await uploader.agent
        .post(`/beheer/media/fotos?_csrf=${encodeURIComponent(uploader.csrf)}`)
        .set('Accept', 'application/json')
        .field('alt', `Foto ${i + 1} van de nieuwe fietsenstalling`)
        .field('bijschrift', 'De stalling bij het station')
        .field('fotograaf', 'Anna de Vries')
        .field('artikel', '')
        .attach('foto', await photoLike(2400, 1600, i + 1), { filename: `stalling-${i + 1}.jpg`, contentType: 'image/jpeg' })
        .expect(201);
      ids.push(Number(res.body.id));
    }
    const paragraph = 'De nieuwe stalling heeft plek voor 1.200 fietsen, op twee verdiepingen, met een bewaker overdag. '.repeat(3);
    const body = ids
      .slice(1)
      .map((id, i) => `${paragraph}\n\n${i % 2 ? paragraph : ''}\n\n[foto ${id}]`)
      .join('\n\n');
    const article = await buildArticle(app.t.db, {
      title: 'De stalling in beeld',
      bodyMarkdown: `${paragraph}\n\n${body}`,
      leadImageId: ids[0],
    });

    const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true });
    const page = await context.newPage();
    const transferred: Array<{ url: string; bytes: number }> = [];
    const pending: Array<Promise<void>> = [];
    page.on('requestfinished', (request) => {
      pending.push(
        request.sizes().then((s) => {
          transferred.push({ url: request.url(), bytes: s.responseHeadersSize + s.responseBodySize });
        }),
      );
    });
    await page.goto(`${app.server.baseUrl}${articlePath(article)}`, { waitUntil: 'load' });
    await page.waitForLoadState('networkidle');
    await Promise.all(pending);
    const total = transferred.reduce((sum, r) => sum + r.bytes, 0);
    const photos = transferred.filter((r) => r.url.includes('/beelden/'));
    const report = transferred.map((r) => `${r.bytes} ${r.url.replace(app.server.baseUrl, '')}`).join('\n');
    assert.ok(total < FIRST_VIEW_MAX_BYTES, `first view ${total} bytes:\n${report}`);
    // The lead image came (not lazy), in a phone's size: not the 1600-wide variant.
    assert.ok(
      photos.some((r) => r.url.includes(`/beelden/${ids[0]}/`)),
      report,
    );
    assert.ok(
      photos.every((r) => !/-1600\./.test(r.url)),
      report,
    );
    // Lazy loading keeps the photos far down the text for later.
    assert.ok(!photos.some((r) => r.url.includes(`/beelden/${ids[5]}/`)), `the last photo waits for scrolling:\n${report}`);

    const images = await page
      .locator('img')
      .evaluateAll((all) =>
        all.map((i) => ({ alt: i.getAttribute('alt'), width: i.getAttribute('width'), height: i.getAttribute('height') })),
      );
    assert.equal(images.length, 6);
    for (const image of images) {
      assert.ok(image.alt && image.width && image.height, JSON.stringify(image));
    }
  });
});
