// The NewsArticle JSON-LD in an article page's head is data, not script: with the strict CSP on,
// Chromium reports no violation for it, runs none of it, and reads it back as the article's data,
// also when the title tries to close the script element.
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle } from '../helpers/builders';
import { launchBrowser, listen } from '../helpers/browser';
import { hostilePage, visit, type Firing } from '../helpers/xss';
import { articlePath } from '../../server/articles/queries';

const TITLE = 'Raad "zegt" </script><script>window.__xss=1;alert(1)</script> nee';

describe('browser: structured data under the strict CSP', function () {
  this.timeout(60_000);
  let t: TestApp;
  let browser: Browser;
  let server: Awaited<ReturnType<typeof listen>>;

  before(async () => {
    t = await createTestApp();
    server = await listen(t.app);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await t.close();
  });

  it('reports no CSP violation, runs nothing, and holds the article as JSON', async () => {
    const article = await buildArticle(t.db, { title: TITLE });
    const firing: Firing = { dialogs: [], violations: [], canaryHits: 0 };
    const page = await hostilePage(browser, firing);
    const response = await page.goto(`${server.baseUrl}${articlePath(article)}`);
    assert.match(String(response?.headers()['content-security-policy']), /script-src 'self'/);
    await visit(page, `${server.baseUrl}${articlePath(article)}`, firing);
    assert.deepEqual(firing, { dialogs: [], violations: [], canaryHits: 0 });
    const data = await page.evaluate(() =>
      Array.from(document.querySelectorAll('script[type="application/ld+json"]')).map(
        (s) => JSON.parse(s.textContent ?? '') as { headline: string },
      ),
    );
    assert.equal(data.length, 1);
    assert.equal(data[0].headline, TITLE);
    assert.equal(await page.locator('h1').innerText(), TITLE);
    await page.close();
  });
});
