// The options page, opened from its extension URL in a tab (as runtime.openOptionsPage does): key
// profiles, rules, command toggles, servers, import and export, through the UI, then on a job page.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page, Worker } from '@playwright/test';
import { profile, threeAccounts, WORK_FINGERPRINT } from './accounts';
import { test as base, expect, extensionDir } from './fixtures';
import { copyButtons, step } from './job-page';
import { jobUrl } from './site/jobs.js';

const test = base.extend<{ optionsUrl: string }>({
  optionsUrl: async ({ background }, use) => {
    const manifest = JSON.parse(readFileSync(resolve(extensionDir, 'manifest.json'), 'utf8')) as {
      options_ui: { page: string };
    };
    await use(`chrome-extension://${new URL(background.url()).host}/${manifest.options_ui.page}`);
  },
});

const KEYGEN_OUTPUT = `256 ${WORK_FINGERPRINT} me@work-laptop (ED25519)`;
const TARGET = '-p 42915 -- 18.207.148.116';

const stored = (background: Worker) => background.evaluate(() => chrome.storage.sync.get('prefs'));

async function openOptions(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Key profiles' })).toBeVisible();
}

async function addProfile(page: Page, name: string, keyPath: string, fingerprint = '') {
  const form = page.getByRole('form', { name: 'Add a profile' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Private key path').fill(keyPath);
  await form.getByLabel('Fingerprint (optional)').fill(fingerprint);
  await form.getByRole('button', { name: 'Add profile' }).click();
  await expect(page.getByRole('group', { name, exact: true })).toBeVisible();
  await expect(form.getByLabel('Name')).toHaveValue('');
}

async function addRule(page: Page, pattern: string, profileName: string) {
  const form = page.getByRole('form', { name: 'Add a rule' });
  await form.getByLabel('Organisation or project').fill(pattern);
  await form.getByLabel('Key', { exact: true }).selectOption({ label: profileName });
  await form.getByRole('button', { name: 'Add rule' }).click();
  await expect(form.getByLabel('Organisation or project')).toHaveValue('');
}

async function copyFromWaitForSsh(page: Page) {
  await page.bringToFront();
  await copyButtons(step(page, 'Wait for SSH')).click();
}

test('sets up three accounts through the UI, and job pages use the right key', async ({
  browserContext,
  page,
  optionsUrl,
  background,
  readClipboard,
}) => {
  const options = await browserContext.newPage();
  await openOptions(options, optionsUrl);
  await expect(options.getByText('No key profiles yet.')).toBeVisible();
  await expect(options.getByText('ssh-keygen -lf ~/.ssh/id_ed25519.pub')).toBeVisible();
  await addProfile(options, 'Work', '~/.ssh/id_work', KEYGEN_OUTPUT);
  await addProfile(options, 'Personal', '~/.ssh/id_ed25519');
  await addProfile(options, 'Client', '~/.ssh/id_client');
  await options.getByLabel('Default key').selectOption({ label: 'Personal' });
  await expect(options.getByRole('status')).toHaveText('Saved');
  await expect(options.getByRole('group', { name: 'Work' }).getByLabel('Fingerprint')).toHaveValue(WORK_FINGERPRINT);
  await expect(
    options.getByText('The most specific rule wins; a key CircleCI authorized for the job wins'),
  ).toBeVisible();
  await addRule(options, 'gh/Acme/*', 'Client');
  await expect(options.getByRole('rowheader', { name: 'github/acme/*' })).toBeVisible();

  const id = expect.stringMatching(/^[0-9a-f]{12}$/);
  await expect
    .poll(() => stored(background))
    .toEqual({
      prefs: {
        schemaVersion: 2,
        profiles: [
          { id, name: 'Work', keyPath: '~/.ssh/id_work', fingerprint: WORK_FINGERPRINT },
          { id, name: 'Personal', keyPath: '~/.ssh/id_ed25519' },
          { id, name: 'Client', keyPath: '~/.ssh/id_client' },
        ],
        defaultProfileId: id,
        rules: [{ pattern: 'github/acme', profileId: id }],
      },
    });
  const { prefs } = (await stored(background)) as { prefs: typeof threeAccounts };
  const [work, personal, client] = prefs.profiles.map((each) => each.id);
  expect(new Set([work, personal, client]).size).toBe(3);
  expect(prefs.defaultProfileId).toBe(personal);
  expect(prefs.rules).toEqual([{ pattern: 'github/acme', profileId: client }]);

  // Enable SSH, which lists the authorized keys, starts collapsed: only the rule is known.
  await page.goto(jobUrl(101));
  const waitForSsh = step(page, 'Wait for SSH');
  await expect(waitForSsh.getByText('Using Client: rule github/acme/*.')).toBeVisible();
  await copyFromWaitForSsh(page);
  await expect.poll(readClipboard).toBe(`ssh -i ~/.ssh/id_client -o IdentitiesOnly=yes ${TARGET}`);

  // Once CircleCI's list of authorized keys is on the page, Work's fingerprint wins over the rule.
  await step(page, 'Enable SSH').locator('button[data-cy="step-name"]').click();
  await expect(waitForSsh.getByText('Using Work: its key is one CircleCI authorized for this job.')).toBeVisible();
  await copyFromWaitForSsh(page);
  await expect.poll(readClipboard).toBe(`ssh -i ~/.ssh/id_work -o IdentitiesOnly=yes ${TARGET}`);

  // Without the fingerprint, the rule decides again, on the open job page too.
  await options.bringToFront();
  const fingerprint = options.getByRole('group', { name: 'Work' }).getByLabel('Fingerprint');
  await fingerprint.fill('');
  await fingerprint.press('Enter');
  await expect(waitForSsh.getByText('Using Client: rule github/acme/*.')).toBeVisible();
  await copyFromWaitForSsh(page);
  await expect.poll(readClipboard).toBe(`ssh -i ~/.ssh/id_client -o IdentitiesOnly=yes ${TARGET}`);
  await options.close();
});

test('command toggles change the example and the copied command', async ({
  page,
  optionsUrl,
  setPrefs,
  background,
  readClipboard,
}) => {
  await setPrefs(threeAccounts);
  await openOptions(page, optionsUrl);
  const example = page.locator('pre.example');
  await expect(example).toHaveText(`ssh -i ~/.ssh/id_ed25519 -o IdentitiesOnly=yes ${TARGET}`);
  await expect(page.getByRole('checkbox', { name: 'Offer only the chosen key' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Ask, as ssh normally does' })).toBeChecked();

  await page.getByRole('checkbox', { name: 'Verbose output' }).check();
  await expect(example).toHaveText(`ssh -v -i ~/.ssh/id_ed25519 -o IdentitiesOnly=yes ${TARGET}`);
  await expect(page.getByRole('status')).toHaveText('Saved');
  await page.getByRole('checkbox', { name: 'Keep idle sessions alive' }).check();
  await page.getByRole('radio', { name: 'Accept new host keys and keep them apart per job and container' }).check();
  await page.getByRole('checkbox', { name: 'Call /usr/bin/ssh' }).check();
  const all =
    '/usr/bin/ssh -v -i ~/.ssh/id_ed25519 -o IdentitiesOnly=yes -o ServerAliveInterval=30 -o StrictHostKeyChecking=accept-new -o HostKeyAlias=circleci-github-acme-api-101-0';
  await expect(example).toHaveText(`${all} ${TARGET}`);
  await expect
    .poll(async () => ((await stored(background)) as { prefs: { options?: unknown } }).prefs.options)
    .toEqual({ verbose: true, keepAlive: true, hostKeys: 'accept-new', systemSsh: true });

  // Job 101's project has Client's rule (github/acme); with Enable SSH collapsed, no fingerprint is known.
  await page.goto(jobUrl(101));
  await copyFromWaitForSsh(page);
  await expect.poll(readClipboard).toBe(`${all.replace('id_ed25519', 'id_client')} ${TARGET}`);

  await openOptions(page, optionsUrl);
  await page.getByRole('checkbox', { name: 'Offer only the chosen key' }).uncheck();
  await expect(example).not.toContainText('IdentitiesOnly');
  await expect
    .poll(
      async () => ((await stored(background)) as { prefs: { options?: { identitiesOnly?: boolean } } }).prefs.options,
    )
    .toMatchObject({ identitiesOnly: false });
});

test('a shell that cannot use a saved key path is refused inline', async ({
  page,
  optionsUrl,
  setPrefs,
  background,
}) => {
  await setPrefs({ schemaVersion: 2, profiles: [profile('wow', 'Wow', '~/keys/wow!')] });
  await openOptions(page, optionsUrl);
  const shell = page.getByLabel('Shell for copied commands');
  await shell.selectOption({ label: 'fish' });
  await expect(page.getByRole('status')).toHaveText('Saved');
  await shell.selectOption({ label: 'Windows cmd.exe' });
  await expect(shell).toHaveAccessibleDescription(
    'Not changed: the key path of Wow cannot be used in Windows cmd.exe.',
  );
  await expect(shell).toHaveAttribute('aria-invalid', 'true');
  await expect(shell).toHaveValue('fish');
  expect(((await stored(background)) as { prefs: { shell: string } }).prefs.shell).toBe('fish');
});

test('invalid inputs show inline errors tied to their fields, and save nothing', async ({
  page,
  optionsUrl,
  setPrefs,
  background,
}) => {
  await setPrefs({ schemaVersion: 2, profiles: [profile('work', 'Work', '~/.ssh/id_work')] });
  const before = await stored(background);
  await openOptions(page, optionsUrl);

  const form = page.getByRole('form', { name: 'Add a profile' });
  await form.getByLabel('Name').fill('work');
  await form.getByLabel('Private key path').fill('~/100%/id');
  await form.getByLabel('Fingerprint (optional)').fill('MD5:16:27:ac:a5:76:28:2d:36');
  await form.getByRole('button', { name: 'Add profile' }).click();
  const name = form.getByLabel('Name');
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(name).toHaveAccessibleDescription('Another profile is called work already.');
  await expect(name).toBeFocused();
  await expect(form.getByLabel('Private key path')).toHaveAccessibleDescription(/ssh expands “%”/);
  await expect(form.getByLabel('Fingerprint (optional)')).toHaveAccessibleDescription(
    /This is not a SHA256 fingerprint/,
  );
  await name.fill('');
  await expect(name).toHaveAccessibleDescription(/Give the profile a name of up to 60 characters/);

  // Editing a listed profile: the error shows while typing, and nothing is written.
  const keyPath = page.getByRole('group', { name: 'Work' }).getByLabel('Private key path');
  await keyPath.fill('~/.ssh/\u202eid');
  await expect(keyPath).toHaveAttribute('aria-invalid', 'true');
  await expect(keyPath).toHaveAccessibleDescription(/invisible/);
  await keyPath.press('Enter');
  await keyPath.fill('');
  await expect(keyPath).toHaveAccessibleDescription(/Enter the path of the private key/);

  const rules = page.getByRole('form', { name: 'Add a rule' });
  for (const pattern of ['gitlab/acme', 'github', 'github/acme/api/extra', 'github/../x']) {
    await rules.getByLabel('Organisation or project').fill(pattern);
    await rules.getByRole('button', { name: 'Add rule' }).click();
    await expect(rules.getByLabel('Organisation or project')).toHaveAccessibleDescription(
      /Write an organisation as vcs\/org or a project as vcs\/org\/project/,
    );
  }

  await page.waitForTimeout(700); // longer than the save delay: nothing may have been written
  expect(await stored(background)).toEqual(before);
  await expect(page.getByRole('status')).toHaveText('');
});

test('a rule for a pattern that has one already is refused', async ({ page, optionsUrl, setPrefs, background }) => {
  await setPrefs(threeAccounts);
  await openOptions(page, optionsUrl);
  const pattern = page.getByRole('form', { name: 'Add a rule' }).getByLabel('Organisation or project');
  await pattern.fill('github/ACME/');
  await pattern.press('Enter');
  await expect(pattern).toHaveAccessibleDescription(/There is a rule for github\/acme\/\* already/);
  // The listed rule's own picker changes it instead.
  await page.getByRole('combobox', { name: 'Key for github/acme/*' }).selectOption({ label: 'Work' });
  await expect
    .poll(async () => ((await stored(background)) as { prefs: { rules: unknown } }).prefs.rules)
    .toEqual([
      { pattern: 'github/acme', profileId: 'work' },
      { pattern: 'bitbucket/team/app', profileId: 'work' },
    ]);
});

test('removing a profile removes its rules, and the default if it was the default', async ({
  page,
  optionsUrl,
  setPrefs,
  background,
}) => {
  await setPrefs({ ...threeAccounts, defaultProfileId: 'client' });
  await openOptions(page, optionsUrl);
  await expect(page.getByRole('rowheader', { name: 'github/acme/*' })).toBeVisible();
  await page.getByRole('button', { name: 'Remove profile Client' }).click();
  await expect(page.getByRole('group', { name: 'Client' })).toHaveCount(0);
  await expect(page.getByRole('rowheader', { name: 'github/acme/*' })).toHaveCount(0);
  await expect(page.getByLabel('Default key')).toHaveValue('');
  // Focus does not fall back to the top of the page with the removed button.
  await expect(page.getByRole('form', { name: 'Add a profile' }).getByLabel('Name')).toBeFocused();
  expect(await stored(background)).toEqual({
    prefs: {
      schemaVersion: 2,
      profiles: threeAccounts.profiles.slice(0, 2),
      rules: [{ pattern: 'bitbucket/team/app', profileId: 'work' }],
    },
  });
});

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

test('adds a profile with the keyboard alone, with a visible focus ring', async ({ page, optionsUrl, background }) => {
  await openOptions(page, optionsUrl);
  await page.keyboard.press('Tab');
  const name = page.getByRole('form', { name: 'Add a profile' }).getByLabel('Name');
  await expect(name).toBeFocused();
  expect(await name.evaluate((element) => getComputedStyle(element).outlineStyle)).toBe('solid');
  await page.keyboard.type('Personal');
  await page.keyboard.press('Tab');
  await page.keyboard.type('~/.ssh/id_ed25519');
  await page.keyboard.press('Tab');
  await page.keyboard.type(KEYGEN_OUTPUT);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('group', { name: 'Personal' })).toBeVisible();
  await expect(name).toBeFocused(); // ready for the next one

  // The default key, from the keyboard too.
  const defaultKey = page.getByLabel('Default key');
  await page.keyboard.press('Shift+Tab');
  await expect(defaultKey).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(defaultKey).toHaveValue(/^[0-9a-f]{12}$/);
  await expect
    .poll(() => stored(background))
    .toEqual({
      prefs: {
        schemaVersion: 2,
        profiles: [
          {
            id: expect.stringMatching(/^[0-9a-f]{12}$/),
            name: 'Personal',
            keyPath: '~/.ssh/id_ed25519',
            fingerprint: WORK_FINGERPRINT,
          },
        ],
        defaultProfileId: expect.stringMatching(/^[0-9a-f]{12}$/),
      },
    });
});

test('the server section explains itself and refuses an invalid host inline', async ({
  page,
  optionsUrl,
  background,
}) => {
  await openOptions(page, optionsUrl);
  const section = page.getByRole('region', { name: 'CircleCI server (self-hosted)' });
  await expect(section).toContainText('nothing is asked before');
  await expect(section).toContainText('No servers added.');
  const form = section.getByRole('form', { name: 'Add a server' });
  const appHost = form.getByLabel('App host');
  for (const host of ['not a host', 'app.circleci.com', 'localhost']) {
    await appHost.fill(host);
    await form.getByRole('button', { name: 'Add server' }).click();
    await expect(appHost).toHaveAttribute('aria-invalid', 'true');
    await expect(appHost).toHaveAccessibleDescription(/Enter a host name such as app\.ci\.example\.com/);
  }
  await appHost.fill('app.ci.example.com');
  await form.getByLabel('SSH proxy host (optional)').fill('ssh proxy');
  await form.getByRole('button', { name: 'Add server' }).click();
  await expect(form.getByLabel('SSH proxy host (optional)')).toHaveAccessibleDescription(/or leave the field empty/);
  await expect(appHost).toHaveAttribute('aria-invalid', 'false');
  expect(await stored(background)).toEqual({});
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the options page has no accessibility violations (${colorScheme})`, async ({ page, optionsUrl, setPrefs }) => {
    await page.emulateMedia({ colorScheme });
    await setPrefs({ ...threeAccounts, servers: [{ appHost: 'app.ci.example.com', sshHost: 'ssh.ci.example.com' }] });
    await openOptions(page, optionsUrl);
    await expect(page.getByRole('group', { name: 'Client' })).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);

    // With errors, a status and a notice showing too.
    await page.getByRole('button', { name: 'Add profile' }).click();
    await page.getByRole('button', { name: 'Add rule' }).click();
    await page.getByRole('checkbox', { name: 'Verbose output' }).check();
    await expect(page.getByRole('status')).toHaveText('Saved');
    await page.getByLabel('Import settings from a file').setInputFiles({
      name: 'x.json',
      mimeType: 'application/json',
      buffer: Buffer.from('nope'),
    });
    await expect(page.getByRole('alert')).toBeVisible();
    expect((await new AxeBuilder({ page }).analyze()).violations).toEqual([]);
  });
}

test('the options page follows the system colour scheme', async ({ page, optionsUrl }) => {
  await openOptions(page, optionsUrl);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'light' });
  expect(await background()).toBe('rgb(255, 255, 255)');
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await background()).toBe('rgb(32, 33, 36)');
});
