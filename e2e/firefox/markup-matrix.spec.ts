// A few journeys of e2e/markup-matrix.spec.ts on two markup variants of the fake job page (e2e/site/
// README.md, "Markup variants"), in Firefox ESR through the Firefox build. As journeys.spec.ts: one
// browser for the file; each test starts from one fresh tab, empty storage, an empty clipboard and the
// markup cookie of its variant.

import { expect } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { jobUrl } from '../site/jobs.js';
import type { Markup } from '../site/types';
import { type Firefox, test, useFirefox } from './firefox';
import { clickRunBox, countText, currentUrl, openPage, step } from './job-page';
import { aria, copy, count, jobLog, OUR_BUTTONS, readClipboard } from './queries';

const CONTAINER_0 = 'Copy SSH command for container 0';

let firefox: Firefox;
let page: Page;

useFirefox('the Firefox markup matrix', (browser, tab) => {
  firefox = browser;
  page = tab;
});

/** Opens a job page in `markup`, and checks that the page did render that variant. */
async function open(markup: Markup, url: string): Promise<void> {
  await firefox.useMarkup(markup);
  await openPage(page, url);
  expect(await page.evaluate(() => (window as { __fixture?: { markup?: string } }).__fixture?.markup)).toBe(markup);
}

async function logButtons(name: string): Promise<number> {
  return count(await jobLog(page), aria(name, 'button'));
}

for (const markup of ['rows', 'hashed'] as const) {
  test.describe(`${markup} markup`, () => {
    test('direct: copies the plain command from Wait for SSH (job 101)', async () => {
      await open(markup, jobUrl(101));
      await copy(page, CONTAINER_0, await step(page, 'Wait for SSH'));
      await expect.poll(() => readClipboard(page)).toBe('ssh -p 42915 -- 18.207.148.116');
      expect(await logButtons(CONTAINER_0)).toBe(1);
    });

    test('parallel runs: each run box shows its own run, which copies its own command (job 102)', async () => {
      await open(markup, jobUrl(102));
      await expect.poll(() => logButtons(CONTAINER_0)).toBe(1);
      await clickRunBox(page, 2);
      await expect.poll(() => currentUrl(page)).toMatch(/\/parallel-runs\/2$/);
      await expect.poll(() => logButtons('Copy SSH command for container 2')).toBe(1);
      expect(await logButtons(CONTAINER_0)).toBe(0);
      await copy(page, 'Copy SSH command for container 2', await jobLog(page));
      await expect.poll(() => readClipboard(page)).toBe('ssh -p 63535 -- 54.236.40.67');
    });

    test('an impostor "Enable SSH" run step gets a warning, no copy button (job 108)', async () => {
      await open(markup, jobUrl(108));
      const enableSsh = await step(page, 'Enable SSH');
      await expect.poll(() => countText(enableSsh, '$ ssh -p 2222 6.6.6.6')).toBe(1);
      await expect.poll(() => count(enableSsh, 'circleci-ssh-copy >>> ::-p-aria([role="note"])')).toBe(1);
      expect(await count(page, OUR_BUTTONS)).toBe(0);
    });

    test('re-renders of the steps and of an output never duplicate a button (job 101)', async () => {
      await open(markup, jobUrl(101));
      await expect.poll(() => logButtons(CONTAINER_0)).toBe(1);
      for (let i = 0; i < 3; i++) {
        await page.evaluate(() => (window as unknown as { __fixture: { rerender(): void } }).__fixture.rerender());
        await expect.poll(() => logButtons(CONTAINER_0)).toBe(1);
        await page.evaluate(() =>
          (window as unknown as { __fixture: { replaceOutput(name: string): void } }).__fixture.replaceOutput(
            'Wait for SSH',
          ),
        );
        await expect.poll(() => logButtons(CONTAINER_0)).toBe(1);
      }
      await copy(page, CONTAINER_0, await step(page, 'Wait for SSH'));
      await expect.poll(() => readClipboard(page)).toBe('ssh -p 42915 -- 18.207.148.116');
      expect(await logButtons(CONTAINER_0)).toBe(1);
    });
  });
}
