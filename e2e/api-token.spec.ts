// The optional CircleCI API token in the options page: saved only to storage.local, never shown again,
// forgotten on request. Saving asks for API_ORIGINS, and headless Chromium cannot answer a permission
// prompt, so (as in servers.spec.ts) this loads a copy of dist/chrome whose manifest already grants
// them: the request then resolves at once, and the rest is the real code. A refusal is tested in
// src/options/ApiTokenSection.test.tsx.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { type BrowserContext, test as base, chromium, expect, type Page, type Worker } from '@playwright/test';
import { API_ORIGINS } from '../src/settings/api-token';
import { chromiumPath, extensionArgs } from './browser.js';
import { extensionDir } from './fixtures';
import { serveFakeApi } from './site/fake-api.js';
import { parallel8Url } from './site/jobs.js';
import { serveCircleCI } from './site/serve.js';

const TOKEN = 'CCIPAT_4oX1Dq9Uu2bWzP7LkRt3Hs_0123456789abcdef0123456789abcdef01234567';

// One browser for the file, per worker, as e2e/fixtures.ts has: a launch costs seconds. Each test starts
// from nothing stored, on a fresh options page.
const test = base.extend<{ context: BrowserContext; page: Page }, { tokenContext: BrowserContext; background: Worker }>(
  {
    tokenContext: [
      // biome-ignore lint/correctness/noEmptyPattern: Playwright reads a fixture's dependencies from this pattern
      async ({}, use) => {
        const copy = mkdtempSync(join(tmpdir(), 'ssh-copy-token-'));
        cpSync(extensionDir, copy, { recursive: true });
        const manifest = JSON.parse(readFileSync(join(copy, 'manifest.json'), 'utf8'));
        writeFileSync(join(copy, 'manifest.json'), JSON.stringify({ ...manifest, host_permissions: API_ORIGINS }));
        const context = await chromium.launchPersistentContext('', {
          executablePath: chromiumPath,
          headless: true,
          args: extensionArgs(copy),
        });
        await serveCircleCI(context);
        await use(context);
        await context.close();
        rmSync(copy, { recursive: true, force: true });
      },
      { scope: 'worker' },
    ],
    background: [
      async ({ tokenContext }, use) => {
        await use(tokenContext.serviceWorkers()[0] ?? (await tokenContext.waitForEvent('serviceworker')));
      },
      { scope: 'worker' },
    ],
    context: async ({ tokenContext }, use) => {
      await use(tokenContext);
    },
    page: async ({ context, background }, use) => {
      await background.evaluate(() =>
        Promise.all([chrome.storage.sync.clear(), chrome.storage.local.clear(), chrome.storage.session.clear()]),
      );
      const page = await context.newPage();
      await page.goto(`chrome-extension://${new URL(background.url()).host}/src/options/index.html`);
      await expect(page.getByRole('heading', { name: 'CircleCI API token (optional)' })).toBeVisible();
      await use(page);
      await page.close();
    },
  },
);

const section = (page: Page) => page.getByRole('region', { name: 'CircleCI API token (optional)' });
const field = (page: Page) => section(page).getByLabel('CircleCI API token');
const storedLocal = (background: Worker) => background.evaluate(() => chrome.storage.local.get('apiToken'));
const storedSync = (background: Worker) => background.evaluate(() => chrome.storage.sync.get(null));

test('an invalid token shows the error by the field and stores nothing', async ({ page, background }) => {
  await field(page).fill(`${TOKEN.slice(0, 30)} ${TOKEN.slice(30)}`);
  await section(page).getByRole('button', { name: 'Save token' }).click();
  await expect(field(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(field(page)).toHaveAccessibleDescription(/This is not a CircleCI API token/);
  await expect(field(page)).toBeFocused();
  expect(await storedLocal(background)).toEqual({});
  await expect(section(page).getByText('No token saved.')).toBeVisible();
});

test('a token is saved on this device only, never shown again, and forgotten', async ({ page, background }) => {
  await expect(section(page).getByText('No token saved.')).toBeVisible();
  await expect(section(page).getByRole('button', { name: 'Forget token' })).toHaveCount(0);
  await expect(section(page).getByRole('link', { name: /How to create a personal API token/ })).toHaveAttribute(
    'href',
    'https://circleci.com/docs/managing-api-tokens/',
  );
  await expect(field(page)).toHaveAttribute('type', 'password');

  await field(page).fill(` ${TOKEN} `);
  await section(page).getByRole('button', { name: 'Save token' }).click();
  await expect(page.getByRole('status')).toHaveText('Token saved on this device');
  await expect(section(page).getByText(/^A token is saved \(saved .+\)\.$/)).toBeVisible();
  await expect(field(page)).toHaveValue('');
  await expect(field(page)).toHaveAttribute('aria-invalid', 'false');
  expect(await storedLocal(background)).toEqual({ apiToken: { token: TOKEN, savedAt: expect.any(Number) } });
  expect(JSON.stringify(await storedSync(background))).not.toContain(TOKEN);

  await page.reload();
  await expect(section(page).getByText(/^A token is saved \(saved .+\)\.$/)).toBeVisible();
  await expect(field(page)).toHaveValue('');
  // The markup, and the fields' values, which the markup does not carry.
  expect(await page.content()).not.toContain(TOKEN);
  expect(await page.evaluate(() => [...document.querySelectorAll('input')].map((input) => input.value))).not.toContain(
    TOKEN,
  );

  await section(page).getByRole('button', { name: 'Forget token' }).click();
  await expect(page.getByRole('status')).toHaveText('Token forgotten');
  await expect(section(page).getByText('No token saved.')).toBeVisible();
  await expect(field(page)).toBeFocused();
  expect(await storedLocal(background)).toEqual({});
});

test('works from the keyboard alone, with visible focus', async ({ page, background }) => {
  const outline = () => page.evaluate(() => getComputedStyle(document.activeElement as Element).outlineStyle);
  // From the control before the section, the servers' Add button, everything else by key.
  await page.getByRole('button', { name: 'Add server' }).focus();
  await page.keyboard.press('Tab');
  await expect(section(page).getByRole('link', { name: /How to create a personal API token/ })).toBeFocused();
  expect(await outline()).toBe('solid');
  await page.keyboard.press('Tab');
  await expect(field(page)).toBeFocused();
  expect(await outline()).toBe('solid');
  await page.keyboard.type('too-short');
  await page.keyboard.press('Enter');
  await expect(field(page)).toHaveAccessibleDescription(/This is not a CircleCI API token/);
  await page.keyboard.press('Control+A');
  await page.keyboard.type(TOKEN);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Token saved on this device');
  expect(await storedLocal(background)).toEqual({ apiToken: { token: TOKEN, savedAt: expect.any(Number) } });

  // The status comes as the token is stored; the button, once the section has read it back.
  const forget = section(page).getByRole('button', { name: 'Forget token' });
  await expect(forget).toBeVisible();
  await page.keyboard.press('Shift+Tab');
  await expect(forget).toBeFocused();
  expect(await outline()).toBe('solid');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status')).toHaveText('Token forgotten');
  await expect(field(page)).toBeFocused();
  expect(await storedLocal(background)).toEqual({});
});

for (const colorScheme of ['light', 'dark'] as const) {
  test(`the token section has no accessibility violations (${colorScheme})`, async ({ page }) => {
    await page.emulateMedia({ colorScheme });
    const axe = () => new AxeBuilder({ page }).include('section[aria-labelledby="api-token-heading"]').analyze();
    expect((await axe()).violations).toEqual([]);

    // With the error showing, then with a token saved.
    await section(page).getByRole('button', { name: 'Save token' }).click();
    await expect(field(page)).toHaveAttribute('aria-invalid', 'true');
    expect((await axe()).violations).toEqual([]);
    await field(page).fill(TOKEN);
    await section(page).getByRole('button', { name: 'Save token' }).click();
    await expect(section(page).getByRole('button', { name: 'Forget token' })).toBeVisible();
    expect((await axe()).violations).toEqual([]);
  });
}

test('the saved token fills the job SSH panel with every container; forgotten, the panel asks no more', async ({
  context,
  page,
}) => {
  const api = await serveFakeApi(context, { token: TOKEN });
  try {
    await field(page).fill(TOKEN);
    await section(page).getByRole('button', { name: 'Save token' }).click();
    await expect(page.getByRole('status')).toHaveText('Token saved on this device');

    const job = await context.newPage();
    await job.goto(parallel8Url(0));
    const panel = job.getByRole('region', { name: 'SSH access to job 116' });
    await expect(panel.getByText('8 of 8 containers known')).toBeVisible();
    const sentToken = api.requests.filter((request) => request.headers['circle-token'] === TOKEN);
    expect(sentToken.length).toBeGreaterThan(0);
    expect(sentToken.every((request) => request.url.startsWith('https://circleci.com/api/'))).toBe(true);

    await section(page).getByRole('button', { name: 'Forget token' }).click();
    // The session route asks too (without a token, which this fake refuses): only the token's requests count.
    const withToken = () => api.requests.filter((request) => request.headers['circle-token'] !== undefined).length;
    const asked = withToken();
    await job.goto(parallel8Url(1));
    // Runs 0 (seen before, remembered this session) and 1 (on screen), and no more requests.
    await expect(panel.getByText('2 of 8 containers known')).toBeVisible();
    expect(withToken()).toBe(asked);
    await job.close();
  } finally {
    await api.stop();
  }
});
