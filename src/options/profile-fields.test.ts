import { describe, expect, it } from 'vitest';
import { checkProfile, newProfileId, sameAsSaved } from './profile-fields';

const FINGERPRINT = 'SHA256:P0nRIWAu7DDjSjJfIzu4nez3o7wr2IU+uIq45VQvIi8';

describe('checkProfile', () => {
  it('normalises a valid profile, taking ssh-keygen output as is', () => {
    const draft = {
      name: ' Work ',
      keyPath: ' ~/.ssh/id_work ',
      fingerprint: `256 ${FINGERPRINT} me@laptop (ED25519)\n`,
    };
    expect(checkProfile(draft, 'posix', ['Personal'])).toEqual({
      fields: { name: 'Work', keyPath: '~/.ssh/id_work', fingerprint: FINGERPRINT },
      problems: {},
    });
    expect(checkProfile({ ...draft, fingerprint: '' }, 'posix', []).fields).toEqual({
      name: 'Work',
      keyPath: '~/.ssh/id_work',
    });
  });

  it('says what is wrong with each field', () => {
    const check = checkProfile({ name: '', keyPath: '~/100%/id', fingerprint: 'MD5:00:11' }, 'posix', []);
    expect(check.fields).toBeUndefined();
    expect(Object.fromEntries(Object.entries(check.problems).map(([field, problem]) => [field, problem.key]))).toEqual({
      name: 'profileNameProblem',
      keyPath: 'problemSshExpansion',
      fingerprint: 'profileFingerprintProblem',
    });
    expect(checkProfile({ name: 'work', keyPath: '', fingerprint: '' }, 'posix', ['Work']).problems).toEqual({
      name: { key: 'profileNameTaken', substitutions: ['work'] },
      keyPath: { key: 'profileKeyPathMissing', substitutions: [] },
    });
    expect(checkProfile({ name: 'W', keyPath: 'C:/keys/wow!', fingerprint: '' }, 'cmd', []).problems.keyPath?.key).toBe(
      'problemCmdSpecialCharacter',
    );
    expect(checkProfile({ name: 'x'.repeat(61), keyPath: 'k', fingerprint: '' }, 'posix', []).problems.name?.key).toBe(
      'profileNameProblem',
    );
  });
});

describe('sameAsSaved', () => {
  it('compares what would be saved', () => {
    expect(sameAsSaved('fingerprint', `256 ${FINGERPRINT} me (ED25519)`, FINGERPRINT)).toBe(true);
    expect(sameAsSaved('keyPath', ' ~/k ', '~/k')).toBe(true);
    expect(sameAsSaved('name', 'Work 2', 'Work')).toBe(false);
  });
});

describe('newProfileId', () => {
  it('is short, valid as a profile id, and not taken', () => {
    const ids = ['0f8fad5b-d9cb-469f-a165-70867728950e', '7c9e6679-7425-40de-944b-e07fc1f90ae7'];
    expect(newProfileId(['0f8fad5bd9cb'], () => ids.shift() ?? '')).toBe('7c9e66797425');
    expect(newProfileId([])).toMatch(/^[0-9a-f]{12}$/);
  });
});
