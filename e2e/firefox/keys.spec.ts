// Keys per project, in Firefox ESR through the Firefox build (a test copy of dist/firefox, see
// extension-copy.ts): the options page (profiles, rules, command toggles, the storage limit), the job page's
// "Key for this project" control, the keyboard shortcut's copy, and a CircleCI server. The Chromium
// specs that define this behaviour are e2e/options.spec.ts, e2e/keys.spec.ts and e2e/servers.spec.ts.
//
// Import and export run here too: the export's download is saved to a folder by WebDriver BiDi's
// browser.setDownloadBehavior (Firefox.newDownloadingPage), the import's file is set with BiDi's
// input.setFiles (puppeteer's uploadFile). The other bad-file cases of e2e/options.spec.ts are left to
// Chromium: they exercise the same shared code (settings-file.ts), not the browser.
//
// One browser for the file, reset between tests (fresh tab, empty storage and clipboard); the server
// journey needs a test copy with another manifest, so it has a browser of its own.

import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { ElementHandle, Page } from 'puppeteer-core';
import { profile, threeAccounts, WORK_FINGERPRINT } from '../accounts';
import { jobUrl } from '../site/jobs.js';
import type { ExtensionApi } from './extension-copy';
import { Firefox, firefoxMissing } from './firefox';
import { countText, openPage, pause, step, toggleStep } from './job-page';
import {
  aria,
  clickButton,
  copy,
  count,
  fieldValue,
  fill,
  find,
  isChecked,
  jobLog,
  labelled,
  OUR_BUTTONS,
  readClipboard,
  selectOption,
} from './queries';

// Job 101 is github/acme/api; its Enable SSH lists this key (and one more) under "Authorized keys:".
const KEYGEN_OUTPUT = `256 ${WORK_FINGERPRINT} me@laptop (ED25519)`;
const TARGET = '-p 42915 -- 18.207.148.116';
const CONTAINER_0 = 'Copy SSH command for container 0';
const SAVED = 'Saved';
const TOO_LARGE =
  "Your settings no longer fit in the browser's sync storage (8 KB). Remove some rules or profiles, then save again.";

/** As e2e/keys.spec.ts: Personal (the default) and Work, no fingerprints, no rules. */
const twoProfiles = {
  schemaVersion: 2,
  profiles: [profile('personal', 'Personal', '~/.ssh/id_personal'), profile('work', 'Work', '~/.ssh/id_work')],
  defaultProfileId: 'personal',
};

// Without Firefox the suite is skipped where a developer runs it, and fails in CI.
const missing = firefoxMissing();
if (missing && !process.env.CI) console.warn(`Skipping the Firefox key tests. ${missing}`);
test.skip(missing !== undefined && !process.env.CI, missing);

// ---- The options page, in the user's terms ---------------------------------------------------------

/** The text of the first element with this role: status and alert regions take no name from their content. */
async function textOf(page: Page, role: 'status' | 'alert'): Promise<string> {
  const region = await page.waitForSelector(`::-p-aria([role="${role}"])`);
  return (region as ElementHandle).evaluate((element) => element.textContent ?? '');
}

/** The options page's one status line (a job page has one per copy button: not for those). */
function statusText(page: Page): Promise<string> {
  return textOf(page, 'status');
}

async function addProfile(options: Page, name: string, keyPath: string, fingerprint = ''): Promise<void> {
  const form = await find(options, 'Add a profile', 'form');
  await fill(form, 'Name', name);
  await fill(form, 'Private key path', keyPath);
  await fill(form, 'Fingerprint (optional)', fingerprint);
  await clickButton(form, 'Add profile');
  await find(options, name, 'group');
  await expect.poll(async () => fieldValue(await find(form, 'Name', 'textbox'))).toBe('');
}

async function addRule(options: Page, pattern: string, profileName: string): Promise<void> {
  const form = await find(options, 'Add a rule', 'form');
  await fill(form, 'Organisation or project', pattern);
  await selectOption(form, 'Key', profileName);
  await clickButton(form, 'Add rule');
  await expect.poll(async () => fieldValue(await find(form, 'Organisation or project', 'textbox'))).toBe('');
}

/** The stored prefs, read in the options page itself. */
function storedIn(options: Page): Promise<unknown> {
  return options.evaluate(async () => (await chrome.storage.sync.get('prefs')).prefs);
}

/** The options page's example command. */
function example(options: Page): Promise<string | undefined> {
  return options.$eval('pre.example', (element) => element.textContent ?? undefined);
}

// ---- The job page --------------------------------------------------------------------------------

/** Brings the job tab to the front and copies Wait for SSH's command of container 0. */
async function copyFromWaitForSsh(page: Page): Promise<void> {
  await page.bringToFront();
  await copy(page, CONTAINER_0, await step(page, 'Wait for SSH'));
}

/** How often Wait for SSH shows exactly this text (the key control's reason, a command). */
async function inWaitForSsh(page: Page, text: string): Promise<number> {
  return countText(await step(page, 'Wait for SSH'), text);
}

// ---- One browser for the options page and job page tests -----------------------------------------

test.describe('keys per project', () => {
  let firefox: Firefox;
  let page: Page;

  test.beforeAll(async () => {
    if (missing) throw new Error(`${missing} CI is set, so the Firefox tests fail instead of being skipped.`);
    firefox = await Firefox.launch();
  });

  test.afterAll(async () => {
    await firefox?.close();
  });

  test.beforeEach(async () => {
    page = await firefox.reset();
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
    await keyPath.type('y'.repeat(400));
    await keyPath.press('Enter');
    await expect.poll(() => statusText(page)).toBe(TOO_LARGE);
    expect(await fieldValue(keyPath)).toBe(`~/.ssh/${'k'.repeat(380)}0${'y'.repeat(400)}`);
    expect(await storedIn(page)).toEqual(before);
  });
});

/** Clicks a checkbox or radio button (by exact name) into the wanted state, as a user would. */
async function clickCheck(page: Page, name: string, role: 'checkbox' | 'radio' = 'checkbox', checked = true) {
  const input = await find(page, name, role);
  if ((await input.evaluate((element) => (element as HTMLInputElement).checked)) !== checked) await input.click();
  await expect.poll(() => input.evaluate((element) => (element as HTMLInputElement).checked)).toBe(checked);
  await input.dispose();
}

// ---- A CircleCI server: its own browser, with a test copy that grants the server's host ----------

test.describe('a CircleCI server', () => {
  const SERVER = 'app.ci.example.com';
  const serverJobUrl = jobUrl(115).replace('app.circleci.com', SERVER);
  const COMMAND = 'ssh -- 057f0065-7e6d-4912-921b-50917ff046a3-0@ssh.ci.example.com';
  /** Long enough for the content script to have drawn, had it run: it draws ~150 ms after the page is ready. */
  const NOTHING_MS = 1000;
  let firefox: Firefox;

  test.beforeAll(async () => {
    if (missing) throw new Error(`${missing} CI is set, so the Firefox tests fail instead of being skipped.`);
    firefox = await Firefox.launch({ serverHosts: [SERVER] });
  });

  test.afterAll(async () => {
    await firefox?.close();
  });

  /** Evaluated in an extension page: what the extension holds for the server's host. */
  const serverState = (options: Page) =>
    options.evaluate(async (origin) => {
      const { permissions, scripting } = (globalThis as unknown as ExtensionApi).browser;
      return {
        granted: await permissions.contains({ origins: [origin] }),
        scripts: (await scripting.getRegisteredContentScripts()).map(({ id, matches }) => ({ id, matches })),
      };
    }, `https://${SERVER}/*`);

  test('added in the options page, the server gets copy buttons for its own proxy, until removed', async () => {
    const job = await firefox.reset();
    await openPage(job, serverJobUrl);
    await step(job, 'Wait for SSH');
    await pause(NOTHING_MS);
    expect(await count(job, 'circleci-ssh-copy')).toBe(0); // not our page yet

    const options = await firefox.newPage();
    await firefox.openOptions(options);
    // The test copy's manifest granted the host at install: that is what lets the request below
    // resolve without a prompt. Nothing is registered until the server is added.
    expect(await serverState(options)).toEqual({ granted: true, scripts: [] });
    const form = await find(options, 'Add a server', 'form');
    await fill(form, 'App host', SERVER);
    await fill(form, 'SSH proxy host (optional)', 'ssh.ci.example.com');
    await clickButton(form, 'Add server');
    await find(options, `Remove ${SERVER}`, 'button');
    const registered = [{ id: `server:https://${SERVER}/*`, matches: [`https://${SERVER}/*`] }];
    await expect.poll(async () => (await serverState(options)).scripts, { timeout: 3000 }).toEqual(registered);

    await job.bringToFront();
    await openPage(job, serverJobUrl); // a reload: the content script is registered for new loads
    await copy(job, CONTAINER_0, await step(job, 'Wait for SSH'));
    await expect.poll(() => readClipboard(job)).toBe(COMMAND);

    // The same output on CircleCI cloud: not cloud's proxy, so nothing to copy.
    const cloud = await firefox.newPage();
    await openPage(cloud, jobUrl(115));
    const line = 'This line looks like an ssh command but was not recognised, so there is nothing to copy.';
    await expect.poll(() => inWaitForSsh(cloud, line)).toBe(1);
    expect(await count(cloud, OUR_BUTTONS)).toBe(0);
    await cloud.close();

    await options.bringToFront();
    await clickButton(options, `Remove ${SERVER}`);
    await expect.poll(() => countText(options, 'No servers added.')).toBe(1);
    // The access is given back too: Firefox lets an MV3 extension remove even a host its manifest
    // lists in host_permissions (there the user may revoke those), so the test copy's grant is gone.
    await expect.poll(() => serverState(options)).toEqual({ granted: false, scripts: [] });
    await job.bringToFront();
    await openPage(job, serverJobUrl);
    await step(job, 'Wait for SSH');
    await pause(NOTHING_MS);
    expect(await count(job, 'circleci-ssh-copy')).toBe(0);
  });
});
