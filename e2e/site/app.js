// A fake of CircleCI's new job page (app.circleci.com) for the e2e tests and the demo. It renders the
// markup described in README.md, in the variant the `fixture-markup` cookie names (README.md, "Markup
// variants"). All state (expansion, streamed lines) lives in `jobStates`, never in the DOM, because the
// real React app throws nodes away and re-creates them whenever it likes.

import { el } from './dom.js';
import { header, parallelRuns } from './job-header.js';
import { hostileJobs, jobs, jobUrl, legacyBuilds, legacyUrl, ordinaryJob } from './jobs.js';
import { canvasLog, chunksLog, columnsLog, preLog, rowsLog } from './log-lines.js';
import { MARKUP_COOKIE, MARKUPS, TEXTLESS_MARKUPS } from './markup.js';
import { cls, cy, emotion, HASHED, METADATA_ID, markup, VARIANT_CSS, variantStyle } from './markup-variant.js';

/** The page's one mount point (app.html). */
const root = /** @type {HTMLElement} */ (document.getElementById('root'));

// jobNumber → { number, scenario, containers: [{ steps: [step + { visible }] }] }
const jobStates = new Map();

// What is on screen: null on the pipelines page, else
// { job, base, container, runs: Element|null, steps: Element, blocks: Map<step, Element> }.
let view = null;

// Each rendered step output → the function that appends lines to it (its variant's own way).
const appenders = new WeakMap();

// ---- Routes and state ---------------------------------------------------------------------------

// Job URLs the app knows (docs/circleci-page.md#u1-job-urls); group 1 is the job's own URL without the suffixes.
const JOB_PATH = new RegExp(
  '^(/pipelines/(?:(?:github|bitbucket|gh|bb)/[^/]+/[^/]+|circleci/[^/]+/[^/]+)/\\d+/workflows/[^/]+/jobs/(\\d+)' +
    '|/jobs/(?:github|bitbucket)/[^/]+/[^/]+/(\\d+))' +
    '(?:/parallel-runs/(\\d+))?(?:/steps/\\d+-(\\d+))?/?$',
);

function parseJobPath(pathname) {
  const match = JOB_PATH.exec(pathname);
  if (!match) return null;
  const [, base, number, oldNumber, container, stepId] = match;
  return {
    base,
    number: Number(number ?? oldNumber),
    container: Number(container ?? 0),
    stepId: stepId === undefined ? null : Number(stepId),
  };
}

function jobState(number) {
  let job = jobStates.get(number);
  if (job) return job;
  const scenario = jobs[number] ?? hostileJobs[number] ?? ordinaryJob(number);
  job = {
    number,
    scenario,
    containers: structuredClone(scenario.containers).map(({ steps }) => ({
      steps: steps.map((step) => ({ ...step, visible: step.appearAfterMs === undefined })),
    })),
  };
  jobStates.set(number, job);
  // A running job keeps producing output whichever page or container is on screen.
  for (const { steps } of job.containers) {
    for (const step of steps) {
      for (const { afterMs, lines } of step.stream ?? []) setTimeout(() => appendLines(step, lines), afterMs);
      if (!step.visible) setTimeout(() => showStep(step), step.appearAfterMs);
    }
  }
  return job;
}

// ---- Rendering ---------------------------------------------------------------------------------

function render() {
  const route = parseJobPath(location.pathname);
  if (!route) {
    view = null;
    document.title = 'Pipelines - CircleCI';
    root.replaceChildren(pipelinesPage());
    return;
  }
  const job = jobState(route.number);
  const step = job.containers[route.container]?.steps.find((s) => s.id === route.stepId);
  if (step) step.expanded = true; // a step link opens that step
  if (view?.job === job && view.base === route.base) {
    // Same job (another run or step link): like a React re-render, only the runs bar and steps change.
    view.container = route.container;
    const runs = parallelRuns(view);
    view.runs?.replaceWith(runs);
    view.runs = runs;
    rerender();
    return;
  }
  view = { job, base: route.base, container: route.container, runs: null, steps: null, blocks: new Map() };
  view.runs = parallelRuns(view);
  view.steps = stepList();
  document.title = `${job.scenario.name} (${job.number}) - CircleCI`;
  const tabs = ['Steps', 'Tests', 'Timing', 'Artifacts', 'Resources'].map((tab) => el('span', {}, tab));
  const main = el(
    'main',
    emotion('main'),
    header(view, navigate),
    el('div', { class: cls('tabs') }, ...tabs),
    view.runs,
    view.steps,
  );
  root.replaceChildren(main, relatedJobs());
}

function shownSteps() {
  return view.job.containers[view.container]?.steps ?? [];
}

function stepList() {
  view.blocks = new Map();
  return el(
    'div',
    { ...cy('steps'), 'data-fixture': 'steps', ...emotion('steps') },
    ...shownSteps()
      .filter((s) => s.visible)
      .map(stepBlock),
  );
}

/** A step block, `div[tabindex] > button`, in what the step list holds: itself, or its wrapper in `hashed`. */
function stepBlock(step) {
  const button = el(
    'button',
    { ...cy('step-name'), 'aria-expanded': String(step.expanded), ...emotion('step-toggle') },
    el(
      'div',
      { id: METADATA_ID, ...emotion('step-meta') },
      el('div', { 'data-fixture': 'step-name', ...emotion('step-title') }, step.name),
      el('div', emotion('step-duration'), step.duration),
    ),
  );
  const block = el(
    'div',
    { tabindex: '0', 'data-fixture': 'step', ...emotion('step') },
    button,
    step.expanded ? outputPart(step) : null,
  );
  button.addEventListener('click', () => {
    step.expanded = !step.expanded;
    button.setAttribute('aria-expanded', String(step.expanded));
    // Collapsed output leaves the DOM, as far as anyone knows CircleCI does (docs/circleci-page.md#d7-collapsed-steps).
    if (step.expanded) block.append(outputPart(step));
    else blockChildHolding(block, outputOf(block))?.remove();
  });
  view.blocks.set(step, block);
  return HASHED ? el('div', emotion('step-wrapper'), block) : block;
}

/** What the step list holds for a block: the block, or its wrapper in `hashed`. */
function listItem(block) {
  return HASHED ? block.parentElement : block;
}

function outputOf(block) {
  return block.querySelector('[data-fixture="output"]');
}

/** The block's own child that holds `node` (the output itself, or the wrappers around it in `chunks`). */
function blockChildHolding(block, node) {
  let child = node;
  while (child && child.parentElement !== block) child = child.parentElement;
  return child;
}

/** A step's output as the block holds it: in `chunks`, inside two more wrappers. */
function outputPart(step) {
  const output = stepOutput(step);
  if (markup !== 'chunks') return output;
  return el('div', { class: 'step-body' }, el('div', { class: 'log-scroller' }, output));
}

function stepOutput(step) {
  const output = el('div', { ...cy('step-output'), 'data-fixture': 'output', ...emotion('output') });
  const logOf = { rows: rowsLog, columns: columnsLog, chunks: chunksLog, canvas: canvasLog }[markup] ?? preLog;
  const append = logOf(output, step, view.job.scenario.lineStyle);
  appenders.set(output, append);
  append(step.lines, 1);
  return output;
}

function appendLines(step, lines) {
  const first = step.lines.length + 1;
  step.lines.push(...lines);
  const block = view?.blocks.get(step);
  const output = block && outputOf(block);
  if (output) appenders.get(output)(lines, first);
}

function showStep(step) {
  if (step.visible) return; // shown early by __fixture.show, before its timer
  step.visible = true;
  if (!view || !shownSteps().includes(step)) return;
  const steps = shownSteps();
  const next = steps
    .slice(steps.indexOf(step) + 1)
    .map((s) => view.blocks.get(s))
    .find(Boolean);
  view.steps.insertBefore(stepBlock(step), next ? listItem(next) : null);
}

function rerender() {
  const steps = stepList();
  view.steps.replaceWith(steps);
  view.steps = steps;
}

/** @param {number} number a scenario's job number */
function jobLink(number) {
  const { name, title } = /** @type {import('./types').Scenario} */ (jobs[number]);
  const link = el('a', { href: new URL(jobUrl(number)).pathname, 'data-spa': '' }, `${name} (${number})`);
  return el('li', {}, link, ` ${title}`);
}

function relatedJobs() {
  const others = Object.keys(jobs)
    .map(Number)
    .filter((n) => n !== view.job.number);
  const list = el('ul', {}, ...others.map(jobLink));
  return el('aside', { 'aria-label': 'Related jobs' }, el('h2', {}, 'Related jobs'), list);
}

function pipelinesPage() {
  return el(
    'main',
    { class: cls('pipelines') },
    el('header', {}, el('h1', {}, 'All Pipelines')),
    el('h2', {}, 'acme / api'),
    el('ul', {}, ...Object.keys(jobs).map(Number).map(jobLink)),
    el('h2', {}, 'Legacy UI'),
    el(
      'ul',
      {},
      ...Object.entries(legacyBuilds).map(([n, { title }]) =>
        el('li', {}, el('a', { href: legacyUrl(Number(n)) }, `acme/api #${n}`), ` ${title}`),
      ),
    ),
  );
}

// ---- Navigation --------------------------------------------------------------------------------

function navigate(path) {
  history.pushState(null, '', path);
  render();
}

document.addEventListener('click', (event) => {
  const link = /** @type {Element} */ (event.target).closest('a[data-spa], a[data-fixture="run"]');
  if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(link.getAttribute('href'));
});
addEventListener('popstate', render);

// ---- Test hooks --------------------------------------------------------------------------------

function stepNamed(name, container = view?.container) {
  const step = view?.job.containers[container]?.steps.find((s) => s.name === name);
  if (!step) throw new Error(`no step "${name}" in container ${container} of the job on screen`);
  return step;
}

// The specs' handle on the page; its shape is theirs to assume.
/** @type {any} */ (window).__fixture = {
  ready: false,
  markup,
  append: (stepName, lines, container) => appendLines(stepNamed(stepName, container), lines),
  rerender: () => view && rerender(),
  navigate,
  // A step that appears later (`appearAfterMs`), shown now: a step starting to run.
  show: (stepName, container) => showStep(stepNamed(stepName, container)),
  replaceOutput(stepName) {
    const step = stepNamed(stepName);
    const block = view.blocks.get(step);
    const output = block && outputOf(block);
    if (!output) throw new Error(`step "${stepName}" is not expanded on screen`);
    output.replaceWith(stepOutput(step));
  },
};

if (![...MARKUPS, ...TEXTLESS_MARKUPS].some((known) => known === markup)) {
  const known = [...MARKUPS, ...TEXTLESS_MARKUPS].join(', ');
  root.replaceChildren(el('p', { role: 'alert' }, `Unknown ${MARKUP_COOKIE} "${markup}": one of ${known}.`));
  throw new Error(`Unknown ${MARKUP_COOKIE} "${markup}"`);
}
if (VARIANT_CSS[markup].length > 0) document.head.append(variantStyle());
render();
/** @type {any} */ (window).__fixture.ready = true;
