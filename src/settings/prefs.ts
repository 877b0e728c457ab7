// The user's preferences: one versioned object under one storage.sync key. Only values that differ
// from the defaults are stored, so a new default reaches every user; defaults are merged on read.
// Storage is not trusted on read (another device may run another version, or a content script may
// have written to it), so every part is validated and falls back to its default on its own.

import { isDnsName } from '../circleci/ssh-target';
import { parseFingerprint } from '../command/fingerprint';
import { checkKeyPath, UNSAFE_CHARACTERS } from '../command/key-path';
import { type CommandOptions, DEFAULT_OPTIONS, type HostKeyPolicy } from '../command/options';
import { isShell, type Shell } from '../command/shell-quote';
import { isRecord } from '../shared/records';
import { type ProjectRule, parseRulePattern } from './project-rules';

export const PREFS_KEY = 'prefs';
export const SCHEMA_VERSION = 2;

export interface KeyProfile {
  readonly id: string;
  /** What the user calls it: "Work", "Personal". */
  readonly name: string;
  readonly keyPath: string;
  /** `SHA256:…` of the public key, to recognise it among a job's authorized keys. */
  readonly fingerprint?: string;
}

/** What the extension may tell the user while an SSH rerun runs (background/alerts-plan.ts). */
export interface AlertSettings {
  /** System notifications (the optional `notifications` permission): "SSH ready", and the warnings below. */
  readonly notifications: boolean;
  /** Two minutes before the time to connect runs out, when no command was copied. */
  readonly warnConnect: boolean;
  /** When a box the user copied a command for has been up for 1 h 50 min. */
  readonly warnSlot: boolean;
  /** The minutes left to connect on the toolbar button. */
  readonly badge: boolean;
}

/** A self-hosted CircleCI server the user enabled. */
export interface ServerInstall {
  /** Where its web app runs, e.g. `app.ci.example.com`. */
  readonly appHost: string;
  /** Its SSH proxy host, accepted in the proxy form like ssh.circleci.com. */
  readonly sshHost?: string;
}

export interface Prefs {
  readonly profiles: readonly KeyProfile[];
  /** The profile for projects no rule names; none means "no key". */
  readonly defaultProfileId?: string;
  readonly rules: readonly ProjectRule[];
  readonly shell: Shell;
  readonly options: CommandOptions;
  readonly servers: readonly ServerInstall[];
  /**
   * Job pages read CircleCI's API with their own session (docs/security.md#s19-session-route); off: the
   * extension asks CircleCI nothing without a token.
   */
  readonly sessionRoute: boolean;
  readonly alerts: AlertSettings;
}

/** Notifications are opt-in: they need a permission the user grants when turning them on. */
export const DEFAULT_ALERTS: AlertSettings = { notifications: false, warnConnect: true, warnSlot: true, badge: true };

export const DEFAULT_PREFS: Prefs = {
  profiles: [],
  rules: [],
  shell: 'posix',
  options: DEFAULT_OPTIONS,
  servers: [],
  sessionRoute: true,
  alerts: DEFAULT_ALERTS,
};

export const LIMITS = { profiles: 20, rules: 200, servers: 20, name: 60 } as const;

/** What was wrong with the stored object, for a notice in the popup. */
export type PrefsNotice = 'invalid' | 'newer-version';

export interface ReadPrefs {
  readonly prefs: Prefs;
  readonly notice?: PrefsNotice;
}

type StoredPrefs = Record<string, unknown> & { readonly schemaVersion: number };

const PROFILE_ID = /^[A-Za-z0-9_-]{1,40}$/;

/** Collects what is invalid while each part falls back to its default. */
class Reader {
  invalid = false;

  list<T>(value: unknown, limit: number, read: (item: unknown) => T | undefined): T[] {
    if (value === undefined) return [];
    if (!Array.isArray(value)) return this.reject([]);
    const items = value.slice(0, limit).flatMap((item) => {
      const parsed = read(item);
      return parsed === undefined ? this.reject([]) : [parsed];
    });
    if (value.length > limit) this.invalid = true;
    return items;
  }

  pick<T>(value: unknown, fallback: T, valid: (value: unknown) => value is T): T {
    if (value === undefined) return fallback;
    return valid(value) ? value : this.reject(fallback);
  }

  /** An object of on/off switches, each its default when missing. */
  switches<T extends { [K in keyof T]: boolean }>(value: unknown, defaults: T): T {
    const stored = this.pick<Record<string, unknown>>(value, {}, isRecord);
    const read = Object.entries(defaults).map(([key, fallback]) => [key, this.pick(stored[key], fallback, isBoolean)]);
    return Object.fromEntries(read) as T;
  }

  reject<T>(fallback: T): T {
    this.invalid = true;
    return fallback;
  }
}

const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isHostKeyPolicy = (value: unknown): value is HostKeyPolicy => value === 'ask' || value === 'accept-new';

export function readProfile(value: unknown, shell: Shell): KeyProfile | undefined {
  if (!isRecord(value)) return undefined;
  const { id, name, keyPath, fingerprint } = value;
  if (typeof id !== 'string' || !PROFILE_ID.test(id)) return undefined;
  if (typeof name !== 'string' || name.trim() === '' || name.length > LIMITS.name || UNSAFE_CHARACTERS.test(name))
    return undefined;
  const key = typeof keyPath === 'string' ? checkKeyPath(keyPath, shell) : undefined;
  if (!key?.ok || key.keyPath === undefined) return undefined;
  if (fingerprint === undefined) return { id, name: name.trim(), keyPath: key.keyPath };
  const parsed = typeof fingerprint === 'string' ? parseFingerprint(fingerprint) : undefined;
  return parsed ? { id, name: name.trim(), keyPath: key.keyPath, fingerprint: parsed } : undefined;
}

export function readServer(value: unknown): ServerInstall | undefined {
  if (!isRecord(value)) return undefined;
  const { appHost, sshHost } = value;
  const validHost = (host: unknown): host is string =>
    typeof host === 'string' && isDnsName(host) && host.includes('.') && host === host.toLowerCase();
  if (!validHost(appHost) || appHost === 'app.circleci.com' || appHost === 'circleci.com') return undefined;
  if (sshHost === undefined) return { appHost };
  return validHost(sshHost) ? { appHost, sshHost } : undefined;
}

/** Schema 1 (until 0.1) had one key path; it becomes the default profile. */
function upgrade(stored: Record<string, unknown>): Record<string, unknown> {
  const version = stored.schemaVersion;
  if (typeof version === 'number' && version >= 2) return stored;
  const { keyPath, ...rest } = stored;
  if (typeof keyPath !== 'string' || keyPath.trim() === '') return { ...rest, schemaVersion: 2 };
  return {
    ...rest,
    schemaVersion: 2,
    profiles: [{ id: 'default', name: 'Default', keyPath }],
    defaultProfileId: 'default',
  };
}

export function readPrefs(stored: unknown): ReadPrefs {
  if (stored === undefined) return { prefs: DEFAULT_PREFS };
  if (!isRecord(stored)) return { prefs: DEFAULT_PREFS, notice: 'invalid' };
  const value = upgrade(stored);
  const reader = new Reader();

  const shell = reader.pick(value.shell, DEFAULT_PREFS.shell, isShell);
  const profiles = uniqueBy(
    reader.list(value.profiles, LIMITS.profiles, (item) => readProfile(item, shell)),
    (profile) => profile.id,
  );
  const ids = new Set(profiles.map((profile) => profile.id));
  const defaultProfileId = reader.pick<string | undefined>(
    value.defaultProfileId,
    undefined,
    (id): id is string => typeof id === 'string' && ids.has(id),
  );
  const rules = uniqueBy(
    reader.list(value.rules, LIMITS.rules, (item) => {
      if (!isRecord(item) || typeof item.pattern !== 'string' || typeof item.profileId !== 'string') return undefined;
      const pattern = parseRulePattern(item.pattern);
      return pattern && ids.has(item.profileId) ? { pattern, profileId: item.profileId } : undefined;
    }),
    (rule) => rule.pattern,
  );
  const storedOptions = reader.pick<Record<string, unknown>>(value.options, {}, isRecord);
  const options: CommandOptions = {
    identitiesOnly: reader.pick(storedOptions.identitiesOnly, DEFAULT_OPTIONS.identitiesOnly, isBoolean),
    verbose: reader.pick(storedOptions.verbose, DEFAULT_OPTIONS.verbose, isBoolean),
    keepAlive: reader.pick(storedOptions.keepAlive, DEFAULT_OPTIONS.keepAlive, isBoolean),
    hostKeys: reader.pick(storedOptions.hostKeys, DEFAULT_OPTIONS.hostKeys, isHostKeyPolicy),
    systemSsh: reader.pick(storedOptions.systemSsh, DEFAULT_OPTIONS.systemSsh, isBoolean),
  };
  const servers = uniqueBy(reader.list(value.servers, LIMITS.servers, readServer), (server) => server.appHost);
  const sessionRoute = reader.pick(value.sessionRoute, DEFAULT_PREFS.sessionRoute, isBoolean);
  const alerts = reader.switches(value.alerts, DEFAULT_ALERTS);

  const prefs: Prefs = {
    profiles,
    ...(defaultProfileId ? { defaultProfileId } : {}),
    rules,
    shell,
    options,
    servers,
    sessionRoute,
    alerts,
  };
  const version = value.schemaVersion;
  const newer = typeof version === 'number' && version > SCHEMA_VERSION;
  const notice: PrefsNotice | undefined = reader.invalid ? 'invalid' : newer ? 'newer-version' : undefined;
  return { prefs, ...(notice ? { notice } : {}) };
}

/** Prefs exactly as given, or undefined when any part is invalid: for what a user saves or imports. */
export function validPrefs(candidate: unknown): Prefs | undefined {
  const read = readPrefs(isRecord(candidate) ? { ...candidate, schemaVersion: SCHEMA_VERSION } : candidate);
  return read.notice === undefined && isRecord(candidate) ? read.prefs : undefined;
}

/**
 * The object to store: the schema version plus what differs from the defaults. Fields this version
 * does not know (written by a newer version on another synced device) are kept, and so is that newer
 * schema version.
 */
export function storedWith(stored: unknown, prefs: Prefs): StoredPrefs {
  const known = [
    'keyPath',
    'profiles',
    'defaultProfileId',
    'rules',
    'shell',
    'options',
    'servers',
    'sessionRoute',
    'alerts',
  ];
  const others = Object.fromEntries(
    Object.entries(isRecord(stored) ? stored : {}).filter(([key]) => !known.includes(key)),
  );
  const version =
    typeof others.schemaVersion === 'number' ? Math.max(others.schemaVersion, SCHEMA_VERSION) : SCHEMA_VERSION;
  const changed = <T extends object>(values: T, defaults: T) =>
    Object.fromEntries(Object.entries(values).filter(([key, value]) => defaults[key as keyof T] !== value));
  const changedOptions = changed(prefs.options, DEFAULT_OPTIONS);
  const changedAlerts = changed(prefs.alerts, DEFAULT_ALERTS);
  return {
    ...others,
    schemaVersion: version,
    ...(prefs.profiles.length > 0 ? { profiles: prefs.profiles } : {}),
    ...(prefs.defaultProfileId ? { defaultProfileId: prefs.defaultProfileId } : {}),
    ...(prefs.rules.length > 0 ? { rules: prefs.rules } : {}),
    ...(prefs.shell === DEFAULT_PREFS.shell ? {} : { shell: prefs.shell }),
    ...(Object.keys(changedOptions).length > 0 ? { options: changedOptions } : {}),
    ...(prefs.servers.length > 0 ? { servers: prefs.servers } : {}),
    ...(prefs.sessionRoute === DEFAULT_PREFS.sessionRoute ? {} : { sessionRoute: prefs.sessionRoute }),
    ...(Object.keys(changedAlerts).length > 0 ? { alerts: changedAlerts } : {}),
  };
}

/**
 * Brings a stored object up to SCHEMA_VERSION on install and update. Returns what to write, or
 * undefined when nothing should change: nothing stored, already current, from a newer version (another
 * device; left for that version to read), or not an object we understand (kept, never silently
 * deleted; readPrefs falls back to defaults and the popup says so).
 */
export function migratePrefs(stored: unknown): StoredPrefs | undefined {
  if (!isRecord(stored)) return undefined;
  const version = stored.schemaVersion;
  if (typeof version === 'number' && version >= SCHEMA_VERSION) return undefined;
  return upgrade(stored) as StoredPrefs;
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}

/** The default profile, if the user has one. */
export function defaultProfile(prefs: Prefs): KeyProfile | undefined {
  return prefs.profiles.find((profile) => profile.id === prefs.defaultProfileId);
}
