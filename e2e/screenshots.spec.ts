// The README's screenshots, taken from the built extension on every e2e run, never drawn by hand.

import { existsSync } from 'node:fs';
import { expect, test, withDefaultKey } from './fixtures';
import { expand } from './job-page';
import { jobUrl } from './site/jobs.js';

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

  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.setViewportSize({ width: 360, height: 330 });
    await page.goto(popupUrl);
    await expect(page.getByText('Commands are quoted for')).toBeVisible();
    await page.screenshot({ path: `${SHOTS}/popup-${colorScheme}.png` });
  }
  for (const name of ['windows-job', 'parallel-run', 'popup-light', 'popup-dark']) {
    expect(existsSync(`${SHOTS}/${name}.png`)).toBe(true);
  }
});
