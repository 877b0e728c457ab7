// The background worker owns the preferences: it migrates them on install and update and is the only
// writer. Listeners are registered synchronously at the top level so a cold-started worker gets them.

import { isFromExtensionPage, onInstalledOrUpdated, onMessage } from '../shared/browser';
import { parseRequest } from '../shared/messages';
import { migrateStoredPrefs, savePrefs } from '../shared/prefs-storage';

onInstalledOrUpdated(() => {
  migrateStoredPrefs().catch((error: unknown) =>
    console.error('CircleCI SSH Copy: migrating preferences failed', error),
  );
});

onMessage((message, sender) => {
  const request = parseRequest(message);
  // Only the popup may change preferences; a content script lives in a page we do not trust.
  if (!request || !isFromExtensionPage(sender)) return undefined;
  return savePrefs({ keyPath: request.keyPath, shell: request.shell });
});
