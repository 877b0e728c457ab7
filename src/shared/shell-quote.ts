// Quoting of the user's key path for POSIX shells (sh, bash, zsh, dash). Only single quotes: inside
// them nothing is special, whereas double quotes still expand `$(…)`, backticks and `!` (history).

// Paths made only of these characters mean the same in every shell, so they stay readable.
const BARE = /^(?:~\/)?[A-Za-z0-9_./][A-Za-z0-9_./-]*$/;

function singleQuote(text: string): string {
  return `'${text.replaceAll("'", "'\\''")}'`;
}

/** A leading `~/` stays outside the quotes so the shell expands it, as the user expects. */
export function quotePosix(path: string): string {
  if (BARE.test(path)) return path;
  if (path.startsWith('~/')) return `~/${singleQuote(path.slice(2))}`;
  return singleQuote(path);
}
