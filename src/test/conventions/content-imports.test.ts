// The content script runs on every CircleCI job page, so it carries neither Preact nor
// webextension-polyfill (its size budget, and browser.ts for why it needs no polyfill). This walks the
// imports that reach the bundle from the content script the manifest names; JSX counts as an import of
// its runtime: `#dom` with the pragma, else Preact (tsconfig's jsxImportSource).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, ROOT, readSources, type Sources, usesJsx } from '../sources';

const FORBIDDEN = /^(?:preact|webextension-polyfill)(?:\/|$)/;
const PRAGMA = /^\/\*\* @jsxImportSource (\S+) \*\/$/m;

const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as {
  content_scripts: { js: string[] }[];
};
const packageImports = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { imports: Record<string, string> }
).imports;
const CONTENT_ENTRIES = manifest.content_scripts.flatMap((script) => script.js);

/** `entry → … → module` for every forbidden module the bundle of `entries` would hold. */
function forbiddenImports(entries: readonly string[], sources: Sources): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (file: string, path: readonly string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = sources.get(file) ?? '';
    const runtime = usesJsx(file, text) ? [`${PRAGMA.exec(text)?.[1] ?? 'preact'}/jsx-runtime`] : [];
    const specifiers = [
      ...importsOf(file, sources).filter((each) => !each.typeOnly),
      ...runtime.map((specifier) => ({ specifier, file: undefined })),
    ];
    for (const { specifier, file: target } of specifiers) {
      const local = target ?? packageImports[specifier]?.replace(/^\.\//, '');
      if (FORBIDDEN.test(specifier)) found.push([...path, file, specifier].join(' → '));
      else if (local !== undefined && sources.has(local)) walk(local, [...path, file]);
    }
  };
  for (const entry of entries) walk(entry, []);
  return found;
}

describe('the content script', () => {
  const sources = readSources();

  it('is named by the manifest and read here', () => {
    expect(CONTENT_ENTRIES.length).toBeGreaterThan(0);
    for (const entry of CONTENT_ENTRIES) expect(sources.has(entry), entry).toBe(true);
  });

  it('reaches neither preact nor webextension-polyfill', () => {
    expect(forbiddenImports(CONTENT_ENTRIES, sources)).toEqual([]);
  });

  it('flags either when a content module reaches it (fixture)', () => {
    const broken = new Map(sources);
    broken.set(
      'src/content/report-error.ts',
      `import '../shared/polyfill';\n${sources.get('src/content/report-error.ts')}`,
    );
    const panel = 'src/ui/SshPanel.tsx';
    broken.set(panel, (sources.get(panel) ?? '').replace(PRAGMA, ''));
    expect(forbiddenImports(CONTENT_ENTRIES, broken)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/src\/content\/report-error\.ts → src\/shared\/polyfill\.ts → webextension-polyfill$/),
        expect.stringMatching(/src\/ui\/SshPanel\.tsx → preact\/jsx-runtime$/),
      ]),
    );
  });
});
