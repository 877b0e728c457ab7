// Builds the command we put on the clipboard from parsed, validated parts. Nothing here is copied
// from the page: host, port, user and shell come from the strict grammar in circleci/ssh-target.ts,
// options are fixed toggles, and the host key alias is made of validated URL parts.

import type { SshTarget } from '../circleci/ssh-target';
import { checkKeyPath, UNSAFE_CHARACTERS } from './key-path';
import { type CommandOptions, DEFAULT_OPTIONS } from './options';
import { endOfOptions, quoteForShell, type Shell } from './shell-quote';

export interface SshCommand {
  /** The whole line. */
  readonly text: string;
  /** The key path as written in `text` (quoted for the shell), the only part that may be non-ASCII. */
  readonly keyWord?: string;
}

export interface CommandSettings {
  readonly shell: Shell;
  readonly keyPath?: string;
  readonly options?: CommandOptions;
  /** Names the host key per job and container, with `options.hostKeys === 'accept-new'`. */
  readonly hostKeyAlias?: string;
}

/** The words every command of the ssh family shares: `[-v] [-i KEY [-o IdentitiesOnly=yes]] [-o …]`. */
export function sharedOptionWords(settings: CommandSettings): { words: string[]; keyWord?: string } {
  const { shell, keyPath, options = DEFAULT_OPTIONS, hostKeyAlias } = settings;
  const words: string[] = [];
  if (options.verbose) words.push('-v');
  const keyWord = keyPath === undefined ? undefined : quoteForShell(keyPath, shell);
  if (keyWord !== undefined) {
    words.push('-i', keyWord);
    // Stops ssh offering every agent key first, which ends in "Too many authentication failures".
    if (options.identitiesOnly) words.push('-o', 'IdentitiesOnly=yes');
  }
  if (options.keepAlive) words.push('-o', 'ServerAliveInterval=30');
  if (options.hostKeys === 'accept-new' && hostKeyAlias) {
    // CircleCI reuses IP:port pairs; one alias per job and container keeps their host keys apart.
    words.push('-o', 'StrictHostKeyChecking=accept-new', '-o', `HostKeyAlias=${hostKeyAlias}`);
  }
  return keyWord === undefined ? { words } : { words, keyWord };
}

/** `ssh`, or `/usr/bin/ssh` when asked for, which only means something in the Unix shells. */
export function sshProgram({ shell, options = DEFAULT_OPTIONS }: CommandSettings): string {
  return options.systemSsh && (shell === 'posix' || shell === 'fish') ? '/usr/bin/ssh' : 'ssh';
}

export function destinationOf(target: SshTarget): string {
  return target.user === undefined ? target.host : `${target.user}@${target.host}`;
}

/**
 * `ssh [-v] [-i KEY [-o IdentitiesOnly=yes]] [-o …] [-t] [-p PORT] -- DESTINATION`, or for a Windows
 * shell `… DESTINATION -- SHELL` (CircleCI's order: `--` before the destination would make ssh run
 * `-- SHELL` remotely). The `--` ends ssh's options, so nothing after it can become one.
 */
export function buildSshCommand(target: SshTarget, settings: CommandSettings): SshCommand {
  const { words: optionWords, keyWord } = sharedOptionWords(settings);
  const words = [sshProgram(settings), ...optionWords];
  if (target.tty) words.push('-t');
  if (target.port !== undefined) words.push('-p', String(target.port));
  const end = endOfOptions(settings.shell);
  if (target.shell === undefined) words.push(end, destinationOf(target));
  else words.push(destinationOf(target), end, target.shell);
  return { text: words.join(' '), ...(keyWord === undefined ? {} : { keyWord }) };
}

/** `circleci-github-acme-api-101-0`: ASCII, no shell metacharacters, unique per job and container. */
export function hostKeyAlias(project: string, jobNumber: number, container: number): string {
  const slug = project.toLowerCase().replace(/[^a-z0-9.]+/g, '-');
  return `circleci-${slug}-${jobNumber}-${container}`;
}

const MAX_COMMAND_LENGTH = 2048;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * The last check before the clipboard: one ssh, ssh-keygen, scp or rsync invocation on one line, printable ASCII except inside
 * the user's key path, which may hold letters such as `é` but no control, bidi or zero-width
 * characters. Defence in depth behind the grammar and the key-path check.
 */
export function isSafeToPaste({ text, keyWord }: SshCommand): boolean {
  if (!/^(?:(?:\/usr\/bin\/)?ssh|ssh-keygen|scp|rsync) /.test(text) || text.length > MAX_COMMAND_LENGTH) return false;
  if (keyWord === undefined) return PRINTABLE_ASCII.test(text);
  const keyAt = text.indexOf(` -i ${keyWord}`);
  const keyEnd = keyAt + keyWord.length + 4;
  if (keyAt === -1 || (text[keyEnd] !== ' ' && keyEnd !== text.length) || UNSAFE_CHARACTERS.test(keyWord)) return false;
  return PRINTABLE_ASCII.test(text.slice(0, keyAt) + text.slice(keyEnd));
}

/** The command for a target, or undefined when the key path cannot be used in the chosen shell. */
export function commandFor(target: SshTarget, settings: CommandSettings): SshCommand | undefined {
  const key = settings.keyPath === undefined ? undefined : checkKeyPath(settings.keyPath, settings.shell);
  if (key && !key.ok) return undefined;
  const { keyPath: _unchecked, ...rest } = settings;
  const command = buildSshCommand(target, key?.keyPath === undefined ? rest : { ...rest, keyPath: key.keyPath });
  return isSafeToPaste(command) ? command : undefined;
}
