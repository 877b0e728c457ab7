// The alerts specs' shared set-up. "Don't make people watch the page" (#14) through the built
// extension in Chromium: the toolbar countdown, the "SSH ready" notification and its click, the expiry
// warnings. Headless Chromium cannot answer a permission prompt, so the alerts specs load a copy of
// dist/chrome whose manifest already grants `notifications` (the request in the popup and options page
// then resolves at once); dist/chrome is unchanged. Time: the worker's clock is moved on (its
// Date.now) and its alarm rung by hand, so that nothing waits for minutes; the page's figures are the
// fake site's own.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { test as base, expect, extensionDir, launchWithExtension, withDefaultKey } from './fixtures';
import { jobUrl, parallel8Url } from './site/jobs.js';

export const test = base.extend<object, { browserContext: BrowserContext }>({
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

export const KEY = '~/.ssh/id_ed25519';
export const MINUTE = 60_000;
export const JOB_KEY = (job: number) => `app.circleci.com/app/github/acme/api/${job}`;
export const panel = (page: Page, job: number) => page.getByRole('region', { name: `SSH access to job ${job}` });
export const notificationsOn = (more: Record<string, unknown> = {}) =>
  withDefaultKey(KEY, { alerts: { notifications: true, ...more } });

/** The id of the tab `page` is in (brought to the front to find it). */
export async function tabOf(background: Worker, page: Page): Promise<number> {
  await page.bringToFront();
  const id = await background.evaluate(
    async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id,
  );
  if (id === undefined) throw new Error('no active tab');
  return id;
}

export const badge = (background: Worker, tabId: number) =>
  background.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);

/** The SSH rerun's figures as the background keeps them (background/alerts.ts). */
export const watched = (background: Worker, job: number) =>
  background.evaluate(async (key) => {
    const { alerts } = await chrome.storage.session.get('alerts');
    const jobs = (alerts as { jobs: { key: string; connectBy?: number; sessionEndsBy?: number }[] } | undefined)?.jobs;
    return jobs?.find((each) => each.key === key);
  }, JOB_KEY(job));

/** Opens run `run` of job 116 (waiting for SSH, 8 containers) and gives its deadlines once the background has them. */
export async function open116(page: Page, background: Worker, run = 0) {
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
export async function ringAt(background: Worker, at: number): Promise<void> {
  await background.evaluate((target) => {
    const g = globalThis as { realNow?: () => number };
    g.realNow ??= Date.now;
    const offset = target - g.realNow();
    Date.now = () => (g.realNow as () => number)() + offset;
    chrome.alarms.onAlarm.dispatch({ name: 'alerts', scheduledTime: target });
  }, at);
}

/** Every notification the extension creates from now on, as [id, options]. */
export async function recordNotifications(background: Worker) {
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

/**
 * With notifications on, job 105 (still setting up SSH: its command streams in a moment later) in
 * `page`, whose tab id it gives, then another tab in front; and what the extension notifies.
 */
export async function job105Behind(
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

/** Every alerts spec starts from an empty session and gives the worker its clock back: call at its top. */
export function resetBetweenTests(): void {
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
}
