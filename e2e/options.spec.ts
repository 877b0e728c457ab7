// The options page, opened from its extension URL in a tab (as runtime.openOptionsPage does): key
// profiles, rules and command toggles through the UI, then on a job page.

import { profile, threeAccounts, WORK_FINGERPRINT } from './accounts';
import { expect } from './fixtures';
import { step } from './job-page';
import {
  addProfile,
  addRule,
  copyFromWaitForSsh,
  KEYGEN_OUTPUT,
  openOptions,
  stored,
  TARGET,
  test,
} from './options-page';
import { jobUrl } from './site/jobs.js';

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
