import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFS, migratePrefs, readPrefs, SCHEMA_VERSION, storedWith } from './prefs';

describe('readPrefs', () => {
  it('merges defaults into what is stored', () => {
    expect(readPrefs(undefined)).toEqual({ prefs: DEFAULT_PREFS });
    expect(readPrefs({ schemaVersion: 1 })).toEqual({ prefs: { keyPath: '', shell: 'posix' } });
    expect(readPrefs({ schemaVersion: 1, keyPath: '~/.ssh/id_ed25519', shell: 'fish' })).toEqual({
      prefs: { keyPath: '~/.ssh/id_ed25519', shell: 'fish' },
    });
  });

  it.each([
    ['garbage'],
    [42],
    [null],
    [[]],
    [{ schemaVersion: 1, keyPath: 7 }],
    [{ keyPath: '~/.ssh/id\nrm -rf ~' }],
    [{ keyPath: '-oProxyCommand=x', extraOptions: '-oProxyCommand=x', shell: 'zsh' }],
  ])('falls back to defaults with a notice for %j', (stored) => {
    const read = readPrefs(stored);
    expect(read.notice).toBe('invalid');
    expect(read.prefs.shell).toBe('posix');
  });

  it('drops only the invalid field', () => {
    expect(readPrefs({ schemaVersion: 1, keyPath: '~/k', shell: 'tcsh' })).toEqual({
      prefs: { keyPath: '~/k', shell: 'posix' },
      notice: 'invalid',
    });
    expect(readPrefs({ schemaVersion: 1, keyPath: 'C:\\a!\\id', shell: 'cmd' })).toEqual({
      prefs: { keyPath: '', shell: 'cmd' },
      notice: 'invalid',
    });
  });

  it('reads what it understands of a newer version and says so', () => {
    expect(readPrefs({ schemaVersion: 99, keyPath: '~/k', profiles: [] })).toEqual({
      prefs: { keyPath: '~/k', shell: 'posix' },
      notice: 'newer-version',
    });
  });
});

describe('storedWith', () => {
  it('stores only what differs from the defaults', () => {
    expect(storedWith(undefined, { keyPath: '~/k', shell: 'posix' })).toEqual({
      schemaVersion: SCHEMA_VERSION,
      keyPath: '~/k',
    });
    expect(storedWith({ schemaVersion: 1, keyPath: '~/k' }, DEFAULT_PREFS)).toEqual({ schemaVersion: SCHEMA_VERSION });
    expect(storedWith(undefined, { keyPath: '', shell: 'fish' })).toEqual({
      schemaVersion: SCHEMA_VERSION,
      shell: 'fish',
    });
  });

  it('keeps fields and the version a newer device wrote', () => {
    expect(
      storedWith({ schemaVersion: 3, keyPath: '~/old', profiles: ['p'] }, { keyPath: '~/new', shell: 'posix' }),
    ).toEqual({
      schemaVersion: 3,
      profiles: ['p'],
      keyPath: '~/new',
    });
  });
});

describe('migratePrefs', () => {
  it('has nothing to do when nothing is stored or it is current', () => {
    expect(migratePrefs(undefined)).toBeUndefined();
    expect(migratePrefs({ schemaVersion: SCHEMA_VERSION, keyPath: '~/k' })).toBeUndefined();
  });

  it('leaves newer versions and values it cannot read untouched', () => {
    expect(migratePrefs({ schemaVersion: SCHEMA_VERSION + 1 })).toBeUndefined();
    expect(migratePrefs('garbage')).toBeUndefined();
  });

  it('stamps an unversioned object with the current schema, keeping its fields', () => {
    expect(migratePrefs({ keyPath: '~/k' })).toEqual({ keyPath: '~/k', schemaVersion: SCHEMA_VERSION });
  });
});
