// Every CircleCI selector, in one place. When CircleCI changes its markup this is the file to change,
// and the e2e job pages under e2e/site show what each selector was written against.
// New UI (app.circleci.com): docs/circleci-page.md#new-ui-markup (userscripts' data-cy attributes).
// Legacy UI (circleci.com/gh/…): #legacy-ui-markup (CircleCI-Archived/frontend build_steps.cljs). Generated class
// names are avoided; the legacy class names are the open-sourced app's own.

const APP_STEP_HEADER = 'button[data-cy="step-name"]';
const APP_STEP = `div:has(> ${APP_STEP_HEADER})`;
const APP_STEP_NAME = `:scope > ${APP_STEP_HEADER} #metadata > div`;
const APP_STEP_OUTPUT = '[data-cy="step-output"]';
const APP_STEP_DURATION = `:scope > ${APP_STEP_HEADER} #metadata > div:nth-child(2)`;
const APP_SELECTED_RUN = '[data-cy="parallel-run"][aria-current]:not([aria-current="false"])';

const LEGACY_STEP = '.container-view > div[id^="action-"]';
const LEGACY_STEP_NAME = '.action_header .command-text';
const LEGACY_STEP_OUTPUT = 'pre.output';
const LEGACY_CONTAINER = '.container-view[id^="container_"]';

const STEP = `${APP_STEP}, ${LEGACY_STEP}`;
const STEP_OUTPUT = `${APP_STEP_OUTPUT}, ${LEGACY_STEP_OUTPUT}`;

/** Inside a step's output, the element whose children are the lines, if there is one. */
export const OUTPUT_LINE_LIST = 'pre';
/** Decoration inside the output that is not log text, such as a line-number gutter. */
export const NOT_LOG_TEXT = '[aria-hidden="true"]';

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

/** Whether a node is inside a step's output panel (or is one). */
export function isInOutput(node: Node): boolean {
  const element = node instanceof Element ? node : node.parentElement;
  return element?.closest(STEP_OUTPUT) != null;
}

/**
 * The parallel container a step belongs to: the legacy container view it sits in, else the run the
 * URL names, else the selected run box, else 0 (a job without parallelism).
 */
export function containerIndex(step: Element, containerInUrl: number | undefined): number {
  const legacyView = step.closest(LEGACY_CONTAINER);
  if (legacyView) return Number(legacyView.id.slice('container_'.length)) || 0;
  if (containerInUrl !== undefined) return containerInUrl;
  const selectedRun = step.ownerDocument.querySelector(APP_SELECTED_RUN)?.textContent?.trim() ?? '';
  return /^[0-9]{1,4}$/.test(selectedRun) ? Number(selectedRun) : 0;
}

// The job page's header (title, Rerun menu) and parallel run boxes (docs/circleci-page.md#d9-job-header,
// #d10-rerun-menu, #d11-parallel-run-boxes). Read only when the SSH panel draws, never per mutation.
const APP_JOB_HEADER = 'main header:has(h1)';
const APP_PARALLEL_RUN = 'a[data-cy="parallel-run"][href]';
const APP_RERUN_MENU = 'main header button[aria-haspopup]';

/** Where the job SSH panel goes: right after this. */
export function jobHeader(document: Document): Element | null {
  return document.querySelector(APP_JOB_HEADER);
}

/** Each parallel run's own link, by run index: how the panel sends the user to a run it does not know. */
export function parallelRunLinks(document: Document): Map<number, string> {
  const links = new Map<number, string>();
  for (const link of document.querySelectorAll<HTMLAnchorElement>(APP_PARALLEL_RUN)) {
    const index = link.textContent?.trim() ?? '';
    if (/^[0-9]{1,4}$/.test(index)) links.set(Number(index), link.href);
  }
  return links;
}

/** CircleCI's `Rerun ▾` menu, which holds `Cancel job`. */
export function rerunMenuButton(document: Document): HTMLElement | null {
  const buttons = document.querySelectorAll<HTMLElement>(APP_RERUN_MENU);
  return [...buttons].find((button) => /^\s*Rerun\b/.test(button.textContent ?? '')) ?? null;
}
