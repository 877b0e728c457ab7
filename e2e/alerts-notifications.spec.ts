// The "SSH ready" notification and its click, and the expiry warnings (#14).
// Set-up and why: alerts-setup.ts.

import {
  JOB_KEY,
  job105Behind,
  KEY,
  MINUTE,
  notificationsOn,
  open116,
  panel,
  recordNotifications,
  resetBetweenTests,
  ringAt,
  test,
  watched,
} from './alerts-setup';
import { expect, withDefaultKey } from './fixtures';
import { jobUrl } from './site/jobs.js';

resetBetweenTests();

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
