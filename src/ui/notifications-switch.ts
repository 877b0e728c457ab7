// Turning notifications on asks the browser for the optional `notifications` permission, which must
// happen straight from the user's click (popup or options page; a content script cannot ask). Turning
// them off gives it back: least privilege, and the next "on" asks again.

import { useState } from 'preact/hooks';
import { removeNotifications, requestNotifications } from '../shared/browser-alerts';
import type { MessageKey } from '../shared/i18n';

/** Undefined when the switch may be saved; otherwise what to tell the user. Call it first in the click handler. */
export async function switchNotifications(on: boolean): Promise<MessageKey | undefined> {
  if (!on) {
    // A build that requires the permission cannot give it back; off is off all the same.
    await removeNotifications().catch(() => false);
    return undefined;
  }
  try {
    return (await requestNotifications()) ? undefined : 'alertNotificationsDenied';
  } catch {
    return 'alertNotificationsUnsupported';
  }
}

/**
 * For a checkbox of the extension's pages: its change handler, which asks first and saves with
 * `onSwitch` only what the browser allowed, and the problem to show beside it.
 */
export function useNotificationsSwitch(onSwitch: (on: boolean) => void) {
  const [problem, setProblem] = useState<MessageKey>();
  const onChange = (event: { currentTarget: HTMLInputElement }) => {
    const input = event.currentTarget;
    void switchNotifications(input.checked).then((refused) => {
      setProblem(refused);
      if (refused) input.checked = false;
      else onSwitch(input.checked);
    });
  };
  return { problem, onChange };
}
