// What a resident and an editor see on a phone, measured in Chromium: menu items wrap as a whole
// and never break inside a word ("Raadsdocumente/n"), a table's column head stays one word
// ("Reacti/es"), the red site header is as wide as the dark beheer bar, the footer says
// "Uitloggen" to who is logged in, and no page has an id twice.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { TEST_PASSWORD } from '../helpers/builders';
import { browserLogin } from '../helpers/browser';
import { useA11yBrowserSite } from '../helpers/a11y-site';

const PHONE = { width: 360, height: 740 };
const NARROW = { width: 320, height: 640 };
const DESKTOP = { width: 1280, height: 800 };

// Runs in the page, as plain text: a function written here would meet tsx's name helper, absent there.
const LINES_IN_PAGE = `(selector) => {
  const tops = (range) => new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size;
  return [...document.querySelectorAll(selector)].map((el) => {
    const all = document.createRange();
    all.selectNodeContents(el);
    let brokenWord = null;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node && !brokenWord; node = walker.nextNode()) {
      for (const m of (node.textContent || '').matchAll(/\\S+/g)) {
        const word = document.createRange();
        word.setStart(node, m.index);
        word.setEnd(node, m.index + m[0].length);
        if (tops(word) > 1) brokenWord = m[0];
      }
    }
    return { text: (el.textContent || '').trim(), lines: tops(all), brokenWord };
  });
}`;

/** For each element matching the selector: its text, on how many lines it is, and a word of it split over two lines, if any. */
async function lines(page: Page, selector: string): Promise<Array<{ text: string; lines: number; brokenWord: string | null }>> {
  return page.evaluate(`(${LINES_IN_PAGE})(${JSON.stringify(selector)})`);
}

/** An element's left edge and width, in CSS pixels. */
async function box(page: Page, selector: string): Promise<{ left: number; width: number }> {
  const b = (await page.locator(selector).boundingBox())!;
  return { left: Math.round(b.x), width: Math.round(b.width) };
}

describe('browser: phone layout and the beheer bar', function () {
  this.timeout(180_000);
  const a11y = useA11yBrowserSite();
  const { app } = a11y;

  async function adminPage(viewport: { width: number; height: number }, textScale: 1 | 2 = 1): Promise<Page> {
    const context = await a11y.newContext({ viewport });
    const page = await context.newPage();
    if (textScale === 2) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32, fixed: 26 } });
    }
    await browserLogin(page, app.server.baseUrl, a11y.admin.email, TEST_PASSWORD);
    return page;
  }

  it('keeps every menu item on one line on a 360 px phone, and breaks none inside a word at 320 px with text at 200 %', async () => {
    const page = await adminPage(PHONE);
    await page.goto(`${app.server.baseUrl}/beheer/artikelen`);
    const items = [...(await lines(page, '.site-nav a')), ...(await lines(page, '.beheer-nav a, .beheer-nav button'))];
    assert.ok(items.some((i) => i.text === 'Raadsdocumenten'));
    assert.deepEqual(
      items.filter((i) => i.lines !== 1),
      [],
      'each menu item on one line',
    );
    // The column heads of a beheer table: one word each, on one line; the table scrolls in its own box.
    const heads = await lines(page, '.table th');
    assert.ok(heads.some((h) => h.text === 'Reacties'));
    assert.deepEqual(
      heads.filter((h) => h.lines !== 1),
      [],
      'each column head on one line',
    );

    const large = await adminPage(NARROW, 2);
    for (const path of ['/', '/beheer/artikelen', '/beheer/reacties']) {
      await large.goto(`${app.server.baseUrl}${path}`);
      const broken = [
        ...(await lines(large, '.site-nav a, .beheer-nav a, .beheer-nav button, .footer-links li')),
        ...(await lines(large, '.table th')),
      ].filter((i) => i.brokenWord);
      assert.deepEqual(broken, [], `${path}: no word broken over two lines`);
    }
  });

  for (const [name, viewport] of [
    ['a 360 px phone', PHONE],
    ['a desktop screen', DESKTOP],
  ] as const) {
    it(`makes the red site header as wide as the dark beheer bar on ${name}`, async () => {
      const page = await adminPage(viewport);
      for (const path of ['/beheer', '/beheer/artikelen', '/beheer/reacties']) {
        await page.goto(`${app.server.baseUrl}${path}`);
        assert.deepEqual(await box(page, '.site-header'), await box(page, '.beheer-nav'), `${path}: the bars`);
        assert.deepEqual(await box(page, '.site-header .wrap'), await box(page, '.beheer-nav .wrap'), `${path}: their content`);
        assert.deepEqual(await box(page, '.site-footer .wrap'), await box(page, '.beheer-nav .wrap'), `${path}: the footer`);
      }
    });
  }

  it('says "Uitloggen" in the footer to who is logged in, on public and beheer pages, and logs out from there', async () => {
    const page = await adminPage(PHONE);
    for (const path of ['/', a11y.site.articlePath, '/beheer']) {
      await page.goto(`${app.server.baseUrl}${path}`);
      const footer = page.locator('.site-footer');
      assert.equal(await footer.getByRole('button', { name: 'Uitloggen' }).count(), 1, path);
      assert.equal(await footer.getByRole('link', { name: 'Inloggen' }).count(), 0, path);
    }
    await page.locator('.site-footer').getByRole('button', { name: 'Uitloggen' }).click();
    await page.waitForLoadState();
    await page.goto(`${app.server.baseUrl}/`);
    assert.equal(await page.locator('.site-footer').getByRole('link', { name: 'Inloggen' }).count(), 1, 'logged out');
  });

  it('has every id once on every public and beheer page', async () => {
    const page = await adminPage(DESKTOP);
    const failures: string[] = [];
    for (const path of [...a11y.site.publicPaths.filter((p) => p !== '/beheer/inloggen'), ...a11y.site.beheerPaths]) {
      await page.goto(`${app.server.baseUrl}${path}`);
      const ids = await page.$$eval('[id]', (els) => els.map((e) => e.id));
      const twice = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
      if (twice.length) failures.push(`${path}: ${twice.join(', ')}`);
    }
    assert.deepEqual(failures, []);
  });
});
