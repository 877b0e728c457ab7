// The bench's figures (bench/run.mjs): medians and ranges of the runs, each markup's comparison with
// the page alone, and every budget checked.

import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { gzipSync } from 'node:zlib';
import { BUILD_STEPS } from './site/scenario.js';

export const BUDGETS = {
  overhead: { text: '≤ 2 %', holds: (value) => value <= 0.02 },
  naiveRatio: { text: '≥ 20×', holds: (value) => value >= 20 },
  detection: { text: 'p95 ≤ 16 ms', holds: (value) => value <= 16 },
  // 15 KB until #12 and #15: reading any markup, noticing an unreadable page, and trusting legacy
  // steps by their type with bounded notes added about 1.5 KB (Terser did not do better than Oxc).
  // 17 KB until #13 and #14: the session route's fetch on the page's behalf, and telling the
  // background the panel's figures, a copy and CircleCI's own rerun added about 0.7 KB.
  gzip: { text: '≤ 18 KB (18,432 B)', holds: (value) => value <= 18 * 1024 },
  popup: { text: '≤ 150 ms', holds: (value) => value <= 150 },
  heapGrowth: { text: '< 1 MB (1,048,576 B)', holds: (value) => value < 1024 * 1024 },
  flood: { text: '≤ 50 ms in one task', holds: (value) => value <= 50 },
  // The session route (#13) asks CircleCI once per job, as the page opens, never from the observer.
  sessionRequests: { text: '0', holds: (value) => value === 0 },
  // Its work is done before the stream: the time charged to us with it on and off differ by noise only.
  sessionCharged: { text: '≤ 1 %', holds: (value) => value <= 0.01 },
};

/** The budgets on counts, not times: they hold on any machine, so the smoke run enforces them too. */
export const BUDGETS_ON_COUNTS = ['sessionRequests'];

/** The budgets measured once, for every markup: no markup changes them. */
export const BUDGETS_ONCE = ['gzip', 'popup'];

export function stats(values) {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  const rank = (q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  const half = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[half] : ((sorted[half - 1] ?? NaN) + (sorted[half] ?? NaN)) / 2;
  return {
    median,
    min: sorted[0] ?? NaN,
    max: sorted.at(-1) ?? NaN,
    p50: rank(0.5),
    p95: rank(0.95),
    n: sorted.length,
  };
}

function contentScriptSize(contentScript) {
  const bytes = readFileSync(contentScript);
  // zlib's default level, as `gzip` and Vite's build report use.
  return { raw: bytes.length, gzip: gzipSync(bytes).length };
}

function gitCommit() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src', 'bench', 'e2e/site'], {
      encoding: 'utf8',
    });
    return dirty.trim() === '' ? commit : `${commit} + uncommitted changes`;
  } catch {
    return 'unknown';
  }
}

function machine(browserVersion) {
  const cpus = os.cpus();
  return {
    cpu: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown'}`,
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    browser: browserVersion,
    playwright: JSON.parse(readFileSync('node_modules/@playwright/test/package.json', 'utf8')).version,
    commit: gitCommit(),
  };
}

/** Per run, the difference to the page-alone run next to it, so slow drifts of the machine cancel. */
function paired(runs, baseline, value) {
  return runs.map((run, index) => value(run, baseline[index]));
}

/**
 * The main-thread time charged to a variant's script in one stream run: its own calls, and the frames
 * nobody asked for (trace.mjs) beyond those of the page alone in that run, at their traced cost.
 */
function chargedMs(run, alone) {
  return run.extensionMs + Math.max(0, run.unaskedFramesMs - alone.unaskedFramesMs);
}

/** The figures of one markup variant: its stream, detection and navigation runs. */
function markupFigures(results) {
  const stream = {};
  for (const [id, runs] of Object.entries(results.stream)) {
    stream[id] = {
      scriptMs: stats(runs.map((run) => run.scriptMs)),
      taskMs: stats(runs.map((run) => run.taskMs)),
      layoutMs: stats(runs.map((run) => run.layoutMs)),
      styleMs: stats(runs.map((run) => run.styleMs)),
      heapAfterStream: stats(runs.map((run) => run.heapAfterStream)),
      wallMs: stats(runs.map((run) => run.wallMs)),
      nodes: stats(runs.map((run) => run.nodes)),
      layouts: stats(runs.map((run) => run.layouts)),
      extensionMs: stats(runs.map((run) => run.extensionMs)),
      unaskedFrames: stats(runs.map((run) => run.unaskedFrames)),
      unaskedFramesMs: stats(runs.map((run) => run.unaskedFramesMs)),
    };
  }
  const page = results.stream.page;
  const versusPage = {};
  for (const id of ['ours', 'naive', 'pageAgain']) {
    const runs = results.stream[id];
    if (!page?.length || !runs?.length) continue;
    versusPage[id] = {
      taskRatio: stream[id].taskMs.median / stream.page.taskMs.median,
      scriptRatio: stream[id].scriptMs.median / stream.page.scriptMs.median,
      // The budget's overhead: the main thread's time in the extension's own calls, and the frames the
      // page rendered only for it (chargedMs), as a share of the page's own task time.
      overhead: stats(paired(runs, page, (run, alone) => chargedMs(run, alone) / alone.taskMs)),
      extraLayouts: stats(paired(runs, page, (run, alone) => run.layouts - alone.layouts)),
      // The difference of the two task times: the cross-check, as noisy as pageAgain shows.
      taskOverhead: stats(paired(runs, page, (run, alone) => (run.taskMs - alone.taskMs) / alone.taskMs)),
      // The same share with the script time added, which is far less noisy than the task time.
      scriptOverhead: stats(paired(runs, page, (run, alone) => (run.scriptMs - alone.scriptMs) / alone.taskMs)),
      addedTaskMs: stats(paired(runs, page, (run, alone) => run.taskMs - alone.taskMs)),
      addedScriptMs: stats(paired(runs, page, (run, alone) => run.scriptMs - alone.scriptMs)),
    };
  }
  // How many times more the naive script adds; Infinity when ours adds nothing measurable.
  const times = (naive, ours) => (ours > 0 ? naive / ours : naive > 0 ? Infinity : NaN);
  const naiveRatio =
    versusPage.naive && versusPage.ours
      ? {
          script: times(versusPage.naive.addedScriptMs.median, versusPage.ours.addedScriptMs.median),
          task: times(versusPage.naive.addedTaskMs.median, versusPage.ours.addedTaskMs.median),
        }
      : undefined;
  const heapGrowth = Object.fromEntries(
    Object.entries(results.navigation).map(([id, runs]) => [id, stats(runs.map((r) => r.heapAfter - r.heapBefore))]),
  );
  // The worst of the runs: the budget is on any one task.
  const worst = (runs, key) => (runs?.length ? Math.max(...runs.map((run) => run[key])) : NaN);
  const flood = Object.fromEntries(
    Object.entries(results.flood).map(([kind, byVariant]) => [
      kind,
      {
        pageLongestTaskMs: worst(byVariant.page, 'longestTaskMs'),
        oursLongestTaskMs: worst(byVariant.ours, 'longestTaskMs'),
        oursMaxMs: worst(byVariant.ours, 'oursMaxMs'),
        oursTotalMs: stats((byVariant.ours ?? []).map((run) => run.oursTotalMs)),
        tasksWithOurs: stats((byVariant.ours ?? []).map((run) => run.tasksWithOurs)),
      },
    ]),
  );
  return {
    stream,
    versusPage,
    naiveRatio,
    sessionRoute: sessionRouteFigures(results.stream),
    detectionMs: stats((results.stream.ours ?? []).flatMap((run) => run.latencies)),
    heapGrowth,
    flood,
  };
}

/**
 * The session route while the log streams: the API requests of ours (route on) at the page's open and
 * during the stream, those of ours with the route off, and the time the route adds: per round, the
 * time charged to ours (as the overhead charges it) minus that charged to ours with the route off, as a
 * share of the page-alone run's task time. The difference of the two script times is shown beside it;
 * like any difference of two task times on this machine, it is mostly noise.
 */
function sessionRouteFigures({ page, ours: on, sessionOff: off }) {
  if (!page?.length || !on?.length || !off?.length) return undefined;
  const asked = (run) => run.apiRequestsAtOpen + run.apiRequestsWhileStreaming;
  const addedChargedMs = (round) => chargedMs(on[round], page[round]) - chargedMs(off[round], page[round]);
  const rounds = page.map((_, round) => round);
  return {
    requestsAtOpen: stats(on.map((run) => run.apiRequestsAtOpen)),
    requestsWhileStreaming: Math.max(...on.map((run) => run.apiRequestsWhileStreaming)),
    requestsWhenOff: Math.max(...off.map(asked)),
    addedChargedMs: stats(rounds.map(addedChargedMs)),
    chargedShare: stats(rounds.map((round) => addedChargedMs(round) / page[round].taskMs)),
    addedScriptMs: stats(paired(on, off, (run, routeOff) => run.scriptMs - routeOff.scriptMs)),
  };
}

/** Everything the report says, from the runs' results; `settings` as run.mjs ran them. */
export function figures(results, popupTimes, browserVersion, durationSeconds, { settings, contentScript }) {
  return {
    date: new Date().toISOString(),
    durationSeconds,
    machine: machine(browserVersion),
    settings: { ...settings, buildSteps: BUILD_STEPS.length },
    // Per markup variant, in the order they were run.
    markups: Object.fromEntries(Object.entries(results).map(([markup, r]) => [markup, markupFigures(r)])),
    // The same whatever the markup: measured once.
    contentScript: contentScriptSize(contentScript),
    popupMs: stats(popupTimes),
  };
}

/** Every budget, checked on each markup variant; `markup` is null for the two no markup changes. */
export function verdicts(f) {
  const checks = [];
  for (const [markup, m] of Object.entries(f.markups)) {
    checks.push(
      [
        markup,
        'overhead',
        'Overhead on the page’s main-thread time while streaming',
        m.versusPage.ours?.overhead.median,
      ],
      [markup, 'naiveRatio', 'Less main-thread time than the naive script (script time added)', m.naiveRatio?.script],
      [markup, 'detection', 'Detection latency p95', m.detectionMs.p95],
      [
        markup,
        'heapGrowth',
        `Heap growth over ${f.settings.navigations} navigations (median)`,
        m.heapGrowth.ours?.median,
      ],
      [
        markup,
        'sessionRequests',
        'API requests while streaming with the session route on, and at all with it off (any run)',
        m.sessionRoute && m.sessionRoute.requestsWhileStreaming + m.sessionRoute.requestsWhenOff,
      ],
      [
        markup,
        'sessionCharged',
        'Time charged to us that the session route adds while streaming ÷ the page’s task time',
        m.sessionRoute?.chargedShare.median,
      ],
      ...Object.entries(m.flood).map(([kind, flood]) => [
        markup,
        'flood',
        `Our longest time in one task during the ${kind} flood`,
        flood.oursMaxMs,
      ]),
    );
  }
  checks.push(
    [null, 'gzip', 'Content script, gzip', f.contentScript.gzip],
    [null, 'popup', 'Popup time to interactive (median)', f.popupMs.median],
  );
  return checks.map(([markup, key, what, value]) => ({
    markup,
    key,
    what: markup ? `${what}, ${markup} markup` : what,
    value,
    budget: BUDGETS[key].text,
    holds: typeof value === 'number' && !Number.isNaN(value) && BUDGETS[key].holds(value),
  }));
}
