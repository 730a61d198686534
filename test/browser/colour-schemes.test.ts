// The light and the dark colour scheme, and reduced motion, in Chromium: every page passes axe's
// WCAG 2.1 A/AA rules (colour contrast included) in both schemes, the dark scheme is really dark,
// and with "reduce motion" nothing animates, transitions or scrolls smoothly.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { TEST_PASSWORD } from '../helpers/builders';
import { browserLogin } from '../helpers/browser';
import { useA11yBrowserSite } from '../helpers/a11y-site';
import { assertNoAxeViolations } from '../helpers/axe';
import { assertFocusVisible, tabTo } from '../helpers/keyboard';

describe('browser: light and dark colour schemes, reduced motion', function () {
  this.timeout(240_000);
  const a11y = useA11yBrowserSite();
  const { app } = a11y;

  async function newPage(colorScheme: 'light' | 'dark'): Promise<Page> {
    const context = await a11y.newContext({ colorScheme, reducedMotion: 'reduce' });
    return context.newPage();
  }

  const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  /** Visits each path and runs axe on it; the failures of all pages together. */
  async function axeEach(page: Page, paths: string[], scheme: string): Promise<void> {
    for (const path of paths) {
      const res = await page.goto(`${app.server.baseUrl}${path}`);
      assert.equal(res!.status(), 200, path);
      await assertNoAxeViolations(page, `${path} (${scheme})`);
    }
  }

  for (const scheme of ['light', 'dark'] as const) {
    it(`public pages and the reactie form with errors pass axe in the ${scheme} scheme`, async () => {
      const page = await newPage(scheme);
      await page.goto(`${app.server.baseUrl}/`);
      assert.equal(await background(page), scheme === 'dark' ? 'rgb(20, 24, 27)' : 'rgb(255, 255, 255)');
      await axeEach(page, a11y.site.publicPaths, scheme);

      // The form with its error summary, a held reactie and the focus ring, in this scheme too.
      await page.goto(`${app.server.baseUrl}${a11y.site.articlePath}`);
      await page.locator('#veld-email').fill('geen-adres');
      await page.locator('.reactie-form button[type="submit"]').click();
      await page.waitForURL((u) => u.pathname.endsWith('/reacties'));
      await assertNoAxeViolations(page, `reactie form with errors (${scheme})`);
      await tabTo(page, '.error-summary a');
      await assertFocusVisible(page, `summary link (${scheme})`);
    });

    it(`beheer pages pass axe in the ${scheme} scheme`, async () => {
      const page = await newPage(scheme);
      await browserLogin(page, app.server.baseUrl, a11y.admin.email, TEST_PASSWORD);
      await axeEach(page, a11y.site.beheerPaths, scheme);
    });
  }

  it('with reduced motion: no animation, transition or smooth scrolling anywhere', async () => {
    const page = await newPage('light');
    for (const path of [...a11y.site.publicPaths.slice(0, 3), '/beheer/inloggen']) {
      await page.goto(`${app.server.baseUrl}${path}`);
      assert.equal(await page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches), true);
      const moving = await page.evaluate(() =>
        Array.from(document.querySelectorAll('*'))
          .map((el) => ({ el, cs: getComputedStyle(el) }))
          .filter(
            ({ cs }) =>
              cs.transitionDuration.split(',').some((d) => parseFloat(d) > 0) ||
              (cs.animationName !== 'none' && cs.animationDuration.split(',').some((d) => parseFloat(d) > 0)) ||
              cs.scrollBehavior === 'smooth',
          )
          .map(({ el }) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')),
      );
      assert.deepEqual(moving, [], `${path}: these still move`);
    }
    // The rule that does it is there, so a transition added later is covered too.
    const css = await (await page.request.get(`${app.server.baseUrl}/static/css/site.css`)).text();
    assert.match(css, /@media \(prefers-reduced-motion: reduce\)[^}]*transition-duration: 0s !important/);
  });
});
