// The hostile corpus (e2e/site/hostile.js) in Chromium: every case's page, CircleCI's SSH steps expanded,
// then either no copy button anywhere in the job's log, or every copy button there copying exactly the
// expected command to the real clipboard. One test per class and UI, which runs all its cases and names
// every case that failed.

import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { caseGroups, caseUrl, describeCase, expandSshStepsInPage, type HostileCase } from './hostile-corpus';
import { copyButtons, jobLog } from './job-page';

/** Long enough for a drawn page; a case that is wrong fails its own poll, not the whole test. */
const CASE_TIMEOUT = 3000;

// A trace snapshots the page at every action: hundreds of them here, for a failure message that already
// names the case and what the page did.
test.use({ trace: 'off' });

interface FixtureWindow {
  __fixture?: { ready: boolean; navigate(path: string): void };
}

/** Opens the case's page: in-app navigation between new-UI jobs (no reload, as a link would), else a load. */
async function open(page: Page, c: HostileCase): Promise<void> {
  const url = caseUrl(c);
  if (c.ui === 'app' && new URL(page.url()).host === 'app.circleci.com') {
    // The fake app renders the new job before navigate() returns.
    await page.evaluate((path) => (window as FixtureWindow).__fixture?.navigate(path), new URL(url).pathname);
  } else {
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    await page.waitForFunction(() => (window as FixtureWindow).__fixture?.ready === true);
  }
}

/** Runs one case; throws with the case named when the page does not do what it expects. */
async function check(page: Page, c: HostileCase, readClipboard: () => Promise<string>): Promise<void> {
  await open(page, c);
  if (c.rerun !== false) {
    if ((await page.evaluate(expandSshStepsInPage)) > 0) await page.waitForTimeout(50);
  }
  const buttons = copyButtons(page);
  if (c.expected === null) {
    // Not vacuous: the extension has drawn in this log (a warning, a note, or, wrongly, a button).
    await expect(jobLog(page).locator('circleci-ssh-copy').first()).toBeAttached({ timeout: CASE_TIMEOUT });
    await page.waitForTimeout(100);
    await expect(buttons, 'copy buttons').toHaveCount(0, { timeout: 1 });
    return;
  }
  const minButtons = c.minButtons ?? 2;
  await expect
    .poll(() => buttons.count(), {
      message: `at least ${minButtons} copy buttons`,
      timeout: CASE_TIMEOUT,
      intervals: [20, 50, 100],
    })
    .toBeGreaterThanOrEqual(minButtons);
  const count = await buttons.count();
  for (let i = 0; i < count; i++) {
    await page.evaluate(() => navigator.clipboard.writeText(''));
    await buttons.nth(i).click();
    // Waits for the copy to land, then compares once: a wrong command fails at once.
    let copied = '';
    await expect
      .poll(
        async () => {
          copied = await readClipboard();
          return copied;
        },
        {
          message: `clipboard after copy button ${i + 1} of ${count}`,
          timeout: CASE_TIMEOUT,
          intervals: [20, 50, 100],
        },
      )
      .not.toBe('');
    expect(copied, `clipboard after copy button ${i + 1} of ${count}`).toBe(c.expected);
  }
}

for (const [group, cases] of caseGroups()) {
  test(`${group}: ${cases.length} cases`, async ({ page, readClipboard }) => {
    test.setTimeout(30_000 + cases.length * 2_000);
    const failures: string[] = [];
    for (const c of cases) {
      try {
        await check(page, c, readClipboard);
      } catch (error) {
        failures.push(`${describeCase(c)}\n    ${String(error).split('\n').slice(0, 3).join('\n    ')}`);
      }
    }
    expect(failures, `${failures.length} of ${cases.length} cases failed`).toEqual([]);
  });
}
