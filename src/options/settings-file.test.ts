import { describe, expect, it } from 'vitest';
import { DEFAULT_PREFS, type Prefs } from '../settings/prefs';
import { readSettingsFile, settingsFile } from './settings-file';

const prefs: Prefs = {
  ...DEFAULT_PREFS,
  profiles: [{ id: 'work', name: 'Work', keyPath: '~/.ssh/id_work' }],
  defaultProfileId: 'work',
  rules: [{ pattern: 'github/acme', profileId: 'work' }],
  shell: 'fish',
};

const file = (value: unknown) => new Blob([typeof value === 'string' ? value : JSON.stringify(value)]);
const marked = (content: unknown) => ({ format: 'ssh-copy-for-circleci', schemaVersion: 2, prefs: content });

describe('the settings file', () => {
  it('reads back what it exported', async () => {
    const text = settingsFile(prefs);
    expect(JSON.parse(text)).toEqual(marked(prefs));
    expect(await readSettingsFile(file(text))).toEqual({ ok: true, prefs });
  });

  it('refuses what is not JSON, not ours, or from a newer version', async () => {
    expect(await readSettingsFile(file('{"format":'))).toEqual({ ok: false, problem: 'not-json' });
    expect(await readSettingsFile(file({ prefs }))).toEqual({ ok: false, problem: 'not-settings' });
    expect(await readSettingsFile(file({ ...marked(prefs), format: 'other' }))).toEqual({
      ok: false,
      problem: 'not-settings',
    });
    expect(await readSettingsFile(file(marked([])))).toEqual({ ok: false, problem: 'not-settings' });
    expect(await readSettingsFile(file({ ...marked(prefs), schemaVersion: 3 }))).toEqual({
      ok: false,
      problem: 'newer-version',
    });
    expect(await readSettingsFile(file(' '.repeat(1_000_001)))).toEqual({ ok: false, problem: 'not-settings' });
  });

  it('names the invalid parts', async () => {
    const bad = {
      ...prefs,
      rules: [{ pattern: 'gitlab/acme', profileId: 'work' }],
      options: { verbose: 'yes' },
      sessionRoute: 'off',
    };
    expect(await readSettingsFile(file(marked(bad)))).toEqual({
      ok: false,
      problem: 'invalid',
      parts: ['rules', 'options', 'sessionRoute'],
    });
    const badProfile = { ...prefs, profiles: [{ id: 'work', name: 'Work', keyPath: '~/.ssh/id\nrm -rf ~' }] };
    expect(await readSettingsFile(file(marked(badProfile)))).toEqual({
      ok: false,
      problem: 'invalid',
      parts: ['profiles'],
    });
    expect(await readSettingsFile(file(marked({ ...prefs, shell: 'zsh' })))).toEqual({
      ok: false,
      problem: 'invalid',
      parts: ['shell'],
    });
  });
});
