// The options page keeps the settings safe: export and import, a file or a size it refuses, changes
// from other pages, and unreadable stored settings.

import { readFileSync } from 'node:fs';
import { profile, threeAccounts } from './accounts';
import { expect } from './fixtures';
import { addProfile, openOptions, stored, test } from './options-page';

test('exports all settings to a file and imports them back', async ({ page, optionsUrl, setPrefs, background }) => {
  await setPrefs({ ...threeAccounts, shell: 'fish', options: { verbose: true } });
  const before = await stored(background);
  await openOptions(page, optionsUrl);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export settings' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('ssh-copy-for-circleci-settings.json');
  const file = await download.path();
  const { schemaVersion: _version, ...prefs } = threeAccounts;
  expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
    format: 'ssh-copy-for-circleci',
    schemaVersion: 2,
    prefs: {
      ...prefs,
      shell: 'fish',
      options: {
        identitiesOnly: true,
        verbose: true,
        keepAlive: false,
        hostKeys: 'ask',
        systemSsh: false,
      },
      servers: [],
      sessionRoute: true,
      alerts: { notifications: false, warnConnect: true, warnSlot: true, badge: true },
    },
  });

  await background.evaluate(() => chrome.storage.sync.clear());
  await expect(page.getByText('No key profiles yet.')).toBeVisible();
  await page.getByLabel('Import settings from a file').setInputFiles(file);
  await expect(page.getByRole('status')).toHaveText('Settings imported and saved');
  await expect(page.getByRole('group', { name: 'Personal' })).toBeVisible();
  expect(await stored(background)).toEqual(before);
});

test('a bad settings file is refused with a clear error and changes nothing', async ({
  page,
  optionsUrl,
  setPrefs,
  background,
}) => {
  await setPrefs(threeAccounts);
  const before = await stored(background);
  await openOptions(page, optionsUrl);
  const input = page.getByLabel('Import settings from a file');
  const settings = (prefs: unknown) => JSON.stringify({ format: 'ssh-copy-for-circleci', schemaVersion: 2, prefs });
  const cases = [
    ['{"profiles": [', 'Not imported: this file is not valid JSON.'],
    [JSON.stringify({ profiles: [] }), 'Not imported: this is not a settings file of SSH Copy for CircleCI.'],
    [
      JSON.stringify({ format: 'ssh-copy-for-circleci', schemaVersion: 3, prefs: {} }),
      'Not imported: these settings come from a newer version of this extension. Update it, then try again.',
    ],
    [
      settings({ ...threeAccounts, profiles: [profile('x', 'X', '~/.ssh/id\nrm -rf ~')], shell: 'zsh' }),
      'Not imported: these parts of the file are not valid: shell and key profiles.',
    ],
    [
      settings({ rules: [{ pattern: 'github/acme', profileId: 'nobody' }], options: { verbose: 'yes' } }),
      'Not imported: these parts of the file are not valid: project rules and command options.',
    ],
  ] as const;
  for (const [text, message] of cases) {
    await input.setInputFiles({ name: 'settings.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect(page.getByRole('alert')).toHaveText(message);
    await expect(input).toHaveAttribute('aria-invalid', 'true');
    await expect(input).toHaveAccessibleDescription(new RegExp(message.replace(/[.()]/g, '\\$&')));
  }
  expect(await stored(background)).toEqual(before);
  await expect(page.getByRole('status')).toHaveText('');
});

test('settings too large for sync storage: a clear message, storage unchanged, nothing typed lost', async ({
  page,
  optionsUrl,
  setPrefs,
  background,
}) => {
  // 18 profiles with long paths come close to storage.sync's 8 KB per item; one more does not fit.
  const profiles = Array.from({ length: 18 }, (_, i) =>
    profile(`p${i}`, `Profile ${i}`, `~/.ssh/${'k'.repeat(380)}${i}`),
  );
  await setPrefs({ schemaVersion: 2, profiles });
  const before = await stored(background);
  await openOptions(page, optionsUrl);
  await expect(page.getByRole('group', { name: 'Profile 17' })).toBeVisible();

  const form = page.getByRole('form', { name: 'Add a profile' });
  const longPath = `~/.ssh/${'x'.repeat(900)}`;
  await form.getByLabel('Name').fill('One too many');
  await form.getByLabel('Private key path').fill(longPath);
  await form.getByRole('button', { name: 'Add profile' }).click();
  await expect(page.getByRole('status')).toHaveText(
    "Your settings no longer fit in the browser's sync storage (8 KB). Remove some rules or profiles, then save again.",
  );
  await expect(page.getByRole('group', { name: 'One too many' })).toHaveCount(0);
  await expect(form.getByLabel('Private key path')).toHaveValue(longPath);
  expect(await stored(background)).toEqual(before);

  // Lengthening a listed profile's path is refused the same way; the field keeps what was typed.
  await page.reload();
  await expect(page.getByRole('status')).toHaveText('');
  const keyPath = page.getByRole('group', { name: 'Profile 0' }).getByLabel('Private key path');
  await keyPath.fill(longPath);
  await expect(page.getByRole('status')).toContainText('no longer fit');
  await expect(keyPath).toHaveValue(longPath);
  expect(await stored(background)).toEqual(before);
});

test('follows changes from other pages without overwriting what is being typed', async ({
  page,
  optionsUrl,
  setPrefs,
  background,
}) => {
  const only = (keyPath: string, name = 'Work') => ({ schemaVersion: 2, profiles: [profile('work', name, keyPath)] });
  await setPrefs(threeAccounts);
  await openOptions(page, optionsUrl);
  const work = page.getByRole('group', { name: 'Work' });
  const keyPath = work.getByLabel('Private key path');

  // Another page (the popup, a job page, another device) saves.
  await setPrefs(only('~/.ssh/id_elsewhere'));
  await expect(keyPath).toHaveValue('~/.ssh/id_elsewhere');
  await expect(page.getByRole('group', { name: 'Personal' })).toHaveCount(0);
  await expect(page.getByRole('rowheader')).toHaveCount(0);

  // The user is halfway through a path (not valid yet, so not saved) when another change arrives:
  // the path stays as typed, the other field follows.
  await keyPath.fill('~/.ssh/100%');
  await setPrefs(only('~/.ssh/id_again', 'Work (ACME)'));
  await expect(work.getByLabel('Name')).toHaveValue('Work (ACME)');
  await expect(keyPath).toHaveValue('~/.ssh/100%');
  await keyPath.fill('~/.ssh/id_mine');
  await keyPath.press('Enter');
  await expect.poll(() => stored(background)).toEqual({ prefs: only('~/.ssh/id_mine', 'Work (ACME)') });
});

test('unreadable stored settings: a notice, and the defaults until the next save', async ({
  page,
  optionsUrl,
  setPrefs,
}) => {
  await setPrefs({ schemaVersion: 2, profiles: [profile('bad', 'Bad', '~/.ssh/id\nrm -rf ~')] });
  await openOptions(page, optionsUrl);
  await expect(page.getByRole('alert')).toHaveText(
    'Your saved settings could not be read, so the defaults are in use until you save again.',
  );
  await expect(page.getByText('No key profiles yet.')).toBeVisible();
  await addProfile(page, 'Good', '~/.ssh/id_good');
  await expect(page.getByRole('alert')).toHaveCount(0);
});
