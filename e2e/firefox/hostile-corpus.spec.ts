// The hostile corpus (e2e/site/hostile.js) in Firefox ESR, through the Firefox build, reading the real
// clipboard: the same cases and checks as e2e/hostile-corpus.spec.ts (Chromium). One browser for the
// file; one test per class and UI, naming every case that failed.

import { expect } from '@playwright/test';
import type { ElementHandle, Page } from 'puppeteer-core';
import { caseGroups, caseUrl, describeCase, expandSshStepsInPage, HOSTILE, type HostileCase } from '../hostile-corpus';
import { test, useFirefox } from './firefox';
import { openPage, pause } from './job-page';
import { clearClipboard, count, OUR_BUTTONS, readClipboard } from './queries';

const CASE_TIMEOUT = 3000;

let page: Page;

useFirefox('the Firefox hostile corpus', (_, tab) => {
  page = tab;
});

/** Polls `read` every 50 ms until `done` says so, or throws after CASE_TIMEOUT with `what`. */
async function until<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  const end = Date.now() + CASE_TIMEOUT;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > end) throw new Error(`${what}: still ${JSON.stringify(value)} after ${CASE_TIMEOUT} ms`);
    await pause(50);
  }
}

/** Opens the case's page: in-app navigation between new-UI jobs (no reload), else a page load. */
async function open(c: HostileCase): Promise<void> {
  const url = caseUrl(c);
  const onApp = await page.evaluate(
    () => location.host === 'app.circleci.com' && (window as { __fixture?: object }).__fixture !== undefined,
  );
  if (c.ui === 'app' && onApp) {
    await page.evaluate(
      (path) => (window as { __fixture?: { navigate(path: string): void } }).__fixture?.navigate(path),
      new URL(url).pathname,
    );
  } else {
    await openPage(page, url);
  }
}

/** The job's log: the new UI's steps, or the legacy UI's container view (without the SSH panel). */
async function jobLog(): Promise<ElementHandle> {
  const log = await page.waitForSelector('[data-fixture="steps"], .container-view');
  if (!log) throw new Error('No job log on the page');
  return log as ElementHandle;
}

async function check(c: HostileCase): Promise<void> {
  await open(c);
  if (c.rerun !== false && (await page.evaluate(expandSshStepsInPage)) > 0) await pause(50);
  const log = await jobLog();
  if (c.expected === null) {
    // Not vacuous: the extension has drawn in this log (a warning, a note, or, wrongly, a button).
    await until(
      'our UI in the log',
      () => count(log, 'circleci-ssh-copy'),
      (n) => n > 0,
    );
    await pause(100);
    const buttons = await count(log, OUR_BUTTONS);
    if (buttons !== 0) throw new Error(`${buttons} copy buttons, expected none`);
    return;
  }
  const minButtons = c.minButtons ?? 2;
  await until(
    `at least ${minButtons} copy buttons`,
    () => count(log, OUR_BUTTONS),
    (n) => n >= minButtons,
  );
  let buttons = await log.$$(OUR_BUTTONS);
  try {
    for (let i = 0; i < buttons.length; i++) {
      await clearClipboard(page);
      const what = `copy button ${i + 1} of ${buttons.length}`;
      try {
        await buttons[i]?.click();
      } catch {
        // A redraw replaced the button since it was found: find them again, once.
        await Promise.all(buttons.map((handle) => handle.dispose()));
        buttons = await log.$$(OUR_BUTTONS);
        await buttons[i]?.click();
      }
      const copied = await until(`clipboard after ${what}`, () => readClipboard(page), Boolean);
      if (copied !== c.expected) throw new Error(`${what} copied ${JSON.stringify(copied)}`);
    }
  } finally {
    await Promise.all(buttons.map((handle) => handle.dispose()));
  }
}

// Left out here, to keep this file under two minutes: the cases of the classes whose lines are plain
// ASCII words (options after the host, IPv4 spellings, ports, Windows tails, proxy hosts), where nothing
// depends on the browser: the same grammar (ssh-target.ts) reads the same characters in both, and the
// Chromium spec runs them all. Every case whose page holds a non-ASCII or control character runs here,
// as does every case of the classes about step names, shell lines, escapes and the legacy UI.
const ASCII_GRAMMAR_CLASSES = new Set(['after-host', 'ipv4', 'port', 'windows', 'proxy']);
const inFirefox = (c: HostileCase) =>
  !ASCII_GRAMMAR_CLASSES.has(c.class) || /[^\x20-\x7e]/.test([...(c.real ?? []), ...(c.lines ?? [])].join(''));
const cases = HOSTILE.filter(inFirefox);

// The few cases left of the ASCII grammar classes run in one test: each test opens a fresh tab and popup first.
const groups = new Map<string, HostileCase[]>();
for (const [group, groupCases] of caseGroups(cases)) {
  const key = ASCII_GRAMMAR_CLASSES.has(groupCases[0]?.class ?? '') ? 'app grammar, non-ASCII cases' : group;
  groups.set(key, [...(groups.get(key) ?? []), ...groupCases]);
}

for (const [group, groupCases] of groups) {
  test(`${group}: ${groupCases.length} cases`, async () => {
    test.setTimeout(30_000 + groupCases.length * 2_000);
    const failures: string[] = [];
    for (const c of groupCases) {
      try {
        await check(c);
      } catch (error) {
        failures.push(`${describeCase(c)}\n    ${String(error).split('\n').slice(0, 3).join('\n    ')}`);
      }
    }
    expect(failures, `${failures.length} of ${groupCases.length} cases failed`).toEqual([]);
  });
}
