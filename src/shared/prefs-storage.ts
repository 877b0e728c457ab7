// Reading, watching and writing the preferences in storage.sync. Pages and content scripts only read;
// writes happen in the background worker, which owns the stored object.

import { getSyncItem, onSyncItemChanged, setSyncItem } from './browser';
import { checkKeyPath } from './key-path';
import type { SavePrefsResponse } from './messages';
import { DEFAULT_PREFS, migratePrefs, PREFS_KEY, type Prefs, type ReadPrefs, readPrefs, storedWith } from './prefs';

/** Never throws: if storage cannot be read, the defaults apply and the notice says so. */
export async function loadPrefs(): Promise<ReadPrefs> {
  try {
    return readPrefs(await getSyncItem(PREFS_KEY));
  } catch {
    return { prefs: DEFAULT_PREFS, notice: 'invalid' };
  }
}

export function watchPrefs(listener: (read: ReadPrefs) => void, signal: AbortSignal): void {
  onSyncItemChanged(PREFS_KEY, (value) => listener(readPrefs(value)), signal);
}

export async function savePrefs(input: Prefs): Promise<SavePrefsResponse> {
  const key = checkKeyPath(input.keyPath, input.shell);
  if (!key.ok) return key;
  try {
    await setSyncItem(
      PREFS_KEY,
      storedWith(await getSyncItem(PREFS_KEY), { keyPath: key.keyPath ?? '', shell: input.shell }),
    );
    return { ok: true };
  } catch {
    return { ok: false, problem: 'storage' };
  }
}

export async function migrateStoredPrefs(): Promise<void> {
  const migrated = migratePrefs(await getSyncItem(PREFS_KEY));
  if (migrated) await setSyncItem(PREFS_KEY, migrated);
}
