// Builds the command we put on the clipboard from parsed, validated parts. Nothing here is copied
// from the page: host, port, user and shell come from the strict grammar in circleci/ssh-target.ts.

import type { SshTarget } from '../circleci/ssh-target';
import { checkKeyPath } from './key-path';
import { quotePosix } from './shell-quote';

/** `ssh -i KEY -o IdentitiesOnly=yes [-t] [-p PORT] DESTINATION [-- SHELL]`; without a key, no `-i` and `-o`. */
export function buildSshCommand(target: SshTarget, keyPath?: string): string {
  const args = ['ssh'];
  // IdentitiesOnly stops ssh offering every agent key first, which ends in "Too many authentication failures".
  if (keyPath !== undefined) args.push('-i', quotePosix(keyPath), '-o', 'IdentitiesOnly=yes');
  if (target.tty) args.push('-t');
  if (target.port !== undefined) args.push('-p', String(target.port));
  args.push(target.user === undefined ? target.host : `${target.user}@${target.host}`);
  if (target.shell !== undefined) args.push('--', target.shell);
  return args.join(' ');
}

const MAX_COMMAND_LENGTH = 2048;
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}]/u;

/**
 * The last check before the clipboard: one ssh invocation on one line, with no control, bidi or
 * zero-width characters. Defence in depth behind the grammar and the key-path check.
 */
export function isSafeToPaste(command: string): boolean {
  return command.startsWith('ssh ') && command.length <= MAX_COMMAND_LENGTH && !UNSAFE.test(command);
}

/** The command for a target and the user's stored key, or undefined when the key is unusable. */
export function commandFor(target: SshTarget, storedKeyPath: string): string | undefined {
  const key = checkKeyPath(storedKeyPath);
  if (!key.ok) return undefined;
  const command = buildSshCommand(target, key.keyPath);
  return isSafeToPaste(command) ? command : undefined;
}
