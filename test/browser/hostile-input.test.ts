// XSS vectors in every field a resident controls, rendered in real Chromium on the public pages,
// with the CSP on and with it off: the escaping alone must hold. Zero may fire.
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie } from '../helpers/builders';
import { launchBrowser, listen } from '../helpers/browser';
import { hostilePage, visit, XSS_VECTORS, type Firing } from '../helpers/xss';
import { articlePath, type Article } from '../../server/articles/queries';

for (const csp of [true, false]) {
  describe(`browser: hostile reacties on public pages (CSP ${csp ? 'on' : 'off'})`, function () {
    this.timeout(120_000);
    let t: TestApp;
    let browser: Browser;
    let server: Awaited<ReturnType<typeof listen>>;
    let article: Article;

    before(async () => {
      t = await createTestApp({ contentSecurityPolicy: csp });
      server = await listen(t.app);
      browser = await launchBrowser();
      article = await buildArticle(t.db, { title: 'Artikel onder vuur' });
      let parent: number | null = null;
      for (const [i, vector] of XSS_VECTORS.entries()) {
        // Every field a resident fills in: name, website (as the validator would store it) and text.
        parent = await buildReactie(t.db, article, {
          authorName: vector.slice(0, 100),
          authorUrl: i % 3 === 0 ? `https://voorbeeld.nl/?q=${encodeURIComponent(vector).slice(0, 150)}` : null,
          body: `${vector}\n\nen nog eens: ${vector} https://voorbeeld.nl/${encodeURIComponent(vector).slice(0, 80)}`,
          parentId: i % 4 === 0 ? null : parent,
        });
      }
    });
    after(async () => {
      await browser?.close();
      await server?.close();
      await t.close();
    });

    it(`renders ${XSS_VECTORS.length} vectors as text on the article page, voorpagina and reply form`, async () => {
      const firing: Firing = { dialogs: [], violations: [], canaryHits: 0 };
      const page = await hostilePage(browser, firing);
      const path = articlePath(article);
      await visit(page, `${server.baseUrl}${path}`, firing);
      // The vectors are visible as the text that was typed.
      const text = await page.locator('.thread').innerText();
      assert.ok(text.includes('<script>window.__xss=1;alert(1)</script>'), 'shown as text');
      await visit(page, `${server.baseUrl}/`, firing);
      const firstReactie = await t.db('reacties').orderBy('id').first('id');
      await visit(page, `${server.baseUrl}${path}?antwoord=${firstReactie.id}`, firing);
      assert.deepEqual(firing, { dialogs: [], violations: [], canaryHits: 0 });
      await page.close();
    });
  });
}
