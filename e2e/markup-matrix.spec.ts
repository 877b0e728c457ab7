// The user journeys on every markup variant of the fake job page (e2e/site/README.md, "Markup
// variants"): the same evidence-consistent page written several ways, differing only where the public
// evidence about CircleCI's markup is silent. One test per journey per variant, in Chromium.

import type { Page } from '@playwright/test';
import { expect, test, withDefaultKey } from './fixtures';
import {
  builtInStep,
  copyButtons,
  expand,
  jobLog,
  navigateInApp,
  openJob,
  replaceOutput,
  rerenderSteps,
  runBox,
  step,
  toggle,
} from './job-page';
import { jobUrl, parallel8Url } from './site/jobs.js';
import { JOURNEY_MARKUPS } from './site/markup.js';
import type { Markup } from './site/types';

const KEY = '~/.ssh/id_ed25519';
const withKey = (rest: string, key = KEY) => `ssh -i ${key} -o IdentitiesOnly=yes ${rest}`;
const containerButton = (page: Page, container: number) =>
  jobLog(page).getByRole('button', { name: `Copy SSH command for container ${container}` });

/** Opens a job page and checks that it is in the variant under test: a wrong cookie must not pass unseen. */
async function open(page: Page, url: string, markup: Markup): Promise<void> {
  expect(await openJob(page, url)).toBe(markup);
  // The browser outlives a test: a copy left from an earlier one must not pass for this test's.
  await page.evaluate(() => navigator.clipboard.writeText(''));
}

/**
 * For each copy widget in the log: the text of the last log line before it in document order (or the
 * line holding it), and the widget's own text. Lines are the site's `data-fixture="line"` elements.
 */
function placements(page: Page) {
  return page.evaluate(() => {
    const log = document.querySelector('[data-fixture="steps"]');
    const lines = [...(log?.querySelectorAll('[data-fixture="line"]') ?? [])];
    return [...(log?.querySelectorAll('circleci-ssh-copy') ?? [])].map((widget) => {
      const before = lines.filter((line) => line.compareDocumentPosition(widget) & Node.DOCUMENT_POSITION_FOLLOWING);
      return {
        line: before.at(-1)?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
        lineIndex: lines.indexOf(before.at(-1) as Element),
        widget: widget.shadowRoot?.textContent ?? '',
      };
    });
  });
}

for (const markup of JOURNEY_MARKUPS) {
  test.describe(`${markup} markup`, () => {
    test.use({ markup });

    test('direct: copies from the expanded Wait for SSH with the default key (job 101)', async ({
      page,
      setPrefs,
      readClipboard,
    }) => {
      await setPrefs(withDefaultKey(KEY));
      await open(page, jobUrl(101), markup);
      await expect(copyButtons(step(page, 'Wait for SSH'))).toHaveCount(1);
      await copyButtons(step(page, 'Wait for SSH')).click();
      await expect.poll(readClipboard).toBe(withKey('-p 42915 -- 18.207.148.116'));
      await expect(copyButtons(page)).toHaveCount(1);
    });

    test('collapsed: Enable SSH gets one button when expanded, never two however often toggled (job 101)', async ({
      page,
      readClipboard,
    }) => {
      await open(page, jobUrl(101), markup);
      const enableSsh = step(page, 'Enable SSH');
      await expect(copyButtons(page)).toHaveCount(1); // Wait for SSH only
      await expect(copyButtons(enableSsh)).toHaveCount(0);
      for (let i = 0; i < 3; i++) {
        await toggle(enableSsh);
        await expect(copyButtons(enableSsh)).toHaveCount(i % 2 === 0 ? 1 : 0);
        await expect(copyButtons(page)).toHaveCount(i % 2 === 0 ? 2 : 1);
      }
      await copyButtons(enableSsh).click();
      await expect.poll(readClipboard).toBe('ssh -p 42915 -- 18.207.148.116');
      await expect(copyButtons(page)).toHaveCount(2);
    });

    test('streaming: the button comes with the streamed command, Wait for SSH later (job 105)', async ({
      page,
      readClipboard,
    }) => {
      await open(page, jobUrl(105), markup);
      const enableSsh = step(page, 'Enable SSH');
      await expect(enableSsh.getByText('Setting up SSH...')).toBeVisible();
      await expect(copyButtons(page)).toHaveCount(0);
      await expect(copyButtons(enableSsh)).toHaveCount(1);
      await expect(copyButtons(step(page, 'Wait for SSH'))).toHaveCount(1);
      await copyButtons(enableSsh).click();
      await expect.poll(readClipboard).toBe('ssh -p 64536 -- 100.26.97.124');
      await expect(copyButtons(page)).toHaveCount(2);
    });

    test('parallel runs: each run box shows its own run, which copies its own command (job 102)', async ({
      page,
      setPrefs,
      readClipboard,
    }) => {
      await setPrefs(withDefaultKey(KEY));
      await open(page, jobUrl(102), markup);
      await expect(containerButton(page, 0)).toHaveCount(1);
      const runs = [
        [2, '-p 63535 -- 54.236.40.67'],
        [3, '-p 64541 -- 3.88.34.152'],
        [0, '-p 64537 -- 18.209.34.18'],
      ] as const;
      for (const [run, command] of runs) {
        await runBox(page, run).click();
        await expect(page).toHaveURL(new RegExp(`/parallel-runs/${run}$`));
        await expect(containerButton(page, run)).toHaveCount(1);
        await expect(copyButtons(page)).toHaveCount(1);
        await containerButton(page, run).click();
        await expect.poll(readClipboard).toBe(withKey(command));
      }
    });

    test('proxy form keeps the per-container user (job 104)', async ({ page, readClipboard }) => {
      await open(page, jobUrl(104, 1), markup);
      await expect(copyButtons(step(page, 'Wait for SSH'))).toHaveCount(1);
      await copyButtons(step(page, 'Wait for SSH')).click();
      await expect.poll(readClipboard).toBe('ssh -- 057f0065-7e6d-4912-921b-50917ff046a3-1@ssh.circleci.com');
      await expect(containerButton(page, 1)).toHaveCount(1);
    });

    test('Windows: one button per shell (job 103)', async ({ page, setPrefs, readClipboard }) => {
      await setPrefs(withDefaultKey(KEY));
      await open(page, jobUrl(103), markup);
      const enableSsh = await expand(page, 'Enable SSH');
      await expect(copyButtons(enableSsh)).toHaveCount(3);
      await expect(copyButtons(step(page, 'Wait for SSH'))).toHaveCount(3);
      await enableSsh.getByRole('button', { name: 'Copy SSH command for container 0 (powershell.exe)' }).click();
      await expect.poll(readClipboard).toBe(withKey('-p 54782 35.226.214.52 -- powershell.exe'));
      await step(page, 'Wait for SSH')
        .getByRole('button', { name: 'Copy SSH command for container 0 (cmd.exe)' })
        .click();
      await expect.poll(readClipboard).toBe(withKey('-t -p 54782 35.226.214.52 -- cmd.exe'));
    });

    test('SPA navigation to another job and back: the buttons follow, nothing is left over (101 → 107)', async ({
      page,
      readClipboard,
    }) => {
      const old = jobLog(page).getByText('ssh -p 42915 -- 18.207.148.116', { exact: true });
      await open(page, jobUrl(101), markup);
      await expect(old).toHaveCount(1);
      await navigateInApp(page, jobUrl(107));
      await expect(page).toHaveURL(/jobs\/107$/);
      await expect(jobLog(page).getByText('ssh -p 54782 -- runner-7.build.example.com', { exact: true })).toHaveCount(
        1,
      );
      await expect(old).toHaveCount(0);
      await expect(copyButtons(page)).toHaveCount(1);
      await copyButtons(page).click();
      await expect.poll(readClipboard).toBe('ssh -p 54782 -- runner-7.build.example.com');
      await page.goBack();
      await expect(page).toHaveURL(/jobs\/101$/);
      await expect(old).toHaveCount(1);
      await expect(copyButtons(page)).toHaveCount(1);
      await copyButtons(page).click();
      await expect.poll(readClipboard).toBe('ssh -p 42915 -- 18.207.148.116');
    });

    test('re-renders of the steps and of an output never duplicate a button (job 101)', async ({
      page,
      readClipboard,
    }) => {
      await open(page, jobUrl(101), markup);
      await expand(page, 'Enable SSH');
      await expect(copyButtons(page)).toHaveCount(2);
      for (let i = 0; i < 3; i++) {
        await rerenderSteps(page);
        await expect(copyButtons(page)).toHaveCount(2);
        await replaceOutput(page, 'Wait for SSH');
        await expect(copyButtons(page)).toHaveCount(2);
      }
      await copyButtons(step(page, 'Wait for SSH')).click();
      await expect.poll(readClipboard).toBe('ssh -p 42915 -- 18.207.148.116');
      await expect(copyButtons(page)).toHaveCount(2);
    });

    test('impostors: a config step named Enable SSH gets a warning, no button (108); in a rerun only the real steps count (110); steps that disagree offer nothing (111)', async ({
      page,
      readClipboard,
    }) => {
      await open(page, jobUrl(108), markup);
      const impostor = step(page, 'Enable SSH');
      await expect(impostor.getByText('$ ssh -p 2222 6.6.6.6', { exact: true })).toBeVisible();
      await expect(impostor.getByRole('note')).toHaveCount(1);
      await expect(copyButtons(page)).toHaveCount(0);

      await open(page, jobUrl(110), markup);
      await expand(page, 'Enable SSH');
      await expect(copyButtons(builtInStep(page, 'Enable SSH'))).toHaveCount(1);
      await expect(copyButtons(builtInStep(page, 'Wait for SSH'))).toHaveCount(1);
      await expect(copyButtons(page)).toHaveCount(2);
      // The config steps that borrow the names: Enable SSH's second block, Wait for SSH's first.
      await expect(step(page, 'Enable SSH').nth(1).getByText('$ ssh -p 2222 6.6.6.6', { exact: true })).toBeVisible();
      await expect(copyButtons(step(page, 'Enable SSH').nth(1))).toHaveCount(0);
      await expect(copyButtons(step(page, 'Wait for SSH').first())).toHaveCount(0);
      await copyButtons(builtInStep(page, 'Enable SSH')).click();
      await expect.poll(readClipboard).toBe('ssh -p 42917 -- 18.207.148.120');

      // Judged together, as one job's steps: each step alone would look fine.
      await open(page, jobUrl(111), markup);
      await expect(step(page, 'Enable SSH').getByRole('note')).toContainText('print different targets');
      await expect(step(page, 'Wait for SSH').getByRole('note')).toContainText('print different targets');
      await expect(copyButtons(page)).toHaveCount(0);
    });

    test('the job SSH panel: right after the job header, fills as runs are visited (job 116)', async ({
      page,
      setPrefs,
      readClipboard,
    }) => {
      await setPrefs(withDefaultKey(KEY));
      await open(page, parallel8Url(0), markup);
      const panel = page.getByRole('region', { name: 'SSH access to job 116' });
      const copyFor = (container: number) =>
        panel.getByRole('button', { name: `Copy SSH command for container ${container}`, exact: true });
      await expect(panel.getByText('1 of 8 containers known')).toBeVisible();
      const after = await page.evaluate(() => document.querySelector('main header')?.nextElementSibling?.localName);
      expect(after).toBe('circleci-ssh-copy');
      await runBox(page, 5).click();
      await expect(page).toHaveURL(/\/parallel-runs\/5$/);
      await expect(panel.getByText('2 of 8 containers known')).toBeVisible();
      await copyFor(5).click();
      await expect.poll(readClipboard).toBe(withKey('-p 64635 -- 3.92.41.25'));
      await copyFor(0).click(); // run 0 is no longer on the page: the panel remembers it
      await expect.poll(readClipboard).toBe(withKey('-p 64600 -- 3.92.41.20'));
    });

    test('the "Key for this project" control beside the first command changes the copied key (job 101)', async ({
      page,
      setPrefs,
      readClipboard,
    }) => {
      await setPrefs({
        schemaVersion: 2,
        profiles: [
          { id: 'personal', name: 'Personal', keyPath: '~/.ssh/id_personal' },
          { id: 'work', name: 'Work', keyPath: '~/.ssh/id_work' },
        ],
        defaultProfileId: 'personal',
      });
      await open(page, jobUrl(101), markup);
      const waitForSsh = step(page, 'Wait for SSH');
      const picker = waitForSsh.getByRole('combobox', { name: 'Key for this project' });
      await expect(picker).toHaveValue('');
      await picker.selectOption({ label: 'Work' });
      await expect(waitForSsh.getByText('Using Work: rule github/acme/api.')).toBeVisible();
      await copyButtons(waitForSsh).click();
      await expect.poll(readClipboard).toBe(withKey('-p 42915 -- 18.207.148.116', '~/.ssh/id_work'));
    });

    test('placement: each copy widget comes right after the line it copies from (job 103)', async ({ page }) => {
      await open(page, jobUrl(103), markup);
      await expand(page, 'Enable SSH');
      await expect(copyButtons(page)).toHaveCount(6);
      const found = await placements(page);
      expect(found).toHaveLength(6);
      for (const { line, widget } of found) {
        // The line before the widget is an ssh line (after its number, where the line holds one), and the
        // widget copies that line's shell.
        const shell = /^(?:\d+ )?\$ ssh .* -- (\S+)$/.exec(line)?.[1];
        expect(shell, `the line before a widget: "${line}"`).toBeDefined();
        expect(widget).toContain(`-- ${shell}`);
      }
      // Six widgets after six different lines: none merely at the end of its output.
      expect(new Set(found.map(({ lineIndex }) => lineIndex)).size).toBe(6);
    });
  });
}
