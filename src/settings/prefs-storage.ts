// Reading, watching and writing the preferences in storage.sync. Pages and content scripts only read;
// writes happen in the background worker, which owns the stored object.

import { getSyncItem, onSyncItemChanged, setSyncItem } from '../shared/browser';
import type { SaveProblem, SaveResponse } from '../shared/messages';
import { DEFAULT_PREFS, migratePrefs, PREFS_KEY, type ReadPrefs, readPrefs, storedWith, validPrefs } from './prefs';

/** storage.sync's limit for one item: the key plus its JSON, in bytes. */
export const MAX_ITEM_BYTES = 8192;

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

/** Stores prefs that pass validation whole, within storage.sync's per-item and write-rate limits. */
export async function savePrefs(candidate: unknown): Promise<SaveResponse> {
  const prefs = validPrefs(candidate);
  if (!prefs) return { ok: false, problem: 'invalid' };
  try {
    const stored = storedWith(await getSyncItem(PREFS_KEY), prefs);
    if (new TextEncoder().encode(PREFS_KEY + JSON.stringify(stored)).length > MAX_ITEM_BYTES) {
      return { ok: false, problem: 'too-large' };
    }
    await setSyncItem(PREFS_KEY, stored);
    return { ok: true };
  } catch (error) {
    return { ok: false, problem: problemOf(error) };
  }
}

/** Sets (or with null, removes) the rule for one project, keeping everything else. */
export async function saveProjectRule(project: string, profileId: string | null): Promise<SaveResponse> {
  const { prefs } = await loadPrefs();
  const rules = prefs.rules.filter((rule) => rule.pattern !== project);
  return savePrefs({ ...prefs, rules: profileId === null ? rules : [...rules, { pattern: project, profileId }] });
}

export async function migrateStoredPrefs(): Promise<void> {
  const migrated = migratePrefs(await getSyncItem(PREFS_KEY));
  if (migrated) await setSyncItem(PREFS_KEY, migrated);
}

// storage.sync rejects at once, with these words, when a limit is hit (docs/security.md#s18-storage-limits).
function problemOf(error: unknown): SaveProblem {
  const message = error instanceof Error ? error.message : String(error);
  if (/QUOTA_BYTES/.test(message)) return 'too-large';
  if (/MAX_WRITE_OPERATIONS/.test(message)) return 'rate-limited';
  return 'storage';
}
