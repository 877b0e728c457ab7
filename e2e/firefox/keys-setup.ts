// The Firefox key specs' shared parts: the options page in the user's terms, the job page's copies,
// and the accounts they set up (keys.spec.ts says what the specs cover, and why in Firefox).

import { expect, test } from '@playwright/test';
import type { ElementHandle, Page } from 'puppeteer-core';
import { profile, WORK_FINGERPRINT } from '../accounts';
import { firefoxMissing } from './firefox';
import { countText, step } from './job-page';
import { clickButton, copy, fieldValue, fill, find, selectOption } from './queries';

// Job 101 is github/acme/api; its Enable SSH lists this key (and one more) under "Authorized keys:".
export const KEYGEN_OUTPUT = `256 ${WORK_FINGERPRINT} me@laptop (ED25519)`;
export const TARGET = '-p 42915 -- 18.207.148.116';
export const CONTAINER_0 = 'Copy SSH command for container 0';
export const SAVED = 'Saved';
export const TOO_LARGE =
  "Your settings no longer fit in the browser's sync storage (8 KB). Remove some rules or profiles, then save again.";

/** As e2e/keys.spec.ts: Personal (the default) and Work, no fingerprints, no rules. */
export const twoProfiles = {
  schemaVersion: 2,
  profiles: [profile('personal', 'Personal', '~/.ssh/id_personal'), profile('work', 'Work', '~/.ssh/id_work')],
  defaultProfileId: 'personal',
};

// ---- The options page, in the user's terms ---------------------------------------------------------

/** The text of the first element with this role: status and alert regions take no name from their content. */
export async function textOf(page: Page, role: 'status' | 'alert'): Promise<string> {
  const region = await page.waitForSelector(`::-p-aria([role="${role}"])`);
  return (region as ElementHandle).evaluate((element) => element.textContent ?? '');
}

/** The options page's one status line (a job page has one per copy button: not for those). */
export function statusText(page: Page): Promise<string> {
  return textOf(page, 'status');
}

export async function addProfile(options: Page, name: string, keyPath: string, fingerprint = ''): Promise<void> {
  const form = await find(options, 'Add a profile', 'form');
  await fill(form, 'Name', name);
  await fill(form, 'Private key path', keyPath);
  await fill(form, 'Fingerprint (optional)', fingerprint);
  await clickButton(form, 'Add profile');
  await find(options, name, 'group');
  await expect.poll(async () => fieldValue(await find(form, 'Name', 'textbox'))).toBe('');
}

export async function addRule(options: Page, pattern: string, profileName: string): Promise<void> {
  const form = await find(options, 'Add a rule', 'form');
  await fill(form, 'Organisation or project', pattern);
  await selectOption(form, 'Key', profileName);
  await clickButton(form, 'Add rule');
  await expect.poll(async () => fieldValue(await find(form, 'Organisation or project', 'textbox'))).toBe('');
}

/** The stored prefs, read in the options page itself. */
export function storedIn(options: Page): Promise<unknown> {
  return options.evaluate(async () => (await chrome.storage.sync.get('prefs')).prefs);
}

/** The options page's example command. */
export function example(options: Page): Promise<string | undefined> {
  return options.$eval('pre.example', (element) => element.textContent ?? undefined);
}

// ---- The job page --------------------------------------------------------------------------------

/** Brings the job tab to the front and copies Wait for SSH's command of container 0. */
export async function copyFromWaitForSsh(page: Page): Promise<void> {
  await page.bringToFront();
  await copy(page, CONTAINER_0, await step(page, 'Wait for SSH'));
}

/** How often Wait for SSH shows exactly this text (the key control's reason, a command). */
export async function inWaitForSsh(page: Page, text: string): Promise<number> {
  return countText(await step(page, 'Wait for SSH'), text);
}

/** Clicks a checkbox or radio button (by exact name) into the wanted state, as a user would. */
export async function clickCheck(page: Page, name: string, role: 'checkbox' | 'radio' = 'checkbox', checked = true) {
  const input = await find(page, name, role);
  if ((await input.evaluate((element) => (element as HTMLInputElement).checked)) !== checked) await input.click();
  await expect.poll(() => input.evaluate((element) => (element as HTMLInputElement).checked)).toBe(checked);
  await input.dispose();
}

/**
 * Without Firefox the suite is skipped where a developer runs it, and fails in CI: call at the top of
 * a spec that launches its own Firefox, and throw what it returns in beforeAll.
 */
export function skipWithoutFirefox(): string | undefined {
  const missing = firefoxMissing();
  if (missing && !process.env.CI) console.warn(`Skipping the Firefox key tests. ${missing}`);
  test.skip(missing !== undefined && !process.env.CI, missing);
  return missing;
}
