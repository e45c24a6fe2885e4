/**
 * What every browser journey needs: the back office built, a real app listening on the run's test
 * database, fresh Debian-chromium profiles driven by playwright-core, and signing in through the form.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Config } from '../../src/core/config.ts';
import { TEST_PASSWORD, createTestApp, type TestApp } from './test-app.ts';

const root = path.resolve(import.meta.dirname, '../..');
export const CHROMIUM = '/usr/bin/chromium';

/** For describe(…, { skip }): journeys are skipped, saying why, where chromium is not installed. */
export const browserSkip: string | false = existsSync(CHROMIUM)
  ? false
  : `Debian chromium is missing at ${CHROMIUM} (apt-get install chromium): browser journeys skipped.`;

// The flags this machine needs: no sandbox as root, and no background network calls (refused here).
const chromiumArgs = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface BrowserOptions {
  viewport?: { width: number; height: number };
  mobile?: boolean;
}

export interface BrowserSuite {
  t: TestApp;
  /** The back office root, e.g. http://127.0.0.1:41234/admin */
  baseUrl: string;
  /** A fresh profile: no cookies, no stored language. */
  openBrowser(options?: BrowserOptions): Promise<{ context: BrowserContext; page: Page }>;
  /** Signs in through the login form and waits for the home page. */
  signIn(page: Page, username: string, password?: string): Promise<void>;
  /** What the pages' Content-Security-Policy refused, as chromium reported it (issue 16 finding 10). */
  cspViolations: string[];
  /** Closes everything; fails when any page broke its Content-Security-Policy. */
  close(): Promise<void>;
}

export async function startBrowserSuite(options: { config?: Partial<Config>; timeoutMs?: number } = {}): Promise<BrowserSuite> {
  // The app serves web/dist only if it exists when the app is built.
  if (!existsSync(path.join(root, 'web/dist/index.html'))) {
    const { build } = await import('vite');
    await build({ configFile: path.join(root, 'web/vite.config.ts'), logLevel: 'warn' });
  }
  const t = await createTestApp({ config: options.config });
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  const baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}/admin`;
  const profiles: string[] = [];
  const contexts: BrowserContext[] = [];
  const cspViolations: string[] = [];
  return {
    t,
    baseUrl,
    cspViolations,
    async openBrowser(browser = {}) {
      const dir = mkdtempSync(path.join(tmpdir(), 'ocop-chromium-'));
      profiles.push(dir);
      const context = await chromium.launchPersistentContext(dir, {
        executablePath: CHROMIUM,
        headless: true,
        viewport: browser.viewport ?? { width: 1280, height: 900 },
        isMobile: browser.mobile ?? false,
        hasTouch: browser.mobile ?? false,
        locale: 'vi-VN',
        args: chromiumArgs,
      });
      contexts.push(context);
      // A journey that works only because a page's policy is loose would hide a broken page: chromium
      // reports every refusal on the console ("… violates the following Content Security Policy directive …").
      context.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) cspViolations.push(`${message.location().url}: ${message.text()}`);
      });
      // Generous: the suite runs beside other test files on a small machine.
      context.setDefaultTimeout(options.timeoutMs ?? 30_000);
      const page = context.pages()[0] ?? (await context.newPage());
      return { context, page };
    },
    async signIn(page, username, password = TEST_PASSWORD) {
      await page.goto(`${baseUrl}/`);
      await page.getByTestId('login-form').waitFor();
      await page.getByLabel('Tên đăng nhập').fill(username);
      await page.getByLabel('Mật khẩu').fill(password);
      await page.getByTestId('login-submit').click();
      await page.getByTestId('greeting').waitFor();
    },
    async close() {
      for (const context of contexts) await context.close().catch(() => {});
      await t.close();
      for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
      if (cspViolations.length) throw new Error(`Content-Security-Policy violations:\n${cspViolations.join('\n')}`);
    },
  };
}

/**
 * Opens a menu entry as a person would: the menu button on a narrow screen, the entry's group from
 * 1024 px wide (the back office groups its menu by the steps of the cycle), then the entry.
 */
export async function clickMenu(page: Page, testId: string): Promise<void> {
  const link = page.getByTestId(testId);
  if (!(await link.isVisible())) {
    const toggle = page.getByTestId('menu-toggle');
    if ((await toggle.isVisible()) && (await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    if (!(await link.isVisible())) await page.locator('li.nav-group', { has: link }).locator('button.nav-group-toggle').click();
  }
  await link.click();
}
