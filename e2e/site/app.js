// A fake of CircleCI's new job page (app.circleci.com) for the e2e tests and the demo. It renders the
// markup described in README.md. All state (expansion, streamed lines) lives in `jobStates`, never in
// the DOM, because the real React app throws nodes away and re-creates them whenever it likes.
import { jobs, jobUrl, legacyBuilds, legacyUrl, ordinaryJob, segments } from './jobs.js';

const root = document.getElementById('root');

// jobNumber → { number, scenario, containers: [{ steps: [step + { visible }] }] }
const jobStates = new Map();

// What is on screen: null on the pipelines page, else
// { job, base, container, runs: Element|null, steps: Element, blocks: Map<step, Element> }.
let view = null;

// Job URLs the app knows (docs/circleci-page.md#u1-job-urls, #u2-parallel-run-and-step); group 1 is the job's
// own URL without the suffixes.
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
  const scenario = jobs[number] ?? ordinaryJob(number);
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
  const main = el('main', {}, header(), el('div', { class: 'tabs' }, ...tabs), view.runs, view.steps);
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
  return el(
    'header',
    {},
    el(
      'nav',
      { 'aria-label': 'Breadcrumbs' },
      link(project.split('/').slice(0, 4).join('/'), 'All Pipelines'),
      link(project, repo),
      link(`${project}?branch=main`, 'main'),
      link(`${project}/${scenario.pipeline}`, `${repo} ${scenario.pipeline}`),
      link(`${project}/${scenario.pipeline}/workflows/${scenario.workflow}`, 'build-and-test'),
      el('span', {}, `${scenario.name} (${number})`),
    ),
    el('h1', {}, `${scenario.name} (${number})`),
    // CircleCI's Rerun menu, which holds "Cancel job" (docs/circleci-page.md#d10-rerun-menu); the menu itself is
    // not modelled.
    el('button', { type: 'button', 'aria-haspopup': 'menu' }, 'Rerun ▾'),
  );
}

function parallelRuns() {
  const { job, base, container } = view;
  if (job.containers.length < 2) return null;
  return el(
    'section',
    { 'aria-label': 'Parallel Runs', 'data-cy': 'parallel-runs' },
    ...job.containers.map((_, index) => {
      const current = index === container ? { 'aria-current': 'page' } : {};
      return el('a', { 'data-cy': 'parallel-run', href: `${base}/parallel-runs/${index}`, ...current }, String(index));
    }),
  );
}

function shownSteps() {
  return view.job.containers[view.container]?.steps ?? [];
}

function stepList() {
  view.blocks = new Map();
  return el(
    'div',
    { 'data-cy': 'steps' },
    ...shownSteps()
      .filter((s) => s.visible)
      .map(stepBlock),
  );
}

function stepBlock(step) {
  const button = el(
    'button',
    { 'data-cy': 'step-name', 'aria-expanded': String(step.expanded) },
    el('div', { id: 'metadata' }, el('div', {}, step.name), el('div', {}, step.duration)),
  );
  const block = el('div', { tabindex: '0' }, button, step.expanded ? stepOutput(step) : null);
  button.addEventListener('click', () => {
    step.expanded = !step.expanded;
    button.setAttribute('aria-expanded', String(step.expanded));
    // Collapsed output leaves the DOM, as far as anyone knows CircleCI does
    // (docs/circleci-page.md#d7-collapsed-steps).
    if (step.expanded) block.append(stepOutput(step));
    else outputOf(block)?.remove();
  });
  view.blocks.set(step, block);
  return block;
}

function outputOf(block) {
  return block.querySelector(':scope > [data-cy="step-output"]');
}

function stepOutput(step) {
  return el('div', { 'data-cy': 'step-output' }, el('pre', {}, ...step.lines.map((line, i) => lineNode(line, i + 1))));
}

function lineNode(text, number) {
  const pieces = segments(text).map((s) => (s.color ? el('span', { style: `color:${s.color}` }, s.text) : s.text));
  if (view.job.scenario.lineStyle === 'gutter') {
    return el(
      'div',
      { class: 'log-line' },
      el('span', { class: 'line-number', 'aria-hidden': 'true' }, String(number)),
      el('span', { class: 'line-text' }, ...pieces),
    );
  }
  return el('span', {}, ...pieces, '\n');
}

function appendLines(step, lines) {
  const first = step.lines.length + 1;
  step.lines.push(...lines);
  // Only new nodes, like a log viewer that streams: the existing lines stay untouched.
  const pre = view?.blocks.get(step)?.querySelector(':scope > [data-cy="step-output"] pre');
  pre?.append(...lines.map((line, i) => lineNode(line, first + i)));
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
  view.steps.insertBefore(stepBlock(step), next ?? null);
}

function rerender() {
  const steps = stepList();
  view.steps.replaceWith(steps);
  view.steps = steps;
}

function jobLink(number) {
  const { name, title } = jobs[number];
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
    { class: 'pipelines' },
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
  const link = event.target.closest('a[data-spa], a[data-cy="parallel-run"]');
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

window.__fixture = {
  ready: false,
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

render();
window.__fixture.ready = true;
