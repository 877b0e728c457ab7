import { describe, expect, it } from 'vitest';
import type { SshTarget } from '../circleci/ssh-target';
import { DEFAULT_OPTIONS } from './options';
import type { Shell } from './shell-quote';
import { buildSshCommand, commandFor, hostKeyAlias, isSafeToPaste } from './ssh-command';

const direct: SshTarget = { host: '18.207.148.116', port: 42915, tty: false };
const windows: SshTarget = { host: '35.226.214.52', port: 54782, tty: true, shell: 'powershell.exe' };
const text = (target: SshTarget, shell: Shell, keyPath?: string) =>
  buildSshCommand(target, keyPath === undefined ? { shell } : { shell, keyPath }).text;

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
    expect(buildSshCommand(direct, { shell, keyPath: `~/keys/it's "my" $(id) !!/id` }).keyWord).toBe(quoted);
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

describe('command options', () => {
  const all = {
    identitiesOnly: true,
    verbose: true,
    keepAlive: true,
    hostKeys: 'accept-new',
    systemSsh: true,
  } as const;
  const alias = hostKeyAlias('github/acme/api', 101, 2);

  it('adds each toggle as fixed words, in a fixed order', () => {
    expect(buildSshCommand(direct, { shell: 'posix', keyPath: '~/k', options: all, hostKeyAlias: alias }).text).toBe(
      '/usr/bin/ssh -v -i ~/k -o IdentitiesOnly=yes -o ServerAliveInterval=30 -o StrictHostKeyChecking=accept-new ' +
        '-o HostKeyAlias=circleci-github-acme-api-101-2 -p 42915 -- 18.207.148.116',
    );
  });

  it('leaves IdentitiesOnly out when turned off, and without a key', () => {
    const options = { ...DEFAULT_OPTIONS, identitiesOnly: false };
    expect(buildSshCommand(direct, { shell: 'posix', keyPath: '~/k', options }).text).toBe(
      'ssh -i ~/k -p 42915 -- 18.207.148.116',
    );
    expect(buildSshCommand(direct, { shell: 'posix', options: DEFAULT_OPTIONS }).text).toBe(
      'ssh -p 42915 -- 18.207.148.116',
    );
  });

  it('calls /usr/bin/ssh only in Unix shells', () => {
    expect(buildSshCommand(direct, { shell: 'powershell', options: all }).text).toMatch(/^ssh -v /);
    expect(buildSshCommand(direct, { shell: 'fish', options: all }).text).toMatch(/^\/usr\/bin\/ssh -v /);
  });

  it('makes a host key alias of safe characters only', () => {
    expect(hostKeyAlias('circleci/GM1mbr/5gh9', 7, 0)).toBe('circleci-circleci-gm1mbr-5gh9-7-0');
    expect(hostKeyAlias('github/my_org/a.b', 7, 0)).toBe('circleci-github-my-org-a.b-7-0');
  });
});

describe('commandFor', () => {
  it('uses no key for an empty preference', () => {
    expect(commandFor(direct, { shell: 'posix', keyPath: '  ' })?.text).toBe('ssh -p 42915 -- 18.207.148.116');
  });

  it('copies nothing when the stored key is unusable for the shell', () => {
    expect(commandFor(direct, { shell: 'posix', keyPath: '~/.ssh/id\n rm -rf ~' })).toBeUndefined();
    expect(commandFor(direct, { shell: 'posix', keyPath: '~/.ssh/\u202eid' })).toBeUndefined();
    expect(commandFor(direct, { shell: 'cmd', keyPath: 'C:\\keys\\wow!\\id' })).toBeUndefined();
    expect(commandFor(direct, { shell: 'powershell', keyPath: 'C:\\keys\\wow!\\id' })?.text).toContain(
      "'C:\\keys\\wow!\\id'",
    );
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

  it('accepts /usr/bin/ssh and nothing else before the options', () => {
    expect(isSafeToPaste({ text: '/usr/bin/ssh -p 1 -- 1.2.3.4' })).toBe(true);
    expect(isSafeToPaste({ text: '/tmp/ssh -p 1 -- 1.2.3.4' })).toBe(false);
  });

  it('allows non-ASCII letters inside the key path only', () => {
    expect(isSafeToPaste(key("'/home/josé/.ssh/id'"))).toBe(true);
    expect(isSafeToPaste({ text: 'ssh -p 1 -- 1.2.3.4' })).toBe(true);
  });
});
