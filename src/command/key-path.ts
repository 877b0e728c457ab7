// The private key path is the user's own input, but it lands in a shell and then in ssh's `-i`, so a
// value that cannot work there, or that would change what the pasted line does, is refused at save
// time and again at copy time.

import type { Shell } from './shell-quote';

export type KeyPathProblem =
  | 'control-character'
  | 'invisible-character'
  | 'ssh-expansion'
  | 'cmd-special-character'
  | 'too-long';

export type KeyPathCheck =
  | { readonly ok: true /** Undefined means "no key": ssh picks its default keys. */; readonly keyPath?: string }
  | { readonly ok: false; readonly problem: KeyPathProblem };

export const MAX_KEY_PATH_LENGTH = 1024;

// C0 (newline and tab included), DEL and C1: a newline would run the line on paste, ESC could end
// bracketed paste early.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/u;
// Format characters (bidi overrides, zero-width), line and paragraph separators, non-ASCII spaces:
// they make the text on screen differ from the bytes pasted.
const INVISIBLE = /[\p{Cf}\p{Zl}\p{Zp}\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/u;
/** Control, format (bidi, zero-width) and line-separator characters: never in text we show or copy. */
export const UNSAFE_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}]/u;
// ssh expands `%` tokens and `${VAR}` in identity file paths itself; `-i` cannot escape them.
const SSH_EXPANSION = /%|\$\{/;
// cmd.exe has no way to quote these: `"` ends the quotes, `!` expands under delayed expansion.
const CMD_SPECIAL = /["!]/;

export function checkKeyPath(input: string, shell: Shell = 'posix'): KeyPathCheck {
  const keyPath = input.trim();
  if (keyPath === '') return { ok: true };
  if (keyPath.length > MAX_KEY_PATH_LENGTH) return { ok: false, problem: 'too-long' };
  if (CONTROL.test(keyPath)) return { ok: false, problem: 'control-character' };
  if (INVISIBLE.test(keyPath)) return { ok: false, problem: 'invisible-character' };
  if (SSH_EXPANSION.test(keyPath)) return { ok: false, problem: 'ssh-expansion' };
  if (shell === 'cmd' && CMD_SPECIAL.test(keyPath)) return { ok: false, problem: 'cmd-special-character' };
  return { ok: true, keyPath };
}
