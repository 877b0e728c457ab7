// Page helpers for the fake CircleCI job pages, in the user's terms: steps, run boxes, copy buttons.

import type { Locator, Page } from '@playwright/test';
import type { ExpectedCommand } from './site/jobs.js';

export const COPY_BUTTON = /^Copy SSH command for container \d+/;

/** A new-UI step block by its exact name, or a legacy action. */
export function step(page: Page, name: string): Locator {
  const header = page.locator('button[data-cy="step-name"] #metadata > div:first-child', {
    hasText: new RegExp(`^${name}$`),
  });
  const legacyHeader = page.locator('.command-text', { hasText: new RegExp(`^${name}$`) });
  return page
    .locator('[data-cy="steps"] > div[tabindex]')
    .filter({ has: header })
    .or(page.locator('.container-view > div[id^="action-"]').filter({ has: legacyHeader }));
}

/** CircleCI's own SSH step when config steps share its name: Enable SSH comes first, Wait for SSH last. */
export function builtInStep(page: Page, name: string): Locator {
  return name === 'Wait for SSH' ? step(page, name).last() : step(page, name).first();
}

export async function expand(page: Page, name: string): Promise<Locator> {
  const block = builtInStep(page, name);
  await block.waitFor(); // a step may appear only later, as Wait for SSH does while a job streams
  const header = block.locator('button[data-cy="step-name"]');
  if ((await header.count()) > 0) {
    if ((await header.getAttribute('aria-expanded')) === 'false') await header.click();
  } else if ((await block.locator('.detail-wrapper').count()) === 0) {
    await block.locator('.action_header').click();
  }
  return block;
}

/** The job's log (the steps of the new UI, the container views of the legacy one), without the SSH panel. */
export function jobLog(page: Page): Locator {
  return page.locator('[data-cy="steps"], .container-view');
}

/** The copy buttons beside the log's lines; on a whole page, not the SSH panel's, which repeat them. */
export function copyButtons(scope: Page | Locator): Locator {
  return ('goto' in scope ? jobLog(scope) : scope).getByRole('button', { name: COPY_BUTTON });
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
