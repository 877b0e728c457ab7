import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS } from '../command/options';
import {
  DEFAULT_ALERTS,
  DEFAULT_PREFS,
  LIMITS,
  migratePrefs,
  type Prefs,
  readPrefs,
  SCHEMA_VERSION,
  storedWith,
  validPrefs,
} from './prefs';

const WORK_FINGERPRINT = 'SHA256:P0nRIWAu7DDjSjJfIzu4nez3o7wr2IU+uIq45VQvIi8';
const full: Prefs = {
  profiles: [
    { id: 'work', name: 'Work', keyPath: '~/.ssh/id_work', fingerprint: WORK_FINGERPRINT },
    { id: 'personal', name: 'Personal', keyPath: '~/.ssh/id_ed25519' },
  ],
  defaultProfileId: 'personal',
  rules: [{ pattern: 'github/acme', profileId: 'work' }],
  shell: 'fish',
  options: { ...DEFAULT_OPTIONS, verbose: true, hostKeys: 'accept-new' },
  servers: [{ appHost: 'app.ci.example.com', sshHost: 'ssh.ci.example.com' }],
  sessionRoute: false,
  alerts: { notifications: true, warnConnect: false, warnSlot: true, badge: false },
};

describe('readPrefs', () => {
  it('gives the defaults for nothing stored', () => {
    expect(readPrefs(undefined)).toEqual({ prefs: DEFAULT_PREFS });
    expect(readPrefs({ schemaVersion: 2 })).toEqual({ prefs: DEFAULT_PREFS });
  });

  it('reads back everything it stores', () => {
    expect(readPrefs(storedWith(undefined, full))).toEqual({ prefs: full });
  });

  it('keeps the session route on unless it was turned off, and stores it only then', () => {
    expect(storedWith(undefined, DEFAULT_PREFS)).not.toHaveProperty('sessionRoute');
    expect(storedWith(undefined, full)).toHaveProperty('sessionRoute', false);
    expect(readPrefs({ schemaVersion: 2, sessionRoute: 'no' })).toEqual({ prefs: DEFAULT_PREFS, notice: 'invalid' });
  });

  it('drops only the invalid parts, and says so', () => {
    const read = readPrefs({
      ...storedWith(undefined, full),
      profiles: [
        ...full.profiles,
        { id: 'evil', name: 'x', keyPath: '~/k\nrm -rf ~' },
        { id: 'bad id!', name: 'x', keyPath: '~/k' },
        { id: 'n', name: '\u202ex', keyPath: '~/k' },
        { id: 'f', name: 'x', keyPath: '~/k', fingerprint: 'MD5:00' },
      ],
      rules: [...full.rules, { pattern: 'gitlab/x', profileId: 'work' }, { pattern: 'github/x', profileId: 'ghost' }],
      options: { ...full.options, verbose: 'yes', extraOptions: '-oProxyCommand=x' },
      servers: [...full.servers, { appHost: 'app.circleci.com' }, { appHost: '-evil' }],
      alerts: { ...full.alerts, badge: 'on' },
    });
    expect(read).toEqual({
      prefs: { ...full, options: { ...full.options, verbose: false }, alerts: { ...full.alerts, badge: true } },
      notice: 'invalid',
    });
  });

  it.each([['garbage'], [42], [null], [[]]])('falls back to defaults for %j', (stored) => {
    expect(readPrefs(stored)).toEqual({ prefs: DEFAULT_PREFS, notice: 'invalid' });
  });

  it('holds to its limits', () => {
    const profiles = Array.from({ length: LIMITS.profiles + 5 }, (_, i) => ({
      id: `p${i}`,
      name: `P${i}`,
      keyPath: `~/k${i}`,
    }));
    const read = readPrefs({ schemaVersion: 2, profiles });
    expect(read.prefs.profiles).toHaveLength(LIMITS.profiles);
    expect(read.notice).toBe('invalid');
  });

  it('drops a default that names no profile', () => {
    expect(readPrefs({ schemaVersion: 2, defaultProfileId: 'ghost' })).toEqual({
      prefs: DEFAULT_PREFS,
      notice: 'invalid',
    });
  });

  it('reads what it understands of a newer version and says so', () => {
    expect(readPrefs({ ...storedWith(undefined, full), schemaVersion: 99, teams: [] })).toEqual({
      prefs: full,
      notice: 'newer-version',
    });
  });
});

describe('every earlier schema, read and migrated', () => {
  // Schema 1 (0.1): { schemaVersion: 1, keyPath?, shell? }; before it, the same without a version.
  const earlier: [Record<string, unknown>][] = [
    [{ schemaVersion: 1, keyPath: '~/.ssh/id_ed25519', shell: 'fish' }],
    [{ keyPath: '~/.ssh/id_ed25519', shell: 'fish' }],
  ];

  it.each(earlier)('%j becomes a default profile', (stored) => {
    const expected = {
      ...DEFAULT_PREFS,
      profiles: [{ id: 'default', name: 'Default', keyPath: '~/.ssh/id_ed25519' }],
      defaultProfileId: 'default',
      shell: 'fish',
    };
    expect(readPrefs(stored)).toEqual({ prefs: expected });
    const migrated = migratePrefs(stored);
    expect(migrated?.schemaVersion).toBe(SCHEMA_VERSION);
    expect(readPrefs(migrated)).toEqual({ prefs: expected });
  });

  it('a schema 1 object without a key becomes the defaults, keeping unknown fields', () => {
    expect(migratePrefs({ schemaVersion: 1, future: 'kept' })).toEqual({ schemaVersion: 2, future: 'kept' });
  });

  it('leaves current, newer and unreadable objects untouched', () => {
    expect(migratePrefs(undefined)).toBeUndefined();
    expect(migratePrefs(storedWith(undefined, full))).toBeUndefined();
    expect(migratePrefs({ schemaVersion: 3 })).toBeUndefined();
    expect(migratePrefs('garbage')).toBeUndefined();
  });
});

describe('storedWith', () => {
  it('stores only what differs from the defaults', () => {
    expect(storedWith(undefined, DEFAULT_PREFS)).toEqual({ schemaVersion: SCHEMA_VERSION });
    expect(storedWith(undefined, { ...DEFAULT_PREFS, options: { ...DEFAULT_OPTIONS, keepAlive: true } })).toEqual({
      schemaVersion: SCHEMA_VERSION,
      options: { keepAlive: true },
    });
    expect(storedWith(undefined, { ...DEFAULT_PREFS, alerts: { ...DEFAULT_ALERTS, notifications: true } })).toEqual({
      schemaVersion: SCHEMA_VERSION,
      alerts: { notifications: true },
    });
  });

  it('keeps fields and the version a newer device wrote, and drops the old key path', () => {
    expect(storedWith({ schemaVersion: 3, keyPath: '~/old', teams: ['t'] }, DEFAULT_PREFS)).toEqual({
      schemaVersion: 3,
      teams: ['t'],
    });
  });
});

describe('validPrefs', () => {
  it('accepts a whole valid object and refuses any invalid part', () => {
    expect(validPrefs(full)).toEqual(full);
    expect(validPrefs({ ...full, shell: 'tcsh' })).toBeUndefined();
    expect(validPrefs({ ...full, rules: [{ pattern: 'github/acme', profileId: 'ghost' }] })).toBeUndefined();
    expect(validPrefs('garbage')).toBeUndefined();
  });
});
