// The top of the fake job page: breadcrumbs, title and Rerun menu, and the parallel runs bar, in the
// page's markup variant (markup-variant.js).

import { el } from './dom.js';
import { jobUrl, SSH_RERUNS } from './jobs.js';
import { cls, cy, emotion, HASHED } from './markup-variant.js';

/**
 * The job page's header: breadcrumbs, the job's title and the Rerun menu, for the job `view` shows.
 * @param {(path: string) => void} navigate the app's in-page navigation
 */
export function header(view, navigate) {
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
  const rerun = rerunMenu(number, navigate);
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
function rerunMenu(number, navigate) {
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

/** The parallel runs bar of the job `view` shows, none for a single container. */
export function parallelRuns(view) {
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
