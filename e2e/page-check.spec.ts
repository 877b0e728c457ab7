// Drift diagnostics through the built extension: on a page whose hooks CircleCI renamed (the fake
// site's `renamed` markup: the same text, none of the data-cy attributes the extension reads), the
// toolbar badge reads `!` and the page tells the popup it could not be read; on a page it reads, and
// on a job without SSH, nothing of the kind. `npm run check-page` is tested in check-page.spec.ts.

import type { Page, Worker } from '@playwright/test';
import { expect, test } from './fixtures';
import { copyButtons, expand, openJob } from './job-page';
import { jobUrl } from './site/jobs.js';

/**
 * What the extension says about the page in `page`: its toolbar badge and the status the popup reads.
 * The extension may not read tabs' URLs, so the page is brought to the front and asked as the active tab.
 */
async function verdictOn(background: Worker, page: Page) {
  await page.bringToFront();
  return background.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) return undefined;
    // Off a job page no content script answers.
    const status = await chrome.tabs.sendMessage(tab.id, { type: 'page-status' }).catch(() => undefined);
    return { badge: await chrome.action.getBadgeText({ tabId: tab.id }), status };
  });
}

test.describe('a page whose hooks were renamed', () => {
  test.use({ markup: 'renamed' });

  test('gets the ! badge and says it could not be read, with no button anywhere', async ({ page, background }) => {
    await openJob(page, jobUrl(101));
    await expect.poll(async () => (await verdictOn(background, page))?.badge, { timeout: 10_000 }).toBe('!');
    expect((await verdictOn(background, page))?.status).toEqual({ readable: false, steps: 0, sshSteps: [] });
    await expect(page.getByRole('button', { name: /^Copy SSH command/ })).toHaveCount(0);
  });

  test('leaving it takes the badge off', async ({ page, background }) => {
    await openJob(page, jobUrl(101));
    await expect.poll(async () => (await verdictOn(background, page))?.badge, { timeout: 10_000 }).toBe('!');
    await page.evaluate(() =>
      (window as unknown as { __fixture: { navigate(path: string): void } }).__fixture.navigate('/pipelines'),
    );
    await expect.poll(async () => (await verdictOn(background, page))?.badge).toBe('');
  });

  test('a job without SSH steps gets no badge', async ({ page, background }) => {
    await openJob(page, jobUrl(106));
    await page.waitForTimeout(2500); // the extension looks once the page has been quiet for 1.5 s
    expect(await verdictOn(background, page)).toMatchObject({ badge: '', status: { readable: true } });
  });
});

test('a page that was read has no ! badge and reports its SSH steps and verdicts', async ({ page, background }) => {
  await openJob(page, jobUrl(101));
  await expand(page, 'Enable SSH');
  await expect(copyButtons(page)).toHaveCount(2);
  await page.waitForTimeout(2500);
  expect(await verdictOn(background, page)).toEqual({
    // An SSH rerun's badge is its countdown (the minutes left to connect), or nothing once that is over.
    badge: expect.stringMatching(/^(\d+m)?$/),
    status: {
      readable: true,
      steps: expect.any(Number),
      sshSteps: [
        { step: 'Enable SSH', container: 0, verdict: 'trusted', collapsed: false, commands: 1, unrecognised: 0 },
        { step: 'Wait for SSH', container: 0, verdict: 'trusted', collapsed: false, commands: 1, unrecognised: 0 },
      ],
    },
  });
});
