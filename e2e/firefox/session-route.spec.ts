// The session route (#13) in Firefox ESR: the job page's own CircleCI session fills the SSH panel for
// all eight containers on first load, with no token and no run opened; turned off, the page asks
// nothing; refused (a 401, or answers without CORS headers, which Firefox hides from the page), the
// panel falls back to the page in silence; a disagreement is a warning. The tab answers the fake API
// (site/fake-session.js) itself, in front of the fake site, and the fake serves only the job page's
// origin with its cookie.

import { expect } from '@playwright/test';
import type { ElementHandle, HTTPRequest, Page } from 'puppeteer-core';
import { createFakeSession, DISAGREEING, PAGE_ORIGIN, SESSION_COOKIE_FIELDS } from '../site/fake-session.js';
import { jobUrl } from '../site/jobs.js';
import { answer } from '../site/serve.js';
import { type Firefox, test, useFirefox } from './firefox';
import { countText, openPage, pause } from './job-page';
import { aria, copy, count, find, readClipboard } from './queries';

const KEY = '~/.ssh/id_ed25519';
const PANEL = 'SSH access to job 116';
/** Job 116's containers: `ssh -p 64600+7i 3.92.41.(20+i)`. */
const command = (container: number) =>
  `ssh -i ${KEY} -o IdentitiesOnly=yes -p ${64600 + 7 * container} -- 3.92.41.${20 + container}`;
const copyName = (container: number) => `Copy SSH command for container ${container}`;

let firefox: Firefox;
let popup: Page;

useFirefox('the Firefox session route', (browser, tab) => {
  firefox = browser;
  popup = tab;
});

let fake: ReturnType<typeof createFakeSession>;
const tabs: Page[] = [];

test.beforeEach(async () => {
  // A refusal is remembered for the browser session (storage.session): each test starts without one.
  await popup.evaluate(() => (globalThis as unknown as { browser: typeof chrome }).browser.storage.session.clear());
  await firefox.browser.setCookie({ ...SESSION_COOKIE_FIELDS, secure: true });
});

test.afterEach(async () => {
  for (const tab of tabs.splice(0)) await tab.close();
  await firefox.browser.deleteMatchingCookies({ name: SESSION_COOKIE_FIELDS.name });
});

/** Stores the key (and `more` prefs), then opens a tab that answers https://circleci.com/api/** from a new fake. */
async function tabWithSession(
  options: Parameters<typeof createFakeSession>[0] = {},
  more: Record<string, unknown> = {},
): Promise<Page> {
  await firefox.setPrefs(popup, {
    schemaVersion: 2,
    profiles: [{ id: 'default', name: 'Default', keyPath: KEY }],
    defaultProfileId: 'default',
    ...more,
  });
  fake = createFakeSession(options);
  const page = await firefox.browser.newPage();
  tabs.push(page);
  await page.setRequestInterception(true);
  const respond = async (request: HTTPRequest) => {
    if (!request.url().startsWith('https://circleci.com/api/')) return answer(request);
    const headers = Object.fromEntries(
      Object.entries(request.headers()).map(([name, value]) => [name.toLowerCase(), value]),
    );
    const { status, headers: responseHeaders, body } = fake.respond(request.url(), headers);
    await request.respond({ status, headers: responseHeaders, body });
  };
  page.on('request', (request) => {
    if (!request.isInterceptResolutionHandled()) void respond(request).catch(() => undefined);
  });
  return page;
}

const panel = (page: Page): Promise<ElementHandle> => find(page, PANEL, 'region', { timeout: 15_000 });

/** Waits until the panel shows exactly this text, whitespace collapsed. */
async function shows(page: Page, text: string): Promise<void> {
  await expect.poll(async () => countText(await panel(page), text), { timeout: 15_000 }).toBe(1);
}

/** The containers the panel offers a copy button for. */
async function offered(page: Page): Promise<number[]> {
  const region = await panel(page);
  const containers: number[] = [];
  for (let container = 0; container < 8; container++) {
    if ((await count(region, aria(copyName(container), 'button'))) > 0) containers.push(container);
  }
  return containers;
}

/** Copies a container's command from the panel, and waits for it on the clipboard. */
async function copiesFromPanel(page: Page, container: number): Promise<void> {
  await copy(page, copyName(container), await panel(page));
  await expect.poll(() => readClipboard(page)).toBe(command(container));
}

test('fills all eight containers on first load, without a token and without opening a run', async () => {
  const page = await tabWithSession();
  await openPage(page, jobUrl(116, 0));
  await shows(page, '8 of 8 containers known');
  // Run 6 was never opened: its command came through the session. Details, then eight outputs.
  await copiesFromPanel(page, 6);
  expect(fake.requests.length).toBeGreaterThanOrEqual(9);
  for (const { url, headers } of fake.requests) {
    expect(new URL(url).origin).toBe('https://circleci.com');
    expect(headers.origin).toBe(PAGE_ORIGIN);
    expect(headers['circle-token']).toBeUndefined();
  }
});

test('turned off in the options: the page asks CircleCI nothing and the panel fills as today', async () => {
  const page = await tabWithSession({}, { sessionRoute: false });
  await openPage(page, jobUrl(116, 0));
  await shows(page, '1 of 8 containers known');
  await copiesFromPanel(page, 0);
  await pause(1500);
  expect(fake.requests).toEqual([]);
});

test('a 401 is remembered for circleci.com: the panel fills from the page in silence, later pages ask nothing', async () => {
  const page = await tabWithSession({ scenario: 'unauthorized' });
  await openPage(page, jobUrl(116, 1));
  await copiesFromPanel(page, 1);
  await expect.poll(() => fake.requests.length).toBe(1);
  await shows(page, 'From: this page');
  expect(await count(await panel(page), '>>> ::-p-aria([role="note"])')).toBe(0);
  await openPage(page, jobUrl(116, 5));
  await copiesFromPanel(page, 5);
  await pause(1000);
  expect(fake.requests).toHaveLength(1);
});

test('without CORS headers the page cannot read the answers: the panel falls back in silence, and asks once', async () => {
  const page = await tabWithSession({ cors: false });
  await openPage(page, jobUrl(116, 2));
  await copiesFromPanel(page, 2);
  await expect.poll(() => fake.requests.length).toBeGreaterThan(0);
  // Retried as a network failure would be, then remembered (for the browser session, under the API's
  // origin: background/session-route.ts): no note, and no request on the next page.
  await expect
    .poll(() =>
      popup.evaluate(async () => {
        const key = 'session-refused:https://circleci.com';
        const { storage } = (globalThis as unknown as { browser: typeof chrome }).browser;
        return (await storage.session.get(key))[key] === true;
      }),
    )
    .toBe(true);
  await shows(page, 'From: this page');
  expect(await count(await panel(page), '>>> ::-p-aria([role="note"])')).toBe(0);
  const asked = fake.requests.length;
  await openPage(page, jobUrl(116, 4));
  await copiesFromPanel(page, 4);
  await pause(1000);
  expect(fake.requests).toHaveLength(asked);
});

test('the session and the page disagree about a container: a warning and no button for it', async () => {
  const page = await tabWithSession({ scenario: 'disagree' });
  await openPage(page, jobUrl(116, DISAGREEING.container));
  const region = await panel(page);
  await region.waitForSelector('>>> ::-p-text(CircleCI and this page name different addresses)', { timeout: 15_000 });
  expect(await offered(page)).toEqual([0, 1, 2, 4, 5, 6, 7]);
  expect(await region.evaluate((element) => element.textContent)).not.toContain('3.92.41.99');
});
