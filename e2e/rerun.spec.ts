// The rerun that follows itself (#14) through the built extension in Chromium: the user chooses
// CircleCI's own "Rerun job with SSH" (the fake site's Rerun menu moves the page to the new job, as the
// app does); the new job's panel names the job it came from, and the popup offers the way back to it.

import AxeBuilder from '@axe-core/playwright';
import type { Page, Worker } from '@playwright/test';
import { expect, test, withDefaultKey } from './fixtures';
import { jobUrl } from './site/jobs.js';

const panel = (page: Page, job: number) => page.getByRole('region', { name: `SSH access to job ${job}` });

async function chooseSshRerun(page: Page) {
  await page.getByRole('button', { name: 'Rerun ▾' }).click();
  await page.getByRole('menuitem', { name: 'Rerun job with SSH' }).click();
}

const activeTab = (background: Worker) =>
  background.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);

test.beforeEach(async ({ page: _clearedFirst, setPrefs }) => {
  await setPrefs(withDefaultKey('~/.ssh/id_ed25519'));
});

test('the new job’s panel names the job it came from and links back', async ({ page }) => {
  await page.goto(jobUrl(101));
  await expect(panel(page, 101)).toBeVisible();
  await chooseSshRerun(page);
  await expect(page).toHaveURL(/\/jobs\/105$/);
  await expect(panel(page, 105).getByText('SSH rerun of')).toBeVisible();
  const back = panel(page, 105).getByRole('link', { name: 'job 101' });
  await expect(back).toHaveAttribute('href', jobUrl(101));
  const results = await new AxeBuilder({ page }).include('circleci-ssh-copy').analyze();
  expect(results.violations).toEqual([]);
  await back.click();
  await expect(page).toHaveURL(jobUrl(101));
  // The job it came from is no rerun of anything.
  await expect(panel(page, 101)).toBeVisible();
  await expect(panel(page, 101).getByText('SSH rerun of')).toHaveCount(0);
});

test('nothing is followed without the choice, nor from another menu item', async ({ page }) => {
  await page.goto(jobUrl(101));
  await page.getByRole('button', { name: 'Rerun ▾' }).click();
  await page.getByRole('menuitem', { name: 'Rerun workflow from start' }).click();
  await page.goto(jobUrl(105));
  await expect(panel(page, 105)).toBeVisible();
  await expect(panel(page, 105).getByText('SSH rerun of')).toHaveCount(0);
});

test('the popup offers "Go to the SSH rerun" once the page went there, and brings its tab forward', async ({
  page,
  browserContext,
  background,
  popupUrl,
}) => {
  // From a job without SSH, as most reruns with SSH start: 106 leads to 116.
  await page.goto(jobUrl(106));
  await chooseSshRerun(page);
  await expect(page).toHaveURL(/\/jobs\/116$/);
  await expect(panel(page, 116).getByRole('link', { name: 'job 106' })).toBeVisible();
  await page.bringToFront();
  const rerunTab = await activeTab(background);

  const popup = await browserContext.newPage();
  await popup.goto(popupUrl);
  const go = popup.getByRole('button', { name: 'Go to the SSH rerun (job 116)' });
  await go.focus();
  // The popup closes itself once it has brought the tab forward, which may end the press before it returns.
  await popup.keyboard.press('Enter').catch((error: unknown) => {
    if (!popup.isClosed()) throw error;
  });
  await expect.poll(() => activeTab(background)).toBe(rerunTab);
  if (!popup.isClosed()) await popup.close();
});
