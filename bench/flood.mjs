// The flood budget of issue #15: while a config step prints a hostile flood (e2e/site/floods.js: 50,000
// ssh-like lines, or 1 MB of lines shaped to make backtracking slow), no main-thread task may spend more
// than 50 ms in our content script. Measured from a Chromium trace: each task of the page's main thread
// (`RunTask`), and within it the calls into functions of our extension's scripts (`FunctionCall`, which
// names the called function's script): the mutation observer's callbacks, timers and listeners.

import { jobUrl } from '../e2e/site/jobs.js';
import { openTab, useOurPrefs } from './measure.mjs';

/** Job 108: a config run step named Enable SSH, which the flood prints into (a step we never trust). */
const FLOOD_PATH = new URL(jobUrl(108)).pathname;
const FLOOD_STEP = 'Enable SSH';
export const FLOOD_KINDS = ['ssh-like', 'backtracking'];

const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'];
/** A user-timing mark the page sets as the flood begins: the trace's way to name the page's main thread. */
const MARK = 'circleci-ssh-copy-flood';

/**
 * Streams the flood into job 108's impostor step in `page` (already loaded, its scripts started) while
 * tracing, and returns the figures of `tasks` for the page's main thread.
 */
export async function floodRun({ page, cdp }, kind, extensionOrigin) {
  const events = [];
  const collect = ({ value }) => events.push(...value);
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  await page.evaluate(
    async ({ mark, flood }) => {
      const floods = '/__fixture__/floods.js'; // the page's copy of e2e/site/floods.js
      const { streamFlood } = await import(floods);
      performance.mark(mark);
      await streamFlood(flood);
    },
    { mark: MARK, flood: { kind, step: FLOOD_STEP, quietMs: 300 } },
  );
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.end');
  await complete;
  cdp.off('Tracing.dataCollected', collect);
  return tasks(events, extensionOrigin);
}

/**
 * The main thread's CPU time in an event (\`tdur\`), as the other figures of the bench count it: time the
 * thread waited while another process had the core is nobody's work. Its wall time where that is missing.
 */
const cpuMs = (event) => (event.tdur ?? event.dur) / 1000;

/**
 * From trace events: the page's main thread (where the page set MARK), its longest task, and per task
 * the time spent in calls into `extensionOrigin`'s scripts (outermost calls only).
 */
export function tasks(events, extensionOrigin) {
  const mark = events.find((event) => event.name === MARK);
  if (!mark) throw new Error('the trace has no mark from the page: which thread is its main thread is unknown');
  const onMainThread = (event) => event.pid === mark.pid && event.tid === mark.tid;
  const complete = events.filter((event) => event.ph === 'X');
  const calls = complete.filter((event) => event.name === 'FunctionCall');
  const runTasks = complete.filter((event) => event.name === 'RunTask' && onMainThread(event));
  const ours = calls
    .filter((event) => onMainThread(event) && event.args?.data?.url?.startsWith(extensionOrigin))
    .sort((a, b) => a.ts - b.ts);
  const within = (outer, inner) => inner.ts >= outer.ts && inner.ts + inner.dur <= outer.ts + outer.dur;
  const outermost = ours.filter((call, i) => !ours.slice(0, i).some((earlier) => within(earlier, call)));
  const perTask = new Map();
  for (const call of outermost) {
    const task = runTasks.find((candidate) => within(candidate, call));
    perTask.set(task, (perTask.get(task) ?? 0) + cpuMs(call));
  }
  const extensionMs = [...perTask.values()];
  return {
    tasks: runTasks.length,
    longestTaskMs: Math.max(0, ...runTasks.map(cpuMs)),
    tasksWithOurs: extensionMs.length,
    oursMaxMs: Math.max(0, ...extensionMs),
    oursTotalMs: extensionMs.reduce((sum, ms) => sum + ms, 0),
  };
}

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
    const figures = await floodRun({ page, cdp }, kind, `chrome-extension://${variant.extensionId}/`);
    if (variant.id === 'ours' && figures.tasksWithOurs === 0)
      throw new Error(`${kind} flood: no call into our content script was traced; the figure would mean nothing`);
    return figures;
  } finally {
    await page.close();
  }
}
