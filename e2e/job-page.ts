// Page helpers for the fake CircleCI job pages, in the user's terms: steps, run boxes, copy buttons.
// They find the new UI's parts by the fake site's test-only `data-fixture` attributes, present in every
// markup variant (e2e/site/README.md), never by CircleCI hooks that the public evidence does not confirm.

import type { Locator, Page } from '@playwright/test';
import type { ExpectedCommand, Markup } from './site/types';

export const COPY_BUTTON = /^Copy SSH command for container \d+/;

/** A new-UI step block (`div[tabindex]`) by its exact name, or a legacy action. */
export function step(page: Page, name: string): Locator {
  const header = page.locator('[data-fixture="step-name"]', { hasText: new RegExp(`^${name}$`) });
  const legacyHeader = page.locator('.command-text', { hasText: new RegExp(`^${name}$`) });
  return page
    .locator('[data-fixture="steps"] [data-fixture="step"]')
    .filter({ has: header })
    .or(page.locator('.container-view > div[id^="action-"]').filter({ has: legacyHeader }));
}

/** CircleCI's own SSH step when config steps share its name: Enable SSH comes first, Wait for SSH last. */
export function builtInStep(page: Page, name: string): Locator {
  return name === 'Wait for SSH' ? step(page, name).last() : step(page, name).first();
}

/** Clicks a step's header, as a user expands or collapses it (new UI: the block's button; legacy UI). */
export async function toggle(block: Locator): Promise<void> {
  await block.locator(':scope > button, .action_header').first().click();
}

export async function expand(page: Page, name: string): Promise<Locator> {
  const block = builtInStep(page, name);
  await block.waitFor(); // a step may appear only later, as Wait for SSH does while a job streams
  if ((await block.locator('[data-fixture="output"], .detail-wrapper').count()) === 0) await toggle(block);
  return block;
}

/** The job's log (the steps of the new UI, the container views of the legacy one), without the SSH panel. */
export function jobLog(page: Page): Locator {
  return page.locator('[data-fixture="steps"], .container-view');
}

/** The copy buttons beside the log's lines; on a whole page, not the SSH panel's, which repeat them. */
export function copyButtons(scope: Page | Locator): Locator {
  return ('goto' in scope ? jobLog(scope) : scope).getByRole('button', { name: COPY_BUTTON });
}

/** The new UI's box (a link) for parallel run `index`; not the SSH panel's links to runs. */
export function runBox(page: Page, index: number): Locator {
  return page.locator(`[data-fixture="run"][href$="/parallel-runs/${index}"]`);
}

/** What the extension must copy for a target the scenario expects (POSIX shells): the oracle, written out here. */
export function expectedCommand(target: ExpectedCommand, keyPath?: string): string {
  const destination = target.user ? `${target.user}@${target.host}` : target.host;
  return [
    'ssh',
    ...(keyPath ? ['-i', keyPath, '-o', 'IdentitiesOnly=yes'] : []),
    ...(target.tty ? ['-t'] : []),
    ...(target.port ? ['-p', String(target.port)] : []),
    ...(target.shell ? [destination, '--', target.shell] : ['--', destination]),
  ].join(' ');
}

// ---- window.__fixture of the new UI (e2e/site/app.js) -------------------------------------------------

interface FixtureWindow {
  __fixture?: {
    ready: boolean;
    markup: Markup;
    rerender(): void;
    replaceOutput(stepName: string): void;
    navigate(path: string): void;
  };
}

/** Opens a new-UI page and waits for its first render; says which markup variant it rendered. */
export async function openJob(page: Page, url: string): Promise<Markup> {
  await page.goto(url);
  await page.waitForFunction(() => (window as FixtureWindow).__fixture?.ready === true);
  return page.evaluate(() => (window as FixtureWindow).__fixture?.markup ?? 'classic');
}

/** Rebuilds the whole step list with new nodes, as a React re-render would. */
export function rerenderSteps(page: Page): Promise<void> {
  return page.evaluate(() => (window as FixtureWindow).__fixture?.rerender());
}

/** Replaces a step's output with a fresh copy (the step must be expanded). */
export function replaceOutput(page: Page, stepName: string): Promise<void> {
  return page.evaluate((name) => (window as FixtureWindow).__fixture?.replaceOutput(name), stepName);
}

/** Goes to another URL inside the app, as an in-app link does (pushState, no page load). */
export function navigateInApp(page: Page, url: string): Promise<void> {
  return page.evaluate((path) => (window as FixtureWindow).__fixture?.navigate(path), new URL(url).pathname);
}
