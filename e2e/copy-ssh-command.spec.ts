// The copy buttons on job pages, through the built extension in Chromium, reading the real clipboard.

import { expect, test, withDefaultKey } from './fixtures';
import { copyButtons, expand, expectedCommand, jobLog, step } from './job-page';
import { jobs, jobUrl, legacyBuilds, legacyUrl } from './site/jobs.js';
import type { LegacyScenario, Scenario } from './site/types';

const KEY = '~/.ssh/id_ed25519';

test.describe('direct form, one container (job 101)', () => {
  test('copies the command with the key from the expanded Wait for SSH step', async ({
    page,
    setPrefs,
    readClipboard,
  }) => {
    await setPrefs(withDefaultKey(KEY));
    await page.goto(jobUrl(101));
    const button = step(page, 'Wait for SSH').getByRole('button', { name: 'Copy SSH command for container 0' });
    await expect(button).toBeVisible();
    await expect(
      step(page, 'Wait for SSH').getByText(`ssh -i ${KEY} -o IdentitiesOnly=yes -p 42915 -- 18.207.148.116`),
    ).toBeVisible();
    await button.click();
    await expect.poll(readClipboard).toBe('ssh -i ~/.ssh/id_ed25519 -o IdentitiesOnly=yes -p 42915 -- 18.207.148.116');
  });

  test('without a key, copies the plain command', async ({ page, readClipboard }) => {
    await page.goto(jobUrl(101));
    await copyButtons(step(page, 'Wait for SSH')).click();
    await expect.poll(readClipboard).toBe('ssh -p 42915 -- 18.207.148.116');
  });

  test('shows a visible and announced confirmation', async ({ page }) => {
    await page.goto(jobUrl(101));
    const waitForSsh = step(page, 'Wait for SSH');
    await copyButtons(waitForSsh).click();
    await expect(copyButtons(waitForSsh)).toHaveText('Copied');
    await expect(waitForSsh.getByRole('status')).toHaveText('Copied: ssh -p 42915 -- 18.207.148.116');
    await expect(copyButtons(waitForSsh)).toHaveText('Copy', { timeout: 4000 });
  });

  test('the collapsed Enable SSH step gets its button when expanded, once, however often it is toggled', async ({
    page,
    readClipboard,
  }) => {
    await page.goto(jobUrl(101));
    const enableSsh = step(page, 'Enable SSH');
    await expect(copyButtons(page)).toHaveCount(1); // Wait for SSH only: Enable SSH is collapsed
    await expect(copyButtons(enableSsh)).toHaveCount(0);
    for (let i = 0; i < 5; i++) {
      await enableSsh.locator('button[data-cy="step-name"]').click();
      await expect(copyButtons(enableSsh)).toHaveCount(i % 2 === 0 ? 1 : 0);
    }
    await copyButtons(enableSsh).click();
    await expect.poll(readClipboard).toBe('ssh -p 42915 -- 18.207.148.116');
  });

  test('works from the keyboard with a visible focus ring', async ({ page, readClipboard }) => {
    await page.goto(jobUrl(101));
    const button = copyButtons(step(page, 'Wait for SSH'));
    await button.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    await expect(button).toBeFocused();
    const outline = await button.evaluate((element) => getComputedStyle(element).outlineStyle);
    expect(outline).toBe('solid');
    await page.keyboard.press('Enter');
    await expect.poll(readClipboard).toBe('ssh -p 42915 -- 18.207.148.116');
  });

  test('survives re-renders of the steps and of the output without duplicating', async ({ page, readClipboard }) => {
    await page.goto(jobUrl(101));
    await expand(page, 'Enable SSH');
    await expect(copyButtons(page)).toHaveCount(2);
    for (let i = 0; i < 3; i++) {
      await page.evaluate(() => (window as unknown as { __fixture: { rerender(): void } }).__fixture.rerender());
      await expect(copyButtons(page)).toHaveCount(2);
      await page.evaluate(() =>
        (window as unknown as { __fixture: { replaceOutput(name: string): void } }).__fixture.replaceOutput(
          'Wait for SSH',
        ),
      );
      await expect(copyButtons(page)).toHaveCount(2);
    }
    await copyButtons(step(page, 'Enable SSH')).click();
    await expect.poll(readClipboard).toBe('ssh -p 42915 -- 18.207.148.116');
  });

  test('picks up a new key from the popup without a reload', async ({
    page,
    browserContext,
    popupUrl,
    readClipboard,
  }) => {
    await page.goto(jobUrl(101));
    const waitForSsh = step(page, 'Wait for SSH');
    await expect(waitForSsh.getByText('ssh -p 42915 -- 18.207.148.116', { exact: true })).toBeVisible();

    const popup = await browserContext.newPage();
    await popup.goto(popupUrl);
    await popup.getByLabel('Default SSH key').fill("~/keys/it's mine/id_ed25519");
    await popup.getByLabel('Default SSH key').press('Enter');
    await expect(popup.getByText('Saved')).toBeVisible();
    await popup.close();

    const quoted = `ssh -i ~/'keys/it'\\''s mine/id_ed25519' -o IdentitiesOnly=yes -p 42915 -- 18.207.148.116`;
    await expect(waitForSsh.getByText(quoted, { exact: true })).toBeVisible();
    await page.bringToFront();
    await copyButtons(waitForSsh).click();
    await expect.poll(readClipboard).toBe(quoted);
  });
});

test('parallel runs: one container at a time, switched in the page (job 102)', async ({
  page,
  setPrefs,
  readClipboard,
}) => {
  await setPrefs(withDefaultKey(KEY));
  await page.goto(jobUrl(102));
  await expect(copyButtons(page)).toHaveCount(1);
  await expect(jobLog(page).getByRole('button', { name: 'Copy SSH command for container 0' })).toHaveCount(1);

  await page.locator('[data-cy="parallel-run"]', { hasText: '2' }).click();
  await expect(page).toHaveURL(/parallel-runs\/2$/);
  const container2 = jobLog(page).getByRole('button', { name: 'Copy SSH command for container 2' });
  await expect(container2).toHaveCount(1);
  await expect(jobLog(page).getByRole('button', { name: 'Copy SSH command for container 0' })).toHaveCount(0);
  await container2.click();
  await expect.poll(readClipboard).toBe(`ssh -i ${KEY} -o IdentitiesOnly=yes -p 63535 -- 54.236.40.67`);

  await page.goBack();
  await expect(jobLog(page).getByRole('button', { name: 'Copy SSH command for container 0' })).toHaveCount(1);
  await expect(container2).toHaveCount(0);
});

test('Windows: one button per shell, the shell in its name (job 103)', async ({ page, setPrefs, readClipboard }) => {
  await setPrefs(withDefaultKey(KEY));
  await page.goto(jobUrl(103));
  const enableSsh = await expand(page, 'Enable SSH');
  await expect(copyButtons(enableSsh)).toHaveCount(3);
  await enableSsh.getByRole('button', { name: 'Copy SSH command for container 0 (powershell.exe)' }).click();
  await expect.poll(readClipboard).toBe(`ssh -i ${KEY} -o IdentitiesOnly=yes -p 54782 35.226.214.52 -- powershell.exe`);
  await step(page, 'Wait for SSH').getByRole('button', { name: 'Copy SSH command for container 0 (cmd.exe)' }).click();
  await expect.poll(readClipboard).toBe(`ssh -i ${KEY} -o IdentitiesOnly=yes -t -p 54782 35.226.214.52 -- cmd.exe`);
});

test('proxy form keeps the per-container user (job 104)', async ({ page, readClipboard }) => {
  await page.goto(jobUrl(104, 1));
  await copyButtons(step(page, 'Wait for SSH')).click();
  await expect.poll(readClipboard).toBe('ssh -- 057f0065-7e6d-4912-921b-50917ff046a3-1@ssh.circleci.com');
  await expect(jobLog(page).getByRole('button', { name: 'Copy SSH command for container 1' })).toHaveCount(1);
});

test('streaming: no button while "Setting up SSH...", then one per command as output arrives (job 105)', async ({
  page,
  readClipboard,
}) => {
  await page.goto(jobUrl(105));
  const enableSsh = step(page, 'Enable SSH');
  await expect(enableSsh.getByText('Setting up SSH...')).toBeVisible();
  await expect(copyButtons(page)).toHaveCount(0);
  await expect(copyButtons(enableSsh)).toHaveCount(1);
  await expect(copyButtons(step(page, 'Wait for SSH'))).toHaveCount(1);
  await copyButtons(enableSsh).click();
  await expect.poll(readClipboard).toBe('ssh -p 64536 -- 100.26.97.124');
});

test('SPA navigation to another job and back leaves no stale buttons', async ({ page, readClipboard }) => {
  await page.goto(jobUrl(101));
  await expect(jobLog(page).getByText('ssh -p 42915 -- 18.207.148.116', { exact: true })).toHaveCount(1);
  await page.getByRole('link', { name: 'build (107)' }).click();
  await expect(page).toHaveURL(/jobs\/107$/);
  await expect(jobLog(page).getByText('ssh -p 42915 -- 18.207.148.116', { exact: true })).toHaveCount(0);
  await expect(copyButtons(page)).toHaveCount(1);
  await copyButtons(page).click();
  await expect.poll(readClipboard).toBe('ssh -p 54782 -- runner-7.build.example.com');
  await page.goBack();
  await expect(page).toHaveURL(/jobs\/101$/);
  await expect(jobLog(page).getByText('ssh -p 42915 -- 18.207.148.116', { exact: true })).toHaveCount(1);
  await expect(copyButtons(page)).toHaveCount(1);
});

test('jobs without CircleCI SSH steps get no buttons (jobs 106 and 108)', async ({ page }) => {
  await page.goto(jobUrl(106));
  await expect(page.locator('[data-cy="steps"]')).toBeVisible();
  await expect(copyButtons(page)).toHaveCount(0);

  // A config run step that names itself "Enable SSH" and prints an ssh line.
  await page.goto(jobUrl(108));
  await expand(page, 'Enable SSH');
  await expect(step(page, 'Enable SSH').getByText('$ ssh -p 2222 6.6.6.6', { exact: true })).toBeVisible();
  await expect(copyButtons(page)).toHaveCount(0);
});

test('hostile lines get "not recognised" and nothing to copy; the real command still works (job 109)', async ({
  page,
  readClipboard,
}) => {
  await page.goto(jobUrl(109));
  const enableSsh = await expand(page, 'Enable SSH');
  await expect(copyButtons(enableSsh)).toHaveCount(1);
  await expect(enableSsh.getByText('3 lines look like ssh commands but were not recognised')).toHaveCount(1);
  await copyButtons(enableSsh).click();
  await expect.poll(readClipboard).toBe('ssh -p 64535 -- 3.239.179.134');
});

test('legacy UI: containers from the container pills, 1.0 user kept (build 55)', async ({ page, readClipboard }) => {
  await page.goto(legacyUrl(55));
  await expand(page, 'Enable SSH');
  await copyButtons(step(page, 'Enable SSH')).click();
  await expect.poll(readClipboard).toBe('ssh -p 64594 -- ubuntu@18.221.109.33');

  await page.locator('.container-selector', { hasText: '1' }).click();
  await expect(page).toHaveURL(/containers\/1$/);
  const container1 = jobLog(page).getByRole('button', { name: 'Copy SSH command for container 1' });
  await expect(container1.first()).toBeVisible();
  await expect(jobLog(page).getByRole('button', { name: 'Copy SSH command for container 0' })).toHaveCount(0);
  await container1.first().click();
  await expect.poll(readClipboard).toBe('ssh -p 64784 -- ubuntu@54.224.97.243');
});

// Every scenario, container and SSH step: exactly the expected buttons, each copying exactly its command.
const scenarios = [
  ...Object.entries(jobs).map(([number, job]) => ({
    name: `job ${number}`,
    job,
    url: (c: number) => jobUrl(Number(number), c),
  })),
  ...Object.entries(legacyBuilds).map(([number, job]) => ({
    name: `legacy build ${number}`,
    job,
    url: (c: number) => legacyUrl(Number(number), c),
  })),
].filter((scenario) => scenario.job !== undefined) as {
  name: string;
  job: Scenario | LegacyScenario;
  url: (c: number) => string;
}[];
for (const { name, job, url } of scenarios) {
  test(`${name}: ${job.title}: every expected command, nothing else`, async ({ page, setPrefs, readClipboard }) => {
    await setPrefs(withDefaultKey(KEY));
    for (let container = 0; container < job.containers.length; container++) {
      await page.goto(url(container));
      const expected = job.expected.filter((entry) => entry.container === container);
      for (const { step: stepName, commands } of expected) {
        const block = await expand(page, stepName);
        await expect(copyButtons(block)).toHaveCount(commands.length, { timeout: 8000 });
        for (const [index, command] of commands.entries()) {
          await copyButtons(block).nth(index).click();
          await expect.poll(readClipboard).toBe(expectedCommand(command, KEY));
        }
      }
      const total = expected.reduce((sum, entry) => sum + entry.commands.length, 0);
      await expect(copyButtons(page)).toHaveCount(total);
    }
  });
}
