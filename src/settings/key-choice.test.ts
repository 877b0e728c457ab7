import { describe, expect, it } from 'vitest';
import { chooseKey } from './key-choice';
import { DEFAULT_PREFS, type Prefs } from './prefs';

const WORK = 'SHA256:P0nRIWAu7DDjSjJfIzu4nez3o7wr2IU+uIq45VQvIi8';
const PERSONAL = 'SHA256:u4DcSYajGpFn4l0oIkODU1/N/dayRjQcn3dN0grW3JE';
const OTHER = 'SHA256:msh+vmQl6wniEVgyWW0engHfH/VkeyEAnfuhwERqxeg';

const prefs: Prefs = {
  ...DEFAULT_PREFS,
  profiles: [
    { id: 'personal', name: 'Personal', keyPath: '~/.ssh/id_personal', fingerprint: PERSONAL },
    { id: 'work', name: 'Work', keyPath: '~/.ssh/id_work', fingerprint: WORK },
    { id: 'client', name: 'Client', keyPath: '~/.ssh/id_client' },
  ],
  defaultProfileId: 'personal',
  rules: [
    { pattern: 'github/acme', profileId: 'work' },
    { pattern: 'github/acme/legacy', profileId: 'client' },
  ],
};

describe('chooseKey', () => {
  it('uses the default without a rule or authorized keys', () => {
    expect(chooseKey(prefs, 'github/me/dotfiles', [])).toEqual({
      profile: prefs.profiles[0],
      reason: { kind: 'default' },
      notAuthorized: false,
    });
  });

  it('uses the most specific rule', () => {
    expect(chooseKey(prefs, 'github/acme/api', []).profile?.id).toBe('work');
    expect(chooseKey(prefs, 'github/acme/api', []).reason).toEqual({ kind: 'rule', pattern: 'github/acme' });
    expect(chooseKey(prefs, 'github/acme/legacy', []).reason).toEqual({ kind: 'rule', pattern: 'github/acme/legacy' });
  });

  it('prefers the one profile whose key CircleCI authorized, over any rule', () => {
    expect(chooseKey(prefs, 'github/acme/api', [OTHER, PERSONAL])).toEqual({
      profile: prefs.profiles[0],
      reason: { kind: 'fingerprint' },
      notAuthorized: false,
    });
  });

  it('does not guess when several profiles are authorized', () => {
    expect(chooseKey(prefs, 'github/acme/api', [PERSONAL, WORK]).reason).toEqual({
      kind: 'rule',
      pattern: 'github/acme',
    });
  });

  it('warns when the chosen key is known not to be authorized', () => {
    expect(chooseKey(prefs, 'github/acme/api', [OTHER]).notAuthorized).toBe(true);
    expect(chooseKey(prefs, 'github/acme/legacy', [OTHER]).notAuthorized).toBe(false); // no fingerprint to compare
  });

  it('has no key without profiles', () => {
    expect(chooseKey(DEFAULT_PREFS, 'github/acme/api', [WORK])).toEqual({
      reason: { kind: 'none' },
      notAuthorized: false,
    });
  });
});
