// Commands beyond the plain ssh line, built from the same validated target, key and toggles, and
// quoted for the same shell: download with scp or rsync, forward a port, a clean shell, the checks
// CircleCI's troubleshooting guide asks for, and a ~/.ssh/config block for editors.

import { isIpv6, parsePort, type SshTarget } from '../circleci/ssh-target';
import { UNSAFE_CHARACTERS } from './key-path';
import { DEFAULT_OPTIONS } from './options';
import { endOfOptions, quoteForShell, type Shell } from './shell-quote';
import {
  buildSshCommand,
  type CommandSettings,
  destinationOf,
  type SshCommand,
  sharedOptionWords,
  sshProgram,
} from './ssh-command';

/**
 * `ssh-keygen -R '[HOST]:PORT'`: forgets a known_hosts entry left by an earlier box at the same address,
 * which otherwise stops ssh with "REMOTE HOST IDENTIFICATION HAS CHANGED". (Our own commands use a
 * HostKeyAlias per job and container, so they never meet such an entry; hand-typed ones do.)
 */
export function knownHostsRemoval(target: SshTarget, shell: Shell): SshCommand {
  const entry = target.port === undefined || target.port === 22 ? target.host : `[${target.host}]:${target.port}`;
  return command(['ssh-keygen', '-R', quoteForShell(entry, shell)], undefined);
}

/** Where CircleCI checks the code out, and what the download recipes fetch unless told otherwise. */
export const DEFAULT_REMOTE_PATH = '~/project';

// A remote path the remote side cannot read as anything but a path: no spaces, quotes or globs.
const REMOTE_PATH = /^(?:~|~\/[A-Za-z0-9_./-]*|\/[A-Za-z0-9_./-]*|[A-Za-z0-9_.][A-Za-z0-9_./-]*)$/;

export function isRemotePath(path: string): boolean {
  return path.length <= 256 && REMOTE_PATH.test(path);
}

const command = (words: string[], keyWord: string | undefined): SshCommand => ({
  text: words.join(' '),
  ...(keyWord === undefined ? {} : { keyWord }),
});

const portWords = (flag: '-p' | '-P', target: SshTarget) =>
  target.port === undefined ? [] : [flag, String(target.port)];

/** scp takes the host before a colon, and an IPv6 address in brackets. */
function scpSource(target: SshTarget, path: string): string {
  const host = isIpv6(target.host) ? `[${target.host}]` : target.host;
  return `${target.user === undefined ? host : `${target.user}@${host}`}:${path}`;
}

/** `scp … -r [-P PORT] -- HOST:PATH .`: scp spells the port `-P`. */
export function scpDownload(
  target: SshTarget,
  settings: CommandSettings,
  path = DEFAULT_REMOTE_PATH,
): SshCommand | undefined {
  if (!isRemotePath(path)) return undefined;
  const { words, keyWord } = sharedOptionWords(settings);
  return command(
    ['scp', ...words, '-r', ...portWords('-P', target), endOfOptions(settings.shell), scpSource(target, path), '.'],
    keyWord,
  );
}

/**
 * `rsync -av -e 'ssh … -p PORT' -- HOST:PATH .`. rsync splits the -e string on spaces itself, so a key
 * path that needs quoting cannot go in there safely: then there is no rsync recipe.
 */
export function rsyncDownload(
  target: SshTarget,
  settings: CommandSettings,
  path = DEFAULT_REMOTE_PATH,
): SshCommand | undefined {
  if (!isRemotePath(path)) return undefined;
  if (settings.keyPath !== undefined && quoteForShell(settings.keyPath, 'posix') !== settings.keyPath) return undefined;
  const { words } = sharedOptionWords({ ...settings, shell: 'posix' });
  const remoteShell = [sshProgram(settings), ...words, ...portWords('-p', target)].join(' ');
  const rsh = quoteForShell(remoteShell, settings.shell);
  return command(['rsync', '-av', '-e', rsh, endOfOptions(settings.shell), scpSource(target, path), '.'], undefined);
}

/** `ssh … -N -L LOCAL:localhost:REMOTE [-p PORT] -- HOST`: forwards a port and runs nothing. */
export function portForward(
  target: SshTarget,
  settings: CommandSettings,
  remotePort: number,
  localPort = remotePort,
): SshCommand | undefined {
  if (parsePort(String(remotePort)) === undefined || parsePort(String(localPort)) === undefined) return undefined;
  const { words, keyWord } = sharedOptionWords(settings);
  const forward = `${localPort}:localhost:${remotePort}`;
  return command(
    [
      sshProgram(settings),
      ...words,
      '-N',
      '-L',
      forward,
      ...portWords('-p', target),
      endOfOptions(settings.shell),
      destinationOf(target),
    ],
    keyWord,
  );
}

/** A login shell without the job's profile scripts, which can hang or exit a session (not on Windows). */
export function cleanShell(target: SshTarget, settings: CommandSettings): SshCommand | undefined {
  if (target.shell !== undefined) return undefined;
  const { words, keyWord } = sharedOptionWords(settings);
  return command(
    [
      sshProgram(settings),
      ...words,
      '-t',
      ...portWords('-p', target),
      endOfOptions(settings.shell),
      destinationOf(target),
      'bash',
      '--norc',
      '--noprofile',
    ],
    keyWord,
  );
}

/** The main command with `-v`, to see which keys ssh offers and why they are refused. */
export function verboseCommand(target: SshTarget, settings: CommandSettings): SshCommand {
  return buildSshCommand(target, { ...settings, options: { ...(settings.options ?? DEFAULT_OPTIONS), verbose: true } });
}

const GIT_HOSTS: Record<string, string> = {
  github: 'git@github.com',
  gh: 'git@github.com',
  bitbucket: 'git@bitbucket.org',
  bb: 'git@bitbucket.org',
};

/** `ssh -i KEY -T git@github.com`: does the VCS accept this key at all? (CircleCI's troubleshooting guide) */
export function keyCheck(vcs: string, settings: CommandSettings): SshCommand | undefined {
  const gitHost = GIT_HOSTS[vcs];
  if (!gitHost) return undefined;
  const { hostKeyAlias: _perJob, ...rest } = settings;
  const { words, keyWord } = sharedOptionWords(rest);
  return command([sshProgram(settings), ...words, '-T', endOfOptions(settings.shell), gitHost], keyWord);
}

/** `circleci-101-0`: the Host name of the config block, per job and container. */
export function configAlias(jobNumber: number, container: number): string {
  return `circleci-${jobNumber}-${container}`;
}

/**
 * A `~/.ssh/config` block, so editors (VS Code Remote-SSH) and plain `ssh ALIAS` reach the box. ssh's
 * config files quote with double quotes only: a key path holding one cannot be written there.
 */
export function sshConfigBlock(target: SshTarget, settings: CommandSettings, alias: string): string | undefined {
  const { keyPath, options = DEFAULT_OPTIONS, hostKeyAlias } = settings;
  if (keyPath?.includes('"')) return undefined;
  const lines = [`Host ${alias}`, `  HostName ${target.host}`];
  if (target.port !== undefined) lines.push(`  Port ${target.port}`);
  if (target.user !== undefined) lines.push(`  User ${target.user}`);
  if (keyPath !== undefined) {
    lines.push(`  IdentityFile ${/^[A-Za-z0-9_./~:-]+$/.test(keyPath) ? keyPath : `"${keyPath}"`}`);
    if (options.identitiesOnly) lines.push('  IdentitiesOnly yes');
  }
  if (hostKeyAlias) lines.push(`  HostKeyAlias ${hostKeyAlias}`);
  if (options.hostKeys === 'accept-new') lines.push('  StrictHostKeyChecking accept-new');
  if (options.keepAlive) lines.push('  ServerAliveInterval 30');
  return lines.join('\n');
}

/** A config block goes into a file, not a shell: lines without control, bidi or zero-width characters. */
export function isSafeConfigBlock(block: string): boolean {
  return block.length <= 2048 && block.split('\n').every((line) => !UNSAFE_CHARACTERS.test(line));
}

/** Opens the job's checkout in VS Code over Remote-SSH, once the config block is in place. */
export function vscodeLink(alias: string): string {
  return `vscode://vscode-remote/ssh-remote+${alias}/home/circleci/project`;
}

/** Ports people forward from CircleCI boxes: VNC for browser tests, debuggers, RDP on Windows. */
export const PORT_PRESETS = [
  { name: 'VNC', remote: 5900 },
  { name: 'VNC :1', remote: 5901 },
  { name: 'Node.js inspector', remote: 9229 },
  { name: 'Chrome DevTools', remote: 9222 },
] as const;

/** RDP on Windows jobs: 3389 on the box, 3390 here so it does not clash with a local RDP server. */
export const RDP = { remote: 3389, local: 3390 } as const;

/** ssh-rsa keys signed with SHA-1 are refused by current OpenSSH and by CircleCI. */
export function looksLikeRsaKey(keyPath: string | undefined): boolean {
  return keyPath !== undefined && /(?:^|[/\\])id_rsa(?:$|[._-])/.test(keyPath);
}
