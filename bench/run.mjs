// `npm run bench`: the performance benchmark of the content script (issue #8), in Debian's Chromium,
// headless, on the built extension (`npm run bench` builds dist/chrome first). It writes
// docs/benchmarks.md and docs/benchmarks.json, and exits 1 when a budget is broken, saying which.
//
// `node bench/run.mjs --smoke` (part of `npm test`): one short run of everything, written to a fresh
// temporary directory; it fails when a figure could not be produced or a budget on counts is broken
// (BUDGETS_ON_COUNTS: the session route's requests), never on a budget on times.
// For investigating: `--runs N`, `--lines N`, `--batch N`, `--navigations N`, `--only page,ours`,
// `--variants rows,columns` (the fake page's markup variants to measure, see MARKUPS), `--out DIR`, and
// `--profile`, which prints where the stream's script time went (a sampling CPU profile). With
// EXTENSION_DIR another build is measured (e.g. an unminified one, for readable profiles).
//
// Three variants of the same page, in one Chromium that has both extensions loaded (see VARIANTS):
//   page   the fake CircleCI job page alone
//   ours   with the built extension (dist/chrome)
//   naive  with bench/naive-extension: a content script that re-reads the whole page's text on every
//          mutation, the design ours must beat by 20x
//   sessionOff  ours with its session route (#13) turned off: streams only, set against `ours` to
//          show that the route adds nothing while the log streams
//   pageAgain  the page alone again, streams only: set against `page`, the noise of any difference
//          of two task times
// After one warm-up each, every run opens a fresh tab for each variant in turn (page, ours, naive,
// …, page, ours, naive, …), so slow drifts of the machine hit them all alike. What each figure means
// and how it is taken is written out in the report (see `report` below).
//
// The parts: measure.mjs (the browser, the fake site and the stream), navigation.mjs and popup.mjs
// (the other runs), flood.mjs (the hostile floods, traced; trace.mjs reads traces), figures.mjs (statistics and budgets),
// report.mjs and report-markup.mjs (docs/benchmarks.md) and profile.mjs (--profile). This file reads
// the command line and runs them in order.
//
// All of that is done once per markup variant of the fake page (e2e/site/README.md, "Markup
// variants"; the `fixture-markup` cookie), on the most expensive ones (see MARKUPS), and every budget
// is checked on each; only the content script's size and the popup, which no markup changes, are
// measured once. Per markup, the hostile floods of bench/flood.mjs are traced too (page and ours).

import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MARKUPS as ALL_MARKUPS } from '../e2e/site/markup.js';
import { BUDGETS_ON_COUNTS, figures, verdicts } from './figures.mjs';
import { FLOOD_KINDS, floodTab } from './flood.mjs';
import { fixed, int } from './format.mjs';
import { launch, MARKUPS, streamRun, useMarkup, VARIANTS } from './measure.mjs';
import { navigationRun } from './navigation.mjs';
import { popupRun } from './popup.mjs';
import { report } from './report.mjs';

const { values: cli } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    runs: { type: 'string' },
    lines: { type: 'string' },
    batch: { type: 'string' },
    navigations: { type: 'string' },
    only: { type: 'string' },
    variants: { type: 'string' },
    out: { type: 'string' },
    profile: { type: 'boolean', default: false },
  },
});

// 200 batches of 1,000 lines: many mutation callbacks, each a task of real size for the page.
const FULL = {
  runs: 5,
  lines: 200_000,
  batch: 1_000,
  warmupLines: 40_000,
  navigations: 100,
  popupRuns: 10,
  floodRuns: 2,
};
// The smoke run only proves that every figure is produced: 5,000 lines in 20 batches do that, in a quarter
// of the time 20,000 took (its times are never held to a budget).
const SMOKE = { runs: 1, lines: 5_000, batch: 250, warmupLines: 0, navigations: 10, popupRuns: 2, floodRuns: 1 };
const settings = {
  ...(cli.smoke ? SMOKE : FULL),
  ...(cli.runs ? { runs: Number(cli.runs) } : {}),
  ...(cli.lines ? { lines: Number(cli.lines) } : {}),
  ...(cli.batch ? { batch: Number(cli.batch) } : {}),
  ...(cli.navigations ? { navigations: Number(cli.navigations) } : {}),
};
const full = !cli.smoke && !cli.only && !cli.variants && !cli.runs && !cli.lines && !cli.batch && !cli.navigations;
// Only a full run replaces docs/; anything else goes to a fresh temporary directory unless told.
const outDir = resolve(cli.out ?? (full ? 'docs' : mkdtempSync(join(os.tmpdir(), 'circleci-ssh-copy-bench-'))));

const extensionDir = resolve(process.env.EXTENSION_DIR ?? 'dist/chrome');
const naiveDir = resolve('bench/naive-extension');
const contentScript = join(extensionDir, 'src/content/index.js');

// The smoke run proves the bench works, which one markup does as well as two, in half the time.
const markups = cli.variants ? cli.variants.split(',') : cli.smoke ? MARKUPS.slice(-1) : MARKUPS;
for (const markup of markups) {
  if (!ALL_MARKUPS.some((known) => known === markup) || markup === 'renamed') {
    throw new Error(
      `--variants: no markup "${markup}"; one of ${ALL_MARKUPS.filter((m) => m !== 'renamed').join(', ')}`,
    );
  }
}

// ---- Main ---------------------------------------------------------------------------------------

const started = Date.now();
const log = (message) => console.log(`[${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${message}`);

const only = cli.only ? cli.only.split(',') : VARIANTS.map((variant) => variant.id);
const variants = await launch({ extensionDir, naiveDir, only });
const versionTab = await variants[0].context.newPage();
const { product } = await (await variants[0].context.newCDPSession(versionTab)).send('Browser.getVersion');
await versionTab.close();

// Per markup variant: { stream: { page: [runs], ours, naive }, navigation: { page, ours, naive } }.
const results = {};
const popupTimes = [];
const ours = variants.find((variant) => variant.id === 'ours');
// SPA navigations and floods compare the page, ours and the naive script; `sessionOff` only streams.
const navigationVariants = variants.filter((variant) => !variant.streamOnly);
const floodVariants = navigationVariants.filter((variant) => variant.id !== 'naive');
try {
  // One markup after the other, each with its own warm-up: the page's code paths differ per markup.
  for (const markup of markups) {
    await useMarkup(variants[0].context, markup);
    const r = {
      stream: Object.fromEntries(variants.map((b) => [b.id, /** @type {object[]} */ ([])])),
      navigation: Object.fromEntries(navigationVariants.map((b) => [b.id, /** @type {object[]} */ ([])])),
      // Per flood kind, per variant: the naive script has no flood figure worth having.
      flood: Object.fromEntries(
        FLOOD_KINDS.map((kind) => [
          kind,
          Object.fromEntries(floodVariants.map((b) => [b.id, /** @type {object[]} */ ([])])),
        ]),
      ),
    };
    results[markup] = r;
    if (settings.warmupLines > 0) {
      for (const variant of variants) {
        log(`${markup}: warm-up, ${variant.label}`);
        await streamRun(variant, markup, { ...settings, lines: settings.warmupLines, profile: cli.profile });
      }
    }
    for (let run = 1; run <= settings.runs; run++) {
      for (const variant of variants) {
        const s = await streamRun(variant, markup, { ...settings, profile: cli.profile });
        r.stream[variant.id].push(s);
        log(
          `${markup}: run ${run}/${settings.runs}, ${variant.label}: task ${int(s.taskMs)} ms (layout ${int(s.layoutMs)}, style ${int(s.styleMs)}), script ${int(s.scriptMs)} ms, in the extension ${int(s.extensionMs)} ms, ${int(s.layouts)} layouts, wall ${int(s.wallMs)} ms, ${int(s.nodes)} nodes${s.latencies.length ? `, detection max ${fixed(Math.max(...s.latencies), 1)} ms` : ''}, API requests ${s.apiRequestsAtOpen} at open and ${s.apiRequestsWhileStreaming} while streaming`,
        );
      }
      for (const variant of navigationVariants) {
        const n = await navigationRun(variant, markup, settings.navigations);
        r.navigation[variant.id].push(n);
        log(
          `${markup}: run ${run}/${settings.runs}, ${variant.label}: heap +${int(n.heapAfter - n.heapBefore)} B over ${settings.navigations} navigations`,
        );
      }
    }
    for (let run = 1; run <= settings.floodRuns; run++) {
      for (const kind of FLOOD_KINDS) {
        for (const variant of floodVariants) {
          const t = await floodTab(variant, markup, kind);
          r.flood[kind][variant.id].push(t);
          log(
            `${markup}: ${kind} flood ${run}/${settings.floodRuns}, ${variant.label}: longest task ${fixed(t.longestTaskMs)} ms${variant.id === 'ours' ? `, ours at most ${fixed(t.oursMaxMs)} ms in one task (${int(t.tasksWithOurs)} tasks, ${fixed(t.oursTotalMs)} ms in all)` : ''}`,
          );
        }
      }
    }
  }
  if (ours) {
    await popupRun(ours); // warm-up
    for (let run = 0; run < settings.popupRuns; run++) popupTimes.push(await popupRun(ours));
    log(`popup: ${popupTimes.map((ms) => fixed(ms)).join(', ')} ms`);
  }
} finally {
  await variants[0]?.context.close();
}

const f = figures(results, popupTimes, product, (Date.now() - started) / 1000, {
  settings: { ...settings, smoke: cli.smoke, markups },
  contentScript,
});
const checks = verdicts(f);
mkdirSync(outDir, { recursive: true });
const mdPath = join(outDir, 'benchmarks.md');
const jsonPath = join(outDir, 'benchmarks.json');
writeFileSync(jsonPath, `${JSON.stringify({ ...f, budgets: checks, runs: results }, null, 2)}\n`);
writeFileSync(mdPath, report(f, checks));
const written = relative('.', mdPath);
if (!written.startsWith('..')) {
  // In the repository, the files are written as `npm run format` would leave them (aligned tables).
  execFileSync(join('node_modules', '.bin', 'biome'), ['format', '--write', mdPath, jsonPath], { stdio: 'ignore' });
}
console.log(`\nWritten: ${written.startsWith('..') ? mdPath : written}, benchmarks.json beside it`);
const enforced = (check) => !cli.smoke || BUDGETS_ON_COUNTS.includes(check.key);
for (const check of checks) {
  const verdict = !enforced(check) ? '    ' : check.holds ? 'pass' : 'FAIL';
  console.log(`${verdict}  ${check.what}: ${fixed(check.value, 3)} (budget ${check.budget})`);
}

if (cli.smoke) {
  // The smoke run proves the bench still works: every figure must exist; only counts are held to budget.
  const missing = checks
    .filter((check) => typeof check.value !== 'number' || Number.isNaN(check.value))
    .map((check) => check.what);
  for (const [markup, m] of Object.entries(f.markups)) {
    if (m.detectionMs.n === 0) missing.push(`detection samples, ${markup} markup`);
  }
  if (missing.length > 0) {
    console.error(`Smoke run: no figure for ${missing.join(', ')}`);
    process.exit(1);
  }
  const broken = checks.filter((check) => enforced(check) && !check.holds);
  if (broken.length > 0) {
    console.error(`Smoke run: budgets on counts broken: ${broken.map((check) => check.what).join('; ')}`);
    process.exit(1);
  }
  console.log(
    'Smoke run: every figure was produced and the budgets on counts hold (those on times are checked by the full `npm run bench`).',
  );
} else if (checks.some((check) => !check.holds)) {
  console.error(
    `Budgets broken: ${checks
      .filter((c) => !c.holds)
      .map((c) => c.what)
      .join('; ')}`,
  );
  process.exit(1);
}
