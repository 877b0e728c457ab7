// The Firefox e2e harness: Firefox ESR driven by puppeteer-core over WebDriver BiDi, with a test copy
// of the built extension (dist/firefox) installed temporarily, and the fake CircleCI site answering
// the real CircleCI URLs. Playwright's runner runs the specs; Playwright's own Firefox cannot load
// extensions, so nothing here uses Playwright's browser fixtures.
//
// Queries go by accessible name (`::-p-aria`, answered by Firefox's accessibility tree). Firefox does
// not look into shadow roots for them on its own, so each is prefixed with puppeteer's deep
// combinator `>>>`, which runs it in the page and in every open shadow root: our UI lives in those.

import { rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { test as base } from '@playwright/test';
import puppeteer, { type Browser, type ElementHandle, type HTTPRequest, type Page } from 'puppeteer-core';
import { browserLine, lookUp } from '../../scripts/browsers/index.js';
import { type Messages, messagesOf, type Translate, translator } from '../messages';
import { shipOnly } from '../one-language';
import { MARKUP_COOKIE } from '../site/markup.js';
import { servePuppeteer, siteResponse } from '../site/serve.js';
import type { Markup } from '../site/types';
import { type LaunchOptions, testCopyOfExtension } from './extension-copy';
import { currentUrl, openPage } from './job-page';
import { aria, clearClipboard } from './queries';

/** FIREFOX_PATH, else the system's Firefox ESR or Firefox (scripts/browsers). */
const firefoxLookup = lookUp('firefox');

/** Any fixed UUID: Firefox gives the extension this one, so the popup's URL is known before install. */
const EXTENSION_UUID = '5d9c0a4e-3b1f-4c7a-9e26-8f0b7d1c2a63';

/** Why the suite cannot run here, or undefined when it can. */
export function firefoxMissing(): string | undefined {
  return firefoxLookup.path === undefined ? browserLine(firefoxLookup) : undefined;
}

/**
 * The Firefox specs' `test`: the Firefoxes launched in a test worker (one per set of launch options),
 * shared by every spec file that worker runs and closed when it ends. A launch costs 6-7 s and its
 * close another second; `reset` gives each test a clean start.
 */
export const test = base.extend<object, { firefoxes: Map<string, Promise<Firefox>> }>({
  firefoxes: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const launched = new Map<string, Promise<Firefox>>();
      await use(launched);
      for (const firefox of launched.values()) await (await firefox.catch(() => undefined))?.close();
    },
    { scope: 'worker' },
  ],
});

/**
 * The worker's Firefox for these launch options, and a fresh tab for each test, handed to `use` before
 * each test. With `own`, a Firefox of the spec file's own, closed after it: for a file that changes
 * the extension itself (Firefox.speak). Without Firefox the tests are skipped where a developer runs
 * them, and fail in CI.
 */
export function useFirefox(
  suite: string,
  use: (firefox: Firefox, page: Page) => void,
  options: LaunchOptions & { own?: boolean } = {},
): void {
  const missing = firefoxMissing();
  if (missing && !process.env.CI) console.warn(`Skipping ${suite}. ${missing}`);
  test.skip(missing !== undefined && !process.env.CI, missing);
  const { own = false, ...launchOptions } = options;
  let firefox: Firefox | undefined;
  test.beforeAll(async ({ firefoxes }) => {
    if (missing) throw new Error(`${missing} CI is set, so ${suite} fails instead of being skipped.`);
    if (own) {
      firefox = await Firefox.launch(launchOptions);
      return;
    }
    const key = JSON.stringify(launchOptions);
    const launching = firefoxes.get(key) ?? Firefox.launch(launchOptions);
    firefoxes.set(key, launching);
    firefox = await launching;
  });
  test.afterAll(async () => {
    if (own) await firefox?.close();
  });
  test.beforeEach(async () => {
    if (firefox) use(firefox, await firefox.reset());
  });
}

export class Firefox {
  /** The extension's messages, to find its UI by name: English, or what `speak` installed. */
  private t: Translate = translator(messagesOf('en'));

  private constructor(
    readonly browser: Browser,
    /** moz-extension://<fixed UUID>/src/popup/index.html */
    readonly popupUrl: string,
    /** moz-extension://<fixed UUID>/src/options/index.html */
    readonly optionsUrl: string,
    private readonly serverHosts: readonly string[],
    private readonly copyDir: string,
  ) {}

  /** A fresh Firefox (fresh profile) with the test copy of the extension installed. */
  static async launch(options: LaunchOptions = {}): Promise<Firefox> {
    if (firefoxLookup.path === undefined) throw new Error(browserLine(firefoxLookup));
    const { dir, manifest } = testCopyOfExtension(options);
    const geckoId = manifest.browser_specific_settings.gecko.id;
    let browser: Browser | undefined;
    try {
      browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath: firefoxLookup.path,
        headless: true,
        defaultViewport: { width: 1280, height: 900 },
        extraPrefsFirefox: {
          'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }),
          // Lets page script call navigator.clipboard.readText() (and writeText()) without the paste
          // prompt or a fresh user activation, as Mozilla's own tests do. Without it, readText() from a
          // page that did not write the clipboard waits on a prompt nobody answers, and any read more
          // than a few seconds after the click is refused for lack of user activation.
          'dom.events.testing.asyncClipboard': true,
        },
      });
      const installed = await browser.installExtension(dir); // BiDi webExtension.install: a temporary add-on
      if (installed !== geckoId) throw new Error(`Installed ${installed}, expected ${geckoId}`);
      const base = `moz-extension://${EXTENSION_UUID}/`;
      return new Firefox(
        browser,
        base + manifest.action.default_popup,
        base + manifest.options_ui.page,
        options.serverHosts ?? [],
        dir,
      );
    } catch (error) {
      await browser?.close();
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  /**
   * Installs the extension again, speaking only these messages (e2e/one-language.ts): Firefox shows
   * extensions in its own language only, and Debian's Firefox ESR has no other. Same add-on id, so
   * the same fixed UUID and URLs; its storage starts empty.
   */
  async speak(messages: Messages): Promise<void> {
    shipOnly(this.copyDir, 'en', messages);
    await this.browser.installExtension(this.copyDir);
    this.t = translator(messages);
  }

  /** A new tab that answers CircleCI's URLs (and the server hosts', if any) from e2e/site. */
  async newPage(): Promise<Page> {
    return this.serve(await this.browser.newPage());
  }

  /**
   * A tab whose downloads are saved to `folder` without asking (WebDriver BiDi's
   * browser.setDownloadBehavior, which puppeteer sets per browser context: so the tab is in a context
   * of its own; the extension and its storage are the same in every context). Close it with
   * `page.browserContext().close()`.
   */
  async newDownloadingPage(folder: string): Promise<Page> {
    const context = await this.browser.createBrowserContext({
      downloadBehavior: { policy: 'allow', downloadPath: folder },
    });
    return this.serve(await context.newPage());
  }

  private async serve(page: Page): Promise<Page> {
    if (this.serverHosts.length === 0) await servePuppeteer(page);
    else await serveWithServers(page, this.serverHosts);
    return page;
  }

  /**
   * For the next test when the browser is reused: closes every tab, clears the extension's storage
   * (sync, local and session, from the popup's page, which may), the clipboard and the markup cookie,
   * and returns one fresh tab,
   * left on the popup's page. Only the storage API is needed there, so this does not wait for the popup
   * to show its key field, as openPopup does (Firefox's accessibility query costs a second or two).
   */
  async reset(): Promise<Page> {
    const page = await this.newPage();
    for (const other of await this.browser.pages()) if (other !== page) await other.close();
    await this.useMarkup('classic');
    await page.goto('https://app.circleci.com/');
    await clearClipboard(page);
    await navigateItselfTo(page, this.popupUrl);
    await page.evaluate(() =>
      Promise.all([chrome.storage.sync.clear(), chrome.storage.local.clear(), chrome.storage.session.clear()]),
    );
    return page;
  }

  /**
   * The fake job page's markup variant for the pages opened from now on (e2e/site/README.md, "Markup
   * variants"): the `fixture-markup` cookie, which `classic` (the default) clears; `reset` clears it too.
   */
  async useMarkup(markup: Markup): Promise<void> {
    await this.browser.deleteMatchingCookies({ name: MARKUP_COOKIE });
    if (markup === 'classic') return;
    await this.browser.setCookie({
      name: MARKUP_COOKIE,
      value: markup,
      domain: 'app.circleci.com',
      path: '/',
      secure: true,
    });
  }

  /**
   * Turns `page` into the popup: the tab goes to a CircleCI page if it is not on one, then navigates
   * itself to the popup (see testCopyOfExtension). Resolves once the key field is ready.
   */
  async openPopup(page: Page): Promise<void> {
    await navigateItselfTo(page, this.popupUrl);
    const field = await page.waitForSelector(aria(this.t('keyPathLabel'), 'textbox'));
    await page.waitForFunction((input) => !(input as HTMLInputElement).disabled, {}, field);
  }

  /**
   * Turns `page` into the options page, as the popup is opened (see openPopup). Resolves once the
   * stored settings are shown: the sections render only then.
   */
  async openOptions(page: Page): Promise<void> {
    await navigateItselfTo(page, this.optionsUrl);
    await page.waitForSelector(aria(this.t('profilesHeading'), 'heading'));
  }

  /**
   * Stores preferences as the extension's own pages do (chrome.storage.sync, here from the popup in
   * this tab), before the page under test loads; the tab is left on the popup. The schema-2 object of
   * e2e/fixtures.ts's setPrefs.
   */
  async setPrefs(page: Page, prefs: unknown): Promise<void> {
    await this.openPopup(page);
    await page.evaluate((value) => chrome.storage.sync.set({ prefs: value }), prefs as object);
  }

  /** What storage.sync holds under `prefs`, read from a popup in a tab of its own (closed again). */
  async stored(): Promise<Record<string, unknown>> {
    const popup = await this.newPage();
    try {
      await this.openPopup(popup);
      return await popup.evaluate(() => chrome.storage.sync.get('prefs'));
    } finally {
      await popup.close();
    }
  }

  /** Types `keyPath` into the open popup's key field, saves it with Enter, and waits for "Saved". */
  async saveKeyInPopup(page: Page, keyPath: string): Promise<void> {
    const field = await page.waitForSelector(aria('Default SSH key', 'textbox'));
    if (!field) throw new Error('No "Default SSH key" field');
    await field.click();
    await page.keyboard.down('Control'); // select what is there, so typing replaces it
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await page.keyboard.press('Backspace');
    await field.type(keyPath);
    await field.press('Enter');
    // A status region takes no name from its content: find it by role, then wait for its visible text.
    const status = await page.waitForSelector('::-p-aria([role="status"])');
    await page.waitForFunction(
      (element) => element.textContent === 'Saved' && element.checkVisibility(),
      {},
      status as ElementHandle,
    );
  }

  /**
   * Sets the key as a user would, through the popup, in this tab; then reopens the page the tab was on.
   */
  async setKey(page: Page, keyPath: string): Promise<void> {
    const back = await currentUrl(page);
    await this.openPopup(page);
    await this.saveKeyInPopup(page, keyPath);
    if (back.startsWith('https://')) await openPage(page, back);
  }

  async close(): Promise<void> {
    try {
      await this.browser.close();
    } finally {
      rmSync(this.copyDir, { recursive: true, force: true });
    }
  }
}

/**
 * The tab navigates itself to an extension page that the test copy made web-accessible to CircleCI's
 * pages (see testCopyOfExtension), going to a CircleCI page first if it is not on one. puppeteer does
 * not follow the tab from then on: page.reload() there never resolves, so open the page again instead.
 */
async function navigateItselfTo(page: Page, url: string): Promise<void> {
  if (!(await currentUrl(page)).startsWith('https://app.circleci.com/')) await page.goto('https://app.circleci.com/');
  await page.evaluate((target) => {
    location.href = target;
  }, url);
  // puppeteer does not see this navigation (page.url() keeps the old URL), so wait on the page itself.
  await page.waitForFunction((target) => location.href === target && document.readyState === 'complete', {}, url);
}

/**
 * servePuppeteer (e2e/site/serve.js), and the same fake CircleCI at each server host: a CircleCI
 * server's web app is CircleCI's, at its own host. The site's pages load `/__fixture__/*.js` from the
 * page's own origin, so every path maps to the same path on app.circleci.com.
 */
async function serveWithServers(page: Page, serverHosts: readonly string[]): Promise<void> {
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    void answerWithServers(request, serverHosts).catch(() => {
      // The page navigated or closed while we were answering; nothing is waiting for this request.
    });
  });
}

async function answerWithServers(request: HTTPRequest, serverHosts: readonly string[]): Promise<void> {
  const url = new URL(request.url());
  if (serverHosts.includes(url.host)) url.host = 'app.circleci.com';
  const response = siteResponse(url.href);
  if (response === null) {
    if (/^(https?|wss?|ftp):$/.test(url.protocol)) await request.abort('internetdisconnected');
    else await request.continue();
    return;
  }
  const body = 'path' in response ? await readFile(response.path) : response.body;
  await request.respond({ status: response.status, contentType: response.contentType, body });
}
