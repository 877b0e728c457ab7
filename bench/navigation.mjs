// The bench's SPA navigations (bench/run.mjs runs them): the JS heap a tab holds after many in-app
// navigations between jobs, each of which our extension must draw anew.

import { jobUrl } from '../e2e/site/jobs.js';
import { contentScriptStarted, openTab, useOurPrefs } from './measure.mjs';

/** Runs in the page: `count` in-app navigations between jobs, each waiting for the job's button. */
async function navigateInPage({ paths, count, waitForButton }) {
  const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
  const button = () => document.querySelector('circleci-ssh-copy')?.shadowRoot?.querySelector('button.copy');
  for (let i = 0; i < count; i++) {
    const path = paths[i % paths.length];
    window.__fixture.navigate(path);
    await frame();
    const deadline = performance.now() + 5000;
    while (waitForButton && !button()) {
      if (performance.now() > deadline) throw new Error(`no copy button after navigating to ${path}`);
      await frame();
    }
  }
}

export async function navigationRun(variant, markup, count) {
  // Jobs with a copy button in a step that is open at load; each visit must draw its own.
  const paths = [101, 102, 104, 107, 109].map((job) => new URL(jobUrl(job)).pathname);
  if (variant.ours) await useOurPrefs(variant);
  const { page, metrics } = await openTab(variant);
  try {
    await page.goto(`${variant.origin}${new URL(jobUrl(101)).pathname}`);
    await contentScriptStarted(variant, page, markup);
    const waitForButton = Boolean(variant.ours);
    // Each job twice first: the page keeps every job's state once seen, which is its memory, not ours.
    await page.evaluate(navigateInPage, { paths, count: 2 * paths.length, waitForButton });
    const before = await metrics();
    await page.evaluate(navigateInPage, { paths, count, waitForButton });
    const after = await metrics();
    return { heapBefore: before.JSHeapUsedSize, heapAfter: after.JSHeapUsedSize };
  } finally {
    await page.close();
  }
}
