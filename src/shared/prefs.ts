// The user's preferences: one versioned object under one storage.sync key. Only values that differ
// from the defaults are stored, so a new default reaches every user; defaults are merged on read.
// Storage is not trusted on read (another device may run a newer version, or a content script may
// have written to it), so every field is validated and falls back to its default on its own.

import { checkKeyPath } from './key-path';

export const PREFS_KEY = 'prefs';
export const SCHEMA_VERSION = 1;

export interface Prefs {
  /** The private key for `-i`; '' means no key (ssh uses its defaults). */
  readonly keyPath: string;
}

export const DEFAULT_PREFS: Prefs = { keyPath: '' };

/** What was wrong with the stored object, for a notice in the popup. */
export type PrefsNotice = 'invalid' | 'newer-version';

export interface ReadPrefs {
  readonly prefs: Prefs;
  readonly notice?: PrefsNotice;
}

interface StoredPrefs {
  readonly schemaVersion: number;
  readonly keyPath?: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readPrefs(stored: unknown): ReadPrefs {
  if (stored === undefined) return { prefs: DEFAULT_PREFS };
  if (!isRecord(stored)) return { prefs: DEFAULT_PREFS, notice: 'invalid' };

  let invalid = false;
  let keyPath = DEFAULT_PREFS.keyPath;
  if ('keyPath' in stored) {
    const key = typeof stored.keyPath === 'string' ? checkKeyPath(stored.keyPath) : undefined;
    if (key?.ok) keyPath = key.keyPath ?? '';
    else invalid = true;
  }
  const version = stored.schemaVersion;
  const newer = typeof version === 'number' && version > SCHEMA_VERSION;
  const notice: PrefsNotice | undefined = invalid ? 'invalid' : newer ? 'newer-version' : undefined;
  return { prefs: { keyPath }, ...(notice ? { notice } : {}) };
}

/**
 * The object to store after the user changed their key: the schema version plus what differs from the
 * defaults. Fields this version does not know (written by a newer version on another synced device)
 * are kept, and so is that newer schema version.
 */
export function storedWithKeyPath(stored: unknown, keyPath: string): StoredPrefs {
  const { keyPath: _previous, ...others } = isRecord(stored) ? stored : {};
  const version = typeof others.schemaVersion === 'number' ? Math.max(others.schemaVersion, SCHEMA_VERSION) : SCHEMA_VERSION;
  return { ...others, schemaVersion: version, ...(keyPath === DEFAULT_PREFS.keyPath ? {} : { keyPath }) };
}

/**
 * Brings a stored object up to SCHEMA_VERSION on install and update. Returns what to write, or
 * undefined when nothing should change: nothing stored, already current, from a newer version (another
 * device; left for that version to read), or not an object we understand (kept, never silently
 * deleted; readPrefs falls back to defaults and the popup says so).
 * Schema 1 is the first, so upgrading only stamps the version; later schemas add steps here.
 */
export function migratePrefs(stored: unknown): StoredPrefs | undefined {
  if (!isRecord(stored)) return undefined;
  const version = stored.schemaVersion;
  if (typeof version === 'number' && version >= SCHEMA_VERSION) return undefined;
  return { ...stored, schemaVersion: SCHEMA_VERSION };
}
