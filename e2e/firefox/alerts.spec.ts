// "Don't make people watch the page" (#14) in Firefox ESR: the toolbar countdown and the notifications,
// as e2e/alerts.spec.ts checks them in Chromium. The test's own tab is the popup (an extension page, see
// firefox.ts), from which it reads what the extension shows through the extension's own APIs; the job
// page is in a second tab. The test copy grants `notifications` outright: a test cannot answer the
// prompt. Time: Firefox's background is an event page, a window whose `Date.now` the popup can reach
// (runtime.getBackgroundPage); the test stops that clock at a chosen moment and rings the `alerts`
// alarm by creating it anew to fire at once, so the real alarm listener runs and nothing waits minutes.
// Not here: a click on a notification. Headless Firefox closes each one at once, and nothing but a
// user's click fires notifications.onClicked (Chromium's test dispatches the event itself).

import { expect } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { jobUrl } from '../site/jobs.js';
import type { ExtensionApi } from './extension-copy';
import { type Firefox, test, useFirefox } from './firefox';
import { openPage, pause } from './job-page';
import { aria, clickButton } from './queries';

const KEY = '~/.ssh/id_ed25519';
const MINUTE = 60_000;
const JOB_KEY = (job: number) => `app.circleci.com/app/github/acme/api/${job}`;
const withKey = (more: Record<string, unknown> = {}) => ({
  schemaVersion: 2,
  profiles: [{ id: 'default', name: 'Default', keyPath: KEY }],
  defaultProfileId: 'default',
  ...more,
});

/** What these tests call besides firefox.ts's ExtensionApi. */
interface AlertApis {
  browser: ExtensionApi['browser'] & {
    action: {
      getBadgeText(details: { tabId: number }): Promise<string>;
      getBadgeBackgroundColor(details: { tabId: number }): Promise<number[]>;
    };
    alarms: {
      get(name: string): Promise<{ scheduledTime: number } | undefined>;
      create(name: string, info: { when: number }): Promise<void>;
    };
    storage: { session: { get(key: string): Promise<Record<string, unknown>>; clear(): Promise<void> } };
    runtime: { getBackgroundPage(): Promise<BackgroundWindow> };
  };
}
interface Notifications {
  create(id: string, options: { title: string; message: string }): Promise<string>;
}
/** The background page's window, as runtime.getBackgroundPage() gives it; `real*` are the test's. */
interface BackgroundWindow {
  Date: DateConstructor;
  Function: FunctionConstructor;
  browser: { notifications: Notifications };
  realNow?: () => number;
  realCreate?: Notifications['create'];
}

let firefox: Firefox;
/** The popup, in the test's first tab: where the extension's APIs are read. */
let popup: Page;

useFirefox(
  'the Firefox alerts',
  (browser, tab) => {
    firefox = browser;
    popup = tab;
  },
  { granted: ['notifications'] },
);

test.beforeEach(async () => {
  // The last test's tabs are closed; the background forgets them (and their jobs) as it learns so.
  await popup.evaluate(() => (globalThis as unknown as AlertApis).browser.storage.session.clear());
});

test.afterEach(async () => {
  // The background outlives the test: its clock goes again, and its notifications no longer pass
  // through the popup, which the next test closes.
  await popup.evaluate(async () => {
    const background = await (globalThis as unknown as AlertApis).browser.runtime.getBackgroundPage();
    if (background.realNow) background.Date.now = background.realNow;
    if (background.realCreate) background.browser.notifications.create = background.realCreate;
  });
});

/** The job page's tab: the only other one. */
async function jobTabId(): Promise<number> {
  const id = await popup.evaluate(async () => {
    const { tabs } = (globalThis as unknown as AlertApis).browser;
    const self = await tabs.getCurrent();
    return (await tabs.query({})).find((tab) => tab.id !== self?.id)?.id;
  });
  if (id === undefined) throw new Error('no job tab');
  return id;
}

const badge = (tabId: number) =>
  popup.evaluate((id) => (globalThis as unknown as AlertApis).browser.action.getBadgeText({ tabId: id }), tabId);

const badgeColour = (tabId: number) =>
  popup.evaluate(
    (id) => (globalThis as unknown as AlertApis).browser.action.getBadgeBackgroundColor({ tabId: id }),
    tabId,
  );

interface WatchedJob {
  key: string;
  connectBy?: number;
  sessionEndsBy?: number;
  copied: boolean;
}

/** The SSH rerun as the background keeps it (background/alerts.ts). */
const watched = (job: number) =>
  popup.evaluate(async (key) => {
    const { alerts } = await (globalThis as unknown as AlertApis).browser.storage.session.get('alerts');
    return (alerts as { jobs: WatchedJob[] } | undefined)?.jobs.find((each) => each.key === key);
  }, JOB_KEY(job));

/** The SSH rerun's deadlines, once the background has them. */
async function deadlines(job: number): Promise<{ connectBy: number; sessionEndsBy: number }> {
  await expect.poll(async () => (await watched(job))?.connectBy).toBeDefined();
  return (await watched(job)) as { connectBy: number; sessionEndsBy: number };
}

/**
 * Stops the background's clock at `at` (epoch ms): a bound function made in the background's own
 * window, so it outlives this call. Then rings the alarm, as Firefox would at that time.
 */
async function ringAt(at: number): Promise<void> {
  await popup.evaluate(async (target) => {
    const { browser } = globalThis as unknown as AlertApis;
    const background = await browser.runtime.getBackgroundPage();
    background.realNow ??= background.Date.now;
    const stopped = new background.Date(target);
    background.Date.now = background.Function.prototype.bind.call(background.Date.prototype.getTime, stopped);
    await browser.alarms.create('alerts', { when: Date.now() });
  }, at);
}

/** Job 116 (an SSH rerun waiting for SSH, 8 containers) in a new tab, with the key set. */
async function open116(prefs = withKey()): Promise<Page> {
  await firefox.setPrefs(popup, prefs);
  const job = await firefox.newPage();
  await openPage(job, jobUrl(116, 0));
  return job;
}

test.describe('the toolbar countdown', () => {
  test('shows the minutes left to connect, warns in the last two, and clears at the deadline', async () => {
    await open116();
    const tabId = await jobTabId();
    const { connectBy } = await deadlines(116);
    await expect.poll(() => badge(tabId)).toMatch(/^([1-9]|10)m$/);
    expect(await badgeColour(tabId)).toEqual([29, 79, 145, 255]);
    // One alarm, at the next change of the badge.
    const alarm = await popup.evaluate(() => (globalThis as unknown as AlertApis).browser.alarms.get('alerts'));
    expect(alarm?.scheduledTime).toBeLessThanOrEqual(connectBy);

    await ringAt(connectBy - 90_000);
    await expect.poll(() => badge(tabId)).toBe('2m');
    expect(await badgeColour(tabId)).toEqual([179, 38, 30, 255]);
    await ringAt(connectBy - 30_000);
    await expect.poll(() => badge(tabId)).toBe('1m');
    await ringAt(connectBy);
    await expect.poll(() => badge(tabId)).toBe('');
  });

  test('clears when the tab leaves the job', async () => {
    const job = await open116();
    const tabId = await jobTabId();
    await expect.poll(() => badge(tabId)).toMatch(/^\d+m$/);
    // In-app navigation to a job without SSH.
    await job.evaluate(
      (path) => (window as { __fixture?: { navigate(path: string): void } }).__fixture?.navigate(path),
      new URL(jobUrl(106)).pathname,
    );
    await expect.poll(() => badge(tabId)).toBe('');
  });
});

/**
 * Every notification the background creates from now on, as [id, title, message]: its
 * notifications.create is wrapped from the popup, as e2e/alerts.spec.ts does in Chromium. Firefox
 * headless hands a notification to an alert service that closes it at once (notifications.getAll()
 * is empty again within a second), so what was created is read here rather than what is shown. The
 * wrapper lives in the popup's window: call this after the last setPrefs (which reloads the popup);
 * afterEach puts the original back.
 */
async function recordNotifications(): Promise<() => Promise<[string, string, string][]>> {
  await popup.evaluate(async () => {
    const own = globalThis as unknown as AlertApis & { created: [string, string, string][] };
    const background = await own.browser.runtime.getBackgroundPage();
    own.created = [];
    const notifications = background.browser.notifications;
    background.realCreate ??= notifications.create;
    const create = background.realCreate.bind(notifications);
    notifications.create = (id, options) => {
      own.created.push([id, options.title, options.message]);
      return create(id, options);
    };
  });
  return () => popup.evaluate(() => (globalThis as unknown as { created: [string, string, string][] }).created);
}

test.describe('notifications', () => {
  test('"SSH ready" once, for a rerun this browser watched, even in a background tab', async () => {
    await firefox.setPrefs(popup, withKey({ alerts: { notifications: true } }));
    const created = await recordNotifications();
    // Job 105 is still setting up SSH: its command streams in a moment after the page opens.
    const job = await firefox.newPage();
    await openPage(job, jobUrl(105));
    const other = await firefox.newPage();
    await openPage(other, jobUrl(106));
    await other.bringToFront();
    await expect
      .poll(created)
      .toEqual([
        [
          `ready:${JOB_KEY(105)}`,
          'SSH ready: build (#105), 1 container',
          'Click to go to the job and its first copy button.',
        ],
      ]);
    // Seen again, in another tab: still the one notification.
    await openPage(other, jobUrl(105));
    await other.waitForSelector(aria('Copy SSH command for container 0', 'button'));
    await pause(500);
    expect(await created()).toHaveLength(1);
  });

  test('warns 2 minutes before the time to connect runs out, then, once copied, at 1 h 50 min', async () => {
    await firefox.setPrefs(popup, withKey({ alerts: { notifications: true } }));
    const created = await recordNotifications();
    const job = await firefox.newPage();
    await openPage(job, jobUrl(116, 0));
    const { connectBy, sessionEndsBy } = await deadlines(116);
    await ringAt(connectBy - 2 * MINUTE - 1000);
    await pause(300);
    expect(await created()).toEqual([]);
    await ringAt(connectBy - 2 * MINUTE);
    await expect
      .poll(async () => (await created()).map(([id, title]) => [id, title]))
      .toEqual([[`connect:${JOB_KEY(116)}`, '2 minutes left to connect: build (#116)']]);

    await clickButton(job, 'Copy SSH command for container 0');
    await expect.poll(async () => (await watched(116))?.copied).toBe(true);
    await ringAt(sessionEndsBy - 10 * MINUTE);
    await expect
      .poll(async () => (await created()).map(([id]) => id))
      .toEqual([`connect:${JOB_KEY(116)}`, `slot:${JOB_KEY(116)}`]);
    expect((await created())[1]?.[2]).toBe("Cancel it if you're done: it holds a concurrency slot.");
  });
});
