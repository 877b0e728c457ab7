// The flood budget of issue #15: while a config step prints a hostile flood (e2e/site/floods.js: 50,000
// ssh-like lines, or 1 MB of lines shaped to make backtracking slow), no main-thread task may spend more
// than 50 ms in our content script. Measured from a Chromium trace: each task of the page's main thread
// (`RunTask`), and within it the calls into functions of our extension's scripts (`FunctionCall`, which
// names the called function's script): the mutation observer's callbacks, timers and listeners
// (bench/trace.mjs).

import { jobUrl } from '../e2e/site/jobs.js';
import { openTab, useOurPrefs } from './measure.mjs';
import { tracedFlood } from './trace.mjs';

/** Job 108: a config run step named Enable SSH, which the flood prints into (a step we never trust). */
const FLOOD_PATH = new URL(jobUrl(108)).pathname;
const FLOOD_STEP = 'Enable SSH';
export const FLOOD_KINDS = ['ssh-like', 'backtracking'];

/** One flood (bench/flood.mjs) into job 108's impostor Enable SSH step, traced, in a fresh tab. */
export async function floodTab(variant, markup, kind) {
  if (variant.ours) await useOurPrefs(variant);
  const { page, cdp } = await openTab(variant);
  try {
    await page.goto(`${variant.origin}${FLOOD_PATH}`);
    await page.waitForFunction(() => window.__fixture?.ready === true);
    const rendered = await page.evaluate(() => window.__fixture.markup);
    if (rendered !== markup) throw new Error(`${variant.label}: the page rendered ${rendered}, not ${markup}`);
    // Our warning beside the impostor's ssh line: the content script has judged the step.
    if (variant.id === 'ours') await page.waitForFunction(() => document.querySelector('circleci-ssh-copy'));
    const flood = { kind, step: FLOOD_STEP, quietMs: 300 };
    const figures = await tracedFlood({ page, cdp }, flood, `chrome-extension://${variant.extensionId}/`);
    if (variant.id === 'ours' && figures.tasksWithOurs === 0)
      throw new Error(`${kind} flood: no call into our content script was traced; the figure would mean nothing`);
    return figures;
  } finally {
    await page.close();
  }
}
