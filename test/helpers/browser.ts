// A real browser for tests: Debian's Chromium driven by playwright-core, against the app on a free port.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createTestApp, type TestApp } from './app';

const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    // Never skipped: a browser test that does not run proves nothing. .ci/run installs Chromium.
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Install it with: apt-get install -y chromium`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

export async function listen(app: Express): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Logs in through the real login form and waits for the page it leads to. */
export async function browserLogin(
  page: Page,
  baseUrl: string,
  email: string,
  password: string,
  path = '/beheer/inloggen',
  landing: RegExp = /\/beheer$/,
): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL(landing);
}

/**
 * The app on a free port with Chromium, for one describe block: the fields are filled in its
 * before hook and everything is closed in its after hook.
 */
export function useBrowserApp(): { t: TestApp; browser: Browser; server: Awaited<ReturnType<typeof listen>> } {
  const ctx = {} as { t: TestApp; browser: Browser; server: Awaited<ReturnType<typeof listen>> };
  before(async () => {
    ctx.t = await createTestApp();
    ctx.server = await listen(ctx.t.app);
    ctx.browser = await launchBrowser();
  });
  after(async () => {
    await ctx.browser?.close();
    await ctx.server?.close();
    await ctx.t?.close();
  });
  return ctx;
}
