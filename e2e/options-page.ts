// The options page for its specs: opened from its extension URL in a tab (as runtime.openOptionsPage
// does), and the forms filled as a user would.

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page, Worker } from '@playwright/test';
import { WORK_FINGERPRINT } from './accounts';
import { test as base, expect, extensionDir } from './fixtures';
import { copyButtons, step } from './job-page';

export const test = base.extend<{ optionsUrl: string }>({
  optionsUrl: async ({ background }, use) => {
    const manifest = JSON.parse(readFileSync(resolve(extensionDir, 'manifest.json'), 'utf8')) as {
      options_ui: { page: string };
    };
    await use(`chrome-extension://${new URL(background.url()).host}/${manifest.options_ui.page}`);
  },
});

export const KEYGEN_OUTPUT = `256 ${WORK_FINGERPRINT} me@work-laptop (ED25519)`;
export const TARGET = '-p 42915 -- 18.207.148.116';

export const stored = (background: Worker) => background.evaluate(() => chrome.storage.sync.get('prefs'));

export async function openOptions(page: Page, url: string) {
  await page.goto(url);
  await expect(page.getByRole('heading', { name: 'Key profiles' })).toBeVisible();
}

export async function addProfile(page: Page, name: string, keyPath: string, fingerprint = '') {
  const form = page.getByRole('form', { name: 'Add a profile' });
  await form.getByLabel('Name').fill(name);
  await form.getByLabel('Private key path').fill(keyPath);
  await form.getByLabel('Fingerprint (optional)').fill(fingerprint);
  await form.getByRole('button', { name: 'Add profile' }).click();
  await expect(page.getByRole('group', { name, exact: true })).toBeVisible();
  await expect(form.getByLabel('Name')).toHaveValue('');
}

export async function addRule(page: Page, pattern: string, profileName: string) {
  const form = page.getByRole('form', { name: 'Add a rule' });
  await form.getByLabel('Organisation or project').fill(pattern);
  await form.getByLabel('Key', { exact: true }).selectOption({ label: profileName });
  await form.getByRole('button', { name: 'Add rule' }).click();
  await expect(form.getByLabel('Organisation or project')).toHaveValue('');
}

export async function copyFromWaitForSsh(page: Page) {
  await page.bringToFront();
  await copyButtons(step(page, 'Wait for SSH')).click();
}
