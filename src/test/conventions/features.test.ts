// Every content feature (one file in src/content/features/) is started by the content script entry and
// says in its own file which job pages it runs on (TEST_URLS, checked as job pages by
// src/circleci/page-detect.test.ts), as refined-github asks of its features.

import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { importsOf, parse, readSources, type Sources } from '../sources';

const ENTRY = 'src/content/index.tsx';
const FEATURES = 'src/content/features/';

/** The names a file exports as `export const NAME` (with its initialiser). */
function exportedConstants(file: string, text: string): Map<string, ts.Expression | undefined> {
  const constants = new Map<string, ts.Expression | undefined>();
  for (const statement of parse(file, text).statements) {
    if (!ts.isVariableStatement(statement)) continue;
    if (!statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) continue;
    for (const declaration of statement.declarationList.declarations)
      if (ts.isIdentifier(declaration.name)) constants.set(declaration.name.text, declaration.initializer);
  }
  return constants;
}

/** What is wrong with each feature file: not started by the entry, or no test URLs. */
function featureProblems(sources: Sources): string[] {
  const entry = sources.get(ENTRY) ?? '';
  // The features the entry hands to runOnJobPages: `runOnJobPages([a, b, c], …)`.
  const started =
    /runOnJobPages\(\s*\[([^\]]*)\]/
      .exec(entry)?.[1]
      ?.split(',')
      .map((name) => name.trim()) ?? [];
  const imported = new Set(importsOf(ENTRY, sources).map((each) => each.file));
  return [...sources.keys()]
    .filter((file) => file.startsWith(FEATURES))
    .flatMap((file) => {
      const constants = exportedConstants(file, sources.get(file) ?? '');
      const problems: string[] = [];
      const feature = [...constants.keys()].find((name) => name !== 'TEST_URLS');
      if (!imported.has(file) || feature === undefined || !started.includes(feature))
        problems.push(`${file}: not started by ${ENTRY}`);
      const urls = constants.get('TEST_URLS');
      const isUrlList =
        urls !== undefined &&
        ts.isArrayLiteralExpression(urls) &&
        urls.elements.length > 0 &&
        urls.elements.every((url) => ts.isStringLiteral(url) && url.text.startsWith('https://'));
      if (!isUrlList) problems.push(`${file}: no TEST_URLS`);
      return problems;
    });
}

describe('content features', () => {
  const sources = readSources();

  it('are each started by the content script and name their test URLs', () => {
    expect([...sources.keys()].filter((file) => file.startsWith(FEATURES)).length).toBeGreaterThan(0);
    expect(featureProblems(sources)).toEqual([]);
  });

  it('flags a feature nobody starts and one without test URLs (fixture)', () => {
    const broken = new Map(sources);
    broken.set(`${FEATURES}fixture.ts`, 'export const fixture = { init() {} };');
    const panel = `${FEATURES}ssh-panel.tsx`;
    broken.set(panel, (sources.get(panel) ?? '').replace('export const TEST_URLS', 'const TEST_URLS'));
    expect(featureProblems(broken).sort()).toEqual([
      `${FEATURES}fixture.ts: no TEST_URLS`,
      `${FEATURES}fixture.ts: not started by ${ENTRY}`,
      `${FEATURES}ssh-panel.tsx: no TEST_URLS`,
    ]);
  });
});
