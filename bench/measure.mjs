// The bench's measurements (bench/run.mjs runs them): one Chromium with both extensions and the fake
// site on four origins, and per tab a stream (SPA navigations: navigation.mjs; the popup: popup.mjs;
// the floods: flood.mjs). CircleCI's
// API answers the job page's own session (e2e/site/fake-session.js), as circleci.com does a signed-in
// user, so our session route (#13) runs as it does for a user.

import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumPath, extensionArgs } from '../e2e/browser.js';
import { serveFakeSession } from '../e2e/site/fake-session.js';
import { jobs as e2eJobs } from '../e2e/site/jobs.js';
import { MARKUP_COOKIE } from '../e2e/site/markup.js';
import { siteResponse } from '../e2e/site/serve.js';
import { printProfile } from './profile.mjs';
import { BENCH_JOB, benchJob, benchJobUrl, streamPlan } from './site/scenario.js';
import { MAIN_THREAD_MARK, startTrace, tasks } from './trace.mjs';

// The fake page's markup variants the bench runs on (e2e/site/README.md), each with every budget: the
// two that cost the page and a content script the most (see markupsWhy in report.mjs for how they were chosen).
export const MARKUPS = ['chunks', 'rows'];

// What a user of ours has: one key profile, so the key control beside the first command is drawn too.
const OUR_PREFS = {
  schemaVersion: 2,
  profiles: [{ id: 'default', name: 'Default', keyPath: '~/.ssh/id_ed25519' }],
  defaultProfileId: 'default',
};

// ---- Browsers -----------------------------------------------------------------------------------

// One variant holds both extensions; each variant is the same page served from its own origin, where
// exactly one content script (or none) runs. Sharing the variant matters: separate variant processes
// differed by up to 4 % in the page's own task time, more than the overhead budget, while one variant
// keeps the page-alone runs within about 1 % of each other.
export const VARIANTS = [
  // No content script matches this origin: the page alone, in the very variant the others run in.
  { id: 'page', label: 'page alone', origin: 'https://plain.circleci.test' },
  { id: 'ours', label: 'with our extension', origin: 'https://app.circleci.com', ours: true },
  // bench/naive-extension/manifest.json matches this origin, which ours does not.
  { id: 'naive', label: 'with the naive script', origin: 'https://naive.circleci.test' },
  // Ours with the session route turned off in its options, to set against `ours`: stream runs only.
  {
    id: 'sessionOff',
    label: 'with ours, session route off',
    origin: 'https://app.circleci.com',
    ours: true,
    prefs: { sessionRoute: false },
    streamOnly: true,
  },
  // The page alone again, from an origin of its own, in turn with the others (stream runs only): set
  // against the page alone, it shows how far two runs of the very same page differ, which is the noise
  // in any difference of two task times.
  { id: 'pageAgain', label: 'page alone again', origin: 'https://again.circleci.test', streamOnly: true },
];
const ORIGINS = [...new Set(VARIANTS.map(({ origin }) => origin))];

// The bench job reaches the page through e2e/site's own app.js: only its jobs.js is swapped for
// bench/site/jobs.js, which adds the bench job to the e2e scenarios.
const BENCH_FILES = {
  '/__fixture__/jobs.js': 'bench/site/jobs.js',
  '/__fixture__/e2e-jobs.js': 'e2e/site/jobs.js',
  '/__fixture__/bench-scenario.js': 'bench/site/scenario.js',
};

/** One Chromium with both extensions, serving the fake site on every variant's origin; the variants in `only`. */
export async function launch({ extensionDir, naiveDir, only }) {
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath,
    headless: true,
    args: extensionArgs(`${extensionDir},${naiveDir}`),
    viewport: { width: 1280, height: 900 },
  });
  for (const origin of ORIGINS) {
    await context.route(`${origin}/**`, async (route) => {
      // Every origin gets what the fake CircleCI serves at the same path.
      const { pathname, search } = new URL(route.request().url());
      const file = BENCH_FILES[pathname];
      if (file)
        return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', path: resolve(file) });
      const response = siteResponse(`https://app.circleci.com${pathname}${search}`);
      return response ? route.fulfill(response) : route.abort();
    });
  }
  // Registered last, so that it is tried first. Every request it answered is in `api.requests`.
  const api = await serveFakeSession(context, { jobs: { ...e2eJobs, [BENCH_JOB]: benchJob() } });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  await worker.evaluate((prefs) => chrome.storage.sync.set({ prefs }), OUR_PREFS);
  storedPrefs = OUR_PREFS;
  const extensionId = new URL(worker.url()).host;
  return VARIANTS.filter((variant) => only.includes(variant.id)).map((variant) => ({
    ...variant,
    context,
    extensionId,
    api,
  }));
}

/** The prefs stored last, so that they are written only when the next variant wants others. */
let storedPrefs;

/**
 * Stores our prefs with the variant's own on top, as the options page would, before its tab opens.
 * Every run of our extension calls it: the variants of ours take turns.
 */
export async function useOurPrefs(variant) {
  const prefs = { ...OUR_PREFS, ...variant.prefs };
  if (JSON.stringify(prefs) === JSON.stringify(storedPrefs)) return;
  // From an extension page: the service worker may have been stopped since launch.
  const page = await variant.context.newPage();
  try {
    await page.goto(`chrome-extension://${variant.extensionId}/src/popup/index.html`);
    await page.evaluate((value) => chrome.storage.sync.set({ prefs: value }), prefs);
    storedPrefs = prefs;
  } finally {
    await page.close();
  }
}

/** How many API requests `api` has answered, once none came for `quietMs` (the page's open is over). */
async function settledRequests(api, quietMs = 1000) {
  let count = -1;
  while (count !== api.requests.length) {
    count = api.requests.length;
    await new Promise((resolve) => setTimeout(resolve, quietMs));
  }
  return count;
}

/** A tab with a DevTools session that reports main-thread time as the thread's CPU time. */
export async function openTab(variant) {
  const page = await variant.context.newPage();
  const cdp = await variant.context.newCDPSession(page);
  // threadTicks: CPU time of the renderer's main thread. Time the thread waits while another process
  // has the core (two cores, other people's jobs) is not counted as anyone's work.
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const metrics = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { metrics: list } = await cdp.send('Performance.getMetrics');
    return Object.fromEntries(list.map(({ name, value }) => [name, value]));
  };
  return { page, cdp, metrics };
}

/**
 * The markup every page of every variant renders from now on: the `fixture-markup` cookie, set as
 * e2e/fixtures.ts does, on each variant's origin (the page reads it once when it loads).
 */
export async function useMarkup(context, markup) {
  await context.clearCookies({ name: MARKUP_COOKIE });
  if (markup === 'classic') return;
  await context.addCookies(VARIANTS.map(({ origin }) => ({ name: MARKUP_COOKIE, value: markup, url: `${origin}/` })));
}

/**
 * Waits until the variant's content script has done its first work on the page, if it has one, after
 * making sure the page rendered the markup it was meant to.
 */
export async function contentScriptStarted(variant, page, markup) {
  await page.waitForFunction(() => window.__fixture?.ready === true);
  const rendered = await page.evaluate(() => window.__fixture.markup);
  if (rendered !== markup) throw new Error(`${variant.label}: the page rendered ${rendered}, not ${markup}`);
  if (variant.ours) {
    await page.waitForFunction(() => document.querySelector('circleci-ssh-copy')?.shadowRoot?.querySelector('button'));
  } else if (variant.id === 'naive') {
    await page.waitForFunction(() => document.documentElement.dataset.naiveSshLines !== undefined);
  }
}

// ---- The stream ---------------------------------------------------------------------------------

/**
 * Runs in the page. Makes the log's lines first, then, once the bench says go, appends the planned
 * batches, one batch per frame, each in its own timer task as a socket message would arrive. With
 * `detect`, it times how long our button takes to exist after each ssh line entered the DOM.
 */
async function streamInPage({ plan, detect, quietMs, mark }) {
  const fixture = window.__fixture;
  // @ts-expect-error served to the page by the bench's site (bench/site), not a file here
  const { logLine } = await import('/__fixture__/bench-scenario.js');
  const lines = Array.from({ length: plan.at(-1).to }, (_, index) => logLine(index));
  await new Promise((resolve) => {
    window.__benchGo = resolve;
  });

  /** From `t0` until a copy button exists in the Wait for SSH step's current output (null after 5 s). */
  const buttonAfter = (t0) =>
    new Promise((resolve) => {
      const outputs = document.querySelectorAll('[data-cy="step-output"]');
      const output = outputs[outputs.length - 1]; // Wait for SSH is the last step
      let frame = 0;
      /** @type {ReturnType<typeof setTimeout> | undefined} */
      let timer;
      const found = () => output.querySelector('circleci-ssh-copy')?.shadowRoot?.querySelector('button.copy');
      const finish = (value) => {
        observer.disconnect();
        cancelAnimationFrame(frame);
        clearTimeout(timer);
        resolve(value);
      };
      // Our script draws in the microtask after the mutation; the frame-by-frame look catches any later.
      const observer = new MutationObserver(() => found() && finish(performance.now() - t0));
      observer.observe(output, { childList: true, subtree: true });
      const poll = () => {
        if (found()) finish(performance.now() - t0);
        else frame = requestAnimationFrame(poll);
      };
      frame = requestAnimationFrame(poll);
      timer = setTimeout(() => finish(null), 5000);
    });

  const samples = [];
  performance.mark(mark);
  const started = performance.now();
  // The page's own work runs in timer callbacks, which DevTools counts as script time (an async
  // function's continuation would not be). One batch per frame keeps the number of layouts fixed.
  await /** @type {Promise<void>} */ (
    new Promise((finished) => {
      const next = (index) => {
        const batch = plan[index];
        if (!batch) return finished();
        fixture.append(batch.step, lines.slice(batch.from, batch.to));
        if (batch.ssh) {
          if (batch.ssh === 'show') fixture.show('Wait for SSH');
          else fixture.replaceOutput('Wait for SSH');
          const t0 = performance.now(); // right after the ssh line entered the DOM, in the same task
          if (detect) samples.push(buttonAfter(t0));
        }
        requestAnimationFrame(() => setTimeout(next, 0, index + 1));
      };
      requestAnimationFrame(() => setTimeout(next, 0, 0));
    })
  );
  const wallMs = performance.now() - started;
  const latencies = await Promise.all(samples);
  await new Promise((resolve) => setTimeout(resolve, quietMs)); // whatever a script left for later
  return { latencies, wallMs };
}

/** One stream of `lines` lines in batches of `batch`; with `profile`, prints where the script time went. */
export async function streamRun(variant, markup, { lines, batch, profile }) {
  const plan = streamPlan({ lines, batchSize: batch });
  if (variant.ours) await useOurPrefs(variant);
  const { page, cdp, metrics } = await openTab(variant);
  try {
    const asked = variant.api.requests.length;
    await page.goto(`${variant.origin}${new URL(benchJobUrl).pathname}`);
    await contentScriptStarted(variant, page, markup);
    // The requests of the page's open, whichever variant; the stream starts after the last of them.
    const askedAtOpen = (await settledRequests(variant.api)) - asked;
    if (variant.id === 'ours' && askedAtOpen === 0) {
      throw new Error('our session route asked CircleCI nothing as the page opened: its figures would mean nothing');
    }
    const done = page.evaluate(streamInPage, {
      plan,
      detect: Boolean(variant.ours),
      quietMs: 300,
      mark: MAIN_THREAD_MARK,
    });
    await page.waitForFunction(() => typeof window.__benchGo === 'function');
    const stopTrace = await startTrace(cdp);
    const before = await metrics();
    if (profile) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await cdp.send('Profiler.start');
    }
    await page.evaluate(() => window.__benchGo());
    const { latencies, wallMs } = await done;
    // Every variant is traced alike, so that tracing's own cost is the same in each. The trace ends
    // with the stream and its quiet end, before the heap is measured: those forced collections block
    // the thread for seconds, and a frame that was due (a countdown's write once the page went quiet)
    // would be charged as if the stream had caused it.
    const traced = tasks(await stopTrace(), 'chrome-extension://');
    const after = await metrics();
    const askedWhileStreaming = variant.api.requests.length - asked - askedAtOpen;
    if (profile) printProfile(variant, markup, (await cdp.send('Profiler.stop')).profile);
    if (variant.ours && latencies.some((latency) => latency === null)) {
      throw new Error('a copy button did not appear within 5 s of its ssh line');
    }
    if (variant.id === 'naive') {
      const found = Number(await page.evaluate(() => document.documentElement.dataset.naiveSshLines));
      if (!(found >= 2)) throw new Error(`the naive script found ${found} ssh lines`);
    }
    const ms = (name) => (after[name] - before[name]) * 1000;
    return {
      scriptMs: ms('ScriptDuration'),
      taskMs: ms('TaskDuration'),
      layoutMs: ms('LayoutDuration'),
      styleMs: ms('RecalcStyleDuration'),
      layouts: after.LayoutCount - before.LayoutCount,
      // The main thread's time in calls into the extension's scripts (the tab's one content script).
      extensionMs: traced.oursTotalMs,
      unaskedFrames: traced.unaskedFrames,
      unaskedFramesMs: traced.unaskedFramesMs,
      heapAfterStream: after.JSHeapUsedSize,
      nodes: after.Nodes,
      wallMs,
      latencies,
      apiRequestsAtOpen: askedAtOpen,
      apiRequestsWhileStreaming: askedWhileStreaming,
    };
  } finally {
    await page.close();
  }
}
