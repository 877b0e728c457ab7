import { describe, expect, it } from 'vitest';
import { checkKeyPath } from './key-path';

describe('checkKeyPath', () => {
  it('trims, and treats empty as "no key"', () => {
    expect(checkKeyPath('  ~/.ssh/id_ed25519 ')).toEqual({ ok: true, keyPath: '~/.ssh/id_ed25519' });
    expect(checkKeyPath(' \t ')).toEqual({ ok: true });
  });

  it.each(['C:\\Users\\me\\.ssh\\id_ed25519', '/home/josé/my keys/id', "~/it's/id"])('accepts %j', (path) => {
    expect(checkKeyPath(path)).toEqual({ ok: true, keyPath: path });
  });

  it.each([
    ['~/.ssh/id\nrm -rf ~', 'control-character'],
    ['~/.ssh/id\rx', 'control-character'],
    ['~/.ssh/i\td', 'control-character'],
    ['~/.ssh/id\u0000', 'control-character'],
    ['~/.ssh/id\x1b[201~', 'control-character'],
    ['~/.ssh/id\u009b', 'control-character'],
    ['~/.ssh/\u202eid', 'invisible-character'],
    ['~/.ssh/i\u200bd', 'invisible-character'],
    ['~/.ssh/i\ufeffd', 'invisible-character'],
    ['~/.ssh/i\u2028d', 'invisible-character'],
    ['~/100%/id', 'ssh-expansion'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal path, which ssh would expand
    ['${HOME}/.ssh/id', 'ssh-expansion'],
    [`/${'a'.repeat(1024)}`, 'too-long'],
  ])('refuses %j (%s)', (path, problem) => {
    expect(checkKeyPath(path)).toEqual({ ok: false, problem });
  });

  it('refuses what cmd.exe cannot quote, for cmd only', () => {
    expect(checkKeyPath('C:\\keys\\"x"\\id', 'cmd')).toEqual({ ok: false, problem: 'cmd-special-character' });
    expect(checkKeyPath('C:\\keys\\wow!\\id', 'cmd')).toEqual({ ok: false, problem: 'cmd-special-character' });
    expect(checkKeyPath('C:\\keys\\wow!\\id', 'powershell')).toEqual({ ok: true, keyPath: 'C:\\keys\\wow!\\id' });
  });
});
