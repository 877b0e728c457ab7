// The one module that touches the extension API. Everything else goes through these few functions,
// so unit tests swap the polyfill for @webext-core/fake-browser and the rest of the code never knows.

import browser, { type Runtime, type Storage } from 'webextension-polyfill';

export async function getSyncItem(key: string): Promise<unknown> {
  const items = await browser.storage.sync.get(key);
  return items[key];
}

export async function setSyncItem(key: string, value: unknown): Promise<void> {
  await browser.storage.sync.set({ [key]: value });
}

/** Calls `listener` with the new value whenever `key` changes in storage.sync, until `signal` aborts. */
export function onSyncItemChanged(key: string, listener: (value: unknown) => void, signal: AbortSignal): void {
  const handle = (changes: Record<string, Storage.StorageChange>, area: string) => {
    if (area === 'sync' && key in changes) listener(changes[key]?.newValue);
  };
  browser.storage.onChanged.addListener(handle);
  signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(handle), { once: true });
}

export function sendMessage(message: unknown): Promise<unknown> {
  return browser.runtime.sendMessage(message);
}

export type MessageSender = Runtime.MessageSender;

/** `handler` answers with a promise, or undefined to leave the message to other listeners. */
export function onMessage(handler: (message: unknown, sender: MessageSender) => Promise<unknown> | undefined): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: MessageSender) => handler(message, sender));
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
