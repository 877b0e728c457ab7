import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFS, type Prefs, validPrefs } from '../settings/prefs';
import { removeProfile, setDefaultProfile, setRule } from './edits';

const prefs: Prefs = {
  ...DEFAULT_PREFS,
  profiles: [
    { id: 'work', name: 'Work', keyPath: '~/.ssh/id_work' },
    { id: 'client', name: 'Client', keyPath: '~/.ssh/id_client' },
  ],
  defaultProfileId: 'work',
  rules: [
    { pattern: 'github/acme', profileId: 'client' },
    { pattern: 'github/acme/api', profileId: 'work' },
  ],
};

describe('edits', () => {
  it('removing a profile removes its rules and, if it was the default, the default', () => {
    const withoutWork = removeProfile(prefs, 'work');
    expect(withoutWork).toEqual({
      ...DEFAULT_PREFS,
      profiles: [{ id: 'client', name: 'Client', keyPath: '~/.ssh/id_client' }],
      rules: [{ pattern: 'github/acme', profileId: 'client' }],
    });
    expect(validPrefs(withoutWork)).toEqual(withoutWork);
    expect(removeProfile(prefs, 'client').defaultProfileId).toBe('work');
  });

  it('sets and clears the default, never to a missing profile', () => {
    expect(setDefaultProfile(prefs, 'client').defaultProfileId).toBe('client');
    expect(setDefaultProfile(prefs, undefined)).not.toHaveProperty('defaultProfileId');
    expect(setDefaultProfile(prefs, 'gone')).not.toHaveProperty('defaultProfileId');
  });

  it('adds a rule at the end, or changes an existing one in place', () => {
    expect(setRule(prefs, 'bitbucket/team', 'work').rules.at(-1)).toEqual({
      pattern: 'bitbucket/team',
      profileId: 'work',
    });
    expect(setRule(prefs, 'github/acme', 'work').rules).toEqual([
      { pattern: 'github/acme', profileId: 'work' },
      { pattern: 'github/acme/api', profileId: 'work' },
    ]);
  });
});
