// Keys per project, in Firefox ESR through the Firefox build (a test copy of dist/firefox, see
// extension-copy.ts): the options page (profiles, rules, command toggles, the storage limit), the job page's
// "Key for this project" control, the keyboard shortcut's copy, and a CircleCI server. The Chromium
// specs that define this behaviour are e2e/options.spec.ts, e2e/keys.spec.ts and e2e/servers.spec.ts.
//
// Import, export and the storage limit: keys-settings.spec.ts; a CircleCI server: keys-server.spec.ts.
//
// One browser for the file, reset between tests (fresh tab, empty storage and clipboard).

import { expect } from '@playwright/test';
import type { ElementHandle, Page } from 'puppeteer-core';
import { threeAccounts, WORK_FINGERPRINT } from '../accounts';
import { jobUrl } from '../site/jobs.js';
import type { ExtensionApi } from './extension-copy';
import { type Firefox, test, useFirefox } from './firefox';
import { countText, openPage, step, toggleStep } from './job-page';
import {
  addProfile,
  addRule,
  clickCheck,
  copyFromWaitForSsh,
  example,
  inWaitForSsh,
  KEYGEN_OUTPUT,
  SAVED,
  statusText,
  storedIn,
  TARGET,
  twoProfiles,
} from './keys-setup';
import { count, fieldValue, fill, find, isChecked, jobLog, OUR_BUTTONS, readClipboard, selectOption } from './queries';

// ---- One browser for the options page and job page tests -----------------------------------------

test.describe('keys per project', () => {
  let firefox: Firefox;
  let page: Page;
  useFirefox('the Firefox key tests', (browser, tab) => {
    firefox = browser;
    page = tab;
  });

  test('profiles and a rule set up in the options page: the fingerprint wins, else the rule', async () => {
    const options = await firefox.newPage();
    await firefox.openOptions(options);
    expect(await countText(options, 'No key profiles yet.')).toBe(1);
    await addProfile(options, 'Work', '~/.ssh/id_work', KEYGEN_OUTPUT);
    await addProfile(options, 'Personal', '~/.ssh/id_personal');
    await addProfile(options, 'Client', '~/.ssh/id_client');
    await selectOption(options, 'Default key', 'Personal');
    await expect.poll(() => statusText(options)).toBe(SAVED);
    // The pasted ssh-keygen line became the fingerprint alone.
    const work = await find(options, 'Work', 'group');
    expect(await fieldValue(await find(work, 'Fingerprint (optional)', 'textbox'))).toBe(WORK_FINGERPRINT);
    await addRule(options, 'gh/Acme/*', 'Client');
    await find(options, 'github/acme/*', 'rowheader');

    const id = expect.stringMatching(/^[0-9a-f]{12}$/);
    await expect
      .poll(() => storedIn(options))
      .toEqual({
        schemaVersion: 2,
        profiles: [
          { id, name: 'Work', keyPath: '~/.ssh/id_work', fingerprint: WORK_FINGERPRINT },
          { id, name: 'Personal', keyPath: '~/.ssh/id_personal' },
          { id, name: 'Client', keyPath: '~/.ssh/id_client' },
        ],
        defaultProfileId: id,
        rules: [{ pattern: 'github/acme', profileId: id }],
      });
    const prefs = (await storedIn(options)) as typeof threeAccounts;
    const [workId, personalId, clientId] = prefs.profiles.map((each) => each.id);
    expect(new Set([workId, personalId, clientId]).size).toBe(3);
    expect(prefs.defaultProfileId).toBe(personalId);
    expect(prefs.rules).toEqual([{ pattern: 'github/acme', profileId: clientId }]);

    // Enable SSH, which lists the authorized keys, starts collapsed: only the rule is known.
    await page.bringToFront();
    await openPage(page, jobUrl(101));
    await expect.poll(() => inWaitForSsh(page, 'Using Client: rule github/acme/*.')).toBe(1);
    await copyFromWaitForSsh(page);
    await expect.poll(() => readClipboard(page)).toBe(`ssh -i ~/.ssh/id_client -o IdentitiesOnly=yes ${TARGET}`);

    // Once CircleCI's list of authorized keys is on the page, Work's fingerprint wins over the rule.
    await toggleStep(page, 'Enable SSH');
    await expect.poll(() => inWaitForSsh(page, 'Using Work: its key is one CircleCI authorized for this job.')).toBe(1);
    await copyFromWaitForSsh(page);
    await expect
      .poll(() => readClipboard(page))
      .toBe('ssh -i ~/.ssh/id_work -o IdentitiesOnly=yes -p 42915 -- 18.207.148.116');

    // Without Work's fingerprint, the rule decides again, on the open job page too.
    await options.bringToFront();
    const fingerprint = await fill(await find(options, 'Work', 'group'), 'Fingerprint (optional)', '');
    await fingerprint.press('Enter');
    await expect.poll(() => inWaitForSsh(page, 'Using Client: rule github/acme/*.')).toBe(1);
    await copyFromWaitForSsh(page);
    await expect.poll(() => readClipboard(page)).toBe(`ssh -i ~/.ssh/id_client -o IdentitiesOnly=yes ${TARGET}`);
    expect((await storedIn(options)) as typeof threeAccounts).toMatchObject({
      profiles: [{ name: 'Work', keyPath: '~/.ssh/id_work' }, { name: 'Personal' }, { name: 'Client' }],
    });
    expect(((await storedIn(options)) as typeof threeAccounts).profiles[0]).not.toHaveProperty('fingerprint');
    await options.close();
  });

  test('"Key for this project" on the job page sets the project\'s rule in one step, and the copy follows', async () => {
    await firefox.setPrefs(page, twoProfiles);
    await openPage(page, jobUrl(101));
    const waitForSsh = await step(page, 'Wait for SSH');
    const picker = await find(waitForSsh, 'Key for this project', 'combobox');
    expect(await fieldValue(picker)).toBe('');
    await expect.poll(() => inWaitForSsh(page, 'Using Personal: your default key.')).toBe(1);

    await selectOption(waitForSsh, 'Key for this project', 'Work');
    await expect.poll(() => inWaitForSsh(page, 'Using Work: rule github/acme/api.')).toBe(1);
    await expect
      .poll(async () => ((await firefox.stored()).prefs as { rules?: unknown }).rules)
      .toEqual([{ pattern: 'github/acme/api', profileId: 'work' }]);
    await copyFromWaitForSsh(page);
    await expect.poll(() => readClipboard(page)).toBe(`ssh -i ~/.ssh/id_work -o IdentitiesOnly=yes ${TARGET}`);

    await selectOption(await step(page, 'Wait for SSH'), 'Key for this project', 'No rule for this project');
    await expect.poll(() => inWaitForSsh(page, 'Using Personal: your default key.')).toBe(1);
    expect(((await firefox.stored()).prefs as { rules?: unknown }).rules).toBeUndefined();
    await copyFromWaitForSsh(page);
    await expect.poll(() => readClipboard(page)).toBe(`ssh -i ~/.ssh/id_personal -o IdentitiesOnly=yes ${TARGET}`);
  });

  test('command toggles in the options page change the example and the copied command', async () => {
    await firefox.setPrefs(page, threeAccounts);
    await firefox.openOptions(page);
    expect(await example(page)).toBe(`ssh -i ~/.ssh/id_ed25519 -o IdentitiesOnly=yes ${TARGET}`);
    expect(await isChecked(page, 'Offer only the chosen key -o IdentitiesOnly=yes')).toBe(true);
    expect(await isChecked(page, 'Ask, as ssh normally does', 'radio')).toBe(true);

    await clickCheck(page, 'Verbose output, to see which keys ssh offers -v');
    await expect.poll(() => example(page)).toBe(`ssh -v -i ~/.ssh/id_ed25519 -o IdentitiesOnly=yes ${TARGET}`);
    await expect.poll(() => statusText(page)).toBe(SAVED);
    await clickCheck(page, 'Keep idle sessions alive -o ServerAliveInterval=30');
    await clickCheck(
      page,
      'Accept new host keys and keep them apart per job and container StrictHostKeyChecking=accept-new + HostKeyAlias',
      'radio',
    );
    await clickCheck(page, 'Call /usr/bin/ssh (for terminals whose ssh wrapper breaks sessions)');
    const all =
      '/usr/bin/ssh -v -i ~/.ssh/id_ed25519 -o IdentitiesOnly=yes -o ServerAliveInterval=30 -o StrictHostKeyChecking=accept-new -o HostKeyAlias=circleci-github-acme-api-101-0';
    await expect.poll(() => example(page)).toBe(`${all} ${TARGET}`);
    await expect
      .poll(async () => ((await storedIn(page)) as { options?: unknown }).options)
      .toEqual({ verbose: true, keepAlive: true, hostKeys: 'accept-new', systemSsh: true });

    // Job 101's project has Client's rule (github/acme); with Enable SSH collapsed, no fingerprint is known.
    await openPage(page, jobUrl(101));
    await copyFromWaitForSsh(page);
    await expect.poll(() => readClipboard(page)).toBe(`${all.replace('id_ed25519', 'id_client')} ${TARGET}`);

    await firefox.openOptions(page);
    await clickCheck(page, 'Offer only the chosen key -o IdentitiesOnly=yes', 'checkbox', false);
    await expect.poll(() => example(page)).not.toContain('IdentitiesOnly');
    await expect
      .poll(async () => ((await storedIn(page)) as { options?: unknown }).options)
      .toMatchObject({ identitiesOnly: false });
    await openPage(page, jobUrl(101));
    await copyFromWaitForSsh(page);
    await expect
      .poll(() => readClipboard(page))
      .toBe(`${all.replace('id_ed25519 -o IdentitiesOnly=yes', 'id_client')} ${TARGET}`);
  });

  test('the keyboard shortcut: its command is declared, and the copy it asks for copies the first command', async () => {
    await firefox.setPrefs(page, twoProfiles);
    await openPage(page, jobUrl(103));
    await expect.poll(() => count(page, OUR_BUTTONS)).toBeGreaterThan(0);

    // The browser's own shortcut cannot be pressed from a test (as in Chromium). What the background
    // does on it (its wiring is unit-tested), done from the options page, which has the same APIs:
    // ask the job tab's content script to copy. The extension has no "tabs" permission, so the job tab
    // is found by id: the one tab of this window that is not the options page itself.
    const options = await firefox.newPage();
    await firefox.openOptions(options);
    const commands = await options.evaluate(() => (globalThis as unknown as ExtensionApi).browser.commands.getAll());
    expect(commands).toContainEqual(expect.objectContaining({ name: 'copy-ssh-command', shortcut: 'Alt+Shift+S' }));

    await page.bringToFront(); // the shortcut acts on the tab on screen
    const copied = await options.evaluate(async () => {
      const { tabs } = (globalThis as unknown as ExtensionApi).browser;
      const self = await tabs.getCurrent();
      const others = (await tabs.query({ currentWindow: true })).filter((tab) => tab.id !== self?.id);
      const [active] = await tabs.query({ active: true, currentWindow: true });
      if (others.length !== 1 || others[0]?.id !== active?.id || active?.id === undefined) {
        throw new Error(
          `Expected the job tab alone besides this one, and active: ${JSON.stringify({ others, active })}`,
        );
      }
      return tabs.sendMessage(active.id, { type: 'copy-command' });
    });
    expect(copied).toBe(true);
    // Enable SSH is collapsed, so the first command on screen is Wait for SSH's (which prints -t).
    // The first in the log: the SSH panel above it repeats the buttons.
    const first = (await (await jobLog(page)).$(OUR_BUTTONS)) as ElementHandle;
    await expect.poll(() => first.evaluate((button) => button.textContent)).toBe('Copied');
    expect(await first.evaluate((button) => button.getAttribute('aria-label'))).toBe(
      'Copy SSH command for container 0 (bash.exe)',
    );
    await expect
      .poll(() => readClipboard(page))
      .toBe('ssh -i ~/.ssh/id_personal -o IdentitiesOnly=yes -t -p 54782 35.226.214.52 -- bash.exe');
    await options.close();
  });
});
