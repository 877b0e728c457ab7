// The one module that touches the extension API. Everything else goes through these few functions,
// so unit tests give it @webext-core/fake-browser (useBrowserApi) and the rest of the code never knows.
//
// Which API: the extension's pages and background install webextension-polyfill first (polyfill.ts).
// The content script does not: it runs on every CircleCI job page, and what it calls (storage, messages,
// i18n) already returns promises natively, as Firefox's `browser` and, in MV3, Chrome's `chrome`
// (Chrome 121+, our minimum). Only onMessage differs, and it answers through sendResponse below, which
// both understand.

import type { Browser, Runtime, Storage } from 'webextension-polyfill';

/** The namespaces this module calls; a test's fake browser needs no more. */
type ExtensionApi = Pick<
  Browser,
  | 'action'
  | 'alarms'
  | 'commands'
  | 'i18n'
  | 'notifications'
  | 'permissions'
  | 'runtime'
  | 'scripting'
  | 'storage'
  | 'tabs'
  | 'windows'
>;

let browser = ((globalThis as { browser?: ExtensionApi }).browser ??
  (globalThis as { chrome?: ExtensionApi }).chrome) as ExtensionApi;

export function useBrowserApi(api: ExtensionApi): void {
  browser = api;
}

export async function getSyncItem(key: string): Promise<unknown> {
  const items = await browser.storage.sync.get(key);
  return items[key];
}

export async function setSyncItem(key: string, value: unknown): Promise<void> {
  await browser.storage.sync.set({ [key]: value });
}

/** Calls `listener` with the new value whenever `key` changes in storage.sync, until `signal` aborts. */
export function onSyncItemChanged(key: string, listener: (value: unknown) => void, signal?: AbortSignal): void {
  const handle = (changes: Record<string, Storage.StorageChange>, area: string) => {
    if (area === 'sync' && key in changes) listener(changes[key]?.newValue);
  };
  browser.storage.onChanged.addListener(handle);
  signal?.addEventListener('abort', () => browser.storage.onChanged.removeListener(handle), { once: true });
}

/** storage.local: this device only, never synced (the API token). */
export async function getLocalItem(key: string): Promise<unknown> {
  const items = await browser.storage.local.get(key);
  return items[key];
}

export async function setLocalItem(key: string, value: unknown): Promise<void> {
  await browser.storage.local.set({ [key]: value });
}

export async function removeLocalItem(key: string): Promise<void> {
  await browser.storage.local.remove(key);
}

/**
 * Keeps storage.local (the API token) from content scripts, which run inside web pages: only the
 * extension's pages and background read it. Chrome offers this for storage.local; Firefox only for
 * storage.session, and there it stays readable to content scripts, of which ours never reads it.
 */
export async function keepLocalStorageFromContentScripts(): Promise<boolean> {
  const local = browser.storage.local as { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };
  try {
    await local.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' });
    return local.setAccessLevel !== undefined;
  } catch {
    return false;
  }
}

/** storage.session: gone when the browser closes (what job pages showed this session). Background only. */
export async function getSessionItem(key: string): Promise<unknown> {
  const items = await browser.storage.session.get(key);
  return items[key];
}

export async function setSessionItem(key: string, value: unknown): Promise<void> {
  await browser.storage.session.set({ [key]: value });
}

/** To the background, with the sender's address now (`href`, see currentPageSender). */
export function sendMessage(message: object): Promise<unknown> {
  return browser.runtime.sendMessage({ ...message, href: location.href });
}

/**
 * The sender as it is now. Chrome keeps a content script's `sender.url` from when its context was
 * created, so after CircleCI's own in-app navigation (pushState) it names the page before. The address
 * the script read (`href`) stands in when it has the same origin: a page can move its own URL anywhere
 * within its origin, so this trusts nothing the page could not do itself.
 */
export function currentPageSender(sender: MessageSender, href: unknown): MessageSender {
  if (typeof href !== 'string' || sender.url === undefined || contentScriptPage(sender) === undefined) return sender;
  try {
    return new URL(href).origin === new URL(sender.url).origin ? { ...sender, url: href } : sender;
  } catch {
    return sender;
  }
}

export type MessageSender = Runtime.MessageSender;
type MessageListener = Parameters<Browser['runtime']['onMessage']['addListener']>[0];

/** `handler` answers with a promise, or undefined to leave the message to other listeners. */
export function onMessage(
  handler: (message: unknown, sender: MessageSender) => Promise<unknown> | undefined,
  signal?: AbortSignal,
): void {
  // `true` keeps the channel open for the answer (Chrome before 146 ignores a returned promise).
  const listener = ((message: unknown, sender: MessageSender, sendResponse: (answer: unknown) => void) => {
    const answer = handler(message, sender);
    if (!answer) return false;
    answer.then(sendResponse, () => sendResponse(undefined));
    return true;
  }) as MessageListener;
  browser.runtime.onMessage.addListener(listener);
  signal?.addEventListener('abort', () => browser.runtime.onMessage.removeListener(listener), { once: true });
}

export function onInstalledOrUpdated(handler: () => void): void {
  browser.runtime.onInstalled.addListener(({ reason }) => {
    if (reason === 'install' || reason === 'update') handler();
  });
}

/**
 * True for this extension's own pages (the popup, also when opened in a tab), never for a content
 * script (whose sender URL is the web page's) or another extension.
 */
export function isFromExtensionPage(sender: MessageSender): boolean {
  return sender.id === browser.runtime.id && (sender.url ?? '').startsWith(browser.runtime.getURL(''));
}

export function getMessage(key: string, substitutions: string[]): string {
  return browser.i18n.getMessage(key, substitutions);
}

/** The browser's UI language, e.g. `en-US`, for the `lang` of our pages. */
export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}

/** The URL of the page a content script runs in, for a message from our own content script in a top frame. */
export function contentScriptPage(sender: MessageSender): string | undefined {
  if (sender.id !== browser.runtime.id || sender.tab === undefined || sender.frameId !== 0) return undefined;
  return sender.url;
}

export function onCommand(name: string, handler: () => void): void {
  browser.commands.onCommand.addListener((command) => {
    if (command === name) handler();
  });
}

/** The active tab's id; reading it needs no permission (its URL would). */
export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** To every frame of a tab, or to one (`frameId` 0: the top frame, where a job page's content script runs). */
export function sendMessageToTab(tabId: number, message: unknown, frameId?: number): Promise<unknown> {
  return frameId === undefined
    ? browser.tabs.sendMessage(tabId, message)
    : browser.tabs.sendMessage(tabId, message, { frameId });
}

export function extensionVersion(): string {
  return browser.runtime.getManifest().version;
}

/** The toolbar button's badge on one tab: short text (`!`, `9m`), in a warning colour or not; '' for none. */
export async function setTabBadge(tabId: number, text: string, warning = true): Promise<void> {
  await browser.action.setBadgeBackgroundColor({ tabId, color: warning ? '#b3261e' : '#1d4f91' });
  await browser.action.setBadgeText({ tabId, text });
}

/** The one alarm named `name`, at `when` (epoch ms); undefined clears it. Alarms wake a sleeping worker. */
export async function setAlarm(name: string, when: number | undefined): Promise<void> {
  if (when === undefined) await browser.alarms.clear(name);
  else browser.alarms.create(name, { when });
}

export function onAlarm(name: string, handler: () => void): void {
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === name) handler();
  });
}

const NOTIFICATIONS = { permissions: ['notifications' as const] };

/** Asks for the optional `notifications` permission (must run in a click handler of an extension page). */
export function requestNotifications(): Promise<boolean> {
  return browser.permissions.request(NOTIFICATIONS);
}

export function removeNotifications(): Promise<boolean> {
  return browser.permissions.remove(NOTIFICATIONS);
}

export function hasNotifications(): Promise<boolean> {
  return browser.permissions.contains(NOTIFICATIONS);
}

export interface NotificationText {
  readonly title: string;
  readonly message: string;
  /** A button (Chrome); Firefox shows none, and a click on the notification does the same. */
  readonly button?: string;
}

/** A system notification with the extension's icon; plain text only. */
export async function showNotification(id: string, { title, message, button }: NotificationText): Promise<void> {
  const supportsButtons = !('getBrowserInfo' in browser.runtime);
  await browser.notifications.create(id, {
    type: 'basic',
    iconUrl: browser.runtime.getURL('icons/icon-128.png'),
    title,
    message,
    ...(button && supportsButtons ? { buttons: [{ title: button }] } : {}),
  });
}

/** A click on a notification or on its button (both do the same here). */
export function onNotificationClicked(handler: (id: string) => void): void {
  // Chrome has the API only once the optional permission is granted: listen as soon as it is.
  let listening = false;
  const listen = () => {
    if (listening || !browser.notifications) return;
    listening = true;
    browser.notifications.onClicked.addListener(handler);
    browser.notifications.onButtonClicked.addListener(handler);
  };
  listen();
  browser.permissions.onAdded.addListener(listen);
}

export async function clearNotification(id: string): Promise<void> {
  await browser.notifications?.clear(id);
}

/** Brings a tab and its window to the front. */
export async function focusTab(tabId: number): Promise<void> {
  const tab = await browser.tabs.update(tabId, { active: true });
  if (tab?.windowId !== undefined) await browser.windows.update(tab.windowId, { focused: true });
}

export async function openTab(url: string): Promise<void> {
  await browser.tabs.create({ url });
}

/** A tab closed (`closed`), or began loading (its page may be another, or none of ours). */
export function onTabGone(handler: (tabId: number, closed: boolean) => void): void {
  browser.tabs.onRemoved.addListener((tabId) => handler(tabId, true));
  browser.tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') handler(tabId, false);
  });
}

/**
 * Runs `func` in a tab's top frame and gives back what it returns. `func` travels as source, so it
 * must use nothing but its arguments. Needs access to the tab: the popup's click grants it (activeTab).
 */
export async function runInTab<A extends unknown[], R>(tabId: number, func: (...args: A) => R, args: A): Promise<R> {
  const [result] = await browser.scripting.executeScript({ target: { tabId }, func, args });
  return result?.result as R;
}

export function openOptionsPage(): Promise<void> {
  return browser.runtime.openOptionsPage();
}

/** Asks the user for access to origins, all or none (must run in a click handler of an extension page). */
export function requestOrigin(...origins: string[]): Promise<boolean> {
  return browser.permissions.request({ origins });
}

export function removeOrigin(...origins: string[]): Promise<boolean> {
  return browser.permissions.remove({ origins });
}

export function hasOrigin(...origins: string[]): Promise<boolean> {
  return browser.permissions.contains({ origins });
}

/**
 * The content script file the manifest declares, to register the same one on other hosts, as a path
 * from the extension's root: Firefox gives the manifest's paths as full moz-extension:// URLs, which
 * registerContentScripts refuses, and a path without the leading slash would be taken as relative to
 * the calling page.
 */
export function contentScriptFiles(): string[] {
  const root = browser.runtime.getURL('');
  return (browser.runtime.getManifest().content_scripts?.[0]?.js ?? []).map((file) => new URL(file, root).pathname);
}

const SERVER_SCRIPT_PREFIX = 'server:';

/** Makes the dynamically registered content scripts exactly one per given origin pattern. */
export async function registerServerContentScripts(matches: readonly string[]): Promise<void> {
  const registered = await browser.scripting.getRegisteredContentScripts();
  const ours = registered.filter((script) => script.id.startsWith(SERVER_SCRIPT_PREFIX));
  const wanted = new Set(matches.map((match) => `${SERVER_SCRIPT_PREFIX}${match}`));
  const stale = ours.filter((script) => !wanted.has(script.id)).map((script) => script.id);
  if (stale.length > 0) await browser.scripting.unregisterContentScripts({ ids: stale });
  const existing = new Set(ours.map((script) => script.id));
  const added = matches.filter((match) => !existing.has(`${SERVER_SCRIPT_PREFIX}${match}`));
  if (added.length > 0) {
    await browser.scripting.registerContentScripts(
      added.map((match) => ({
        id: `${SERVER_SCRIPT_PREFIX}${match}`,
        matches: [match],
        js: contentScriptFiles(),
        runAt: 'document_idle' as const,
      })),
    );
  }
}

/** Access to an origin granted or given back, here or in the browser's own extension settings. */
export function onOriginsChanged(handler: () => void): void {
  browser.permissions.onAdded.addListener(handler);
  browser.permissions.onRemoved.addListener(handler);
}
