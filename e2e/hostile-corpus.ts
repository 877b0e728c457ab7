// What both hostile-corpus specs (Chromium and Firefox) share: which cases each test runs, where a case
// is served, and whether a rule the corpus assumes has landed. The corpus itself is e2e/site/hostile.js.

import { HOSTILE } from './site/hostile.js';
import { jobUrl, legacyUrl } from './site/jobs.js';
import type { HostileCase } from './site/types';

export { HOSTILE, type HostileCase };

export function caseUrl(c: HostileCase): string {
  return c.ui === 'app' ? jobUrl(c.number) : legacyUrl(c.number);
}

/** The cases by class and UI, in corpus order: one test each. */
export function caseGroups(cases: readonly HostileCase[] = HOSTILE): Map<string, HostileCase[]> {
  const groups = new Map<string, HostileCase[]>();
  for (const c of cases) {
    const key = `${c.ui} ${c.class}`;
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return groups;
}

/** What the case expects, for failure messages. */
export function describeCase(c: HostileCase): string {
  const where = c.ui === 'app' ? `job ${c.number}` : `legacy build ${c.number}`;
  const wants = c.expected === null ? 'no copy button' : `every copy button copies "${c.expected}"`;
  return `${c.id} (${where}): ${wants}`;
}

/**
 * Runs in the page: expands CircleCI's own Enable SSH (the first step of that name) and Wait for SSH (the
 * last), as `expand` in job-page.ts does, in one round trip, on both UIs; returns how many it opened.
 * The corpus's pages open them already, so this mostly checks that they are there and open.
 */
export function expandSshStepsInPage(): number {
  const blocks = [
    ...document.querySelectorAll('[data-fixture="steps"] [data-fixture="step"], .container-view > div[id^="action-"]'),
  ];
  const named = (name: string) =>
    blocks.filter((block) => block.querySelector('[data-fixture="step-name"], .command-text')?.textContent === name);
  let opened = 0;
  for (const block of [named('Enable SSH')[0], named('Wait for SSH').at(-1)]) {
    if (!block) throw new Error("CircleCI's own SSH steps are not on the page");
    if (block.querySelector('[data-fixture="output"], .detail-wrapper')) continue;
    block.querySelector<HTMLElement>(':scope > button, .action_header')?.click();
    opened++;
  }
  return opened;
}
