// Every CircleCI selector, in one place. When CircleCI changes its markup this is the file to change.
// docs/circleci-page.md is the ledger of these hooks: where each was seen, how sure we are, and what
// stands in for it when it is missing. The e2e job pages under e2e/site render every markup the
// evidence allows. Generated class names are never used; the legacy class names are the open-sourced
// app's own.

const APP_STEP_HEADER = 'button[data-cy="step-name"]';
const APP_STEP = `div:has(> ${APP_STEP_HEADER})`;
const APP_STEP_NAME = `:scope > ${APP_STEP_HEADER} #metadata > div`;
const APP_STEP_OUTPUT = '[data-cy="step-output"]';
const APP_STEP_DURATION = `:scope > ${APP_STEP_HEADER} #metadata > div:nth-child(2)`;

const LEGACY_STEP = '.container-view > div[id^="action-"]';
const LEGACY_STEP_NAME = '.action_header .command-text';
const LEGACY_STEP_OUTPUT = 'pre.output';
const LEGACY_CONTAINER = '.container-view[id^="container_"]';

const STEP = `${APP_STEP}, ${LEGACY_STEP}`;
const STEP_OUTPUT = `${APP_STEP_OUTPUT}, ${LEGACY_STEP_OUTPUT}`;

/** Inside a step's output, what is not log text: decoration hidden from assistive technology, controls, images. */
export const NOT_LOG_TEXT =
  '[aria-hidden="true"], [hidden], button, input, select, textarea, svg, img, canvas, script, style, template';

export function isStep(element: Element): boolean {
  return element.matches(STEP);
}

/** The step blocks in `root`, including `root` itself. */
export function findSteps(root: Element): Element[] {
  const steps = [...root.querySelectorAll(STEP)];
  return root.matches(STEP) ? [root, ...steps] : steps;
}

/** The step block a node belongs to. */
export function closestStep(node: Node): Element | null {
  const element = node instanceof Element ? node : node.parentElement;
  return element?.closest(STEP) ?? null;
}

/** The step's name without the legacy UI's parallel suffix: `Enable SSH (3)` → `Enable SSH`. */
export function stepName(step: Element): string {
  const name = step.querySelector(APP_STEP_NAME) ?? step.querySelector(LEGACY_STEP_NAME);
  return (name?.textContent ?? '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/ \([0-9]+\)$/, '');
}

/** How long the step has run, as its row shows it (`3m 12s`, `1h 2m`, `0s`), in ms; undefined if not shown. */
export function stepDurationMs(step: Element): number | undefined {
  const text = step.querySelector(APP_STEP_DURATION)?.textContent?.trim() ?? '';
  const match = /^(?:(\d{1,3})h ?)?(?:(\d{1,2})m ?)?(?:(\d{1,2})s)?$/.exec(text);
  if (!match || text === '') return undefined;
  const [, hours = '0', minutes = '0', seconds = '0'] = match;
  return ((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000;
}

/** The output panel; absent while the step is collapsed. */
export function stepOutput(step: Element): Element | null {
  return step.querySelector(APP_STEP_OUTPUT) ?? step.querySelector(LEGACY_STEP_OUTPUT);
}

/** A step's output panel: what is inside it is log text, never another step. */
export function isOutput(element: Element): boolean {
  return element.matches(STEP_OUTPUT);
}

/** The step output panel a node is inside (or is), if any. */
export function closestOutput(node: Node): Element | null {
  const element = node instanceof Element ? node : node.parentElement;
  return element?.closest(STEP_OUTPUT) ?? null;
}

/** CircleCI's own action types on the legacy page; the config's commands are `dependencies`, `test`, `deployment`… */
const LEGACY_CIRCLECI_ACTION = /^type-(?:infrastructure|teardown)$/;

/**
 * What the legacy page says a step is (docs/circleci-page.md#l2-step-block): one of CircleCI's own
 * actions (an infrastructure or teardown type, no command in its header's title), one of the
 * config's commands, or nothing to go on (no type). Undefined on the new UI, which says none of this.
 */
export function legacyStepKind(step: Element): 'circleci' | 'config' | 'unknown' | undefined {
  if (!step.matches(LEGACY_STEP)) return undefined;
  const type = [...step.classList].find((name) => name.startsWith('type-'));
  if (type === undefined || type === 'type-none') return 'unknown';
  const command = step.querySelector(LEGACY_STEP_NAME)?.getAttribute('title')?.trim() ?? '';
  return LEGACY_CIRCLECI_ACTION.test(type) && command === '' ? 'circleci' : 'config';
}

/** Steps judged together: a legacy container view's, or (new UI, one run shown at a time) the whole page's. */
export function stepGroup(step: Element): Element | Document {
  return step.closest(LEGACY_CONTAINER) ?? step.ownerDocument;
}

/**
 * The parallel container a step belongs to: the legacy container view it sits in, else the run the
 * URL names, else 0, the run a job page shows first. How the page marks the selected run box is not
 * known (docs/circleci-page.md#d12-aria-current), and looking for it would search the whole page.
 */
export function containerIndex(step: Element, containerInUrl: number | undefined): number {
  const legacyView = step.closest(LEGACY_CONTAINER);
  if (legacyView) return Number(legacyView.id.slice('container_'.length)) || 0;
  return containerInUrl ?? 0;
}

// The job page's header (breadcrumbs, title, the Rerun menu), and the parallel run links. Read only
// when the SSH panel draws, never per mutation.
const APP_JOB_TITLE = 'main h1';
const APP_RERUN_MENU = 'button[aria-haspopup]';
/** Links to a parallel run of a job: only this URL shape is confirmed, not the boxes' markup. */
const RUN_LINK = 'a[href*="/parallel-runs/"]';
const RUN_IN_PATH = /\/parallel-runs\/([0-9]{1,4})(?:\/|$)/;

/**
 * Where the job SSH panel goes: right after this. The header that holds the job's title (`main header
 * h1`), else the title's own parent.
 */
export function jobHeader(document: Document): Element | null {
  const title = document.querySelector(APP_JOB_TITLE);
  return title?.closest('main header') ?? title?.parentElement ?? null;
}

/** The job's name as its header shows it: the text of its title (the SSH panel tells it the background). */
export function jobTitle(header: Element): string {
  return header.querySelector('h1')?.textContent ?? '';
}

/** Each parallel run's own link, by run index: how the panel sends the user to a run it does not know. */
export function parallelRunLinks(document: Document): Map<number, string> {
  return new Map([...runLinks(document)].map(([index, link]) => [index, link.href]));
}

/** The links on the page whose path is the job's own followed by `/parallel-runs/N`, by N (never by their text). */
function runLinks(document: Document): Map<number, HTMLAnchorElement> {
  const job = document.location.pathname.replace(/\/(?:parallel-runs|steps)\/.*$|\/$/, '');
  const links = new Map<number, HTMLAnchorElement>();
  for (const link of document.querySelectorAll<HTMLAnchorElement>(RUN_LINK)) {
    const run = RUN_IN_PATH.exec(link.pathname);
    if (run && link.pathname.slice(0, run.index) === job && !links.has(Number(run[1]))) links.set(Number(run[1]), link);
  }
  return links;
}

/** CircleCI's `Rerun ▾` menu, which holds `Cancel job`: a menu button in the job's header. */
export function rerunMenuButton(document: Document): HTMLElement | null {
  const buttons = jobHeader(document)?.querySelectorAll<HTMLElement>(APP_RERUN_MENU) ?? [];
  return [...buttons].find((button) => /^\s*Rerun\b/.test(button.textContent ?? '')) ?? null;
}

/**
 * Whether a click landed on CircleCI's own "Rerun job with SSH" menu item (docs/circleci-page.md#d10-rerun-menu).
 * Its markup is unknown: the nearest menu item, button, link or list item whose whole text is that.
 */
export function isSshRerunChoice(target: EventTarget | null): boolean {
  const item = (target as Element | null)?.closest?.('[role^=menuitem],button,a,li');
  return /^\s*Rerun job with SSH\s*$/i.test(item?.textContent ?? '');
}

/** Every hook above by what it finds, for the structural report of a page that could not be read. */
export const HOOKS: Readonly<Record<string, string>> = {
  'step header': APP_STEP_HEADER,
  'step block': APP_STEP,
  'step name': `${APP_STEP_HEADER} #metadata > div`,
  'step output': APP_STEP_OUTPUT,
  'text in pre span': `${APP_STEP_OUTPUT} pre span`,
  'job title': APP_JOB_TITLE,
  'rerun menu': `main header ${APP_RERUN_MENU}`,
  'run links': RUN_LINK,
  'legacy container': LEGACY_CONTAINER,
  'legacy step': LEGACY_STEP,
  'legacy step name': LEGACY_STEP_NAME,
  'legacy output': LEGACY_STEP_OUTPUT,
};
