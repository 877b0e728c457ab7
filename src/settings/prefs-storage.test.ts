import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useFakeBrowser } from '../test/fake-browser';
import { DEFAULT_PREFS, type Prefs } from './prefs';

useFakeBrowser(fakeBrowser);

const { loadPrefs, migrateStoredPrefs, savePrefs, saveProjectRule, watchPrefs } = await import('./prefs-storage');

beforeEach(() => fakeBrowser.reset());

const withKey = (keyPath: string): Prefs => ({
  ...DEFAULT_PREFS,
  profiles: [{ id: 'default', name: 'Default', keyPath }],
  defaultProfileId: 'default',
});

describe('prefs in storage.sync', () => {
  it('saves valid prefs and reads them back', async () => {
    expect(await savePrefs(withKey('~/.ssh/id_ed25519'))).toEqual({ ok: true });
    expect(await loadPrefs()).toEqual({ prefs: withKey('~/.ssh/id_ed25519') });
  });

  it('refuses invalid prefs and writes nothing', async () => {
    expect(await savePrefs(withKey('~/.ssh/id\nrm -rf ~'))).toEqual({ ok: false, problem: 'invalid' });
    expect(await savePrefs({ ...DEFAULT_PREFS, extra: '-oProxyCommand=x', shell: 'zsh' })).toEqual({
      ok: false,
      problem: 'invalid',
    });
    expect(await fakeBrowser.storage.sync.get('prefs')).toEqual({});
  });

  it('refuses what would not fit in one storage.sync item', async () => {
    const profiles = Array.from({ length: 20 }, (_, i) => ({
      id: `p${i}`,
      name: `Profile ${i}`,
      keyPath: `~/.ssh/${'k'.repeat(450)}${i}`,
    }));
    expect(await savePrefs({ ...DEFAULT_PREFS, profiles })).toEqual({ ok: false, problem: 'too-large' });
  });

  it.each([
    ['QUOTA_BYTES_PER_ITEM quota exceeded', 'too-large'],
    ['This request exceeds the MAX_WRITE_OPERATIONS_PER_MINUTE quota.', 'rate-limited'],
    ['IO error', 'storage'],
  ])('reports "%s" as %s', async (message, problem) => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error(message));
    expect(await savePrefs(withKey('~/k'))).toEqual({ ok: false, problem });
  });

  it('sets and removes one project rule, keeping the rest', async () => {
    await savePrefs({ ...withKey('~/k'), rules: [{ pattern: 'github/acme', profileId: 'default' }] });
    expect(await saveProjectRule('github/acme/api', 'default')).toEqual({ ok: true });
    expect((await loadPrefs()).prefs.rules).toEqual([
      { pattern: 'github/acme', profileId: 'default' },
      { pattern: 'github/acme/api', profileId: 'default' },
    ]);
    await saveProjectRule('github/acme/api', null);
    expect((await loadPrefs()).prefs.rules).toEqual([{ pattern: 'github/acme', profileId: 'default' }]);
    expect(await saveProjectRule('github/acme/api', 'ghost')).toEqual({ ok: false, problem: 'invalid' });
  });

  it('falls back to defaults when storage cannot be read', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValueOnce(new Error('Corruption'));
    expect(await loadPrefs()).toEqual({ prefs: DEFAULT_PREFS, notice: 'invalid' });
  });

  it('tells watchers about changes until their signal aborts', async () => {
    const seen: string[] = [];
    const controller = new AbortController();
    watchPrefs(({ prefs }) => seen.push(prefs.profiles[0]?.keyPath ?? ''), controller.signal);
    await savePrefs(withKey('~/one'));
    controller.abort();
    await savePrefs(withKey('~/two'));
    expect(seen).toEqual(['~/one']);
  });

  it('migrates a schema 1 object on install or update', async () => {
    await fakeBrowser.storage.sync.set({ prefs: { schemaVersion: 1, keyPath: '~/k' } });
    await migrateStoredPrefs();
    expect(await fakeBrowser.storage.sync.get('prefs')).toEqual({
      prefs: {
        schemaVersion: 2,
        profiles: [{ id: 'default', name: 'Default', keyPath: '~/k' }],
        defaultProfileId: 'default',
      },
    });
  });
});
