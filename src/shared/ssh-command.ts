// Builds the command we put on the clipboard from parsed, validated parts. Nothing here is copied
// from the page: host, port, user and shell come from the strict grammar in circleci/ssh-target.ts.

import type { SshTarget } from '../circleci/ssh-target';
import { checkKeyPath } from './key-path';
import { endOfOptions, quoteForShell, type Shell } from './shell-quote';

export interface SshCommand {
  /** The whole line. */
  readonly text: string;
  /** The key path as written in `text` (quoted for the shell), the only part that may be non-ASCII. */
  readonly keyWord?: string;
}

/**
 * `ssh [-i KEY -o IdentitiesOnly=yes] [-t] [-p PORT] -- DESTINATION`, or for a Windows shell
 * `… DESTINATION -- SHELL` (CircleCI's order: `--` before the destination would make ssh run
 * `-- SHELL` remotely). The `--` ends ssh's options, so nothing after it can become one.
 */
export function buildSshCommand(target: SshTarget, shell: Shell, keyPath?: string): SshCommand {
  const words = ['ssh'];
  const keyWord = keyPath === undefined ? undefined : quoteForShell(keyPath, shell);
  // IdentitiesOnly stops ssh offering every agent key first, which ends in "Too many authentication failures".
  if (keyWord !== undefined) words.push('-i', keyWord, '-o', 'IdentitiesOnly=yes');
  if (target.tty) words.push('-t');
  if (target.port !== undefined) words.push('-p', String(target.port));
  const destination = target.user === undefined ? target.host : `${target.user}@${target.host}`;
  if (target.shell === undefined) words.push(endOfOptions(shell), destination);
  else words.push(destination, endOfOptions(shell), target.shell);
  return { text: words.join(' '), ...(keyWord === undefined ? {} : { keyWord }) };
}

const MAX_COMMAND_LENGTH = 2048;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const UNSAFE_IN_KEY = /[\u0000-\u001f\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}]/u;

/**
 * The last check before the clipboard: one ssh invocation on one line, printable ASCII except inside
 * the user's key path, which may hold letters such as `é` but no control, bidi or zero-width
 * characters. Defence in depth behind the grammar and the key-path check.
 */
export function isSafeToPaste({ text, keyWord }: SshCommand): boolean {
  if (!text.startsWith('ssh ') || text.length > MAX_COMMAND_LENGTH) return false;
  if (keyWord === undefined) return PRINTABLE_ASCII.test(text);
  const keyAt = text.indexOf(` -i ${keyWord} `);
  if (keyAt === -1 || UNSAFE_IN_KEY.test(keyWord)) return false;
  const rest = text.slice(0, keyAt) + text.slice(keyAt + keyWord.length + 5);
  return PRINTABLE_ASCII.test(rest);
}

/** The command for a target with the user's stored settings, or undefined when the key is unusable. */
export function commandFor(target: SshTarget, storedKeyPath: string, shell: Shell): SshCommand | undefined {
  const key = checkKeyPath(storedKeyPath, shell);
  if (!key.ok) return undefined;
  const command = buildSshCommand(target, shell, key.keyPath);
  return isSafeToPaste(command) ? command : undefined;
}
