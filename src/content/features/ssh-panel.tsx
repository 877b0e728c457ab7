/** @jsxImportSource #dom */
// The job SSH panel (#6): near the job header of an SSH rerun, one row per parallel container. It
// fills from the SSH steps the step watcher trusted (this visit and, through the background, earlier
// visits this browser session) and from CircleCI's API for every container at once: with the page's
// own session (#13) and with an API token. Each source draws as it answers (panel-model.ts).

import type { JobSsh } from '../../circleci/api';
import type { JobPage } from '../../circleci/page-detect';
import {
  isSshRerunChoice,
  jobHeader,
  jobTitle,
  parallelRunLinks,
  rerunMenuButton,
  stepDurationMs,
} from '../../circleci/selectors';
import { isSshStepName, type SshStepName } from '../../circleci/step-trust';
import { chooseKey, commandSettings, noOwnKeyAuthorized } from '../../settings/key-choice';
import { loadPrefs, watchPrefs } from '../../settings/prefs-storage';
import { projectPattern } from '../../settings/project-rules';
import { proxyHostsFor } from '../../settings/servers';
import { isFromExtensionPage, onMessage, sendMessage } from '../../shared/browser';
import { fitStepLines, parseContentRequest } from '../../shared/messages';
import type { ApiReport, JobSshReport, RememberedContainer, SessionReport } from '../../shared/reports';
import { COPIED_EVENT } from '../../ui/CopyRow';
import { copyCommandCss } from '../../ui/copy-command-style';
import type { Ticker } from '../../ui/countdown';
import { replaceKeepingFocus } from '../../ui/dom/replace';
import { firstCopyButton } from '../../ui/own-queries';
import { type PanelNotice, SshPanel } from '../../ui/SshPanel';
import { createShadowHost } from '../../ui/shadow-host';
import panelCss from '../../ui/ssh-panel.css?inline';
import type { Feature } from '../page-visits';
import { runPanelClock } from '../panel-clock';
import { panelModel, panelStatus, type SeenContainer } from '../panel-model';
import { safely } from '../report-error';
import type { ContainerReport, StepWatcher } from '../step-watcher';

/** How often the background is asked again while the job runs (steps print, Wait for SSH begins). */
const REFRESH_MS = 20_000;
/** How often, at most, the page is searched for run links while it shows none. */
const RUN_LINKS_LOOK_MS = 5000;

/** A container's Enable SSH or Wait for SSH step that the step watcher trusted. */
interface TrustedSshStep {
  readonly container: number;
  readonly step: SshStepName;
  readonly lines: readonly string[];
  /** For Wait for SSH: when it began, from the duration its row shows (the box's clock starts then). */
  readonly startedAt?: number;
}

async function init(signal: AbortSignal, page: JobPage, steps: StepWatcher): Promise<void> {
  // The legacy UI shows every container on one page already.
  if (page.ui !== 'app') return;
  const seen = new Map<number, SeenContainer>();

  let { prefs } = await loadPrefs();
  if (signal.aborted) return;
  const project = projectPattern(page);
  const proxyHosts = proxyHostsFor(location.hostname, prefs.servers);
  const panel = createShadowHost(copyCommandCss + panelCss);
  const tickers = new Set<Ticker>();
  let api: ApiReport | 'loading' = 'loading';
  // Silent whatever it answers: a refusal or failure only leaves the other sources.
  let session: SessionReport | undefined;
  let rerunOf: JobSshReport['rerunOf'];
  // What the background was last told (alerts.ts), so that it hears only changes.
  let told = '';
  // An SSH rerun, so the panel belongs on the page; until then CircleCI's changes are not looked at.
  let wanted = false;
  let drawn = '';
  // Whether a pointer or the space bar is held down on the panel: a redraw waits for its release.
  let held = false;
  // The containers whose host keys the user opened, kept open when the panel is drawn again.
  const openHostKeys = new Set<number>();

  // The run links, found once they are on the page: they search the whole page, and stay for the visit.
  let runLinks = new Map<number, string>();
  let runLinksLookedAt = Number.NEGATIVE_INFINITY;
  const currentRunLinks = (now: number) => {
    if (runLinks.size === 0 && now - runLinksLookedAt >= RUN_LINKS_LOOK_MS) {
      runLinks = parallelRunLinks(document);
      runLinksLookedAt = now;
    }
    return runLinks;
  };

  const draw = () => {
    const now = Date.now();
    const model = panelModel({
      seen,
      ...(session?.state === 'ok' ? { session: session.job } : {}),
      ...(typeof api === 'object' && api.state === 'ok' ? { api: api.job } : {}),
      runLinks: currentRunLinks(now),
      proxyHosts,
      now,
    });
    wanted = model.isSshJob;
    if (!wanted) return panel.host.remove();
    const header = jobHeader(document);
    if (!header) return;
    if (header.nextSibling !== panel.host) header.after(panel.host);

    const notices: PanelNotice[] = [];
    if (api === 'loading') notices.push({ kind: 'loading' });
    else if (api.state === 'error') notices.push({ kind: 'api', problem: api.problem });
    if (model.noKey) notices.push({ kind: 'no-key' });
    const fromApi = typeof api === 'object' && api.state === 'ok' ? api : undefined;
    const sshUsers = fromApi?.job.sshUsers ?? [];
    // Someone else's rerun: CircleCI installed only their keys. The API names them and whose token this
    // is; without it, none of the user's keys with a known fingerprint is among the authorized ones.
    const notTheViewers = fromApi?.viewer !== undefined && sshUsers.length > 0 && !sameLogin(sshUsers, fromApi.viewer);
    const someoneElse = notTheViewers || noOwnKeyAuthorized(prefs, model.authorizedKeys);
    if (someoneElse) notices.push({ kind: 'someone-else', users: sshUsers });
    const status = {
      type: 'ssh-status',
      title: jobTitle(header),
      someoneElse,
      keysKnown: model.authorizedKeys.length > 0,
      ...panelStatus(model.rows),
    };
    if (JSON.stringify(status) !== told) {
      told = JSON.stringify(status);
      void sendMessage(status);
    }

    const cancel = rerunMenuButton(document);
    // Nothing new (a refresh that brought the same answer): the panel stays as it is, with what the
    // user opened and the "Copied" they are reading; the countdowns tick on their own.
    const signature = JSON.stringify([model, notices, prefs, cancel !== null, rerunOf]);
    if (signature === drawn) return;
    if (held) return;
    drawn = signature;
    tickers.clear();
    // One key for the job: its choice depends on the project and the keys CircleCI authorized, not the container.
    const choice = chooseKey(prefs, project, model.authorizedKeys);
    replaceKeepingFocus(
      panel.mount,
      <SshPanel
        jobNumber={page.jobNumber}
        rerunOf={rerunOf}
        rows={model.rows}
        sources={model.sources}
        notices={notices}
        settingsFor={(container) => commandSettings(prefs, choice, { project, jobNumber: page.jobNumber, container })}
        tickers={tickers}
        now={now}
        openHostKeys={openHostKeys}
        {...(cancel ? { showCancel: () => showCancel(cancel) } : {})}
      />,
    );
  };

  const refresh = async () => {
    const report = (await sendMessage({ type: 'job-ssh' })) as JobSshReport | undefined;
    if (signal.aborted || !report) return;
    for (const container of report.remembered) mergeRemembered(seen, container);
    api = report.api;
    rerunOf = report.rerunOf;
    draw();
    const running = api.state === 'ok' && api.job.lifecycle !== 'finished';
    if (running) setTimeout(() => signal.aborted || safely(refresh), REFRESH_MS);
  };

  const askSession = async () => {
    const report = (await sendMessage({ type: 'job-ssh-session' })) as SessionReport | undefined;
    if (signal.aborted || !report) return;
    session = report;
    draw();
    // Once per job, unless CircleCI is still setting a box up: a complete answer is not asked again.
    if (report.state === 'ok' && report.job.lifecycle !== 'finished' && !isComplete(report.job))
      setTimeout(() => signal.aborted || safely(askSession), REFRESH_MS);
  };

  watchPrefs((read) => {
    prefs = read.prefs;
    draw();
  }, signal);

  runPanelClock(panel.host, tickers, steps, signal);

  // CircleCI may render its header late, or re-render it and drop ours: put it back, looking only when
  // the panel is wanted and gone.
  steps.onDomChange(() => wanted && !panel.host.isConnected && jobHeader(document) && draw(), signal);

  signal.addEventListener(
    'abort',
    () => {
      panel.host.remove();
      if (told) void sendMessage({ type: 'ssh-left' });
    },
    { once: true },
  );

  const listen = { signal, capture: true };
  // A redraw replaces the panel's buttons: one between a press and its release would lose the click
  // (lines stream into Enable SSH as the user reaches for its command). It waits for the release, and
  // for the click that follows it.
  const release = (event: Event) => {
    // The window losing focus mid-press (another app) ends the press; an element's blur does not.
    if (!held || (event.type === 'blur' && event.target !== window)) return;
    held = false;
    setTimeout(() => signal.aborted || held || safely(draw));
  };
  panel.host.addEventListener('pointerdown', () => (held = true), listen);
  panel.host.addEventListener('keydown', (event) => (held ||= event.key === ' '), listen);
  for (const type of ['pointerup', 'pointercancel', 'keyup', 'blur']) addEventListener(type, release, listen);

  // For the alerts: a command copied here, and a notification's click that lands on the first copy button.
  addEventListener(COPIED_EVENT, () => void sendMessage({ type: 'ssh-copied' }), listen);
  onMessage((message, sender) => {
    if (!isFromExtensionPage(sender) || parseContentRequest(message)?.type !== 'focus-copy') return undefined;
    const button = firstCopyButton(panel.mount);
    button?.scrollIntoView({ block: 'center' });
    button?.focus();
    return Promise.resolve(Boolean(button));
  }, signal);
  // CircleCI's own "Rerun job with SSH", chosen here: the background follows it to the new job (reruns.ts).
  addEventListener(
    'click',
    (event) => isSshRerunChoice(event.target) && void sendMessage({ type: 'ssh-rerun-chosen' }),
    listen,
  );

  // The background remembers each container for the other runs' visits this session.
  const tell = ({ container, step }: TrustedSshStep) => {
    const kept = seen.get(container);
    const lines = step === 'Enable SSH' ? kept?.enable : kept?.wait;
    const startedAt = step === 'Wait for SSH' ? kept?.waitStartedAt : undefined;
    void sendMessage({ type: 'remember-ssh-step', container, step, lines, ...(startedAt ? { startedAt } : {}) });
  };
  // Called at once with the steps already on screen, then with each change.
  steps.subscribe((report) => {
    const changed = trustedSshSteps(report).filter((step) => keep(seen, step));
    changed.forEach(tell);
    if (changed.length > 0) draw();
  }, signal);

  draw();
  await Promise.all([askSession(), refresh()]);
}

function isComplete(job: JobSsh): boolean {
  return job.containers.length >= job.parallel && job.containers.every((each) => each.output?.commands.length);
}

function trustedSshSteps({ container, steps }: ContainerReport): TrustedSshStep[] {
  return steps.flatMap(({ element, reading, verdict }) => {
    const name = reading.facts.name;
    if (!verdict?.trusted || !isSshStepName(name) || !reading.output) return [];
    const ranFor = name === 'Wait for SSH' ? stepDurationMs(element) : undefined;
    const lines = reading.lines.map((line) => line.text);
    return [{ container, step: name, lines, ...(ranFor === undefined ? {} : { startedAt: Date.now() - ranFor }) }];
  });
}

/** Logins are case-insensitive at GitHub and Bitbucket. */
function sameLogin(logins: readonly string[], login: string): boolean {
  return logins.some((each) => each.toLowerCase() === login.toLowerCase());
}

/** Keeps a step's lines within the remember message's limits; false when nothing changed. */
function keep(seen: Map<number, SeenContainer>, step: TrustedSshStep): boolean {
  const lines = fitStepLines(step.lines);
  const field = step.step === 'Enable SSH' ? 'enable' : 'wait';
  const previous = seen.get(step.container);
  if (previous?.[field]?.join('\n') === lines.join('\n')) return false;
  const startedAt =
    field === 'wait'
      ? Math.min(previous?.waitStartedAt ?? Number.POSITIVE_INFINITY, step.startedAt ?? Date.now())
      : undefined;
  seen.set(step.container, {
    ...previous,
    [field]: lines,
    ...(startedAt === undefined ? {} : { waitStartedAt: startedAt }),
  });
  return true;
}

/** Earlier visits this session fill in what this visit has not shown; the box's clock is the earliest seen. */
function mergeRemembered(seen: Map<number, SeenContainer>, { container, ...remembered }: RememberedContainer): void {
  const current = seen.get(container);
  const starts = [remembered.waitStartedAt, current?.waitStartedAt].filter((at) => at !== undefined);
  seen.set(container, {
    ...remembered,
    ...current,
    ...(starts.length > 0 ? { waitStartedAt: Math.min(...starts) } : {}),
  });
}

/** Brings CircleCI's Rerun menu (where Cancel job is) into view and gives it focus; it is not opened. */
function showCancel(button: HTMLElement): void {
  button.scrollIntoView({ block: 'center' });
  button.focus();
}

/** Job pages this feature runs on: the new UI only (checked by src/circleci/page-detect.test.ts). */
export const TEST_URLS = [
  'https://app.circleci.com/pipelines/github/acme/api/1216/workflows/5b1a6c0e-6d2f-4b8a-9a4e-0f3d2c1b7e90/jobs/116',
  'https://app.circleci.com/pipelines/bitbucket/team/web/7/workflows/5b1a6c0e-6d2f-4b8a-9a4e-0f3d2c1b7e90/jobs/470/parallel-runs/3',
];

export const sshPanel: Feature = { init };
