// Every CircleCI selector lives in src/circleci/selectors.ts, next to its evidence: a DOM query with a
// selector written anywhere else is a hook on CircleCI's markup that nobody will find when it changes.
// A selector is "written" when it is a string or template literal, or a constant of this file set to one.

import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parse, readSources, type Sources } from '../sources';

const QUERIES = new Set(['querySelector', 'querySelectorAll', 'closest', 'matches']);

/** Files that may write selectors, and why. */
const ALLOWED: Readonly<Record<string, string>> = {
  'src/circleci/selectors.ts': "CircleCI's markup, each hook with its evidence",
  'src/ui/own-queries.ts': "our own markup (shadow roots, extension pages), never CircleCI's",
  'src/ui/dom/replace.ts': 'the focusable elements of our own redrawn UI, to keep focus where it was',
};

/** `file:line query(selector)` for every query with a written selector outside ALLOWED. */
function writtenSelectors(sources: Sources): string[] {
  return [...sources].flatMap(([file, text]) => {
    if (file in ALLOWED) return [];
    const source = parse(file, text);
    const literalConstants = new Set<string>();
    const found: string[] = [];
    const isWritten = (node: ts.Expression | undefined) =>
      node !== undefined &&
      (ts.isStringLiteralLike(node) ||
        ts.isTemplateExpression(node) ||
        (ts.isIdentifier(node) && literalConstants.has(node.text)));
    const visit = (node: ts.Node) => {
      if (
        ts.isCallExpression(node) &&
        ts.isPropertyAccessExpression(node.expression) &&
        QUERIES.has(node.expression.name.text) &&
        isWritten(node.arguments[0])
      ) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        found.push(`${file}:${line + 1} ${node.expression.name.text}(${node.arguments[0]?.getText()})`);
      }
      ts.forEachChild(node, visit);
    };
    // Constants first: a query may come before the declaration it uses.
    const collect = (node: ts.Node) => {
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer) {
        if (ts.isStringLiteralLike(node.initializer) || ts.isTemplateExpression(node.initializer))
          literalConstants.add(node.name.text);
      }
      ts.forEachChild(node, collect);
    };
    collect(source);
    visit(source);
    return found;
  });
}

describe('DOM queries', () => {
  it('write no selector outside src/circleci/selectors.ts', () => {
    expect(writtenSelectors(readSources())).toEqual([]);
  });

  it('flags a selector written elsewhere (fixture)', () => {
    const fixture = new Map([
      [
        'src/content/fixture.ts',
        [
          "const TITLE = 'main h1';",
          "export const name = (header: Element) => header.querySelector('h1')?.textContent;",
          'export const title = () => document.querySelector(TITLE);',
          'export const inStep = (node: Element) => node.closest(`[data-step]`);',
          'export const fine = (node: Element, selector: string) => node.matches(selector);',
        ].join('\n'),
      ],
    ]);
    expect(writtenSelectors(fixture)).toEqual([
      "src/content/fixture.ts:2 querySelector('h1')",
      'src/content/fixture.ts:3 querySelector(TITLE)',
      'src/content/fixture.ts:4 closest(`[data-step]`)',
    ]);
  });
});
