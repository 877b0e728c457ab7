// A fake of the legacy CircleCI 1.0 build page (circleci.com/gh|bb/ORG/REPO/N), modelled on the
// open-sourced frontend (CircleCI-Archived/frontend, build_steps.cljs and build.cljs;
// docs/circleci-page.md#legacy-ui-markup).
// Only the selected container's view is rendered; the container comes from `#<tab>/containers/<n>`.
import { hostileBuilds, legacyBuilds, segments } from './jobs.js';

/** The page's one mount point (legacy.html). */
const root = /** @type {HTMLElement} */ (document.getElementById('root'));
const route = /^\/(gh|bb)\/([^/]+)\/([^/]+)\/(\d+)\/?$/.exec(location.pathname);
const build = route && (legacyBuilds[Number(route[4])] ?? hostileBuilds[Number(route[4])]);

// Open/closed state and output live here, so re-renders start from it (like Om's app state).
const containers = build ? structuredClone(build.containers) : [];
let selected = null; // { index, wrapper: Element, shown: Map<action, Element> }

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.append(...children.filter((child) => child !== null));
  return node;
}

function parseHash() {
  // The pattern matches every string, the empty one too.
  const [, tab, container] = /** @type {RegExpExecArray} */ (
    /^#?([a-zA-Z0-9-]*)(?:\/containers\/(\d+))?/.exec(location.hash)
  );
  return { tab: tab || 'build-timing', container: Number(container ?? 0) };
}

// One output message: ANSI colours became nested spans, lines stay "\n"-separated text.
function chunk(message) {
  const span = el('span', { class: 'pre' });
  message.split('\n').forEach((line, i) => {
    if (i > 0) span.append('\n');
    for (const s of segments(line)) span.append(s.color ? el('span', { style: `color:${s.color}` }, s.text) : s.text);
  });
  return span;
}

function detail(action) {
  const pre = el('pre', { class: 'output' }, ...action.messages.map(chunk));
  return el(
    'div',
    { class: 'detail-wrapper' },
    el('div', { class: 'detail' }, el('div', { class: 'action-log-messages' }, pre)),
  );
}

function actionView(action) {
  const header = el(
    'div',
    { class: `action_header ${action.status}` },
    el(
      'div',
      { class: 'ah_wrapper' },
      el(
        'div',
        { class: 'header' },
        el('div', { class: 'button' }),
        el(
          'div',
          { class: 'command' },
          el('span', { class: 'command-text', title: action.bashCommand }, action.name),
          el('span', { class: 'time' }, action.duration),
        ),
      ),
    ),
  );
  const output = el('div', { class: 'build-output' }, header);
  const sync = () => {
    header.classList.toggle('open', action.open);
    // The legacy UI only had output in the DOM for open actions.
    if (action.open) output.append(detail(action));
    else output.querySelector(':scope > .detail-wrapper')?.remove();
  };
  header.addEventListener('click', () => {
    action.open = !action.open;
    sync();
  });
  sync();
  selected.shown.set(action, output);
  return el(
    'div',
    // `type: null`: an action block without a type class (the hostile corpus).
    { ...(action.type === null ? {} : { class: `type-${action.type}` }), id: `action-${action.step}` },
    el('div', { class: 'type-divider' }, el('span', {}, action.type ?? '')),
    output,
  );
}

function render() {
  const { tab, container } = parseHash();
  for (const pill of root.querySelectorAll('.container-selector')) {
    const index = Number(pill.querySelector('.container-index')?.textContent);
    pill.classList.toggle('active', index === container);
    pill.setAttribute('href', `#${tab}/containers/${index}`);
  }
  const previous = selected?.wrapper;
  selected = { index: container, wrapper: /** @type {HTMLElement | null} */ (null), shown: new Map() };
  const actions = containers[container]?.actions ?? [];
  selected.wrapper = el(
    'div',
    { class: `selected_${container}` },
    el('div', { class: 'container-view', id: `container_${container}` }, ...actions.map(actionView)),
  );
  if (previous) previous.replaceWith(selected.wrapper);
  else root.append(/** @type {HTMLElement} */ (selected.wrapper));
}

if (!build) {
  root.append(el('h1', {}, 'Build not found'));
} else {
  const [, vcs, org, repo, number] = route;
  document.title = `${org}/${repo} #${number} - CircleCI`;
  root.append(
    el('h1', {}, el('a', { href: `/${vcs}/${org}/${repo}` }, `${org} / ${repo}`), ` #${number}`),
    el(
      'div',
      { class: 'container-list' },
      ...containers.map((_, index) =>
        el(
          'a',
          { class: 'container-selector', href: `#build-timing/containers/${index}` },
          el('span', { class: 'upper-pill-section' }, el('span', { class: 'container-index' }, String(index))),
        ),
      ),
    ),
  );
  render();
  addEventListener('hashchange', render);
}

/** @type {any} */ (window).__fixture = {
  ready: true,
  // Like Pusher's appendAction: the lines arrive as one more message.
  append(actionName, lines, container = selected?.index) {
    const action = containers[container]?.actions.find((a) => a.name === actionName);
    if (!action) throw new Error(`no action "${actionName}" in container ${container}`);
    const message = lines.map((line) => `${line}\n`).join('');
    action.messages.push(message);
    const pre = container === selected.index && selected.shown.get(action)?.querySelector('pre.output');
    if (pre) pre.append(chunk(message));
  },
  rerender: () => build && render(),
};
