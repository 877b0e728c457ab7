// The background worker owns the preferences: it migrates them on install and update and is the only
// writer. It also runs the content script on the CircleCI servers the user added, and turns the
// keyboard shortcut into a copy in the active tab. Listeners are registered synchronously at the top
// level, so a cold-started worker gets them.

import '../shared/polyfill';
import { createJobSshCache } from '../circleci/api-cache';
import { parseJobPage } from '../circleci/page-detect';
import { HOOKS } from '../circleci/selectors';
import { describePage } from '../diagnostics/describe-page';
import { loadApiToken } from '../shared/api-token';
import {
  activeTabId,
  contentScriptPage,
  getSessionItem,
  isFromExtensionPage,
  keepLocalStorageFromContentScripts,
  onCommand,
  onInstalledOrUpdated,
  onMessage,
  onOriginsChanged,
  onSyncItemChanged,
  openOptionsPage,
  runInTab,
  sendMessageToTab,
  setSessionItem,
  setTabBadge,
} from '../shared/browser';
import { type BackgroundRequest, parseBackgroundRequest, type SaveResponse } from '../shared/messages';
import { PREFS_KEY, readPrefs } from '../shared/prefs';
import { loadPrefs, migrateStoredPrefs, savePrefs, saveProjectRule } from '../shared/prefs-storage';
import { parseRulePattern, projectPattern } from '../shared/project-rules';
import { appHostsOf, syncServerContentScripts } from '../shared/servers';
import { createJobSsh } from './job-ssh';
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

onMessage((message, sender) => {
  const request = parseBackgroundRequest(message);
  return request ? handle(request, sender) : undefined;
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
      return forContentScriptPage(sender, (page, appHosts) => jobSsh.report(page, appHosts));
    case 'job-ssh-session': {
      // Each request goes back to the asking tab's top frame, to be made with that page's session.
      const tabId = sender.tab?.id;
      if (tabId === undefined) return undefined;
      const ask = (url: string) => sendMessageToTab(tabId, { type: 'session-fetch', url }, 0);
      return forContentScriptPage(sender, (page, appHosts) => sessionRoute.report(page, appHosts, { id: tabId, ask }));
    }
    case 'page-readable':
      // The badge of the sender's own tab, and only from our content script in its top frame.
      return contentScriptPage(sender) !== undefined && sender.tab?.id !== undefined
        ? setTabBadge(sender.tab.id, request.readable ? '' : '!')
        : undefined;
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
