// Tabs from the background and popup: which is active, bringing one forward, opening one, running a
// function in one. Part of the extension API wrapper (browser.ts).

import { extensionApi } from './browser';

/** The active tab's id; reading it needs no permission (its URL would). */
export async function activeTabId(): Promise<number | undefined> {
  const [tab] = await extensionApi().tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/** Brings a tab and its window to the front. */
export async function focusTab(tabId: number): Promise<void> {
  const tab = await extensionApi().tabs.update(tabId, { active: true });
  if (tab?.windowId !== undefined) await extensionApi().windows.update(tab.windowId, { focused: true });
}

export async function openTab(url: string): Promise<void> {
  await extensionApi().tabs.create({ url });
}

/** A tab closed (`closed`), or began loading (its page may be another, or none of ours). */
export function onTabGone(handler: (tabId: number, closed: boolean) => void): void {
  extensionApi().tabs.onRemoved.addListener((tabId) => handler(tabId, true));
  extensionApi().tabs.onUpdated.addListener((tabId, change) => {
    if (change.status === 'loading') handler(tabId, false);
  });
}

/**
 * Runs `func` in a tab's top frame and gives back what it returns. `func` travels as source, so it
 * must use nothing but its arguments. Needs access to the tab: the popup's click grants it (activeTab).
 */
export async function runInTab<A extends unknown[], R>(tabId: number, func: (...args: A) => R, args: A): Promise<R> {
  const [result] = await extensionApi().scripting.executeScript({ target: { tabId }, func, args });
  return result?.result as R;
}

export function openOptionsPage(): Promise<void> {
  return extensionApi().runtime.openOptionsPage();
}
