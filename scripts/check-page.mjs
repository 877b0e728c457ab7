// `npm run check-page -- <file.html> [--url URL] [--json]`: loads a CircleCI job page saved from a real
// browser (File › Save Page As, or `copy(document.documentElement.outerHTML)` in the console) into the
// built extension, headless, at its real URL, and prints what the extension found there: the steps,
// the SSH steps and their verdicts, the commands it would copy (read from the real clipboard), the job
// SSH panel's rows, and, when it could not read the page, the structural report the popup would copy.
// The page's own scripts do not run (the saved DOM is what is checked) and nothing reaches the network.
//
// Exit code: 0 when the page was read (or shows no SSH step), 2 when it shows an SSH step that the
// extension could not read, 1 when the check itself could not run.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { chromiumInUse, chromiumPath, extensionArgs } from '../e2e/browser.js';

const USAGE = 'Usage: npm run check-page -- <file.html> [--url https://app.circleci.com/…/jobs/N] [--json]';
/** The pages the content script runs on (manifest.json), so the only ones worth checking. */
const JOB_PAGE = /^https:\/\/(?:app\.circleci\.com\/|circleci\.com\/(?:gh|bb)\/)/;
/** Long enough for the extension's settle-and-look (page-check.ts waits 1.5 s of quiet). */
const SETTLE_MS = 2500;

const { values: options, positionals } = parseArgs({
  allowPositionals: true,
  options: { url: { type: 'string' }, json: { type: 'boolean', default: false } },
});

const file = positionals[0];
if (!file || positionals.length > 1) fail(USAGE);
const html = readFileSync(resolve(file), 'utf8');
const url = options.url ?? savedFromUrl(html);
if (!url) fail(`${file} does not say which URL it was saved from: give it with --url.\n${USAGE}`);
if (!JOB_PAGE.test(url)) fail(`${url} is not a CircleCI job page the extension runs on.\n${USAGE}`);

// On stderr, so that --json output stays JSON.
console.error(chromiumInUse);
const report = await check(withoutOurElements(html), url);
if (options.json) console.log(JSON.stringify(report, null, 2));
else print(report);
process.exit(report.status?.readable === false ? 2 : 0);

/**
 * @param {string} page the saved HTML
 * @param {string} pageUrl
 */
async function check(page, pageUrl) {
  const origin = new URL(pageUrl).origin;
  const extensionDir = await withAccessTo(resolve(process.env.EXTENSION_DIR ?? 'dist/chrome'), origin);
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath,
    headless: true,
    args: extensionArgs(extensionDir),
    viewport: { width: 1280, height: 900 },
  });
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    // The saved page at its own URL, with its scripts off: nothing else is served, nothing reaches out.
    await context.route(
      (address) => address.protocol === 'https:' || address.protocol === 'http:',
      (route) => {
        const request = route.request();
        if (request.isNavigationRequest() && request.url() === pageUrl)
          return route.fulfill({
            status: 200,
            contentType: 'text/html; charset=utf-8',
            headers: { 'Content-Security-Policy': "script-src 'none'" },
            body: page,
          });
        return route.abort();
      },
    );
    const background = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const tab = await context.newPage();
    await tab.goto(pageUrl);
    await tab.waitForTimeout(SETTLE_MS);

    const tabId = await background.evaluate(
      async (href) => (await chrome.tabs.query({})).find((each) => each.url === href)?.id,
      pageUrl,
    );
    if (tabId === undefined) throw new Error('the page did not open');
    const status = /** @type {{ readable?: boolean } | undefined} */ (
      await background.evaluate((id) => chrome.tabs.sendMessage(id, { type: 'page-status' }), tabId)
    );
    const badge = await background.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
    const widgets = await readWidgets(tab);
    const copied = [];
    // Each copy button beside the log, clicked as a user would, and what reached the clipboard.
    const buttons = await tab.evaluateHandle(() =>
      [...document.querySelectorAll('circleci-ssh-copy')]
        .flatMap((host) => (host.shadowRoot && !host.shadowRoot.querySelector('.ssh-panel') ? [host.shadowRoot] : []))
        .flatMap((root) => [...root.querySelectorAll('button.copy')]),
    );
    for (const property of (await buttons.getProperties()).values()) {
      const button = property.asElement();
      if (!button) continue;
      await tab.evaluate(() => navigator.clipboard.writeText(''));
      await button.click();
      copied.push({
        button: await button.getAttribute('aria-label'),
        clipboard: await tab.evaluate(() => navigator.clipboard.readText()),
      });
    }
    const structure = status?.readable === false ? await structureOf(context, background, tabId) : undefined;
    return { url: pageUrl, badge, status, widgets, copied, panel: await readPanel(tab), structure };
  } finally {
    await context.close();
  }
}

/** Our widgets beside the log's lines, in page order: each copy button's name and command, or its warning. */
function readWidgets(tab) {
  return tab.evaluate(() =>
    [...document.querySelectorAll('circleci-ssh-copy')]
      .flatMap((host) => (host.shadowRoot && !host.shadowRoot.querySelector('.ssh-panel') ? [host.shadowRoot] : []))
      .map((root) => ({
        button: root.querySelector('button.copy')?.getAttribute('aria-label') ?? undefined,
        command: root.querySelector('.command')?.textContent ?? undefined,
        problem: root.querySelector('.problem')?.textContent ?? undefined,
      })),
  );
}

/** The job SSH panel's text, line by line, if the page has one. */
function readPanel(tab) {
  return tab.evaluate(() => {
    const panel = [...document.querySelectorAll('circleci-ssh-copy')]
      .map((host) => host.shadowRoot?.querySelector('.ssh-panel'))
      .find((found) => found instanceof HTMLElement);
    // biome-ignore lint/performance/useDomNodeTextContent: the panel's lines as the user sees them
    return panel ? panel.innerText.split('\n').filter((line) => line.trim() !== '') : undefined;
  });
}

/** The structural report, asked from an extension page as the popup asks it. */
async function structureOf(context, background, tabId) {
  const extensionPage = await context.newPage();
  await extensionPage.goto(new URL('src/options/index.html', background.url()).href);
  const structure = await extensionPage.evaluate(
    (id) => chrome.runtime.sendMessage({ type: 'describe-page', tabId: id }),
    tabId,
  );
  await extensionPage.close();
  return structure;
}

/** A copy of the built extension that may also run scripts on `origin` (the popup's click grants that in use). */
async function withAccessTo(extensionDir, origin) {
  const copy = mkdtempSync(join(os.tmpdir(), 'circleci-ssh-copy-check-'));
  await cp(extensionDir, copy, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
  writeFileSync(join(copy, 'manifest.json'), JSON.stringify({ ...manifest, host_permissions: [`${origin}/*`] }));
  return copy;
}

/** Chrome's "Save Page As" writes `<!-- saved from url=(0066)https://… -->` at the top. */
function savedFromUrl(text) {
  return /<!-- saved from url=\(\d+\)(https:\/\/[^\s>]+) -->/.exec(text)?.[1];
}

/** A page saved with the extension running holds our empty hosts: the extension draws its own afresh. */
function withoutOurElements(text) {
  return text.replace(/<circleci-ssh-copy\b[^>]*>\s*<\/circleci-ssh-copy>/g, '');
}

function print({ url, badge, status, widgets, copied, panel, structure }) {
  console.log(`Page: ${url}`);
  if (!status) {
    console.log('The extension did not answer on this page: is it a job page it runs on?');
    return;
  }
  console.log(`Steps found: ${status.steps}`);
  console.log(`SSH steps: ${status.sshSteps.length}`);
  for (const step of status.sshSteps)
    console.log(
      `  container ${step.container}, ${step.step}: ${step.verdict}; ${
        step.collapsed ? 'collapsed' : `${step.commands} command(s), ${step.unrecognised} not recognised`
      }`,
    );
  console.log(`Beside the log's lines: ${widgets.length} widget(s)`);
  for (const widget of widgets)
    console.log(`  ${widget.button ? `${widget.button}: ${widget.command}` : `warning: ${widget.problem}`}`);
  for (const { button, clipboard } of copied) console.log(`Copied by "${button}": ${clipboard}`);
  if (panel) console.log(`Job SSH panel:\n${panel.map((line) => `  ${line}`).join('\n')}`);
  console.log(`Toolbar badge: ${badge === '' ? '(none)' : badge}`);
  if (status.readable) {
    console.log(
      status.sshSteps.length > 0
        ? 'Result: the page was read.'
        : 'Result: the page shows no SSH step the extension found.',
    );
    return;
  }
  console.log('Result: the page shows an SSH step and an ssh line, but the extension could not read it.');
  if (structure) {
    console.log('Hooks matched:');
    for (const [hook, count] of Object.entries(structure.hooks)) console.log(`  ${hook}: ${count}`);
    console.log(`Structure of ${structure.url}${structure.truncated ? ' (truncated)' : ''}:`);
    for (const line of structure.tree) console.log(`  ${line}`);
  }
}

/**
 * @param {string} message
 * @returns {never}
 */
function fail(message) {
  console.error(message);
  process.exit(1);
}
