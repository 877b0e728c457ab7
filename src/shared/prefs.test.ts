import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFS, migratePrefs, readPrefs, SCHEMA_VERSION, storedWithKeyPath } from './prefs';

describe('readPrefs', () => {
  it('merges defaults into what is stored', () => {
    expect(readPrefs(undefined)).toEqual({ prefs: DEFAULT_PREFS });
    expect(readPrefs({ schemaVersion: 1 })).toEqual({ prefs: { keyPath: '' } });
    expect(readPrefs({ schemaVersion: 1, keyPath: '~/.ssh/id_ed25519' })).toEqual({
      prefs: { keyPath: '~/.ssh/id_ed25519' },
    });
  });

  it.each([['garbage'], [42], [null], [[]], [{ schemaVersion: 1, keyPath: 7 }], [{ keyPath: '~/.ssh/id\nrm -rf ~' }]])(
    'falls back to defaults with a notice for %j',
    (stored) => {
      expect(readPrefs(stored)).toEqual({ prefs: DEFAULT_PREFS, notice: 'invalid' });
    },
  );

  it('reads what it understands of a newer version and says so', () => {
    expect(readPrefs({ schemaVersion: 99, keyPath: '~/k', profiles: [] })).toEqual({
      prefs: { keyPath: '~/k' },
      notice: 'newer-version',
    });
  });
});

describe('storedWithKeyPath', () => {
  it('stores only what differs from the defaults', () => {
    expect(storedWithKeyPath(undefined, '~/k')).toEqual({ schemaVersion: SCHEMA_VERSION, keyPath: '~/k' });
    expect(storedWithKeyPath({ schemaVersion: 1, keyPath: '~/k' }, '')).toEqual({ schemaVersion: SCHEMA_VERSION });
  });

  it('keeps fields and the version a newer device wrote', () => {
    expect(storedWithKeyPath({ schemaVersion: 3, keyPath: '~/old', profiles: ['p'] }, '~/new')).toEqual({
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
