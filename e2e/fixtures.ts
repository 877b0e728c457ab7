// Playwright fixtures: Debian Chromium with the built extension (dist/chrome) loaded, and the fake
// CircleCI site served at the real CircleCI URLs. One browser per test worker, reset between tests.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type BrowserContext, test as base, chromium, expect, type Page, type Worker } from '@playwright/test';
import { chromiumPath, extensionArgs } from './browser.js';
import { MARKUP_COOKIE } from './site/markup.js';
import { serveCircleCI } from './site/serve.js';
import type { Markup } from './site/types';

export const extensionDir = resolve(process.env.EXTENSION_DIR ?? 'dist/chrome');

interface WorkerFixtures {
  browserContext: BrowserContext;
  background: Worker;
}

interface TestFixtures {
  /**
   * The fake job page's markup variant (e2e/site/README.md): `test.use({ markup: 'rows' })`. Set as
   * the `fixture-markup` cookie before the test's page opens; `classic`, the default, clears it.
   */
  markup: Markup;
  page: Page;
  /** Stores preferences as the popup would, before the page under test loads. */
  setPrefs: (prefs: unknown) => Promise<void>;
  readClipboard: () => Promise<string>;
  popupUrl: string;
}

/** Debian Chromium with the extension in `dir`, the clipboard allowed, and the fake CircleCI site served. */
export async function launchWithExtension(dir: string): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath,
    headless: true,
    args: extensionArgs(dir),
    viewport: { width: 1280, height: 900 },
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://app.circleci.com' });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://circleci.com' });
  await serveCircleCI(context);
  return context;
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  browserContext: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const context = await launchWithExtension(extensionDir);
      await use(context);
      await context.close();
    },
    { scope: 'worker' },
  ],

  background: [
    async ({ browserContext }, use) => {
      const worker = browserContext.serviceWorkers()[0] ?? (await browserContext.waitForEvent('serviceworker'));
      await use(worker);
    },
    { scope: 'worker' },
  ],

  markup: ['classic', { option: true }],

  page: async ({ browserContext, background, markup }, use) => {
    // Every test starts from nothing stored: settings, the API token, and the SSH steps remembered for
    // the session (the browser outlives a test).
    await background.evaluate(() =>
      Promise.all([chrome.storage.sync.clear(), chrome.storage.local.clear(), chrome.storage.session.clear()]),
    );
    // The browser outlives a test, and so would its cookies: each test says which markup it wants.
    await browserContext.clearCookies({ name: MARKUP_COOKIE });
    if (markup !== 'classic') {
      await browserContext.addCookies([{ name: MARKUP_COOKIE, value: markup, url: 'https://app.circleci.com/' }]);
    }
    const page = await browserContext.newPage();
    await use(page);
    await page.close();
  },

  setPrefs: async ({ background }, use) => {
    await use(async (prefs) => {
      await background.evaluate((value) => chrome.storage.sync.set({ prefs: value }), prefs);
    });
  },

  readClipboard: async ({ page }, use) => {
    await use(() => page.evaluate(() => navigator.clipboard.readText()));
  },

  popupUrl: async ({ background }, use) => {
    const manifest = JSON.parse(readFileSync(resolve(extensionDir, 'manifest.json'), 'utf8')) as {
      action: { default_popup: string };
    };
    await use(`chrome-extension://${new URL(background.url()).host}/${manifest.action.default_popup}`);
  },
});

export { expect };

/** Stored preferences (schema 2) with one default key, as the popup saves them. */
export function withDefaultKey(keyPath: string, more: Record<string, unknown> = {}) {
  return {
    schemaVersion: 2,
    profiles: [{ id: 'default', name: 'Default', keyPath }],
    defaultProfileId: 'default',
    ...more,
  };
}
