// Settings files and the storage limit in Firefox ESR: export to a file (WebDriver BiDi's
// browser.setDownloadBehavior, Firefox.newDownloadingPage) and import back (BiDi's input.setFiles),
// a bad file that changes nothing, settings too large for sync storage. The other bad-file cases of
// e2e/options-settings.spec.ts are left to Chromium: they exercise the same shared code.

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { profile, threeAccounts } from '../accounts';
import { type Firefox, test, useFirefox } from './firefox';
import { countText } from './job-page';
import { statusText, storedIn, TOO_LARGE, textOf } from './keys-setup';
import { aria, clickButton, count, fieldValue, fill, find, labelled, paste } from './queries';

// ---- One browser for the options page and job page tests -----------------------------------------

test.describe('keys per project', () => {
  let firefox: Firefox;
  let page: Page;
  useFirefox('the Firefox key tests', (browser, tab) => {
    firefox = browser;
    page = tab;
  });

  test('exports all settings to a file and imports them back; a bad file changes nothing', async () => {
    await firefox.setPrefs(page, { ...threeAccounts, shell: 'fish', options: { verbose: true } });
    const before = await firefox.stored();
    const downloads = mkdtempSync(join(tmpdir(), 'circleci-ssh-copy-downloads-'));
    const options = await firefox.newDownloadingPage(downloads);
    try {
      await firefox.openOptions(options);
      await clickButton(options, 'Export settings');
      const file = join(downloads, 'ssh-copy-for-circleci-settings.json');
      await expect.poll(() => existsSync(file)).toBe(true); // Firefox writes a .part file, then renames it
      const { schemaVersion: _version, ...prefs } = threeAccounts;
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
        format: 'ssh-copy-for-circleci',
        schemaVersion: 2,
        prefs: {
          ...prefs,
          shell: 'fish',
          options: { identitiesOnly: true, verbose: true, keepAlive: false, hostKeys: 'ask', systemSsh: false },
          servers: [],
          sessionRoute: true,
          alerts: { notifications: false, warnConnect: true, warnSlot: true, badge: true },
        },
      });

      await options.evaluate(() => chrome.storage.sync.clear());
      await expect.poll(() => countText(options, 'No key profiles yet.')).toBe(1);
      const input = await labelled(options, 'Import settings from a file');
      await input.uploadFile(file);
      await expect.poll(() => statusText(options)).toBe('Settings imported and saved');
      await find(options, 'Personal', 'group');
      expect(await firefox.stored()).toEqual(before);

      const bad = join(downloads, 'settings.json');
      writeFileSync(bad, '{"profiles": [');
      await input.uploadFile(bad);
      await expect.poll(() => textOf(options, 'alert')).toBe('Not imported: this file is not valid JSON.');
      expect(await input.evaluate((element) => element.getAttribute('aria-invalid'))).toBe('true');
      expect(await firefox.stored()).toEqual(before);
    } finally {
      await options.browserContext().close();
      rmSync(downloads, { recursive: true, force: true });
    }
  });

  test('settings too large for sync storage: the options page says so, and nothing changes', async () => {
    // 18 profiles with long paths come close to storage.sync's 8 KB per item; one more does not fit.
    const profiles = Array.from({ length: 18 }, (_, i) =>
      profile(`p${i}`, `Profile ${i}`, `~/.ssh/${'k'.repeat(380)}${i}`),
    );
    await firefox.setPrefs(page, { schemaVersion: 2, profiles });
    await firefox.openOptions(page);
    const before = await storedIn(page);
    await find(page, 'Profile 17', 'group');

    const form = await find(page, 'Add a profile', 'form');
    // About 360 bytes are left: a profile with a 400-character path does not fit.
    const longPath = `~/.ssh/${'x'.repeat(400)}`;
    await fill(form, 'Name', 'One too many');
    await fill(form, 'Private key path', longPath);
    await clickButton(form, 'Add profile');
    await expect.poll(() => statusText(page)).toBe(TOO_LARGE);
    expect(await count(page, aria('One too many', 'group'))).toBe(0);
    expect(await fieldValue(await find(form, 'Private key path', 'textbox'))).toBe(longPath);
    expect(await storedIn(page)).toEqual(before);

    // Lengthening a listed profile's path is refused the same way; the field keeps what was typed.
    await firefox.openOptions(page); // afresh, so the status starts empty (see navigateItselfTo for why not reload())
    const profile0 = await find(page, 'Profile 0', 'group');
    expect(await statusText(page)).toBe('');
    const keyPath = await find(profile0, 'Private key path', 'textbox');
    await keyPath.click();
    await keyPath.press('End');
    await paste(keyPath, 'y'.repeat(400));
    await keyPath.press('Enter');
    await expect.poll(() => statusText(page)).toBe(TOO_LARGE);
    expect(await fieldValue(keyPath)).toBe(`~/.ssh/${'k'.repeat(380)}0${'y'.repeat(400)}`);
    expect(await storedIn(page)).toEqual(before);
  });
});
