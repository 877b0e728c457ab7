// The Firefox e2e harness: Firefox ESR driven by puppeteer-core over WebDriver BiDi, with a test copy
// of the built extension (dist/firefox) installed temporarily, and the fake CircleCI site answering
// the real CircleCI URLs. Playwright's runner runs the specs; Playwright's own Firefox cannot load
// extensions, so nothing here uses Playwright's browser fixtures.
//
// Queries go by accessible name (`::-p-aria`, answered by Firefox's accessibility tree). Firefox does
// not look into shadow roots for them on its own, so each is prefixed with puppeteer's deep
// combinator `>>>`, which runs it in the page and in every open shadow root: our UI lives in those.

import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from '@playwright/test';
import puppeteer, { type Browser, type ElementHandle, type HTTPRequest, type Page } from 'puppeteer-core';
import { browserLine, lookUp } from '../../scripts/browsers/index.js';
import { type Messages, messagesOf, type Translate, translator } from '../messages';
import { shipOnly } from '../one-language';
import { MARKUP_COOKIE, type Markup } from '../site/markup.js';
import { servePuppeteer, siteResponse } from '../site/serve.js';

/** FIREFOX_PATH, else the system's Firefox ESR or Firefox (scripts/browsers). */
const firefoxLookup = lookUp('firefox');
export const extensionDir = resolve('dist/firefox');

/** Any fixed UUID: Firefox gives the extension this one, so the popup's URL is known before install. */
const EXTENSION_UUID = '5d9c0a4e-3b1f-4c7a-9e26-8f0b7d1c2a63';

/** Why the suite cannot run here, or undefined when it can. */
export function firefoxMissing(): string | undefined {
  return firefoxLookup.path === undefined ? browserLine(firefoxLookup) : undefined;
}

/**
 * One Firefox for the spec file and a fresh tab for each test, handed to `use` before each test.
 * Without Firefox the tests are skipped where a developer runs them, and fail in CI.
 */
export function useFirefox(
  suite: string,
  use: (firefox: Firefox, page: Page) => void,
  options: LaunchOptions = {},
): void {
  const missing = firefoxMissing();
  if (missing && !process.env.CI) console.warn(`Skipping ${suite}. ${missing}`);
  test.skip(missing !== undefined && !process.env.CI, missing);
  let firefox: Firefox | undefined;
  test.beforeAll(async () => {
    if (missing) throw new Error(`${missing} CI is set, so ${suite} fails instead of being skipped.`);
    firefox = await Firefox.launch(options);
  });
  test.afterAll(async () => {
    await firefox?.close();
  });
  test.beforeEach(async () => {
    if (firefox) use(firefox, await firefox.reset());
  });
}

interface Manifest {
  permissions: string[];
  action: { default_popup: string };
  options_ui: { page: string };
  browser_specific_settings: { gecko: { id: string } };
  web_accessible_resources?: unknown;
  host_permissions?: unknown;
}

export interface LaunchOptions {
  /**
   * CircleCI server app hosts (e.g. `app.ci.example.com`) that the test copy's manifest grants as
   * host_permissions, and that the browser's tabs serve the fake CircleCI at. See testCopyOfExtension.
   */
  readonly serverHosts?: readonly string[];
  /**
   * Optional permissions (e.g. `notifications`) that the test copy's manifest grants outright, as a
   * user who said yes to the prompt would have: a test cannot answer Firefox's prompt.
   */
  readonly granted?: readonly string[];
}

/**
 * Copies the built extension into a temporary folder and makes the popup and the options page
 * web-accessible there, for the tests only. WebDriver BiDi refuses to navigate a tab to a
 * moz-extension:// URL, but a web page may navigate itself to an extension page that is web-accessible
 * to it; the page then runs in that tab with every extension API, as it does from the toolbar or the
 * add-ons manager. Their own scripts and stylesheets are same-origin loads of the extension page, so
 * only the HTML needs listing. dist/firefox, what users install, keeps its manifest untouched: neither
 * page is reachable from CircleCI's pages.
 *
 * With `serverHosts`, the copy's manifest also grants those hosts (host_permissions), so that the
 * options page's permissions.request() for an added server resolves without a prompt, which a test
 * cannot answer; everything after it (registration, the content script there) is the real code.
 * With `granted`, those optional permissions are required ones in the copy, for the same reason.
 */
function testCopyOfExtension({ serverHosts = [], granted = [] }: LaunchOptions): {
  dir: string;
  manifest: Manifest;
} {
  const manifestPath = join(extensionDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first.`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  if (manifest.web_accessible_resources !== undefined) {
    throw new Error(
      'The built manifest now has web_accessible_resources: merge the test entry instead of replacing it.',
    );
  }
  if (manifest.host_permissions !== undefined) {
    throw new Error('The built manifest now has host_permissions: merge the test entry instead of replacing it.');
  }
  const dir = mkdtempSync(join(tmpdir(), 'circleci-ssh-copy-firefox-'));
  cpSync(extensionDir, dir, { recursive: true });
  const testManifest = {
    ...manifest,
    web_accessible_resources: [
      { resources: [manifest.action.default_popup, manifest.options_ui.page], matches: ['https://app.circleci.com/*'] },
    ],
    ...(serverHosts.length > 0 ? { host_permissions: serverHosts.map((host) => `https://${host}/*`) } : {}),
    permissions: [...manifest.permissions, ...granted],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(testManifest, null, 2));
  return { dir, manifest };
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
   * (from the popup, which may), the clipboard and the markup cookie, and returns one fresh tab.
   */
  async reset(): Promise<Page> {
    const page = await this.newPage();
    for (const other of await this.browser.pages()) if (other !== page) await other.close();
    await this.useMarkup('classic');
    await page.goto('https://app.circleci.com/');
    await clearClipboard(page);
    await this.openPopup(page);
    await page.evaluate(() => chrome.storage.sync.clear());
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
 * The few WebExtension APIs the Firefox tests call in an extension page (the popup or the options page
 * in a tab), as `(globalThis as unknown as ExtensionApi).browser`: Firefox's promise-based `browser`.
 */
export interface ExtensionApi {
  browser: {
    commands: { getAll(): Promise<{ name?: string; shortcut?: string; description?: string }[]> };
    tabs: {
      getCurrent(): Promise<{ id?: number } | undefined>;
      query(query: { active?: boolean; currentWindow?: boolean }): Promise<{ id?: number; active: boolean }[]>;
      sendMessage(tabId: number, message: unknown): Promise<unknown>;
    };
    permissions: { contains(permissions: { origins: string[] }): Promise<boolean> };
    runtime: { getManifest(): { content_scripts?: { js?: string[] }[] } };
    scripting: {
      getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]>;
      registerContentScripts(
        scripts: { id: string; matches: string[]; js: string[]; runAt: 'document_idle' }[],
      ): Promise<void>;
      unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
    };
  };
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

// ---- Queries by accessible name --------------------------------------------------------------------

/** A selector for the element with this exact accessible name (and role), in the page or any open shadow root. */
export function aria(name: string, role?: string): string {
  if (/["\\]/.test(name)) throw new Error(`Names with quotes or backslashes are not supported: ${name}`);
  return `>>> ::-p-aria([name="${name}"]${role ? `[role="${role}"]` : ''})`;
}

/**
 * The new UI's job log (its steps), without the SSH panel above it, which repeats the copy buttons. Found
 * by the fake site's test-only attribute, in every markup variant.
 */
export async function jobLog(page: Page): Promise<ElementHandle> {
  return (await page.waitForSelector('[data-fixture="steps"]')) as ElementHandle;
}

/** Every copy button our UI shows (in `circleci-ssh-copy` shadow roots), whatever the container. */
export const OUR_BUTTONS = 'circleci-ssh-copy >>> button.copy';

type Scope = Page | ElementHandle;

export async function count(scope: Scope, selector: string): Promise<number> {
  const handles = await scope.$$(selector);
  await Promise.all(handles.map((handle) => handle.dispose()));
  return handles.length;
}

/** The element with this exact accessible name and role, waiting for it to appear. */
export async function find(scope: Scope, name: string, role: string, { timeout = 5000 } = {}): Promise<ElementHandle> {
  const handle = await scope.waitForSelector(aria(name, role), { timeout });
  if (!handle) throw new Error(`No ${role} named "${name}"`);
  return handle as ElementHandle;
}

/** Longer values are pasted, as users paste key paths and fingerprints: typed, each key is a round trip. */
const LONGEST_TYPED = 24;

/**
 * Replaces what the text field with this exact name holds by typing `value`, or pasting it when long,
 * as a user would.
 */
export async function fill(scope: Scope, name: string, value: string): Promise<ElementHandle<HTMLInputElement>> {
  const field = (await find(scope, name, 'textbox')) as ElementHandle<HTMLInputElement>;
  await field.click();
  const page = field.frame.page();
  await page.keyboard.down('Control'); // select what is there, so typing replaces it
  await page.keyboard.press('a');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  if (value.length > LONGEST_TYPED) await paste(field, value);
  else if (value !== '') await field.type(value);
  return field;
}

/** Inserts `text` at the focused field's caret in one edit, with the input events a paste fires. */
export async function paste(field: ElementHandle, text: string): Promise<void> {
  await field.evaluate((element, inserted) => {
    (element as HTMLElement).focus();
    document.execCommand('insertText', false, inserted);
  }, text);
}

/** The form control that the label with exactly this text labels (a file input has no other name to go by). */
export async function labelled(scope: Scope, text: string): Promise<ElementHandle<HTMLInputElement>> {
  const labels = await scope.$$('>>> label');
  try {
    for (const label of labels) {
      const control = await label.evaluateHandle((element, wanted) => {
        const own = element as HTMLLabelElement;
        return own.textContent?.trim() === wanted ? own.control : null;
      }, text);
      const input = control.asElement();
      if (input) return input as ElementHandle<HTMLInputElement>;
      await control.dispose();
    }
  } finally {
    await Promise.all(labels.map((label) => label.dispose()));
  }
  throw new Error(`No control labelled "${text}"`);
}

/** What a form field holds now. */
export function fieldValue(field: ElementHandle): Promise<string> {
  return field.evaluate((element) => (element as HTMLInputElement | HTMLSelectElement).value);
}

/** Chooses the option with this exact text in the select (combobox) with this exact name. */
export async function selectOption(scope: Scope, name: string, optionText: string): Promise<void> {
  const select = (await find(scope, name, 'combobox')) as ElementHandle<HTMLSelectElement>;
  const value = await select.evaluate(
    (element, text) => [...element.options].find((option) => option.text === text)?.value,
    optionText,
  );
  if (value === undefined) throw new Error(`"${name}" has no option "${optionText}"`);
  await select.select(value);
  await select.dispose();
}

/** Whether the checkbox or radio button with this exact name is checked. */
export async function isChecked(scope: Scope, name: string, role: 'checkbox' | 'radio' = 'checkbox'): Promise<boolean> {
  const input = await find(scope, name, role);
  return input.evaluate((element) => (element as HTMLInputElement).checked);
}

/** Clicks the button with this exact accessible name, waiting for it to appear. */
export async function clickButton(scope: Scope, name: string, { timeout = 5000 } = {}): Promise<void> {
  const button = await scope.waitForSelector(aria(name, 'button'), { timeout });
  if (!button) throw new Error(`No button named "${name}"`);
  await button.click();
  await button.dispose();
}

/** Empties the clipboard, then clicks the copy button: a stale clipboard can never pass for the new copy. */
export async function copy(page: Page, name: string, scope: Scope = page): Promise<void> {
  await clearClipboard(page);
  await clickButton(scope, name);
}

// ---- The clipboard (the real one, read from page script; see the prefs in Firefox.launch) ---------

export function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

export function clearClipboard(page: Page): Promise<void> {
  return page.evaluate(() => navigator.clipboard.writeText(''));
}

// ---- The fake CircleCI pages (e2e/site) ------------------------------------------------------------------

/** The URL the tab shows, from the page itself: also right after pushState and self-navigation. */
export function currentUrl(page: Page): Promise<string> {
  return page.evaluate(() => location.href);
}

/** Opens a fake CircleCI page and waits until it has rendered. */
export async function openPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => (window as { __fixture?: { ready?: boolean } }).__fixture?.ready === true);
}

/**
 * A step block by its exact name: new UI (`div[tabindex]`, found by the fake site's test-only
 * `data-fixture` attributes in every markup variant) or legacy action. CircleCI's own Enable SSH comes
 * first and Wait for SSH last, as in e2e/job-page.ts. Looked up afresh on every call, because the
 * pages replace their nodes as React does.
 */
export async function step(page: Page, name: string): Promise<ElementHandle> {
  const handle = await page.waitForFunction(
    (stepName) => {
      const blocks = [
        ...document.querySelectorAll(
          '[data-fixture="steps"] [data-fixture="step"], .container-view > div[id^="action-"]',
        ),
      ].filter((block) => {
        const header = block.querySelector('[data-fixture="step-name"], .command-text');
        return header?.textContent === stepName;
      });
      return stepName === 'Wait for SSH' ? blocks.at(-1) : blocks[0];
    },
    {},
    name,
  );
  return handle as ElementHandle;
}

/** Clicks a step's header, as a user expands or collapses it (new UI and legacy). */
export async function toggleStep(page: Page, name: string): Promise<void> {
  const block = await step(page, name);
  const header = (await block.$(':scope > button')) ?? (await block.$('.action_header'));
  if (!header) throw new Error(`Step "${name}" has no header to click`);
  await header.click();
}

/** Waits `ms` milliseconds: only to show that something does NOT happen (a positive check proves the timing). */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Clicks the first element matching `selector` whose text is exactly `text` (container pills). */
export async function clickByText(page: Page, selector: string, text: string): Promise<void> {
  const handle = await page.waitForFunction(
    (css, wanted) => [...document.querySelectorAll(css)].find((element) => element.textContent?.trim() === wanted),
    {},
    selector,
    text,
  );
  await (handle as ElementHandle).click();
}

/** Clicks the new UI's box (a link) for parallel run `index`, whatever its text (markup variants). */
export async function clickRunBox(page: Page, index: number): Promise<void> {
  const box = await page.waitForSelector(`[data-fixture="run"][href$="/parallel-runs/${index}"]`);
  if (!box) throw new Error(`No box for parallel run ${index}`);
  await box.click();
  await box.dispose();
}

/** How many elements in `scope` (and its open shadow roots) show exactly this text, whitespace collapsed. */
export async function countText(scope: Scope, text: string): Promise<number> {
  const handles = await scope.$$(`>>> ::-p-text(${JSON.stringify(text)})`);
  const exact = await Promise.all(
    handles.map((handle) =>
      handle.evaluate((element, t) => element.textContent?.replace(/\s+/g, ' ').trim() === t, text),
    ),
  );
  await Promise.all(handles.map((handle) => handle.dispose()));
  return exact.filter(Boolean).length;
}
