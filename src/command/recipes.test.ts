import { describe, expect, it } from 'vitest';
import type { SshTarget } from '../circleci/ssh-target';
import { DEFAULT_OPTIONS } from './options';
import {
  cleanShell,
  configAlias,
  isRemotePath,
  isSafeConfigBlock,
  keyCheck,
  knownHostsRemoval,
  looksLikeRsaKey,
  portForward,
  rsyncDownload,
  scpDownload,
  sshConfigBlock,
  verboseCommand,
  vscodeLink,
} from './recipes';
import { isSafeToPaste } from './ssh-command';

const direct: SshTarget = { host: '18.207.148.116', port: 42915, tty: false };
const proxy: SshTarget = { user: '057f0065-0', host: 'ssh.circleci.com', tty: false };
const windows: SshTarget = { host: '35.226.214.52', port: 54782, tty: true, shell: 'powershell.exe' };
const key = { shell: 'posix', keyPath: '~/.ssh/id_ed25519', options: DEFAULT_OPTIONS } as const;

describe('recipes', () => {
  it('scp downloads ~/project with the key, spelling the port -P', () => {
    expect(scpDownload(direct, key)?.text).toBe(
      'scp -i ~/.ssh/id_ed25519 -o IdentitiesOnly=yes -r -P 42915 -- 18.207.148.116:~/project .',
    );
    expect(scpDownload(proxy, { shell: 'posix' })?.text).toBe('scp -r -- 057f0065-0@ssh.circleci.com:~/project .');
    expect(scpDownload({ host: '2001:db8::1', port: 22, tty: false }, { shell: 'posix' }, '/tmp/out')?.text).toBe(
      'scp -r -P 22 -- [2001:db8::1]:/tmp/out .',
    );
  });

  it('refuses remote paths that the remote side could read as more than a path', () => {
    for (const path of ['~/project', '/home/circleci/project/build', 'artifacts', '~'])
      expect(isRemotePath(path)).toBe(true);
    for (const path of ['', '-rf', '~/a b', '$(id)', '*', '`id`', "a'b", '~root', 'a;b']) {
      expect(isRemotePath(path), path).toBe(false);
      expect(scpDownload(direct, key, path)).toBeUndefined();
    }
  });

  it('rsync passes ssh with its options as one -e word, quoted for the shell', () => {
    expect(rsyncDownload(direct, key)?.text).toBe(
      "rsync -av -e 'ssh -i ~/.ssh/id_ed25519 -o IdentitiesOnly=yes -p 42915' -- 18.207.148.116:~/project .",
    );
    expect(rsyncDownload(direct, { ...key, shell: 'cmd' })?.text).toBe(
      'rsync -av -e "ssh -i ~/.ssh/id_ed25519 -o IdentitiesOnly=yes -p 42915" -- 18.207.148.116:~/project .',
    );
    // A key path that needs quotes cannot be nested inside -e safely.
    expect(rsyncDownload(direct, { ...key, keyPath: '~/my keys/id' })).toBeUndefined();
  });

  it('forwards a port without running anything', () => {
    expect(portForward(direct, key, 5900)?.text).toBe(
      'ssh -i ~/.ssh/id_ed25519 -o IdentitiesOnly=yes -N -L 5900:localhost:5900 -p 42915 -- 18.207.148.116',
    );
    expect(portForward(windows, { shell: 'powershell' }, 3389, 3390)?.text).toBe(
      "ssh -N -L 3390:localhost:3389 -p 54782 '--' 35.226.214.52",
    );
    expect(portForward(direct, key, 0)).toBeUndefined();
    expect(portForward(direct, key, 5900, 70000)).toBeUndefined();
  });

  it('opens a clean bash, except on Windows', () => {
    expect(cleanShell(direct, key)?.text).toBe(
      'ssh -i ~/.ssh/id_ed25519 -o IdentitiesOnly=yes -t -p 42915 -- 18.207.148.116 bash --norc --noprofile',
    );
    expect(cleanShell(windows, key)).toBeUndefined();
  });

  it('checks the key against the project’s VCS, and adds -v to the main command', () => {
    expect(keyCheck('github', { ...key, hostKeyAlias: 'circleci-x' })?.text).toBe(
      'ssh -i ~/.ssh/id_ed25519 -o IdentitiesOnly=yes -T -- git@github.com',
    );
    expect(keyCheck('bb', { shell: 'posix' })?.text).toBe('ssh -T -- git@bitbucket.org');
    expect(keyCheck('circleci', key)).toBeUndefined();
    expect(verboseCommand(direct, key).text).toBe(
      'ssh -v -i ~/.ssh/id_ed25519 -o IdentitiesOnly=yes -p 42915 -- 18.207.148.116',
    );
  });

  it('every recipe passes the final check before the clipboard', () => {
    const commands = [
      scpDownload(direct, key),
      rsyncDownload(direct, key),
      portForward(direct, key, 9229),
      cleanShell(direct, key),
      keyCheck('github', key),
      verboseCommand(direct, { ...key, keyPath: "/home/josé/it's" }),
    ];
    for (const command of commands) expect(command && isSafeToPaste(command), command?.text).toBe(true);
  });
});

describe('~/.ssh/config block and VS Code', () => {
  it('writes Host, HostName, Port, the key and a host key alias', () => {
    const alias = configAlias(101, 0);
    expect(sshConfigBlock(direct, { ...key, hostKeyAlias: 'circleci-github-acme-api-101-0' }, alias)).toBe(
      [
        'Host circleci-101-0',
        '  HostName 18.207.148.116',
        '  Port 42915',
        '  IdentityFile ~/.ssh/id_ed25519',
        '  IdentitiesOnly yes',
        '  HostKeyAlias circleci-github-acme-api-101-0',
      ].join('\n'),
    );
    expect(vscodeLink(alias)).toBe('vscode://vscode-remote/ssh-remote+circleci-101-0/home/circleci/project');
  });

  it('keeps a printed user only, quotes a key path with spaces, and cannot write one with a double quote', () => {
    expect(sshConfigBlock(proxy, { shell: 'posix', keyPath: '~/my keys/id' }, 'a')).toBe(
      [
        'Host a',
        '  HostName ssh.circleci.com',
        '  User 057f0065-0',
        '  IdentityFile "~/my keys/id"',
        '  IdentitiesOnly yes',
      ].join('\n'),
    );
    expect(sshConfigBlock(direct, { shell: 'posix', keyPath: '~/"x"/id' }, 'a')).toBeUndefined();
  });

  it('is checked line by line before the clipboard', () => {
    expect(isSafeConfigBlock(sshConfigBlock(direct, key, 'a') ?? '')).toBe(true);
    expect(isSafeConfigBlock('Host a\n  HostName 1.2.3.4\r\n  ProxyCommand x')).toBe(false);
    expect(isSafeConfigBlock('Host a\u202e')).toBe(false);
  });
});

describe('looksLikeRsaKey', () => {
  it('spots the default RSA key names', () => {
    expect(looksLikeRsaKey('~/.ssh/id_rsa')).toBe(true);
    expect(looksLikeRsaKey('C:\\Users\\me\\.ssh\\id_rsa_work')).toBe(true);
    expect(looksLikeRsaKey('~/.ssh/id_ed25519')).toBe(false);
    expect(looksLikeRsaKey(undefined)).toBe(false);
  });
});

describe('knownHostsRemoval', () => {
  const target = { host: '3.92.41.23', port: 64621, tty: false };
  it.each([
    ['posix', "ssh-keygen -R '[3.92.41.23]:64621'"],
    ['fish', "ssh-keygen -R '[3.92.41.23]:64621'"],
    ['powershell', "ssh-keygen -R '[3.92.41.23]:64621'"],
    ['cmd', 'ssh-keygen -R "[3.92.41.23]:64621"'],
  ] as const)('names the entry as ssh wrote it, quoted for %s', (shell, text) => {
    const command = knownHostsRemoval(target, shell);
    expect(command.text).toBe(text);
    expect(isSafeToPaste(command)).toBe(true);
  });

  it('uses the bare host for port 22', () => {
    expect(knownHostsRemoval({ ...target, port: 22 }, 'posix').text).toBe('ssh-keygen -R 3.92.41.23');
  });
});
