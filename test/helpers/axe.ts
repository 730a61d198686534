// axe-core in a real page: the WCAG 2.0/2.1 A and AA rules, or only some (color-contrast). The
// source goes in through page.evaluate, which the page's strict CSP does not apply to (a <script>
// tag added to the page would be refused, and turning CSP off for the test would hide violations).
import assert from 'node:assert/strict';
import axe from 'axe-core';
import type { Page } from 'playwright-core';

const WCAG_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface AxeViolation {
  id: string;
  help: string;
  nodes: string[];
}

/** The violations on the page as it is now; `rules` limits the run to those rule ids. */
async function axeViolations(page: Page, rules?: string[]): Promise<AxeViolation[]> {
  const loaded = await page.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined');
  if (!loaded) await page.evaluate(axe.source);
  const runOnly = rules ? { type: 'rule', values: rules } : { type: 'tag', values: WCAG_AA };
  return page.evaluate(
    async (options) => {
      const run = (window as unknown as { axe: typeof axe }).axe.run;
      const result = await run(document, options as axe.RunOptions);
      return result.violations.map((v) => ({
        id: v.id,
        help: v.help,
        nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`.slice(0, 300)),
      }));
    },
    { runOnly, resultTypes: ['violations'] },
  );
}

/** Fails with every violation spelled out, naming the page it was found on. */
export async function assertNoAxeViolations(page: Page, what: string, rules?: string[]): Promise<void> {
  const violations = await axeViolations(page, rules);
  assert.deepEqual(violations, [], `${what}: ${violations.map((v) => `${v.id} (${v.help}): ${v.nodes.join(' | ')}`).join('\n')}`);
}
