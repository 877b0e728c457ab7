// Keys that follow the project, on the job page: which key applies and why, a rule in one step, the
// automatic choice by fingerprint, and the keyboard shortcut's copy.

import { expect, test } from './fixtures';
import { copyButtons, expand, replaceOutput, step } from './job-page';
import { jobUrl } from './site/jobs.js';

// Job 101 is github/acme/api; its Enable SSH lists these two keys under "Authorized keys:".
const AUTHORIZED = 'SHA256:P0nRIWAu7DDjSjJfIzu4nez3o7wr2IU+uIq45VQvIi8';
const NOT_AUTHORIZED = 'SHA256:msh+vmQl6wniEVgyWW0engHfH/VkeyEAnfuhwERqxeg';
const COMMAND_END = '-o IdentitiesOnly=yes -p 42915 -- 18.207.148.116';

const profiles = (personalFingerprint?: string, workFingerprint?: string) => ({
  schemaVersion: 2,
  profiles: [
    {
      id: 'personal',
      name: 'Personal',
      keyPath: '~/.ssh/id_personal',
      ...(personalFingerprint ? { fingerprint: personalFingerprint } : {}),
    },
    {
      id: 'work',
      name: 'Work',
      keyPath: '~/.ssh/id_work',
      ...(workFingerprint ? { fingerprint: workFingerprint } : {}),
    },
  ],
  defaultProfileId: 'personal',
});

const storedRules = (background: import('@playwright/test').Worker) =>
  background.evaluate(async () => ((await chrome.storage.sync.get('prefs')).prefs as { rules?: unknown }).rules);

test('shows which key applies and why, and sets a rule for this project in one step', async ({
  page,
  setPrefs,
  background,
  readClipboard,
}) => {
  await setPrefs(profiles());
  await page.goto(jobUrl(101));
  const waitForSsh = step(page, 'Wait for SSH');
  const picker = waitForSsh.getByRole('combobox', { name: 'Key for this project' });
  await expect(picker).toHaveValue('');
  await expect(waitForSsh.getByText('Using Personal: your default key.')).toBeVisible();

  await picker.selectOption({ label: 'Work' });
  await expect(waitForSsh.getByText('Using Work: rule github/acme/api.')).toBeVisible();
  expect(await storedRules(background)).toEqual([{ pattern: 'github/acme/api', profileId: 'work' }]);
  await copyButtons(waitForSsh).click();
  await expect.poll(readClipboard).toBe(`ssh -i ~/.ssh/id_work ${COMMAND_END}`);

  await picker.selectOption({ label: 'No rule for this project' });
  await expect(waitForSsh.getByText('Using Personal: your default key.')).toBeVisible();
  expect(await storedRules(background)).toBeUndefined();
});

test('one key control per container: it stays where it appeared, and re-renders elsewhere leave it be', async ({
  page,
  setPrefs,
}) => {
  await setPrefs(profiles());
  await page.goto(jobUrl(101));
  const waitForSsh = step(page, 'Wait for SSH');
  const pickers = page.getByRole('combobox', { name: 'Key for this project' });
  await expect(waitForSsh.getByRole('combobox', { name: 'Key for this project' })).toBeVisible();

  // Enable SSH comes first on the page, but the control does not jump up to it when it is opened.
  const enableSsh = await expand(page, 'Enable SSH');
  await expect(copyButtons(enableSsh)).toHaveCount(1);
  await expect(pickers).toHaveCount(1);
  await expect(waitForSsh.getByRole('combobox', { name: 'Key for this project' })).toBeVisible();

  // Another step's re-render does not rebuild it: in Chromium a select entering the page costs a layout
  // of the whole page (docs/benchmarks.md).
  const picker = await pickers.elementHandle();
  await replaceOutput(page, 'Enable SSH');
  await expect(copyButtons(enableSsh)).toHaveCount(1);
  expect(await picker?.evaluate((select) => select.isConnected)).toBe(true);

  // Its own step's re-render takes it along, still the only one.
  await replaceOutput(page, 'Wait for SSH');
  await expect(copyButtons(waitForSsh)).toHaveCount(1);
  await expect(pickers).toHaveCount(1);
  await expect(waitForSsh.getByRole('combobox', { name: 'Key for this project' })).toBeVisible();
});

test('an organisation rule applies to its projects and says so', async ({ page, setPrefs, readClipboard }) => {
  await setPrefs({ ...profiles(), rules: [{ pattern: 'github/acme', profileId: 'work' }] });
  await page.goto(jobUrl(101));
  const waitForSsh = step(page, 'Wait for SSH');
  await expect(waitForSsh.getByText('Using Work: rule github/acme/*.')).toBeVisible();
  await copyButtons(waitForSsh).click();
  await expect.poll(readClipboard).toBe(`ssh -i ~/.ssh/id_work ${COMMAND_END}`);
});

test('the profile whose key CircleCI authorized wins over the default and rules', async ({
  page,
  setPrefs,
  readClipboard,
}) => {
  await setPrefs({
    ...profiles(NOT_AUTHORIZED, AUTHORIZED),
    rules: [{ pattern: 'github/acme/api', profileId: 'personal' }],
  });
  await page.goto(jobUrl(101));
  const waitForSsh = step(page, 'Wait for SSH');
  // Wait for SSH lists no authorized keys; they come from Enable SSH, collapsed but read on expansion.
  await step(page, 'Enable SSH').locator('button[data-cy="step-name"]').click();
  await expect(waitForSsh.getByText('Using Work: its key is one CircleCI authorized for this job.')).toBeVisible();
  await copyButtons(waitForSsh).click();
  await expect.poll(readClipboard).toBe(`ssh -i ~/.ssh/id_work ${COMMAND_END}`);
});

test('warns when the chosen key is not among the authorized ones', async ({ page, setPrefs }) => {
  await setPrefs(profiles(NOT_AUTHORIZED));
  await page.goto(jobUrl(101));
  await step(page, 'Enable SSH').locator('button[data-cy="step-name"]').click();
  // Beside the key control, which stays in Wait for SSH, where it appeared while Enable SSH was closed.
  await expect(step(page, 'Wait for SSH').getByRole('note')).toContainText(
    "Personal's key is not among the keys CircleCI authorized for this job.",
  );
});

test('without profiles, the page offers to set up keys', async ({ page, browserContext }) => {
  await page.goto(jobUrl(101));
  const setUp = step(page, 'Wait for SSH').getByRole('button', { name: 'Set up keys' });
  await expect(setUp).toBeVisible();
  const options = browserContext.waitForEvent('page');
  await setUp.click();
  expect((await options).url()).toMatch(/^chrome-extension:\/\/[a-z]+\/src\/options\/index\.html$/);
});

test('the keyboard shortcut copies the first command on screen', async ({
  page,
  setPrefs,
  background,
  readClipboard,
}) => {
  await setPrefs(profiles());
  const commands = await background.evaluate(
    async () =>
      await (
        chrome as unknown as { commands: { getAll(): Promise<{ name: string; shortcut: string }[]> } }
      ).commands.getAll(),
  );
  expect(commands).toContainEqual(expect.objectContaining({ name: 'copy-ssh-command', shortcut: 'Alt+Shift+S' }));

  await page.goto(jobUrl(103));
  await expect(copyButtons(page).first()).toBeVisible();
  // What the background does on the shortcut (its wiring is unit-tested: the browser's own shortcut
  // cannot be pressed from a test): ask the active tab's content script to copy.
  const copied = await background.evaluate(async () => {
    const api = chrome as unknown as {
      tabs: { query(q: object): Promise<{ id: number }[]>; sendMessage(id: number, m: object): Promise<unknown> };
    };
    const [tab] = await api.tabs.query({ active: true, currentWindow: true });
    return tab ? api.tabs.sendMessage(tab.id, { type: 'copy-command' }) : undefined;
  });
  expect(copied).toBe(true);
  // Enable SSH is collapsed, so the first command on screen is Wait for SSH's (which prints -t).
  await expect
    .poll(readClipboard)
    .toBe('ssh -i ~/.ssh/id_personal -o IdentitiesOnly=yes -t -p 54782 35.226.214.52 -- bash.exe');
  await expect(copyButtons(page).first()).toHaveText('Copied');
});
