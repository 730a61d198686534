// Keyboard-only paths in a real browser: Tab (or Shift+Tab) until focus reaches what a user is
// after, checking at every stop on the way that the focus is visible, the way an auditor tabs through
// a page. "Visible" means: while focused, the element has a ring (an outline of 2px or more, or a
// box-shadow) and a box on the screen. One exception: Chromium's date-time field has a calendar
// button of its own, a Tab stop inside the field (activeElement is the field, which then does not
// match :focus); Chromium draws that button's focus ring itself, out of reach of computed styles.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

interface FocusStop {
  /** A short description of the focused element: tag, id, class and text. */
  what: string;
  visible: boolean;
  problem: string;
}

/** Describes the focused element and whether its focus can be seen. */
async function focusStop(page: Page): Promise<FocusStop> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { what: 'body', visible: false, problem: 'nothing has focus' };
    const text = (el.getAttribute('aria-label') || el.textContent || (el as HTMLInputElement).value || '').trim().slice(0, 40);
    const what = `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className ? '.' + String(el.className).split(' ').join('.') : ''} "${text}"`;
    const cs = getComputedStyle(el);
    const calendarButton = /^(date|datetime-local|time|month|week)$/.test((el as HTMLInputElement).type) && !el.matches(':focus');
    const outline = calendarButton || (cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) >= 2);
    const shadow = cs.boxShadow !== 'none';
    const r = el.getBoundingClientRect();
    const onScreen = r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight && r.right > 0 && r.left < window.innerWidth;
    const problems = [
      outline || shadow ? '' : 'no outline or box-shadow',
      onScreen ? '' : `not on screen (${Math.round(r.left)},${Math.round(r.top)} ${Math.round(r.width)}x${Math.round(r.height)})`,
    ].filter(Boolean);
    return { what, visible: problems.length === 0, problem: problems.join(', ') };
  });
}

/** Fails unless the focused element's focus is visible. */
export async function assertFocusVisible(page: Page, where = ''): Promise<FocusStop> {
  const stop = await focusStop(page);
  assert.ok(stop.visible, `focus on ${stop.what}${where ? ' (' + where + ')' : ''} is not visible: ${stop.problem}`);
  return stop;
}

/**
 * Presses Tab (Shift+Tab with `back`) until `selector` matches the focused element, at most `max`
 * times, asserting a visible focus at every stop. Returns the stops passed, for order checks.
 */
export async function tabTo(page: Page, selector: string, opts: { back?: boolean; max?: number } = {}): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < (opts.max ?? 150); i++) {
    await page.keyboard.press(opts.back ? 'Shift+Tab' : 'Tab');
    const stop = await assertFocusVisible(page, `Tab stop ${i + 1} towards ${selector}`);
    stops.push(stop.what);
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return stops;
  }
  assert.fail(`${selector} never got focus; the stops were:\n${stops.join('\n')}`);
}

/** Whether the focused element matches `selector`, waiting briefly (focus set after load settles late). */
export async function focusIs(page: Page, selector: string): Promise<boolean> {
  return page
    .waitForFunction((s) => document.activeElement?.matches(s) ?? false, selector, { timeout: 3000 })
    .then(() => true)
    .catch(() => false);
}

/** Logs in through the beheer form with Tab, typing and Enter only; lands on the dashboard. */
export async function keyboardLogin(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/beheer/inloggen`);
  await tabTo(page, '#email');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  assert.equal(await focusIs(page, '#wachtwoord'), true);
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/beheer$/);
}
