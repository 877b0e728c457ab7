// The one place that touches the extension API (this module: storage, messages, runtime; and beside it
// browser-alerts, browser-tabs and browser-permissions). Everything else goes through these few functions,
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

/** The API itself, for the other browser-*.ts modules only: read on each call, as a test may swap it. */
export function extensionApi(): ExtensionApi {
  return browser;
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

/** To every frame of a tab, or to one (`frameId` 0: the top frame, where a job page's content script runs). */
export function sendMessageToTab(tabId: number, message: unknown, frameId?: number): Promise<unknown> {
  return frameId === undefined
    ? browser.tabs.sendMessage(tabId, message)
    : browser.tabs.sendMessage(tabId, message, { frameId });
}

export function extensionVersion(): string {
  return browser.runtime.getManifest().version;
}
