// The user's preferences: one versioned object under one storage.sync key. Only values that differ
// from the defaults are stored, so a new default reaches every user; defaults are merged on read.
// Storage is not trusted on read (another device may run a newer version, or a content script may
// have written to it), so every field is validated and falls back to its default on its own.

import { checkKeyPath } from './key-path';
import { isShell, type Shell } from './shell-quote';

export const PREFS_KEY = 'prefs';
export const SCHEMA_VERSION = 1;

export interface Prefs {
  /** The private key for `-i`; '' means no key (ssh uses its defaults). */
  readonly keyPath: string;
  /** The shell the copied command is quoted for. */
  readonly shell: Shell;
}

export const DEFAULT_PREFS: Prefs = { keyPath: '', shell: 'posix' };

/** What was wrong with the stored object, for a notice in the popup. */
export type PrefsNotice = 'invalid' | 'newer-version';

export interface ReadPrefs {
  readonly prefs: Prefs;
  readonly notice?: PrefsNotice;
}

interface StoredPrefs extends Partial<Prefs> {
  readonly schemaVersion: number;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readPrefs(stored: unknown): ReadPrefs {
  if (stored === undefined) return { prefs: DEFAULT_PREFS };
  if (!isRecord(stored)) return { prefs: DEFAULT_PREFS, notice: 'invalid' };

  let invalid = false;
  let shell = DEFAULT_PREFS.shell;
  if ('shell' in stored) {
    if (isShell(stored.shell)) shell = stored.shell;
    else invalid = true;
  }
  let keyPath = DEFAULT_PREFS.keyPath;
  if ('keyPath' in stored) {
    const key = typeof stored.keyPath === 'string' ? checkKeyPath(stored.keyPath, shell) : undefined;
    if (key?.ok) keyPath = key.keyPath ?? '';
    else invalid = true;
  }
  const version = stored.schemaVersion;
  const newer = typeof version === 'number' && version > SCHEMA_VERSION;
  const notice: PrefsNotice | undefined = invalid ? 'invalid' : newer ? 'newer-version' : undefined;
  return { prefs: { keyPath, shell }, ...(notice ? { notice } : {}) };
}

/**
 * The object to store after the user changed their preferences: the schema version plus what differs
 * from the defaults. Fields this version does not know (written by a newer version on another synced
 * device) are kept, and so is that newer schema version.
 */
export function storedWith(stored: unknown, prefs: Prefs): StoredPrefs {
  const { keyPath: _keyPath, shell: _shell, ...others } = isRecord(stored) ? stored : {};
  const version =
    typeof others.schemaVersion === 'number' ? Math.max(others.schemaVersion, SCHEMA_VERSION) : SCHEMA_VERSION;
  return {
    ...others,
    schemaVersion: version,
    ...(prefs.keyPath === DEFAULT_PREFS.keyPath ? {} : { keyPath: prefs.keyPath }),
    ...(prefs.shell === DEFAULT_PREFS.shell ? {} : { shell: prefs.shell }),
  };
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
