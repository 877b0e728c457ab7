// The user journeys of e2e/copy-ssh-command.spec.ts and e2e/popup.spec.ts, in Firefox ESR through the
// Firefox build (a test copy of dist/firefox, see extension-copy.ts), reading the real clipboard. One browser
// for the file; each test starts from one fresh tab, empty extension storage and an empty clipboard.

import { expect } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { jobUrl, legacyUrl, parallel8Url } from '../site/jobs.js';
import { type Firefox, test, useFirefox } from './firefox';
import { clickByText, countText, currentUrl, openPage, step, toggleStep } from './job-page';
import { aria, clickButton, copy, count, find, jobLog, OUR_BUTTONS, readClipboard } from './queries';

const KEY = '~/.ssh/id_ed25519';
const CONTAINER_0 = 'Copy SSH command for container 0';

let firefox: Firefox;
let page: Page;

useFirefox('the Firefox journeys', (browser, tab) => {
  firefox = browser;
  page = tab;
});

/** Buttons with this exact accessible name inside a step. */
async function buttonsIn(stepName: string, name: string): Promise<number> {
  return count(await step(page, stepName), aria(name, 'button'));
}

test('without a key, copies the plain command (job 101, Wait for SSH)', async () => {
  await openPage(page, jobUrl(101));
  await copy(page, CONTAINER_0, await step(page, 'Wait for SSH'));
  await expect.poll(() => readClipboard(page)).toBe('ssh -p 42915 -- 18.207.148.116');
});

test('a key saved in the popup reaches an open job page without a reload, and the copy', async () => {
  await openPage(page, jobUrl(101));
  await expect.poll(async () => countText(await jobLog(page), 'ssh -p 42915 -- 18.207.148.116')).toBe(1);
  await page.evaluate(() => {
    (window as { notReloaded?: boolean }).notReloaded = true;
  });

  const popup = await firefox.newPage();
  await firefox.openPopup(popup);
  await firefox.saveKeyInPopup(popup, KEY);
  await popup.close();

  const withKey = `ssh -i ${KEY} -o IdentitiesOnly=yes -p 42915 -- 18.207.148.116`;
  await page.bringToFront();
  await expect.poll(async () => countText(await step(page, 'Wait for SSH'), withKey)).toBe(1);
  expect(await page.evaluate(() => (window as { notReloaded?: boolean }).notReloaded)).toBe(true);
  await copy(page, CONTAINER_0, await step(page, 'Wait for SSH'));
  await expect
    .poll(() => readClipboard(page))
    .toBe('ssh -i ~/.ssh/id_ed25519 -o IdentitiesOnly=yes -p 42915 -- 18.207.148.116');

  // Reopened, the popup shows the saved key; a new one replaces it, on the open page too.
  const again = await firefox.newPage();
  await firefox.openPopup(again);
  const field = await again.waitForSelector(aria('Default SSH key', 'textbox'));
  expect(await field?.evaluate((input) => (input as HTMLInputElement).value)).toBe(KEY);
  await firefox.saveKeyInPopup(again, '~/.ssh/id_work');
  await again.close();
  await page.bringToFront();
  await copy(page, CONTAINER_0, await step(page, 'Wait for SSH'));
  await expect
    .poll(() => readClipboard(page))
    .toBe('ssh -i ~/.ssh/id_work -o IdentitiesOnly=yes -p 42915 -- 18.207.148.116');
});

test('the collapsed Enable SSH step gets its button when expanded, once, however often it is toggled', async () => {
  await openPage(page, jobUrl(101));
  await expect.poll(async () => count(await jobLog(page), aria(CONTAINER_0, 'button'))).toBe(1); // Wait for SSH only
  expect(await buttonsIn('Enable SSH', CONTAINER_0)).toBe(0);
  for (let i = 0; i < 5; i++) {
    await toggleStep(page, 'Enable SSH');
    await expect.poll(() => buttonsIn('Enable SSH', CONTAINER_0)).toBe(i % 2 === 0 ? 1 : 0);
    expect(await count(await jobLog(page), aria(CONTAINER_0, 'button'))).toBe(i % 2 === 0 ? 2 : 1);
  }
  await copy(page, CONTAINER_0, await step(page, 'Enable SSH'));
  await expect.poll(() => readClipboard(page)).toBe('ssh -p 42915 -- 18.207.148.116');
});

test('streaming: no button while "Setting up SSH...", then one per command as output arrives (job 105)', async () => {
  await openPage(page, jobUrl(105));
  const enableSsh = await step(page, 'Enable SSH');
  await expect.poll(() => countText(enableSsh, 'Setting up SSH...')).toBe(1);
  expect(await count(page, OUR_BUTTONS)).toBe(0);
  // Only meaningful if the ssh line had not arrived yet (it streams in 1.5 s after load).
  expect(await page.evaluate(() => document.querySelector('[data-cy="steps"]')?.textContent?.includes('$ ssh'))).toBe(
    false,
  );

  await expect.poll(() => buttonsIn('Enable SSH', CONTAINER_0), { timeout: 8000 }).toBe(1);
  await expect.poll(() => buttonsIn('Wait for SSH', CONTAINER_0), { timeout: 8000 }).toBe(1);
  await copy(page, CONTAINER_0, await step(page, 'Enable SSH'));
  await expect.poll(() => readClipboard(page)).toBe('ssh -p 64536 -- 100.26.97.124');
});

test('parallel runs: one container at a time, switched in the page (job 102)', async () => {
  await openPage(page, jobUrl(102));
  await expect.poll(async () => count(await jobLog(page), aria(CONTAINER_0, 'button'))).toBe(1);

  await clickByText(page, '[data-cy="parallel-run"]', '2');
  await expect.poll(() => currentUrl(page)).toMatch(/\/parallel-runs\/2$/);
  await expect.poll(async () => count(await jobLog(page), aria('Copy SSH command for container 2', 'button'))).toBe(1);
  expect(await count(await jobLog(page), aria(CONTAINER_0, 'button'))).toBe(0);
  await copy(page, 'Copy SSH command for container 2', await jobLog(page));
  await expect.poll(() => readClipboard(page)).toBe('ssh -p 63535 -- 54.236.40.67');

  await page.goBack();
  await expect.poll(() => currentUrl(page)).toBe(jobUrl(102));
  await expect.poll(async () => count(await jobLog(page), aria(CONTAINER_0, 'button'))).toBe(1);
  expect(await count(await jobLog(page), aria('Copy SSH command for container 2', 'button'))).toBe(0);
  await copy(page, CONTAINER_0, await jobLog(page));
  await expect.poll(() => readClipboard(page)).toBe('ssh -p 64537 -- 18.209.34.18');
});

test('SPA navigation to another job leaves no stale command (job 101 → 107)', async () => {
  await openPage(page, jobUrl(101));
  await expect.poll(async () => countText(await jobLog(page), 'ssh -p 42915 -- 18.207.148.116')).toBe(1);
  const link = await page.waitForSelector(aria('build (107)', 'link'));
  await link?.click();
  await expect.poll(() => currentUrl(page)).toMatch(/\/jobs\/107$/);
  await expect.poll(async () => countText(await jobLog(page), 'ssh -p 54782 -- runner-7.build.example.com')).toBe(1);
  expect(await countText(await jobLog(page), 'ssh -p 42915 -- 18.207.148.116')).toBe(0);
  expect(await count(await jobLog(page), OUR_BUTTONS)).toBe(1);
  await copy(page, CONTAINER_0, await jobLog(page));
  await expect.poll(() => readClipboard(page)).toBe('ssh -p 54782 -- runner-7.build.example.com');
});

test('legacy UI: containers from the container pills, 1.0 user kept (build 55)', async () => {
  await openPage(page, legacyUrl(55));
  await toggleStep(page, 'Enable SSH');
  await copy(page, CONTAINER_0, await step(page, 'Enable SSH'));
  await expect.poll(() => readClipboard(page)).toBe('ssh -p 64594 -- ubuntu@18.221.109.33');

  await clickByText(page, '.container-selector', '1');
  await expect.poll(() => currentUrl(page)).toMatch(/containers\/1$/);
  await expect.poll(() => count(page, aria('Copy SSH command for container 1', 'button'))).toBeGreaterThan(0);
  expect(await count(page, aria(CONTAINER_0, 'button'))).toBe(0);
  await copy(page, 'Copy SSH command for container 1');
  await expect.poll(() => readClipboard(page)).toBe('ssh -p 64784 -- ubuntu@54.224.97.243');
});

test('Windows: one button per shell, the shell in its name, with the key from the popup (job 103)', async () => {
  await openPage(page, jobUrl(103));
  await firefox.setKey(page, KEY); // the popup in this tab, then back to the job page
  expect(await currentUrl(page)).toBe(jobUrl(103));
  await toggleStep(page, 'Enable SSH');
  await expect.poll(async () => count(await step(page, 'Enable SSH'), OUR_BUTTONS)).toBe(3);
  await copy(page, 'Copy SSH command for container 0 (powershell.exe)', await step(page, 'Enable SSH'));
  await expect
    .poll(() => readClipboard(page))
    .toBe('ssh -i ~/.ssh/id_ed25519 -o IdentitiesOnly=yes -p 54782 35.226.214.52 -- powershell.exe');
  await copy(page, 'Copy SSH command for container 0 (cmd.exe)', await step(page, 'Wait for SSH'));
  await expect
    .poll(() => readClipboard(page))
    .toBe('ssh -i ~/.ssh/id_ed25519 -o IdentitiesOnly=yes -t -p 54782 35.226.214.52 -- cmd.exe');
});

test('an impostor "Enable SSH" run step gets no copy button (job 108)', async () => {
  await openPage(page, jobUrl(108));
  const enableSsh = await step(page, 'Enable SSH');
  await expect.poll(() => countText(enableSsh, '$ ssh -p 2222 6.6.6.6')).toBe(1);
  // The extension did look at the step: it says why there is nothing to copy.
  await expect.poll(() => count(enableSsh, 'circleci-ssh-copy >>> ::-p-aria([role="note"])')).toBe(1);
  expect(await count(page, OUR_BUTTONS)).toBe(0);
});

test('the job SSH panel lists every container, and fills as runs are visited (job 116)', async () => {
  await openPage(page, parallel8Url(0));
  await expect.poll(() => again(() => countText(page, '1 of 8 containers known'))).toBe(1);
  // Found and clicked in one step: the panel redraws when the background answers, which leaves a
  // handle held across calls pointing at nothing.
  await expect
    .poll(() =>
      page.evaluate(() => {
        const links = [...document.querySelectorAll('circleci-ssh-copy')].flatMap((host) => [
          ...(host.shadowRoot?.querySelectorAll('a') ?? []),
        ]);
        const link = links.find((candidate) => candidate.textContent === 'Open run 3');
        link?.click();
        return Boolean(link);
      }),
    )
    .toBe(true);
  await expect.poll(() => again(() => countText(page, '2 of 8 containers known'))).toBe(1);
  // Run 0 is no longer in the page: its button is the panel's, from the earlier visit.
  await again(() => copy(page, CONTAINER_0));
  await expect.poll(() => readClipboard(page)).toBe('ssh -p 64600 -- 3.92.41.20');
});

/** Runs `action` again when the panel was redrawn under it (the background's answers redraw it). */
async function again<T>(action: () => Promise<T>, attempts = 10): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await action();
    } catch (error) {
      if (attempt >= attempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

test('the rerun that follows itself: after CircleCI’s own Rerun job with SSH, the new job links back', async () => {
  await openPage(page, jobUrl(101));
  await clickButton(page, 'Rerun ▾');
  const item = await find(page, 'Rerun job with SSH', 'menuitem');
  await item.click();
  await item.dispose();
  await expect.poll(() => currentUrl(page)).toMatch(/\/jobs\/105$/);
  const back = await find(page, 'job 101', 'link', { timeout: 10_000 });
  expect(await back.evaluate((link) => (link as HTMLAnchorElement).href)).toBe(jobUrl(101));
  await back.dispose();
});
