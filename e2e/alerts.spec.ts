// The toolbar countdown (#14): the minutes left to connect on the job's tab, warned in the last two.
// Set-up and why: alerts-setup.ts.

import { badge, KEY, open116, resetBetweenTests, ringAt, tabOf, test } from './alerts-setup';
import { expect, withDefaultKey } from './fixtures';
import { navigateInApp } from './job-page';
import { jobUrl, parallel8Url } from './site/jobs.js';

resetBetweenTests();

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
