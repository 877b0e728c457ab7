// The background worker owns the preferences: it migrates them on install and update and is the only
// writer. It also runs the content script on the CircleCI servers the user added, and turns the
// keyboard shortcut into a copy in the active tab. Listeners are registered synchronously at the top
// level, so a cold-started worker gets them.

import '../shared/polyfill';
import { createJobSshCache } from '../circleci/api-cache';
import { parseJobPage } from '../circleci/page-detect';
import { HOOKS } from '../circleci/selectors';
import { describePage } from '../diagnostics/describe-page';
import { loadApiToken } from '../settings/api-token';
import { PREFS_KEY, readPrefs } from '../settings/prefs';
import { loadPrefs, migrateStoredPrefs, savePrefs, saveProjectRule } from '../settings/prefs-storage';
import { parseRulePattern, projectPattern } from '../settings/project-rules';
import { appHostsOf, syncServerContentScripts } from '../settings/servers';
import {
  contentScriptPage,
  currentPageSender,
  getSessionItem,
  isFromExtensionPage,
  keepLocalStorageFromContentScripts,
  onCommand,
  onInstalledOrUpdated,
  onMessage,
  onSyncItemChanged,
  sendMessageToTab,
  setSessionItem,
} from '../shared/browser';
import {
  clearNotification,
  hasNotifications,
  onAlarm,
  onNotificationClicked,
  setAlarm,
  setTabBadge,
  showNotification,
} from '../shared/browser-alerts';
import { onOriginsChanged } from '../shared/browser-permissions';
import { activeTabId, focusTab, onTabGone, openOptionsPage, openTab, runInTab } from '../shared/browser-tabs';
import { type BackgroundRequest, parseBackgroundRequest, type SaveResponse, splitHref } from '../shared/messages';
import { createAlerts, type JobRef } from './alerts';
import { createJobSsh, jobId } from './job-ssh';
import { createReruns } from './reruns';
import { createSessionRoute } from './session-route';

const report = (what: string) => (error: unknown) => console.error(`SSH Copy for CircleCI: ${what} failed`, error);

onInstalledOrUpdated(() => {
  migrateStoredPrefs()
    .then(loadPrefs)
    .then(({ prefs }) => syncServerContentScripts(prefs.servers))
    .catch(report('setting up'));
});

onSyncItemChanged(PREFS_KEY, (value) => {
  syncServerContentScripts(readPrefs(value).prefs.servers).catch(report('registering servers'));
  void alerts.refresh();
});

// Access may be granted later than the server was added (after an import, or on a synced device).
onOriginsChanged(() => {
  loadPrefs()
    .then(({ prefs }) => syncServerContentScripts(prefs.servers))
    .catch(report('registering servers'));
});

// The API token lives in storage.local: no content script may read it
// (docs/security.md#s16-settings-on-read, #s17-api-token).
void keepLocalStorageFromContentScripts();

// One cache for both routes: its key tells a token's answers from the session's.
const cache = createJobSshCache({ now: Date.now });
const jobSsh = createJobSsh({
  getSession: getSessionItem,
  setSession: setSessionItem,
  getToken: loadApiToken,
  cache,
  fetch: (input, init) => fetch(input, init),
  now: Date.now,
});
const sessionRoute = createSessionRoute({
  getSession: getSessionItem,
  setSession: setSessionItem,
  cache,
  now: Date.now,
  enabled: () => loadPrefs().then(({ prefs }) => prefs.sessionRoute),
});

const ALARM = 'alerts';
const alerts = createAlerts({
  getSession: getSessionItem,
  setSession: setSessionItem,
  settings: async () => (await loadPrefs()).prefs.alerts,
  canNotify: () => hasNotifications().catch(() => false),
  setBadge: setTabBadge,
  notify: showNotification,
  setAlarm: (when) => setAlarm(ALARM, when),
  focusTab,
  openTab,
  sendToTab: sendMessageToTab,
  // Looked up on each call: the e2e tests move the worker's clock on.
  now: () => Date.now(),
  report: report('updating the SSH alerts'),
});
const reruns = createReruns({ getSession: getSessionItem, setSession: setSessionItem, now: Date.now });
onAlarm(ALARM, () => void alerts.refresh());
onTabGone((tabId, closed) => {
  void alerts.gone(tabId, closed);
  reruns.gone(tabId).catch(report('following a rerun'));
});
onNotificationClicked((id) => {
  alerts
    .clicked(id)
    .then(() => clearNotification(id))
    .catch(report('opening the job'));
});

onMessage((message, sender) => {
  const { href, rest } = splitHref(message);
  const request = parseBackgroundRequest(rest);
  return request ? handle(request, currentPageSender(sender, href)) : undefined;
});

function handle(
  request: BackgroundRequest,
  sender: Parameters<typeof isFromExtensionPage>[0],
): Promise<unknown> | undefined {
  const fromExtension = isFromExtensionPage(sender);
  switch (request.type) {
    case 'save-prefs':
      // Only the extension's own pages may replace the preferences; a content script lives in a page we do not trust.
      return fromExtension ? savePrefs(request.prefs) : undefined;
    case 'open-options':
      return openOptionsPage();
    case 'set-project-rule':
      return setProjectRule(request, fromExtension ? undefined : contentScriptPage(sender), fromExtension);
    case 'remember-ssh-step':
      return forContentScriptPage(sender, (page, appHosts) => jobSsh.remember(page, appHosts, request));
    case 'job-ssh':
      // Each visit of a job page asks: the moment to see whether it is the rerun a choice started.
      return forContentScriptJob(sender, async (tabId, job, pageUrl, hosts) => {
        const [report, rerunOf] = await Promise.all([jobSsh.report(pageUrl, hosts), reruns.visited(tabId, job)]);
        return (
          report && { ...report, ...(rerunOf ? { rerunOf: { jobNumber: rerunOf.jobNumber, url: rerunOf.url } } : {}) }
        );
      });
    case 'job-ssh-session': {
      // Each request goes back to the asking tab's top frame, to be made with that page's session.
      const tabId = sender.tab?.id;
      if (tabId === undefined) return undefined;
      const ask = (url: string) => sendMessageToTab(tabId, { type: 'session-fetch', url }, 0);
      return forContentScriptPage(sender, (page, appHosts) => sessionRoute.report(page, appHosts, { id: tabId, ask }));
    }
    case 'ssh-rerun-chosen':
      return forContentScriptJob(sender, (tabId, job) => reruns.chosen(tabId, job));
    case 'followed-rerun':
      return fromExtension ? activeTabId().then(reruns.latest) : undefined;
    case 'page-readable':
      // The badge of the sender's own tab, and only from our content script in its top frame.
      return forContentScriptTab(sender, (tabId) => alerts.readable(tabId, request.readable));
    case 'ssh-status': {
      const { type: _type, ...status } = request;
      return forContentScriptJob(sender, (tabId, job) => alerts.status(tabId, job, status));
    }
    case 'ssh-left':
      return forContentScriptTab(sender, (tabId) => alerts.left(tabId));
    case 'ssh-copied':
      return forContentScriptJob(sender, (_tabId, job) => alerts.copied(job.key));
    case 'describe-page':
      return fromExtension ? runInTab(request.tabId, describePage, [HOOKS]) : undefined;
  }
}

/** Runs `task` for the job page our content script runs in, never for a page a message names. */
function forContentScriptPage<T>(
  sender: Parameters<typeof contentScriptPage>[0],
  task: (pageUrl: string, appHosts: string[]) => Promise<T>,
): Promise<T> | undefined {
  const pageUrl = contentScriptPage(sender);
  return pageUrl === undefined ? undefined : appHosts().then((hosts) => task(pageUrl, hosts));
}

/** Where each message about a tab has started its work: they start in the order they came. */
let tabOrder: Promise<unknown> = Promise.resolve();

/**
 * Runs `task` for the tab of our content script's top frame, never for a tab a message names. Tasks
 * start one after another, in the order the messages came (what they wait for first, the app hosts,
 * takes its own time), so that "left the job" never overtakes the figures sent before it.
 */
function forContentScriptTab<T>(
  sender: Parameters<typeof contentScriptPage>[0],
  task: (tabId: number, appHosts: string[]) => Promise<T>,
): Promise<T> | undefined {
  const tabId = sender.tab?.id;
  if (contentScriptPage(sender) === undefined || tabId === undefined) return undefined;
  // The task's promise is wrapped so that the next message waits only for this one to start.
  const started = tabOrder.then(async () => ({ done: task(tabId, await appHosts()) }));
  tabOrder = started.catch(() => undefined);
  return started.then(({ done }) => done);
}

/** …and for the job its page shows (false when it shows none): never a job a message names. */
function forContentScriptJob<T>(
  sender: Parameters<typeof contentScriptPage>[0],
  task: (tabId: number, job: JobRef, pageUrl: string, appHosts: string[]) => Promise<T>,
): Promise<T | false> | undefined {
  return forContentScriptTab(sender, async (tabId, hosts) => {
    const pageUrl = contentScriptPage(sender) as string;
    const page = parseJobPage(pageUrl, hosts);
    if (!page) return false;
    const job = { key: jobId(new URL(pageUrl).hostname, page), url: pageUrl, jobNumber: page.jobNumber };
    return task(tabId, job, pageUrl, hosts);
  });
}

async function appHosts(): Promise<string[]> {
  const { prefs } = await loadPrefs();
  return appHostsOf(prefs.servers);
}

/** A content script may only set the rule for the project of the page it runs in. */
async function setProjectRule(
  request: Extract<BackgroundRequest, { type: 'set-project-rule' }>,
  pageUrl: string | undefined,
  fromExtension: boolean,
): Promise<SaveResponse | undefined> {
  const page = pageUrl ? parseJobPage(pageUrl, await appHosts()) : undefined;
  const project = fromExtension ? request.project && parseRulePattern(request.project) : page && projectPattern(page);
  if (project?.split('/').length !== 3) return undefined;
  return saveProjectRule(project, request.profileId);
}

onCommand('copy-ssh-command', () => {
  void activeTabId()
    .then((tabId) => (tabId === undefined ? undefined : sendMessageToTab(tabId, { type: 'copy-command' })))
    .catch(report('copying from the shortcut'));
});
