import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFS } from './prefs';
import { defaultKeyPath, setAlert, withDefaultKeyPath } from './prefs-edit';

describe('withDefaultKeyPath', () => {
  it('creates the default profile, then edits it in place', () => {
    const first = withDefaultKeyPath(DEFAULT_PREFS, '~/.ssh/id_ed25519');
    expect(first.profiles).toEqual([{ id: 'default', name: 'Default', keyPath: '~/.ssh/id_ed25519' }]);
    expect(defaultKeyPath(first)).toBe('~/.ssh/id_ed25519');
    const second = withDefaultKeyPath(first, '~/.ssh/id_work');
    expect(second.profiles).toEqual([{ id: 'default', name: 'Default', keyPath: '~/.ssh/id_work' }]);
  });

  it('edits whichever profile is the default, keeping its name and fingerprint', () => {
    const prefs = {
      ...DEFAULT_PREFS,
      profiles: [
        { id: 'work', name: 'Work', keyPath: '~/w', fingerprint: 'SHA256:P0nRIWAu7DDjSjJfIzu4nez3o7wr2IU+uIq45VQvIi8' },
      ],
      defaultProfileId: 'work',
    };
    expect(withDefaultKeyPath(prefs, '~/w2').profiles).toEqual([{ ...prefs.profiles[0], keyPath: '~/w2' }]);
  });

  it('empty means no default key; the profiles stay for the rules that use them', () => {
    const prefs = withDefaultKeyPath(DEFAULT_PREFS, '~/k');
    const cleared = withDefaultKeyPath(prefs, '');
    expect(cleared.defaultProfileId).toBeUndefined();
    expect(cleared.profiles).toEqual(prefs.profiles);
    expect(defaultKeyPath(cleared)).toBe('');
    expect(withDefaultKeyPath(cleared, '~/again').defaultProfileId).toBe('default');
  });
});

describe('setAlert', () => {
  it('turns one switch, keeping the others', () => {
    expect(setAlert(DEFAULT_PREFS, 'notifications', true).alerts).toEqual({
      ...DEFAULT_PREFS.alerts,
      notifications: true,
    });
    expect(setAlert(DEFAULT_PREFS, 'badge', false).alerts.badge).toBe(false);
  });
});
