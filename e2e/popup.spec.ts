// The popup, opened from its extension URL in a tab (the same page the toolbar button shows).

import { expect, test, withDefaultKey } from './fixtures';
import { copyButtons, step } from './job-page';
import { jobUrl } from './site/jobs.js';

const storedPrefs = (background: import('@playwright/test').Worker) =>
  background.evaluate(() => chrome.storage.sync.get('prefs'));

test('saves the default key as you type, with a visible "Saved"', async ({ page, popupUrl, background }) => {
  await page.goto(popupUrl);
  const field = page.getByRole('textbox', { name: 'Default SSH key' });
  await expect(field).toHaveAttribute('placeholder', '~/.ssh/id_ed25519');
  await field.pressSequentially('~/.ssh/id_work', { delay: 20 });
  await expect(page.getByRole('status')).toHaveText('Saved');
  expect(await storedPrefs(background)).toEqual({ prefs: withDefaultKey('~/.ssh/id_work') });
  await expect(page.getByText('ssh -i ~/.ssh/id_work -o IdentitiesOnly=yes -p 42915 -- 18.207.148.116')).toBeVisible();
});

test('saves on Enter and on blur at once, so closing the popup right after loses nothing', async ({
  browserContext,
  popupUrl,
  background,
}) => {
  // Closing the page cancels the pending debounced save: only the immediate save can reach storage.
  for (const [value, leave] of [
    ['~/.ssh/id_enter', 'Enter'],
    ['~/.ssh/id_blur', 'blur'],
  ] as const) {
    const popup = await browserContext.newPage();
    await popup.goto(popupUrl);
    const field = popup.getByLabel('Default SSH key');
    await expect(field).toBeEnabled();
    await field.fill(value);
    if (leave === 'Enter') await field.press('Enter');
    else await field.blur();
    await popup.close();
    await expect.poll(() => storedPrefs(background)).toEqual({ prefs: withDefaultKey(value) });
  }
});

test('shows the stored key when it opens, and clearing it means "no key"', async ({
  page,
  popupUrl,
  setPrefs,
  background,
}) => {
  await setPrefs(withDefaultKey('~/.ssh/id_stored'));
  await page.goto(popupUrl);
  const field = page.getByLabel('Default SSH key');
  await expect(field).toHaveValue('~/.ssh/id_stored');
  await field.fill('   ');
  await field.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Saved');
  expect(await storedPrefs(background)).toEqual({
    prefs: { schemaVersion: 2, profiles: [{ id: 'default', name: 'Default', keyPath: '~/.ssh/id_stored' }] },
  });
});

test('refuses a path that cannot be a key, inline, and keeps the saved one', async ({
  page,
  popupUrl,
  setPrefs,
  background,
}) => {
  await setPrefs(withDefaultKey('~/.ssh/id_good'));
  await page.goto(popupUrl);
  const field = page.getByLabel('Default SSH key');
  await expect(field).toHaveValue('~/.ssh/id_good');

  await field.fill('~/100%/id');
  await field.press('Enter');
  await expect(page.getByRole('status')).toContainText('ssh expands');
  await expect(field).toHaveAttribute('aria-invalid', 'true');

  await field.fill('~/.ssh/\u202eid');
  await field.blur();
  await expect(page.getByRole('status')).toContainText('invisible');
  await page.waitForTimeout(700); // longer than the save delay: nothing may have been written
  expect(await storedPrefs(background)).toEqual({ prefs: withDefaultKey('~/.ssh/id_good') });
});

test('unreadable stored settings: a notice in the popup, defaults on job pages', async ({
  page,
  popupUrl,
  setPrefs,
  readClipboard,
}) => {
  await setPrefs(withDefaultKey('~/.ssh/id\nrm -rf ~'));
  await page.goto(popupUrl);
  await expect(page.getByRole('alert')).toContainText('could not be read');
  await expect(page.getByLabel('Default SSH key')).toHaveValue('');

  await page.goto(jobUrl(101));
  await step(page, 'Wait for SSH').getByRole('button', { name: 'Copy SSH command for container 0' }).click();
  await expect.poll(readClipboard).toBe('ssh -p 42915 -- 18.207.148.116');
});

test('the shell choice changes how the key is quoted, on open job pages too', async ({
  browserContext,
  page,
  popupUrl,
  setPrefs,
  readClipboard,
}) => {
  await setPrefs(withDefaultKey("~/my keys/it's"));
  await page.goto(jobUrl(101));
  const waitForSsh = step(page, 'Wait for SSH');
  await expect(
    waitForSsh.getByText(`ssh -i ~/'my keys/it'\\''s' -o IdentitiesOnly=yes -p 42915 -- 18.207.148.116`),
  ).toBeVisible();

  const popup = await browserContext.newPage();
  await popup.goto(popupUrl);
  await expect(popup.getByText('Commands are quoted for sh, bash, zsh')).toBeVisible();
  const shell = popup.getByLabel('Shell for copied commands');
  for (const [label, command] of [
    ['fish', `ssh -i ~/'my keys/it\\'s' -o IdentitiesOnly=yes -p 42915 -- 18.207.148.116`],
    ['PowerShell', `ssh -i '~/my keys/it''s' -o IdentitiesOnly=yes -p 42915 '--' 18.207.148.116`],
    ['Windows cmd.exe', `ssh -i "~/my keys/it's" -o IdentitiesOnly=yes -p 42915 -- 18.207.148.116`],
  ] as const) {
    await shell.selectOption({ label });
    await expect(popup.getByText(`Commands are quoted for ${label}`)).toBeVisible();
    await expect(popup.getByRole('status')).toHaveText('Saved');
    await expect(waitForSsh.getByText(command, { exact: true })).toBeVisible();
  }
  await popup.close();
  await page.bringToFront();
  await copyButtons(waitForSsh).click();
  await expect.poll(readClipboard).toBe(`ssh -i "~/my keys/it's" -o IdentitiesOnly=yes -p 42915 -- 18.207.148.116`);
});

test('a key path cmd.exe cannot quote is refused when cmd is chosen', async ({ page, popupUrl, background }) => {
  await page.goto(popupUrl);
  await page.getByLabel('Shell for copied commands').selectOption({ label: 'Windows cmd.exe' });
  const field = page.getByLabel('Default SSH key');
  await field.fill('C:\\keys\\wow!\\id');
  await field.press('Enter');
  await expect(page.getByRole('status')).toContainText('cmd.exe cannot quote');
  expect(await storedPrefs(background)).toEqual({ prefs: { schemaVersion: 2, shell: 'cmd' } });
});
