// The moments the store screenshots show, on the fake CircleCI in Chromium, found by the names the
// user sees in that language (`t`).

import type { Page } from '@playwright/test';
import { expand } from '../job-page';
import type { Translate } from '../messages';
import { jobUrl, parallel8Url } from '../site/jobs.js';

/** Job 101 with Enable SSH open and container 0's command just copied. */
export async function copiedOnJobPage(page: Page, t: Translate): Promise<void> {
  await page.goto(jobUrl(101));
  const enableSsh = await expand(page, 'Enable SSH');
  const button = enableSsh.getByRole('button', { name: t('copyLabel', '0'), exact: true });
  await button.click();
  await button.getByText(t('copiedButton')).waitFor();
}

/** A Windows job, Enable SSH open, its PowerShell command just copied. */
export async function windowsJob(page: Page, t: Translate): Promise<void> {
  await page.goto(jobUrl(103));
  await expand(page, 'Enable SSH');
  await page
    .getByRole('button', { name: t('copyLabelWithShell', '0', 'powershell.exe') })
    .first()
    .click();
}

/**
 * The job SSH panel of eight-container job 116 after visiting runs 0 and 3 (no API token), container
 * 3's host keys open.
 */
export async function jobSshPanel(page: Page, t: Translate): Promise<void> {
  await page.goto(parallel8Url(0));
  await page.getByText(t('panelKnownCount', '1', '8')).waitFor();
  await page.getByRole('link', { name: t('panelOpenRun', '3') }).click();
  const panel = page.getByRole('region', { name: t('panelHeading', '116') });
  await panel.getByText(t('panelKnownCount', '2', '8')).waitFor();
  await expand(page, 'Enable SSH'); // it prints the host keys
  await panel.getByText(t('panelHostKeys', '3')).click();
}

/** The popup, ready (its key field enabled), sized as the browser shows it. */
export async function popup(page: Page, popupUrl: string, t: Translate): Promise<void> {
  await page.goto(popupUrl);
  await page
    .getByRole('textbox', { name: t('keyPathLabel') })
    .and(page.locator(':enabled'))
    .waitFor();
}
