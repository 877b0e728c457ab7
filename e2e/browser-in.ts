// Chromium in a given language, with the extension, the fake CircleCI and the clipboard: for the tests
// that need the browser's language, which the worker-wide browser of fixtures.ts cannot change.

import { type BrowserContext, chromium } from '@playwright/test';
import { chromiumPath, extensionArgs } from './browser.js';
import { extensionDir } from './fixtures';
import { serveCircleCI } from './site/serve.js';

export interface LocalizedBrowser {
  context: BrowserContext;
  /** chrome-extension://<id>/ */
  extensionUrl: string;
}

/** `locale` as `ja-JP` or `ja`: --lang picks the extension's messages. */
export async function browserIn(locale: string): Promise<LocalizedBrowser> {
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath,
    headless: true,
    locale,
    args: [...extensionArgs(extensionDir), `--lang=${locale.split('-')[0]}`],
  });
  await withCircleCI(context);
  const background = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, extensionUrl: `chrome-extension://${new URL(background.url()).host}/` };
}

/** The fake CircleCI at its real URLs, and its pages allowed to read the clipboard back. */
export async function withCircleCI(context: BrowserContext): Promise<void> {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://app.circleci.com' });
  await serveCircleCI(context);
}
