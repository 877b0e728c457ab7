// "Don't make people watch the page" (#14) through the built extension in Chromium: the toolbar
// countdown, the "SSH ready" notification and its click, the expiry warnings. Headless Chromium cannot
// answer a permission prompt, so this file loads a copy of dist/chrome whose manifest already grants
// `notifications` (the request in the popup and options page then resolves at once); dist/chrome is
// unchanged. Time: the worker's clock is moved on (its Date.now) and its alarm rung by hand, so that
// nothing waits for minutes; the page's figures are the fake site's own.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { test as base, expect, extensionDir, launchWithExtension, withDefaultKey } from './fixtures';
import { navigateInApp } from './job-page';
import { jobUrl, parallel8Url } from './site/jobs.js';

const test = base.extend<object, { browserContext: BrowserContext }>({
  browserContext: [
    // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
    async ({}, use) => {
      const copy = mkdtempSync(join(tmpdir(), 'ssh-copy-alerts-'));
      cpSync(extensionDir, copy, { recursive: true });
      const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
      const permissions = [...manifest.permissions, 'notifications'];
      writeFileSync(join(copy, 'manifest.json'), JSON.stringify({ ...manifest, permissions }));
      const context = await launchWithExtension(copy);
      await use(context);
      await context.close();
      rmSync(copy, { recursive: true, force: true });
    },
    { scope: 'worker' },
  ],
});

const KEY = '~/.ssh/id_ed25519';
const MINUTE = 60_000;
const JOB_KEY = (job: number) => `app.circleci.com/app/github/acme/api/${job}`;
const panel = (page: Page, job: number) => page.getByRole('region', { name: `SSH access to job ${job}` });
const notificationsOn = (more: Record<string, unknown> = {}) =>
  withDefaultKey(KEY, { alerts: { notifications: true, ...more } });

/** The id of the tab `page` is in (brought to the front to find it). */
async function tabOf(background: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await background.evaluate(
    async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
  );
  if (id === undefined) throw new Error('no active tab');
  return id;
}

const badge = (background: Worker, tabId: number) =>
  background.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

/** The SSH rerun's figures as the background keeps them (background/alerts.ts). */
const watched = (background: Worker, job: number) =>
  background.evaluate(async (key) => {
    const { alerts } = await chrome.storage.session.get('alerts');
    const jobs = (alerts as { jobs: { key: string; connectBy?: number; sessionEndsBy?: number }[] } | undefined)?.jobs;
    return jobs?.find((each) => each.key === key);
  }, JOB_KEY(job));

/** Opens run `run` of job 116 (waiting for SSH, 8 containers) and gives its deadlines once the background has them. */
async function open116(page: Page, background: Worker, run = 0) {
  await page.goto(parallel8Url(run));
  await expect(
    panel(page, 116)
      .getByText(/^Connect within/)
      .first(),
  ).toBeVisible();
  await expect(async () => expect((await watched(background, 116))?.connectBy).toBeDefined()).toPass();
  const job = await watched(background, 116);
  return { connectBy: job?.connectBy as number, sessionEndsBy: job?.sessionEndsBy as number };
}

/** Moves the worker's clock to `at` (epoch ms) and rings its alarm, as Chrome would then. */
async function ringAt(background: Worker, at: number): Promise<void> {
  await background.evaluate((target) => {
    const g = globalThis as { realNow?: () => number };
    g.realNow ??= Date.now;
    const offset = target - g.realNow();
    Date.now = () => (g.realNow as () => number)() + offset;
    chrome.alarms.onAlarm.dispatch({ name: 'alerts', scheduledTime: target });
  }, at);
}

/** Every notification the extension creates from now on, as [id, options]. */
async function recordNotifications(background: Worker) {
  await background.evaluate(async () => {
    const g = globalThis as { created?: [string, { title: string; message: string }][] };
    if (!g.created) {
      const create = chrome.notifications.create.bind(chrome.notifications);
      chrome.notifications.create = (id, options, ...rest) => {
        g.created?.push([id, options]);
        return create(id, options, ...rest);
      };
    }
    g.created = [];
    for (const id of Object.keys(await chrome.notifications.getAll())) await chrome.notifications.clear(id);
  });
  return () =>
    background.evaluate(
      () => (globalThis as { created?: [string, { title: string; message: string }][] }).created ?? [],
    );
}

// `page` first: its fixture clears the storage. The last test's tabs closed meanwhile, and the worker
// may still be recording that: once it has, this test starts from nothing again.
test.beforeEach(async ({ page: _clearedFirst, background }) => {
  await background.evaluate(() => new Promise((done) => setTimeout(done, 500)));
  await background.evaluate(() => chrome.storage.session.clear());
});

test.afterEach(async ({ background }) => {
  // The worker outlives the test: its clock goes back.
  await background.evaluate(() => {
    const g = globalThis as { realNow?: () => number };
    if (g.realNow) Date.now = g.realNow;
  });
});

test.describe('the toolbar countdown', () => {
  test('shows the minutes left to connect, warns in the last two, and clears at the deadline', async ({
    page,
    background,
    setPrefs,
  }) => {
    await setPrefs(withDefaultKey(KEY));
    const { connectBy } = await open116(page, background);
    const tabId = await tabOf(background, page);
    await expect.poll(() => badge(background, tabId)).toMatch(/^([1-9]|10)m$/);
    // One alarm, at the next change of the badge.
    const alarm = await background.evaluate(() => chrome.alarms.get('alerts'));
    expect(alarm?.scheduledTime).toBeLessThanOrEqual(connectBy);

    await ringAt(background, connectBy - 90_000);
    await expect.poll(() => badge(background, tabId)).toBe('2m');
    expect(await background.evaluate((id) => chrome.action.getBadgeBackgroundColor({ tabId: id }), tabId)).toEqual([
      179, 38, 30, 255,
    ]);
    await ringAt(background, connectBy - 30_000);
    await expect.poll(() => badge(background, tabId)).toBe('1m');
    await ringAt(background, connectBy);
    await expect.poll(() => badge(background, tabId)).toBe('');
  });

  test('clears when the tab leaves the job, and stays off when turned off', async ({ page, background, setPrefs }) => {
    await setPrefs(withDefaultKey(KEY));
    await page.goto(parallel8Url(0));
    const tabId = await tabOf(background, page);
    await expect.poll(() => badge(background, tabId)).toMatch(/^\d+m$/);
    // In-app navigation to a job without SSH.
    await navigateInApp(page, jobUrl(106));
    await expect.poll(() => badge(background, tabId)).toBe('');

    await setPrefs(withDefaultKey(KEY, { alerts: { badge: false } }));
    await open116(page, background, 1);
    expect(await badge(background, tabId)).toBe('');
  });
});

/**
 * With notifications on, job 105 (still setting up SSH: its command streams in a moment later) in
 * `page`, whose tab id it gives, then another tab in front; and what the extension notifies.
 */
async function job105Behind(
  page: Page,
  background: Worker,
  context: BrowserContext,
  setPrefs: (p: unknown) => Promise<void>,
) {
  const created = await recordNotifications(background);
  await setPrefs(notificationsOn());
  await page.goto(jobUrl(105));
  const jobTab = await tabOf(background, page);
  const other = await context.newPage();
  await other.goto(jobUrl(106));
  await other.bringToFront();
  return { created, jobTab, other };
}

test.describe('notifications', () => {
  test('"SSH ready" once, for a rerun this browser watched, even in a background tab', async ({
    page,
    background,
    browserContext,
    setPrefs,
  }) => {
    const { created, other } = await job105Behind(page, background, browserContext, setPrefs);
    await expect.poll(created).toEqual([
      [
        `ready:${JOB_KEY(105)}`,
        expect.objectContaining({
          title: 'SSH ready: build (#105), 1 container',
          message: 'Click to go to the job and its first copy button.',
        }),
      ],
    ]);
    // Seen again, in another tab: still the one notification.
    await other.goto(jobUrl(105));
    await expect(panel(other, 105).getByRole('button', { name: /^Copy SSH command for container 0/ })).toBeVisible();
    await page.waitForTimeout(500);
    expect(await created()).toHaveLength(1);
    await other.close();
  });

  test('a click brings the tab forward and puts the keyboard on the first copy button', async ({
    page,
    background,
    browserContext,
    setPrefs,
  }) => {
    const { created, jobTab, other } = await job105Behind(page, background, browserContext, setPrefs);
    await expect.poll(async () => (await created()).length).toBe(1);
    await background.evaluate((id) => chrome.notifications.onClicked.dispatch(id), `ready:${JOB_KEY(105)}`);
    await expect
      .poll(() =>
        background.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id),
      )
      .toBe(jobTab);
    await expect(
      panel(page, 105).getByRole('button', { name: 'Copy SSH command for container 0', exact: true }),
    ).toBeFocused();
    await other.close();
  });

  test('nothing for someone else’s rerun, nor with notifications off', async ({ page, background, setPrefs }) => {
    const created = await recordNotifications(background);
    // The user's only key is not among those CircleCI installed.
    await setPrefs({
      schemaVersion: 2,
      profiles: [{ id: 'mine', name: 'Mine', keyPath: KEY, fingerprint: `SHA256:${'A'.repeat(43)}` }],
      defaultProfileId: 'mine',
      alerts: { notifications: true },
    });
    await page.goto(jobUrl(105));
    await expect(panel(page, 105).getByText(/only the keys of whoever started this rerun work/)).toBeVisible();
    await page.goto(jobUrl(105).replace('/jobs/105', '/jobs/105/parallel-runs/0'));
    await setPrefs(withDefaultKey(KEY));
    await page.goto(jobUrl(105));
    await expect(panel(page, 105).getByRole('button', { name: /^Copy SSH command for container 0/ })).toBeVisible();
    await page.waitForTimeout(3000);
    expect(await created()).toEqual([]);
  });

  test('warns 2 minutes before the time to connect runs out, then, once copied, at 1 h 50 min', async ({
    page,
    background,
    setPrefs,
  }) => {
    const created = await recordNotifications(background);
    await setPrefs(notificationsOn());
    const { connectBy, sessionEndsBy } = await open116(page, background);
    await ringAt(background, connectBy - 2 * MINUTE - 1000);
    await page.waitForTimeout(300);
    expect(await created()).toEqual([]);
    await ringAt(background, connectBy - 2 * MINUTE);
    await expect
      .poll(created)
      .toEqual([
        [`connect:${JOB_KEY(116)}`, expect.objectContaining({ title: '2 minutes left to connect: build (#116)' })],
      ]);

    await panel(page, 116).getByRole('button', { name: 'Copy SSH command for container 0', exact: true }).click();
    await expect.poll(async () => (await watched(background, 116)) as unknown).toMatchObject({ copied: true });
    await ringAt(background, sessionEndsBy - 10 * MINUTE);
    await expect
      .poll(async () => (await created()).map(([id]) => id))
      .toEqual([`connect:${JOB_KEY(116)}`, `slot:${JOB_KEY(116)}`]);
    expect((await created())[1]?.[1].message).toBe("Cancel it if you're done: it holds a concurrency slot.");
  });
});

test.describe('settings', () => {
  const stored = (background: Worker) =>
    background.evaluate(async () => (await chrome.storage.sync.get('prefs')).prefs as { alerts?: object } | undefined);

  test('the options page turns each alert on and off, and has no accessibility violations', async ({
    page,
    background,
    popupUrl,
  }) => {
    await page.goto(popupUrl.replace('popup', 'options'));
    const section = page.getByRole('region', { name: 'While an SSH rerun runs' });
    await section.getByRole('checkbox', { name: 'Notify me when SSH is ready' }).check();
    await expect.poll(async () => (await stored(background))?.alerts).toEqual({ notifications: true });
    await section.getByRole('checkbox', { name: /^Warn me 2 minutes before/ }).uncheck();
    await section.getByRole('checkbox', { name: /^Remind me after 1 h 50 min/ }).uncheck();
    await section.getByRole('checkbox', { name: /^Show the minutes left to connect/ }).uncheck();
    await expect
      .poll(async () => (await stored(background))?.alerts)
      .toEqual({ notifications: true, warnConnect: false, warnSlot: false, badge: false });
    // From the keyboard, with a visible focus.
    const notify = section.getByRole('checkbox', { name: 'Notify me when SSH is ready' });
    await notify.focus();
    await page.keyboard.press('Space');
    await expect(notify).not.toBeChecked();
    // Off is the default, which is not stored.
    await expect
      .poll(async () => (await stored(background))?.alerts)
      .toEqual({ warnConnect: false, warnSlot: false, badge: false });
    const results = await new AxeBuilder({ page }).include('section[aria-labelledby="alerts-heading"]').analyze();
    expect(results.violations).toEqual([]);
  });

  test('the popup’s quick switch turns notifications on, and has no accessibility violations', async ({
    page,
    background,
    popupUrl,
  }) => {
    await page.goto(popupUrl);
    const notify = page.getByRole('checkbox', { name: 'Notify me when SSH is ready' });
    await notify.check();
    await expect.poll(async () => (await stored(background))?.alerts).toEqual({ notifications: true });
    await expect(page.getByRole('status').getByText('Saved')).toBeVisible();
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations).toEqual([]);
  });
});
