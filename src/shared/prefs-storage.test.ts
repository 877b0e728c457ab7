import { fakeBrowser } from '@webext-core/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));

const { loadPrefs, migrateStoredPrefs, savePrefs, watchPrefs } = await import('./prefs-storage');

const saveKeyPath = (keyPath: string) => savePrefs({ keyPath, shell: 'posix' });

beforeEach(() => fakeBrowser.reset());

describe('prefs in storage.sync', () => {
  it('saves a valid key path and reads it back', async () => {
    expect(await saveKeyPath('  ~/.ssh/id_ed25519 ')).toEqual({ ok: true });
    expect(await fakeBrowser.storage.sync.get('prefs')).toEqual({
      prefs: { schemaVersion: 1, keyPath: '~/.ssh/id_ed25519' },
    });
    expect(await loadPrefs()).toEqual({ prefs: { keyPath: '~/.ssh/id_ed25519', shell: 'posix' } });
  });

  it('refuses an unusable key path and writes nothing', async () => {
    expect(await saveKeyPath('~/.ssh/id\nrm -rf ~')).toEqual({ ok: false, problem: 'control-character' });
    expect(await savePrefs({ keyPath: 'C:\\a!\\id', shell: 'cmd' })).toEqual({
      ok: false,
      problem: 'cmd-special-character',
    });
    expect(await fakeBrowser.storage.sync.get('prefs')).toEqual({});
  });

  it('saves the shell with the key', async () => {
    expect(await savePrefs({ keyPath: 'C:\\keys\\id', shell: 'powershell' })).toEqual({ ok: true });
    expect(await loadPrefs()).toEqual({ prefs: { keyPath: 'C:\\keys\\id', shell: 'powershell' } });
  });

  it('reports a failed write', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'set').mockRejectedValueOnce(new Error('QUOTA_BYTES_PER_ITEM quota exceeded'));
    expect(await saveKeyPath('~/k')).toEqual({ ok: false, problem: 'storage' });
  });

  it('falls back to defaults when storage cannot be read', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValueOnce(new Error('Corruption'));
    expect(await loadPrefs()).toEqual({ prefs: { keyPath: '', shell: 'posix' }, notice: 'invalid' });
  });

  it('tells watchers about changes until their signal aborts', async () => {
    const seen: string[] = [];
    const controller = new AbortController();
    watchPrefs(({ prefs }) => seen.push(prefs.keyPath), controller.signal);
    await saveKeyPath('~/one');
    controller.abort();
    await saveKeyPath('~/two');
    expect(seen).toEqual(['~/one']);
  });

  it('migrates an unversioned object', async () => {
    await fakeBrowser.storage.sync.set({ prefs: { keyPath: '~/k' } });
    await migrateStoredPrefs();
    expect(await fakeBrowser.storage.sync.get('prefs')).toEqual({ prefs: { keyPath: '~/k', schemaVersion: 1 } });
  });
});
