// The options page for every user: the keyboard alone, the server section's own explanations, no
// accessibility violations, and the system colour scheme.

import AxeBuilder from '@axe-core/playwright';
import { threeAccounts, WORK_FINGERPRINT } from './accounts';
import { expect } from './fixtures';
import { KEYGEN_OUTPUT, openOptions, stored, test } from './options-page';

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
