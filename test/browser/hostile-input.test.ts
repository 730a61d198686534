// XSS vectors in every field a resident controls, rendered in real Chromium on the public pages,
// with the CSP on and with it off: the escaping alone must hold. Zero may fire.
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { createTestApp, type TestApp } from '../helpers/app';
import { buildArticle, buildReactie, buildUser, TEST_PASSWORD } from '../helpers/builders';
import { browserLogin, launchBrowser, listen } from '../helpers/browser';
import { hostilePage, visit, XSS_VECTORS, type Firing } from '../helpers/xss';
import { feedItems } from '../helpers/xml';
import { articlePath, type Article } from '../../server/articles/queries';

for (const csp of [true, false]) {
  describe(`browser: hostile input in every field, public pages and beheer (CSP ${csp ? 'on' : 'off'})`, function () {
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
      // Search snippets around the vectors, and the vectors typed as a search.
      await visit(page, `${server.baseUrl}/zoeken?q=alert`, firing);
      assert.ok((await page.locator('.search-result mark').count()) >= 1, 'highlighted results');
      for (const vector of XSS_VECTORS) await visit(page, `${server.baseUrl}/zoeken?q=${encodeURIComponent(vector)}`, firing);
      assert.deepEqual(firing, { dialogs: [], violations: [], canaryHits: 0 });
      await page.close();
    });

    it('renders the same vectors as text in the moderation queue, for every tab', async () => {
      const all: number[] = (await t.db('reacties').select('id').orderBy('id')).map((r: { id: number }) => Number(r.id));
      await t
        .db('reacties')
        .whereIn(
          'id',
          all.filter((_, i) => i % 3 === 1),
        )
        .update({ status: 'pending' });
      await t
        .db('reacties')
        .whereIn(
          'id',
          all.filter((_, i) => i % 3 === 2),
        )
        .update({ status: 'spam' });
      const firing: Firing = { dialogs: [], violations: [], canaryHits: 0 };
      const page = await hostilePage(browser, firing);
      const moderator = await buildUser(t.db, 'moderator');
      await browserLogin(page, server.baseUrl, moderator.email, TEST_PASSWORD);
      for (const status of ['pending', 'approved', 'spam']) {
        await visit(page, `${server.baseUrl}/beheer/reacties?status=${status}`, firing);
        assert.ok((await page.locator('.queue-item').count()) > 0, `${status} tab has items`);
        const history = page.locator('.spam-history summary');
        if ((await history.count()) > 0) await history.first().click();
      }
      const first = await t.db('reacties').orderBy('id').first('id');
      await visit(page, `${server.baseUrl}/beheer/reacties/${first.id}/bewerken`, firing);
      assert.deepEqual(firing, { dialogs: [], violations: [], canaryHits: 0 });
      await page.close();
    });

    it('renders vectors in every field of the article editor as text, on the public pages and in beheer', async () => {
      const ids: number[] = [];
      for (const vector of XSS_VECTORS) {
        const a = await buildArticle(t.db, {
          title: vector.slice(0, 200),
          authorName: vector.slice(0, 100),
          bodyMarkdown: `${vector}\n\n[link](${vector})\n\n![img](${vector})\n\n| a | ${vector.replace(/\|/g, '')} |\n| - | - |`,
          excerptMarkdown: vector.slice(0, 2000),
        });
        ids.push(a.id);
      }
      const firing: Firing = { dialogs: [], violations: [], canaryHits: 0 };
      const page = await hostilePage(browser, firing);
      let month = '';
      await visit(page, `${server.baseUrl}/`, firing);
      await visit(page, `${server.baseUrl}/?pagina=2`, firing);
      for (const id of ids.slice(0, 8)) {
        const a = await t.db('articles').where({ id }).first('slug', 'published_at', 'created_at');
        const d = new Date(a.published_at);
        const parts = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: '2-digit', timeZone: 'Europe/Amsterdam' }).formatToParts(
          d,
        );
        const y = parts.find((p) => p.type === 'year')!.value;
        const m = parts.find((p) => p.type === 'month')!.value;
        await visit(page, `${server.baseUrl}/${y}/${m}/${a.slug}`, firing);
        month = `/${y}/${m}`;
      }
      // The archive lists the same titles and excerpts.
      await visit(page, `${server.baseUrl}/archief`, firing);
      await visit(page, `${server.baseUrl}${month}`, firing);
      const editor = await buildUser(t.db, 'chief');
      await browserLogin(page, server.baseUrl, editor.email, TEST_PASSWORD);
      await visit(page, `${server.baseUrl}/beheer/artikelen`, firing);
      for (const id of ids.slice(0, 8)) await visit(page, `${server.baseUrl}/beheer/artikelen/${id}`, firing);
      // The preview renders the Markdown of the last vector through the same sanitizer.
      await page.getByRole('button', { name: 'Voorbeeld' }).click();
      await page.waitForLoadState('load');
      assert.equal(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), undefined);
      assert.deepEqual(firing, { dialogs: [], violations: [], canaryHits: 0 });
      await page.close();
    });

    it('keeps the feeds well-formed XML, with the vectors as escaped text in their HTML', async () => {
      for (const path of ['/feed', '/feed/atom', '/reacties/feed', '/reacties/feed/atom', `${articlePath(article)}/feed`]) {
        const res = await fetch(`${server.baseUrl}${path}`);
        assert.equal(res.status, 200, path);
        const items = feedItems(await res.text());
        assert.ok(items.length > 0, path);
        for (const item of items) assert.ok(!/<script|<svg|<img[^>]*onerror/i.test(item.html), `${path}: ${item.html.slice(0, 200)}`);
      }
    });
  });
}
