// A fake of CircleCI's new job page (app.circleci.com) for the e2e tests and the demo. It renders the
// markup described in README.md, in the variant the `fixture-markup` cookie names (README.md, "Markup
// variants"). All state (expansion, streamed lines) lives in `jobStates`, never in the DOM, because the
// real React app throws nodes away and re-creates them whenever it likes.
import { hostileJobs, jobs, jobUrl, legacyBuilds, legacyUrl, ordinaryJob, SSH_RERUNS, segments } from './jobs.js';
import { MARKUP_COOKIE, MARKUPS, TEXTLESS_MARKUPS } from './markup.js';

/** The page's one mount point (app.html). */
const root = /** @type {HTMLElement} */ (document.getElementById('root'));

// jobNumber → { number, scenario, containers: [{ steps: [step + { visible }] }] }
const jobStates = new Map();

// What is on screen: null on the pipelines page, else
// { job, base, container, runs: Element|null, steps: Element, blocks: Map<step, Element> }.
let view = null;

// Each rendered step output → the function that appends lines to it (its variant's own way).
const appenders = new WeakMap();

// ---- Markup variants ---------------------------------------------------------------------------

const markup = markupOfPage();
const HASHED = markup === 'hashed';
// Emotion-style class names, `css-<hash>`, drawn anew on every page load (hashed only).
const hashes = new Map();

/** @returns {import('./types').Markup} */
function markupOfPage() {
  const prefix = `${MARKUP_COOKIE}=`;
  const cookie = document.cookie.split(/;\s*/).find((c) => c.startsWith(prefix));
  // An unknown name is let through, for the alert below.
  return cookie === undefined ? 'classic' : /** @type {any} */ (decodeURIComponent(cookie.slice(prefix.length)));
}

// The only data-cy values the public evidence confirms (docs/circleci-page.md#new-ui-markup): `hashed` keeps just these.
const CONFIRMED_DATA_CY = new Set(['step-name', 'step-output']);
// `renamed`: a redesign that renamed every hook; the text on screen stays the same.
const RENAMED_DATA_CY = {
  'step-name': 'step-toggle',
  'step-output': 'step-log',
  steps: 'step-list',
  'parallel-runs': 'run-bar',
  'parallel-run': 'run-box',
};

/** The attribute CircleCI would put on an element for `data-cy=value`, in this variant (maybe none). */
function cy(value) {
  if (markup === 'renamed') return { 'data-testid': RENAMED_DATA_CY[value] };
  if (HASHED && !CONFIRMED_DATA_CY.has(value)) return {};
  return { 'data-cy': value };
}

const METADATA_ID = markup === 'renamed' ? 'step-summary' : 'metadata';

/** A class name: as written, or its per-load `css-<hash>` in `hashed`. */
function cls(name) {
  if (!HASHED) return name;
  if (!hashes.has(name)) {
    const taken = new Set(hashes.values());
    let hash;
    do hash = `css-${randomBase36(6)}`;
    while (taken.has(hash));
    hashes.set(name, hash);
  }
  return hashes.get(name);
}

function randomBase36(length) {
  const digits = 'abcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(crypto.getRandomValues(new Uint8Array(length)), (byte) => digits[byte % 36]).join('');
}

/** A class only `hashed` has: Emotion gives nearly every element one. */
function emotion(name) {
  return HASHED ? { class: cls(name) } : {};
}

// Style rules of the variants; `.$name` is the class `cls(name)`. Classic's are all in app.html.
const MONO = 'font: 12.5px/1.5 ui-monospace, Menlo, Consolas, monospace';
const GUTTER = `flex: none; width: 3.5em; padding-right: 1em; text-align: right; color: #7a7a7a; user-select: none; ${MONO}`;
const VARIANT_CSS = {
  classic: [],
  rows: [
    '.$log-row { display: flex; }',
    `.$log-row-number { ${GUTTER}; }`,
    '.$log-row > pre { flex: 1; min-width: 0; min-height: 1.5em; }',
  ],
  columns: [
    '.$log-columns { display: flex; }',
    `.$log-gutter { ${GUTTER}; }`,
    '.$log-text { flex: 1; min-width: 0; overflow-x: auto; }',
    '.$log-columns .$log-text-line { min-height: 1.5em; white-space: pre; }',
  ],
  chunks: ['.$log-chunk-line { min-height: 1.5em; }'],
  canvas: [],
  hashed: [
    // classic's class rules of app.html, under this load's names
    '.$tabs { display: flex; gap: 20px; border-bottom: 1px solid #d5d5d5; margin-bottom: 12px; }',
    '.$tabs span { padding: 6px 0; color: #6a6a6a; }',
    '.$tabs span:first-child { color: #161616; border-bottom: 2px solid #161616; }',
    '.$log-line { display: flex; }',
    `.$line-number { ${GUTTER}; }`,
    '.$line-text { white-space: pre-wrap; }',
    '.$pipelines ul { padding-left: 18px; }',
    '.$pipelines li { margin: 4px 0; color: #6a6a6a; }',
    // what classic styles by data-cy
    '.$title-bar { display: flex; align-items: center; justify-content: space-between; }',
    '.$title-group { display: flex; align-items: center; gap: 12px; }',
    '.$status { padding: 2px 8px; border-radius: 10px; background: #e6f0ff; color: #0b4fa8; font-size: 12px; }',
    '.$runs { display: flex; gap: 6px; align-items: center; margin-bottom: 12px; }',
    '.$runs-title { font-weight: 600; margin-right: 8px; }',
    '.$run { display: flex; gap: 6px; align-items: center; padding: 6px 8px; border: 1px solid #cfcfcf; border-radius: 4px; background: #fff; color: #161616; }',
    '.$run-selected { border-color: #161616; box-shadow: inset 0 0 0 1px #161616; }',
    '.$run-time { color: #6a6a6a; font-size: 12px; }',
    '.$step { background: #fff; border: 1px solid #dedede; border-bottom: 0; }',
    '.$step-wrapper:last-child > .$step { border-bottom: 1px solid #dedede; }',
  ],
  renamed: [
    "[data-testid='run-bar'] { display: flex; gap: 6px; align-items: center; margin-bottom: 12px; }",
    "[data-testid='run-bar']::before { content: 'Parallel Runs'; font-weight: 600; margin-right: 8px; }",
    "[data-testid='run-box'] { width: 36px; padding: 6px 0; text-align: center; border: 1px solid #cfcfcf; border-radius: 4px; background: #fff; color: #161616; }",
    "[data-testid='run-box'][aria-current='page'] { border-color: #161616; box-shadow: inset 0 0 0 1px #161616; }",
    "[data-testid='step-list'] > div { background: #fff; border: 1px solid #dedede; border-bottom: 0; }",
    "[data-testid='step-list'] > div:last-child { border-bottom: 1px solid #dedede; }",
    "[data-testid='step-toggle'] { display: flex; width: 100%; padding: 10px 12px; border: 0; background: none; font: inherit; text-align: left; cursor: pointer; }",
    '#step-summary { display: flex; flex: 1; justify-content: space-between; }',
    '#step-summary > div:last-child { color: #6a6a6a; }',
    "[data-testid='step-log'] { background: #1e1e1e; padding: 8px 0; }",
    `[data-testid='step-log'] pre { margin: 0; padding: 0 12px; color: #e4e4e4; ${MONO}; white-space: pre-wrap; overflow-wrap: anywhere; }`,
  ],
};

function variantStyle() {
  const rules = VARIANT_CSS[markup].map((rule) => rule.replace(/\.\$([\w-]+)/g, (_, name) => `.${cls(name)}`));
  return el('style', HASHED ? { 'data-emotion': 'css' } : { 'data-fixture': 'markup-css' }, rules.join('\n'));
}

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

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children.filter((child) => child !== null));
  return node;
}

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
    const runs = parallelRuns();
    view.runs?.replaceWith(runs);
    view.runs = runs;
    rerender();
    return;
  }
  view = { job, base: route.base, container: route.container, runs: null, steps: null, blocks: new Map() };
  view.runs = parallelRuns();
  view.steps = stepList();
  document.title = `${job.scenario.name} (${job.number}) - CircleCI`;
  const tabs = ['Steps', 'Tests', 'Timing', 'Artifacts', 'Resources'].map((tab) => el('span', {}, tab));
  const main = el('main', emotion('main'), header(), el('div', { class: cls('tabs') }, ...tabs), view.runs, view.steps);
  root.replaceChildren(main, relatedJobs());
}

function header() {
  const { scenario, number } = view.job;
  // The project's pipelines URL, e.g. /pipelines/github/acme/api, whichever job URL form is shown.
  const project = view.base.startsWith('/jobs/')
    ? `/pipelines/${view.base.split('/').slice(2, 5).join('/')}`
    : view.base.split('/').slice(0, 5).join('/');
  const link = (href, text) => el('a', { href, 'data-spa': '' }, text);
  const repo = project.split('/').pop();
  const breadcrumbs = el(
    'nav',
    { 'aria-label': 'Breadcrumbs', ...emotion('breadcrumbs') },
    link(project.split('/').slice(0, 4).join('/'), 'All Pipelines'),
    link(project, repo),
    link(`${project}?branch=main`, 'main'),
    link(`${project}/${scenario.pipeline}`, `${repo} ${scenario.pipeline}`),
    link(`${project}/${scenario.pipeline}/workflows/${scenario.workflow}`, 'build-and-test'),
    el('span', {}, `${scenario.name} (${number})`),
  );
  const title = el('h1', emotion('title'), `${scenario.name} (${number})`);
  // CircleCI's Rerun menu, which holds "Cancel job" (docs/circleci-page.md#d10-rerun-menu).
  const rerun = rerunMenu(number);
  if (!HASHED) return el('header', {}, breadcrumbs, title, rerun);
  // The title deeper in wrappers, beside a status pill; the buttons in a group of their own.
  return el(
    'header',
    emotion('header'),
    breadcrumbs,
    el(
      'div',
      emotion('title-bar'),
      el(
        'div',
        emotion('title-group'),
        el('div', emotion('title-text'), title),
        el('span', emotion('status'), 'Running'),
      ),
      el('div', emotion('actions'), rerun),
    ),
  );
}

// The Rerun menu with the items of the docs screenshot; its real markup is not known. Only "Rerun job
// with SSH" does something: the job SSH_RERUNS names (jobs.js) is the new job, and a moment later the
// page moves there, as the app does once CircleCI has created the rerun.
function rerunMenu(number) {
  const button = el(
    'button',
    { type: 'button', 'aria-haspopup': 'menu', 'aria-expanded': 'false', ...emotion('rerun') },
    'Rerun ▾',
  );
  const items = ['Rerun workflow from start', 'Rerun workflow from failed', 'Rerun job with SSH', 'Cancel job'];
  const menu = el(
    'ul',
    { role: 'menu', hidden: '', ...emotion('rerun-menu') },
    ...items.map((item) => el('li', { role: 'none' }, el('button', { type: 'button', role: 'menuitem' }, item))),
  );
  const close = () => {
    menu.hidden = true;
    button.setAttribute('aria-expanded', 'false');
  };
  button.addEventListener('click', () => {
    menu.hidden = !menu.hidden;
    button.setAttribute('aria-expanded', String(!menu.hidden));
  });
  menu.addEventListener('click', (event) => {
    const item = event.target.closest('[role=menuitem]');
    if (!item) return;
    close();
    const next = SSH_RERUNS[number];
    if (item.textContent === 'Rerun job with SSH' && next)
      setTimeout(() => navigate(new URL(jobUrl(next)).pathname), 300);
  });
  return el('span', emotion('rerun-group'), button, menu);
}

function parallelRuns() {
  const { job, base, container } = view;
  if (job.containers.length < 2) return null;
  if (HASHED) {
    // Boxes as in CircleCI's screenshot: a cube icon, the index and the duration; the selected one by class only.
    const runs = job.containers.map((_, index) => {
      const classes = index === container ? `${cls('run')} ${cls('run-selected')}` : cls('run');
      return el(
        'a',
        { class: classes, href: `${base}/parallel-runs/${index}`, 'data-fixture': 'run' },
        cubeIcon(),
        el('span', emotion('run-index'), String(index)),
        el('span', emotion('run-time'), runDuration(index)),
      );
    });
    return el(
      'div',
      { ...emotion('runs'), 'data-fixture': 'runs' },
      el('div', emotion('runs-title'), 'Parallel Runs'),
      el('div', emotion('run-list'), ...runs),
    );
  }
  return el(
    'section',
    { 'aria-label': 'Parallel Runs', ...cy('parallel-runs'), 'data-fixture': 'runs' },
    ...job.containers.map((_, index) => {
      const current = index === container ? { 'aria-current': 'page' } : {};
      return el(
        'a',
        { ...cy('parallel-run'), href: `${base}/parallel-runs/${index}`, ...current, 'data-fixture': 'run' },
        String(index),
      );
    }),
  );
}

function cubeIcon() {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  for (const [name, value] of Object.entries({
    'aria-hidden': 'true',
    viewBox: '0 0 16 16',
    width: '12',
    height: '12',
  })) {
    svg.setAttribute(name, value);
  }
  const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
  path.setAttribute('d', 'M8 1l6 3.5v7L8 15l-6-3.5v-7zM2 4.5L8 8l6-3.5M8 8v7');
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', 'currentColor');
  svg.append(path);
  return svg;
}

/** A run box's duration, `m:ss`, made up per index. */
function runDuration(index) {
  const seconds = 13 + ((index * 17) % 47);
  return `0:${String(seconds).padStart(2, '0')}`;
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
  const append = logOf(output, step);
  appenders.set(output, append);
  append(step.lines, 1);
  return output;
}

// ---- Log lines, one renderer per variant --------------------------------------------------------
// Each takes the empty output element and returns `append(lines, firstLineNumber)`, which adds only
// new nodes, as a streaming log viewer does. Every line's element has `data-fixture="line"`.

/** The line's coloured pieces: a `span` with a colour, or plain text. */
function pieces(text) {
  return segments(text).map((s) => (s.color ? el('span', { style: `color:${s.color}` }, s.text) : s.text));
}

// classic, hashed, renamed: one `pre`, each line a span (`spans`) or a gutter row (`gutter`).
function preLog(output) {
  const pre = el('pre', emotion('log'));
  output.append(pre);
  return (lines, first) => pre.append(...lines.map((line, i) => preLine(line, first + i)));
}

// canvas: the lines are drawn, not written; the DOM holds a canvas and no text (a terminal widget).
function canvasLog(output) {
  const canvas = el('canvas', { width: '960', height: '0', 'aria-hidden': 'true' });
  output.append(canvas);
  const drawn = [];
  return (lines) => {
    drawn.push(...lines);
    const lineHeight = 18;
    canvas.height = drawn.length * lineHeight + 8;
    const context = canvas.getContext('2d');
    if (!context) return;
    context.font = '13px monospace';
    context.fillStyle = '#e4e4e4';
    for (const [i, line] of drawn.entries()) {
      const text = segments(line)
        .map((segment) => segment.text)
        .join('');
      context.fillText(text, 12, (i + 1) * lineHeight);
    }
  };
}

function preLine(text, number) {
  if (view.job.scenario.lineStyle === 'gutter') {
    return el(
      'div',
      { class: cls('log-line'), 'data-fixture': 'line' },
      el('span', { class: cls('line-number'), 'aria-hidden': 'true' }, String(number)),
      el('span', { class: cls('line-text') }, ...pieces(text)),
    );
  }
  return el('span', { 'data-fixture': 'line', ...emotion('line') }, ...pieces(text), '\n');
}

// rows: no enclosing `pre`; each line a row with its number as a line anchor, then its own `pre`.
function rowsLog(output, step) {
  return (lines, first) =>
    output.append(
      ...lines.map((line, i) =>
        el(
          'div',
          { class: 'log-row', 'data-fixture': 'line' },
          el('a', { class: 'log-row-number', href: `#step-${step.id}-${first + i}` }, String(first + i)),
          el('pre', {}, ...pieces(line)),
        ),
      ),
    );
}

// columns: a gutter column of numbers beside a text column of one `pre` per line.
function columnsLog(output) {
  const gutter = el('div', { class: 'log-gutter' });
  const text = el('div', { class: 'log-text' });
  output.classList.add('log-columns');
  output.append(gutter, text);
  return (lines, first) => {
    gutter.append(...lines.map((_, i) => el('div', {}, String(first + i))));
    text.append(...lines.map((line) => el('pre', { class: 'log-text-line', 'data-fixture': 'line' }, ...pieces(line))));
  };
}

// chunks: 50 lines a chunk, each chunk one `pre` of line `div`s, each line's text cut over several
// `span`s at arbitrary places (as ANSI colour codes and the writes of a stream cut it).
const CHUNK_LINES = 50;

function chunksLog(output) {
  let pre = null;
  let inChunk = 0;
  return (lines, first) => {
    for (const [i, line] of lines.entries()) {
      if (pre === null || inChunk === CHUNK_LINES) {
        pre = el('pre', {});
        const style = 'content-visibility:auto;contain-intrinsic-size:auto 750px';
        output.append(el('div', { class: 'log-chunk', style }, pre));
        inChunk = 0;
      }
      pre.append(chunkLine(line, first + i));
      inChunk++;
    }
  };
}

function chunkLine(text, number) {
  const line = el('div', { class: 'log-chunk-line', 'data-fixture': 'line' });
  // Cut where the colour changes and at pseudo-random places in between (stable per line).
  let seed = (number * 2654435761 + text.length) >>> 0;
  for (const { text: segment, color } of segments(text)) {
    for (let at = 0; at < segment.length; ) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      const length = 2 + (seed >>> 29); // 2–9 characters
      line.append(el('span', color ? { style: `color:${color}` } : {}, segment.slice(at, at + length)));
      at += length;
    }
  }
  return line;
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
