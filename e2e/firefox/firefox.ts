// The Firefox e2e harness: Firefox ESR driven by puppeteer-core over WebDriver BiDi, with a test copy
// of the built extension (dist/firefox) installed temporarily, and the fake CircleCI site answering
// the real CircleCI URLs. Playwright's runner runs the specs; Playwright's own Firefox cannot load
// extensions, so nothing here uses Playwright's browser fixtures.
//
// Queries go by accessible name (`::-p-aria`, answered by Firefox's accessibility tree). Firefox does
// not look into shadow roots for them on its own, so each is prefixed with puppeteer's deep
// combinator `>>>`, which runs it in the page and in every open shadow root: our UI lives in those.

import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type Page } from 'puppeteer-core';
import { servePuppeteer } from '../site/serve.js';

export const firefoxPath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const extensionDir = resolve('dist/firefox');

/** Any fixed UUID: Firefox gives the extension this one, so the popup's URL is known before install. */
const EXTENSION_UUID = '5d9c0a4e-3b1f-4c7a-9e26-8f0b7d1c2a63';

/** Why the suite cannot run here, or undefined when it can. */
export function firefoxMissing(): string | undefined {
  if (existsSync(firefoxPath)) return undefined;
  return `Firefox not found at ${firefoxPath}: install the Debian package firefox-esr, or set FIREFOX_PATH.`;
}

interface Manifest {
  action: { default_popup: string };
  browser_specific_settings: { gecko: { id: string } };
  web_accessible_resources?: unknown;
}

/**
 * Copies the built extension into a temporary folder and makes the popup web-accessible there, for
 * the tests only. WebDriver BiDi refuses to navigate a tab to a moz-extension:// URL, but a web page
 * may navigate itself to an extension page that is web-accessible to it; the popup then runs in that
 * tab with every extension API, as it does from the toolbar. The popup's own script and stylesheet
 * are same-origin loads of the extension page, so only the HTML needs listing. dist/firefox, what
 * users install, keeps its manifest untouched: the popup stays unreachable from CircleCI's pages.
 */
function testCopyOfExtension(): { dir: string; manifest: Manifest } {
  const manifestPath = join(extensionDir, 'manifest.json');
  if (!existsSync(manifestPath)) throw new Error(`No built extension at ${extensionDir}: run \`npm run build\` first.`);
  const dir = mkdtempSync(join(tmpdir(), 'circleci-ssh-copy-firefox-'));
  cpSync(extensionDir, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Manifest;
  if (manifest.web_accessible_resources !== undefined) {
    throw new Error(
      'The built manifest now has web_accessible_resources: merge the test entry instead of replacing it.',
    );
  }
  const testManifest = {
    ...manifest,
    web_accessible_resources: [{ resources: [manifest.action.default_popup], matches: ['https://app.circleci.com/*'] }],
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(testManifest, null, 2));
  return { dir, manifest };
}

export class Firefox {
  private constructor(
    readonly browser: Browser,
    /** moz-extension://<fixed UUID>/src/popup/index.html */
    readonly popupUrl: string,
    private readonly copyDir: string,
  ) {}

  /** A fresh Firefox (fresh profile) with the test copy of the extension installed. */
  static async launch(): Promise<Firefox> {
    const missing = firefoxMissing();
    if (missing) throw new Error(missing);
    const { dir, manifest } = testCopyOfExtension();
    const geckoId = manifest.browser_specific_settings.gecko.id;
    let browser: Browser | undefined;
    try {
      browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath: firefoxPath,
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
      return new Firefox(browser, `moz-extension://${EXTENSION_UUID}/${manifest.action.default_popup}`, dir);
    } catch (error) {
      await browser?.close();
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }

  /** A new tab that answers CircleCI's URLs from e2e/site. */
  async newPage(): Promise<Page> {
    const page = await this.browser.newPage();
    await servePuppeteer(page);
    return page;
  }

  /**
   * For the next test when the browser is reused: closes every tab, clears the extension's storage
   * (from the popup, which may) and the clipboard, and returns one fresh tab.
   */
  async reset(): Promise<Page> {
    const page = await this.newPage();
    for (const other of await this.browser.pages()) if (other !== page) await other.close();
    await page.goto('https://app.circleci.com/');
    await clearClipboard(page);
    await this.openPopup(page);
    await page.evaluate(() => chrome.storage.sync.clear());
    return page;
  }

  /**
   * Turns `page` into the popup: the tab goes to a CircleCI page if it is not on one, then navigates
   * itself to the popup (see testCopyOfExtension). Resolves once the key field is ready.
   */
  async openPopup(page: Page): Promise<void> {
    if (!(await currentUrl(page)).startsWith('https://app.circleci.com/')) await page.goto('https://app.circleci.com/');
    await page.evaluate((url) => {
      location.href = url;
    }, this.popupUrl);
    // puppeteer does not see this navigation (page.url() keeps the old URL), so wait on the page itself.
    await page.waitForFunction((url) => location.href === url && document.readyState === 'complete', {}, this.popupUrl);
    const field = await page.waitForSelector(aria('Default SSH key', 'textbox'));
    await page.waitForFunction((input) => !(input as HTMLInputElement).disabled, {}, field);
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

// ---- Queries by accessible name --------------------------------------------------------------------

/** A selector for the element with this exact accessible name (and role), in the page or any open shadow root. */
export function aria(name: string, role?: string): string {
  if (/["\\]/.test(name)) throw new Error(`Names with quotes or backslashes are not supported: ${name}`);
  return `>>> ::-p-aria([name="${name}"]${role ? `[role="${role}"]` : ''})`;
}

/** Every copy button our UI shows (in `circleci-ssh-copy` shadow roots), whatever the container. */
export const OUR_BUTTONS = 'circleci-ssh-copy >>> button.copy';

type Scope = Page | ElementHandle;

export async function count(scope: Scope, selector: string): Promise<number> {
  const handles = await scope.$$(selector);
  await Promise.all(handles.map((handle) => handle.dispose()));
  return handles.length;
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
 * A step block by its exact name: new UI (`[data-cy=steps] > div[tabindex]`) or legacy action.
 * CircleCI's own Enable SSH comes first and Wait for SSH last, as in e2e/job-page.ts. Looked up
 * afresh on every call, because the pages replace their nodes as React does.
 */
export async function step(page: Page, name: string): Promise<ElementHandle> {
  const handle = await page.waitForFunction(
    (stepName) => {
      const blocks = [
        ...document.querySelectorAll('[data-cy="steps"] > div[tabindex], .container-view > div[id^="action-"]'),
      ].filter((block) => {
        const header = block.querySelector('button[data-cy="step-name"] #metadata > div:first-child, .command-text');
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
  const header = (await block.$('button[data-cy="step-name"]')) ?? (await block.$('.action_header'));
  if (!header) throw new Error(`Step "${name}" has no header to click`);
  await header.click();
}

/** Clicks the first element matching `selector` whose text is exactly `text` (run boxes, container pills). */
export async function clickByText(page: Page, selector: string, text: string): Promise<void> {
  const handle = await page.waitForFunction(
    (css, wanted) => [...document.querySelectorAll(css)].find((element) => element.textContent?.trim() === wanted),
    {},
    selector,
    text,
  );
  await (handle as ElementHandle).click();
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
