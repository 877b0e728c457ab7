// Drift diagnostics (docs/circleci-page.md#d8-output-renderers): CircleCI may rename the hooks we rely on, or draw
// its log where the DOM has no text. The extension must not then fail silently. Once the page has
// settled, while nothing of an SSH step could be read, a bounded look at the page's text tells whether
// it shows an SSH step and an ssh line anyway; if so the toolbar badge reads `!` and the popup says
// the page could not be read, with a report to copy. The look costs a few milliseconds, at most every
// few seconds, and never again once an SSH step was read.

import { isSshStepName } from '../../circleci/step-trust';
import type { PageStatus, SshStepStatus } from '../../diagnostics/page-status';
import { isFromExtensionPage, onMessage, sendMessage } from '../../shared/browser';
import { parseContentRequest } from '../../shared/messages';
import type { Feature } from '../page-visits';
import { safely } from '../report-error';
import type { ContainerReport, StepWatcher } from '../step-watcher';

const SETTLED_MS = 1500;
const BETWEEN_LOOKS_MS = 5000;
/** Enough of the page's text to reach the Enable SSH step, which comes before the build's own steps. */
const MAX_TEXT = 1024 * 1024;
const SSH_STEP_TEXT = /Enable SSH|Wait for SSH/;
const SSH_LINE_TEXT = /\bssh\s+(?:-t\s+)?(?:-p\s*[0-9]{1,5}\s+\S|[\w.-]+@[\w.-])/;

function init(signal: AbortSignal, _page: unknown, steps: StepWatcher): void {
  const reports = new Map<number, ContainerReport>();
  let readable = true;
  let lastLook = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const sshSteps = (): SshStepStatus[] =>
    [...reports.values()].flatMap(({ container, steps: judged }) =>
      judged.flatMap(({ reading: { facts, lines, output }, verdict }) =>
        verdict && isSshStepName(facts.name)
          ? [
              {
                step: facts.name,
                container,
                verdict: verdict.trusted ? 'trusted' : verdict.reason,
                collapsed: lines.length === 0,
                commands: output?.commands.length ?? 0,
                unrecognised: output?.unrecognisedLines.length ?? 0,
              },
            ]
          : [],
      ),
    );
  // Something was placed beside an SSH step's line: a copy button, a warning or a "not recognised" note.
  // Kept as each report arrives, so that a mutation's cue below costs nothing more than a timer.
  let placed = false;

  const setReadable = (now: boolean) => {
    if (now === readable) return;
    readable = now;
    void sendMessage({ type: 'page-readable', readable });
  };

  const look = () => {
    timer = undefined;
    if (signal.aborted || placed) return;
    lastLook = Date.now();
    if (showsSshStep(document.body)) setReadable(false);
  };
  const settle = () => {
    if (timer !== undefined) clearTimeout(timer);
    if (placed) return;
    timer = setTimeout(() => safely(look), Math.max(SETTLED_MS, lastLook + BETWEEN_LOOKS_MS - Date.now()));
  };

  steps.subscribe((report) => {
    reports.set(report.container, report);
    placed = sshSteps().some(
      (step) => step.commands + step.unrecognised > 0 || (step.verdict !== 'trusted' && !step.collapsed),
    );
    if (placed) setReadable(true);
  }, signal);

  steps.onDomChange(settle, signal);
  settle();

  onMessage((message, sender) => {
    const request = isFromExtensionPage(sender) ? parseContentRequest(message) : undefined;
    if (request?.type !== 'page-status') return undefined;
    const steps = [...reports.values()].reduce((count, report) => count + report.steps.length, 0);
    const status: PageStatus = { readable, steps, sshSteps: sshSteps() };
    return Promise.resolve(status);
  }, signal);

  signal.addEventListener(
    'abort',
    () => {
      if (timer !== undefined) clearTimeout(timer);
      setReadable(true);
    },
    { once: true },
  );
}

/** Whether the page's text (its first megabyte) names an SSH step and holds an ssh command line. */
function showsSshStep(root: Element): boolean {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let text = '';
  // Joined as they are: a line split over coloured spans must read as one.
  while (text.length < MAX_TEXT && walker.nextNode()) text += (walker.currentNode as Text).data;
  return SSH_STEP_TEXT.test(text) && SSH_LINE_TEXT.test(text);
}

/** Job pages this feature runs on, new UI and 1.0 (checked by src/circleci/page-detect.test.ts). */
export const TEST_URLS = [
  'https://app.circleci.com/pipelines/github/acme/api/1201/workflows/5b1a6c0e-6d2f-4b8a-9a4e-0f3d2c1b7e90/jobs/101',
  'https://circleci.com/bb/team/web/55',
];

export const pageCheck: Feature = { init };
