// Quoting of the user's key path for the shell they paste into. Each shell by its own rules
// (docs/security.md#s10-key-quoting); none of them ever double-quotes in POSIX, where `$(…)`, backticks and
// `!` would still expand. Callers validate first (key-path.ts): quoting is not a sanitizer.

export const SHELLS = ['posix', 'fish', 'powershell', 'cmd'] as const;
export type Shell = (typeof SHELLS)[number];

export function isShell(value: unknown): value is Shell {
  return (SHELLS as readonly unknown[]).includes(value);
}

// Paths made only of these characters mean the same in every shell (OpenSSH expands a leading `~/`
// itself, Win32-OpenSSH takes forward slashes), so they stay bare and readable.
const BARE = /^(?:~\/|[A-Za-z]:\/)?[A-Za-z0-9_./][A-Za-z0-9_./-]*$/;

const posixQuote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;
// Inside fish's single quotes, `\\` and `\'` are escapes: POSIX output is wrong there.
const fishQuote = (text: string) => `'${text.replace(/[\\']/g, '\\$&')}'`;
// PowerShell treats the typographic single quotes as quotes too, so they are doubled as well.
const powershellQuote = (text: string) => `'${text.replace(/['\u2018\u2019\u201a\u201b]/g, '$&$&')}'`;
// Nothing escapes inside cmd's double quotes: key-path.ts refuses `"`, `%` and `!` for cmd.
const cmdQuote = (text: string) => `"${text}"`;

/**
 * The key path as one word of the chosen shell. In sh-like shells and fish a leading `~/` stays
 * outside the quotes so the shell expands it; PowerShell and cmd quote it whole and ssh expands it.
 */
export function quoteForShell(path: string, shell: Shell): string {
  if (BARE.test(path)) return path;
  switch (shell) {
    case 'posix':
      return path.startsWith('~/') ? `~/${posixQuote(path.slice(2))}` : posixQuote(path);
    case 'fish':
      return path.startsWith('~/') ? `~/${fishQuote(path.slice(2))}` : fishQuote(path);
    case 'powershell':
      return powershellQuote(path);
    case 'cmd':
      return cmdQuote(path);
  }
}

/** `--` as a word: PowerShell swallows a bare `--` on its way to native programs. */
export function endOfOptions(shell: Shell): string {
  return shell === 'powershell' ? "'--'" : '--';
}
