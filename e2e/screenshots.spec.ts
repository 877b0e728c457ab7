// The README's screenshots, taken from the built extension on every e2e run, never drawn by hand.

import { existsSync } from 'node:fs';
import { expect, test, withDefaultKey } from './fixtures';
import { expand } from './job-page';
import { jobUrl, parallel8Url } from './site/jobs.js';

const SHOTS = 'docs/screenshots';

test('screenshots of the job page and the popup', async ({ page, popupUrl, setPrefs }) => {
  await setPrefs(withDefaultKey('~/.ssh/id_ed25519'));
  await page.setViewportSize({ width: 1100, height: 760 });
  await page.goto(jobUrl(103));
  await expand(page, 'Enable SSH');
  await page.getByRole('button', { name: 'Copy SSH command for container 0 (powershell.exe)' }).first().click();
  await page.locator('[data-cy="steps"]').screenshot({ path: `${SHOTS}/windows-job.png` });

  await page.goto(jobUrl(102, 2));
  await page.locator('[data-cy="steps"]').screenshot({ path: `${SHOTS}/parallel-run.png` });

  // The job SSH panel of an eight-container job after visiting runs 0 and 3 (no API token).
  await page.goto(parallel8Url(0));
  await expect(page.getByText('1 of 8 containers known')).toBeVisible();
  await page.getByRole('link', { name: 'Open run 3' }).click();
  const panel = page.getByRole('region', { name: 'SSH access to job 116' });
  await expect(panel.getByText('2 of 8 containers known')).toBeVisible();
  await expand(page, 'Enable SSH'); // it prints the host keys
  await panel.getByText('Host keys of container 3').click();
  await page
    .locator('circleci-ssh-copy')
    .first()
    .screenshot({ path: `${SHOTS}/job-ssh-panel.png` });

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 360, height: 330 });
    await page.goto(popupUrl);
    await expect(page.getByText('Commands are quoted for')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/popup-${colorScheme}.png` });
  }
  for (const name of ['windows-job', 'parallel-run', 'job-ssh-panel', 'popup-light', 'popup-dark']) {
    expect(existsSync(`${SHOTS}/${name}.png`)).toBe(true);
  }
});
