// Each quoter against a reference reading of its shell's documented quoting rules
// (docs/security.md#s10-key-quoting):
// whatever valid key path goes in, the shell must read back exactly that path as one word.
// PowerShell and cmd.exe are not available on these machines, so their rules are checked this way only.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkKeyPath } from './key-path';
import { endOfOptions, quoteForShell, SHELLS, type Shell } from './shell-quote';

const RUNS = 10_000;
// Outside quotes, only characters that mean nothing to any of the four shells.
const BARE_CHAR = /[A-Za-z0-9_./~:-]/;
const PS_QUOTES = /['\u2018\u2019\u201a\u201b]/;

/** Reads one word as the shell would, or throws where it would not be one literal word. */
const readers: Record<Shell, (word: string) => string> = {
  // POSIX: '…' is literal; outside quotes a backslash escapes the next character.
  posix: (word) =>
    readWord(word, {
      quote: (char) => char === "'",
      inside: (text, i) => (text[i] === "'" ? undefined : [text[i] ?? '', 1]),
      backslashEscapes: true,
    }),
  // fish: inside '…', \\ and \' are escapes.
  fish: (word) =>
    readWord(word, {
      quote: (char) => char === "'",
      inside: (text, i) => {
        if (text[i] === '\\' && (text[i + 1] === '\\' || text[i + 1] === "'")) return [text[i + 1] ?? '', 2];
        return text[i] === "'" ? undefined : [text[i] ?? '', 1];
      },
      backslashEscapes: true,
    }),
  // PowerShell: '…' is literal; any of its four single quotes, doubled, is one quote.
  powershell: (word) =>
    readWord(word, {
      quote: (char) => PS_QUOTES.test(char),
      inside: (text, i) => {
        if (!PS_QUOTES.test(text[i] ?? '')) return [text[i] ?? '', 1];
        return PS_QUOTES.test(text[i + 1] ?? '') ? [text[i] ?? '', 2] : undefined;
      },
      backslashEscapes: false,
    }),
  // cmd.exe: "…" with no way to write a " inside; %VAR% and !VAR! still expand there.
  cmd: (word) => {
    const value = readWord(word, {
      quote: (char) => char === '"',
      inside: (text, i) => (text[i] === '"' ? undefined : [text[i] ?? '', 1]),
      backslashEscapes: false,
    });
    if (/[%!]/.test(value)) throw new Error(`cmd would expand ${word}`);
    return value;
  },
};

interface Grammar {
  readonly quote: (char: string) => boolean;
  /** Reads one unit inside quotes, or undefined at the closing quote. */
  readonly inside: (text: string, index: number) => [char: string, length: number] | undefined;
  /** Whether a backslash outside quotes escapes the next character. */
  readonly backslashEscapes: boolean;
}

function readWord(word: string, { quote, inside, backslashEscapes }: Grammar): string {
  let value = '';
  let i = 0;
  while (i < word.length) {
    const char = word[i] ?? '';
    if (quote(char)) {
      i++;
      for (let unit = inside(word, i); unit; unit = inside(word, i)) {
        value += unit[0];
        i += unit[1];
        if (i > word.length) throw new Error(`unterminated quote in ${word}`);
      }
      if (i >= word.length) throw new Error(`unterminated quote in ${word}`);
      i++;
    } else if (backslashEscapes && char === '\\' && i + 1 < word.length) {
      value += word[i + 1];
      i += 2;
    } else if (BARE_CHAR.test(char)) {
      value += char;
      i++;
    } else {
      throw new Error(`unquoted ${JSON.stringify(char)} in ${word}`);
    }
  }
  return value;
}

const validKeyPath = (shell: Shell) =>
  fc
    .oneof(
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.string({
        unit: fc.constantFrom(...'~/\\\'"`$!%{}()[]*?#&|;<> \u2019\u2018é😀'.split(''), 'a', '.'),
        maxLength: 30,
      }),
    )
    .map((input) => checkKeyPath(input, shell))
    .filter((check): check is { ok: true; keyPath: string } => check.ok && check.keyPath !== undefined)
    .map((check) => check.keyPath);

describe.each(SHELLS)('quoteForShell(…, %s)', (shell) => {
  it('is read back by the shell as exactly the key path, one word', () => {
    fc.assert(
      fc.property(validKeyPath(shell), (keyPath) => {
        const word = quoteForShell(keyPath, shell);
        expect(readers[shell](word)).toBe(keyPath);
        expect(word).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/u);
      }),
      { numRuns: RUNS },
    );
  });

  it('leaves plain paths bare so they read the same in every shell', () => {
    for (const path of ['~/.ssh/id_ed25519', '/home/me/.ssh/id_rsa', 'C:/Users/me/.ssh/id_ed25519', 'keys/id-work']) {
      expect(quoteForShell(path, shell)).toBe(path);
    }
  });
});

describe('what each shell is given for tricky paths', () => {
  it.each([
    ['posix', '~/keys/it\'s "my" $(id) !!/id', `~/'keys/it'\\''s "my" $(id) !!/id'`],
    ['posix', "C:\\Users\\me\\.ssh\\a'b", `'C:\\Users\\me\\.ssh\\a'\\''b'`],
    ['fish', "C:\\Users\\me\\.ssh\\a'b", `'C:\\\\Users\\\\me\\\\.ssh\\\\a\\'b'`],
    ['powershell', 'C:\\Users\\me\\.ssh\\it’s', `'C:\\Users\\me\\.ssh\\it’’s'`],
    ['powershell', '~/my keys/id', `'~/my keys/id'`],
    ['cmd', 'C:\\Users\\me\\my keys\\id', '"C:\\Users\\me\\my keys\\id"'],
  ] as const)('%s: %s', (shell, path, word) => {
    expect(quoteForShell(path, shell)).toBe(word);
  });

  it('POSIX output for a path ending in a backslash is not fish-safe, which is why the shell is a setting', () => {
    const posixWord = quoteForShell('a\\', 'posix');
    expect(() => readers.fish(posixWord)).toThrow();
    expect(readers.fish(quoteForShell('a\\', 'fish'))).toBe('a\\');
  });

  it('ends options with a -- that PowerShell passes through', () => {
    expect(endOfOptions('posix')).toBe('--');
    expect(readers.powershell(endOfOptions('powershell'))).toBe('--');
  });
});
