// The background's ways to tell the user: the toolbar badge, alarms that wake the worker, and system
// notifications (an optional permission). Part of the extension API wrapper (browser.ts).

import { extensionApi } from './browser';

/** The toolbar button's badge on one tab: short text (`!`, `9m`), in a warning colour or not; '' for none. */
export async function setTabBadge(tabId: number, text: string, warning = true): Promise<void> {
  await extensionApi().action.setBadgeBackgroundColor({ tabId, color: warning ? '#b3261e' : '#1d4f91' });
  await extensionApi().action.setBadgeText({ tabId, text });
}

/** The one alarm named `name`, at `when` (epoch ms); undefined clears it. Alarms wake a sleeping worker. */
export async function setAlarm(name: string, when: number | undefined): Promise<void> {
  if (when === undefined) await extensionApi().alarms.clear(name);
  else extensionApi().alarms.create(name, { when });
}

export function onAlarm(name: string, handler: () => void): void {
  extensionApi().alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === name) handler();
  });
}

const NOTIFICATIONS = { permissions: ['notifications' as const] };

/** Asks for the optional `notifications` permission (must run in a click handler of an extension page). */
export function requestNotifications(): Promise<boolean> {
  return extensionApi().permissions.request(NOTIFICATIONS);
}

export function removeNotifications(): Promise<boolean> {
  return extensionApi().permissions.remove(NOTIFICATIONS);
}

export function hasNotifications(): Promise<boolean> {
  return extensionApi().permissions.contains(NOTIFICATIONS);
}

export interface NotificationText {
  readonly title: string;
  readonly message: string;
  /** A button (Chrome); Firefox shows none, and a click on the notification does the same. */
  readonly button?: string;
}

/** A system notification with the extension's icon; plain text only. */
export async function showNotification(id: string, { title, message, button }: NotificationText): Promise<void> {
  const supportsButtons = !('getBrowserInfo' in extensionApi().runtime);
  await extensionApi().notifications.create(id, {
    type: 'basic',
    iconUrl: extensionApi().runtime.getURL('icons/icon-128.png'),
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
    if (listening || !extensionApi().notifications) return;
    listening = true;
    extensionApi().notifications.onClicked.addListener(handler);
    extensionApi().notifications.onButtonClicked.addListener(handler);
  };
  listen();
  extensionApi().permissions.onAdded.addListener(listen);
}

export async function clearNotification(id: string): Promise<void> {
  await extensionApi().notifications?.clear(id);
}
