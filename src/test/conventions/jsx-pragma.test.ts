// A file opts into the DOM-building JSX runtime (src/ui/dom/jsx-runtime.ts) with a pragma. esbuild and
// TypeScript read it only among the comments before the first statement: one that slips below an
// import silently falls back to Preact. On the first line it is where every reader looks, and stays.

import { describe, expect, it } from 'vitest';
import { readSources, type Sources, usesJsx } from '../sources';

const PRAGMA = '/** @jsxImportSource #dom */';

/** Files with JSX that name the `#dom` runtime anywhere but on their first line. */
function misplacedPragmas(sources: Sources): string[] {
  return [...sources]
    .filter(([file, text]) => usesJsx(file, text) && text.includes('@jsxImportSource #dom'))
    .filter(([, text]) => text.split('\n')[0] !== PRAGMA)
    .map(([file]) => file);
}

describe('the #dom JSX pragma', () => {
  const sources = readSources();

  it('is the first line of every file that uses the #dom runtime', () => {
    expect(misplacedPragmas(sources)).toEqual([]);
  });

  it('flags a pragma below the first line (fixture)', () => {
    const fixture = new Map([
      ['src/ui/First.tsx', `${PRAGMA}\nexport const First = () => <b>first</b>;\n`],
      ['src/ui/Late.tsx', `// A comment first.\n${PRAGMA}\nexport const Late = () => <b>late</b>;\n`],
    ]);
    expect(misplacedPragmas(fixture)).toEqual(['src/ui/Late.tsx']);
  });
});
