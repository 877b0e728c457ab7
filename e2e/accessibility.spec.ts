// Automated accessibility audits (axe-core) of everything the extension shows, in light and dark.

import AxeBuilder from '@axe-core/playwright';
import { expect, test, withDefaultKey } from './fixtures';
import { expand, jobLog } from './job-page';
import { jobUrl } from './site/jobs.js';

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the popup has no accessibility violations (${colorScheme})`, async ({ page, popupUrl, setPrefs }) => {
    await page.emulateMedia({ colorScheme });
    await setPrefs(withDefaultKey('~/.ssh/id_ed25519'));
    await page.goto(popupUrl);
    await expect(page.getByLabel('Default SSH key')).toHaveValue('~/.ssh/id_ed25519');
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    // With an error and a notice showing too.
    await page.getByLabel('Default SSH key').fill('~/100%/id');
    await expect(page.getByRole('status')).toContainText('ssh expands');
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });
}

test('the popup follows the system colour scheme', async ({ page, popupUrl }) => {
  await page.goto(popupUrl);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await background()).toBe('rgb(255, 255, 255)');
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await background()).toBe('rgb(32, 33, 36)');
});

test('the injected UI has no accessibility violations: buttons, confirmations, warnings', async ({ page }) => {
  for (const job of [101, 103, 110, 112]) {
    await page.goto(jobUrl(job));
    await expand(page, 'Enable SSH');
    await expect(page.locator('circleci-ssh-copy').first()).toBeAttached();
    const copy = jobLog(page)
      .getByRole('button', { name: /^Copy SSH command/ })
      .first();
    await copy.click();
    await expect(copy).toHaveText('Copied');
    const results = await new AxeBuilder({ page }).include('circleci-ssh-copy').analyze();
    expect(results.violations, `job ${job}`).toEqual([]);
    expect(results.passes.length, `job ${job}: axe looked inside our shadow roots`).toBeGreaterThan(0);
  }
});
