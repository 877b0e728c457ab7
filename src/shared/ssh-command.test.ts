import { describe, expect, it } from 'vitest';
import type { SshTarget } from '../circleci/ssh-target';
import { buildSshCommand, commandFor, isSafeToPaste } from './ssh-command';

const direct: SshTarget = { host: '18.207.148.116', port: 42915, tty: false };
const windows: SshTarget = { host: '35.226.214.52', port: 54782, tty: true, shell: 'powershell.exe' };
const text = (target: SshTarget, shell: Parameters<typeof buildSshCommand>[1], key?: string) =>
  buildSshCommand(target, shell, key).text;

describe('buildSshCommand', () => {
  it('adds the key and IdentitiesOnly, and ends the options before the destination', () => {
    expect(text(direct, 'posix', '~/.ssh/id_ed25519')).toBe(
      'ssh -i ~/.ssh/id_ed25519 -o IdentitiesOnly=yes -p 42915 -- 18.207.148.116',
    );
  });

  it('without a key, is the printed command with the end of options', () => {
    expect(text(direct, 'posix')).toBe('ssh -p 42915 -- 18.207.148.116');
  });

  it('keeps a printed user and invents none', () => {
    expect(text({ user: 'ubuntu', host: '18.221.109.33', port: 64594, tty: false }, 'posix')).toBe(
      'ssh -p 64594 -- ubuntu@18.221.109.33',
    );
    expect(text({ user: '057f0065-0', host: 'ssh.circleci.com', tty: false }, 'posix', 'k')).toBe(
      'ssh -i k -o IdentitiesOnly=yes -- 057f0065-0@ssh.circleci.com',
    );
  });

  it("keeps CircleCI's order for a Windows shell: destination, --, shell", () => {
    expect(text(windows, 'posix', 'k')).toBe(
      'ssh -i k -o IdentitiesOnly=yes -t -p 54782 35.226.214.52 -- powershell.exe',
    );
  });

  it("quotes PowerShell's -- so it reaches ssh", () => {
    expect(text(direct, 'powershell')).toBe("ssh -p 42915 '--' 18.207.148.116");
    expect(text(windows, 'powershell')).toBe("ssh -t -p 54782 35.226.214.52 '--' powershell.exe");
  });

  it.each([
    ['posix', `~/'keys/it'\\''s "my" $(id) !!/id'`],
    ['fish', `~/'keys/it\\'s "my" $(id) !!/id'`],
    ['powershell', `'~/keys/it''s "my" $(id) !!/id'`],
  ] as const)('quotes the key for %s', (shell, quoted) => {
    expect(buildSshCommand(direct, shell, `~/keys/it's "my" $(id) !!/id`).keyWord).toBe(quoted);
  });

  it('quotes a Windows path for PowerShell and cmd', () => {
    expect(text(direct, 'powershell', 'C:\\Users\\me\\.ssh\\id_ed25519')).toBe(
      "ssh -i 'C:\\Users\\me\\.ssh\\id_ed25519' -o IdentitiesOnly=yes -p 42915 '--' 18.207.148.116",
    );
    expect(text(direct, 'cmd', 'C:\\Users\\me\\.ssh\\id_ed25519')).toBe(
      'ssh -i "C:\\Users\\me\\.ssh\\id_ed25519" -o IdentitiesOnly=yes -p 42915 -- 18.207.148.116',
    );
  });
});

describe('commandFor', () => {
  it('uses no key for an empty preference', () => {
    expect(commandFor(direct, '  ', 'posix')?.text).toBe('ssh -p 42915 -- 18.207.148.116');
  });

  it('copies nothing when the stored key is unusable for the shell', () => {
    expect(commandFor(direct, '~/.ssh/id\n rm -rf ~', 'posix')).toBeUndefined();
    expect(commandFor(direct, '~/.ssh/\u202eid', 'posix')).toBeUndefined();
    expect(commandFor(direct, 'C:\\keys\\wow!\\id', 'cmd')).toBeUndefined();
    expect(commandFor(direct, 'C:\\keys\\wow!\\id', 'powershell')?.text).toContain("'C:\\keys\\wow!\\id'");
  });
});

describe('isSafeToPaste', () => {
  const key = (keyWord: string, rest = '-p 1 -- 1.2.3.4') => ({ text: `ssh -i ${keyWord} ${rest}`, keyWord });

  it.each([
    { text: 'ssh -p 1 -- 1.2.3.4\n' },
    { text: 'ssh -p 1 -- 1.2.3.4\x1b[201~' },
    { text: 'ssh -p 1 -- 1.2.3.4\u200b' },
    { text: 'ssh -p 1 -- ѕsh.circleci.com' },
    { text: 'rm -rf ~' },
    { text: `ssh ${'a'.repeat(3000)}` },
    key("'/home/x\u202e/id'"),
    key("'/home/josé/id'", '-p 1 -- 1.2.3.4\u00a0'),
    { text: "ssh -i '/home/josé/id' -p 1 -- 1.2.3.4", keyWord: "'/home/other/id'" },
  ])('refuses %j', (command) => {
    expect(isSafeToPaste(command)).toBe(false);
  });

  it('allows non-ASCII letters inside the key path only', () => {
    expect(isSafeToPaste(key("'/home/josé/.ssh/id'"))).toBe(true);
    expect(isSafeToPaste({ text: 'ssh -p 1 -- 1.2.3.4' })).toBe(true);
  });
});
