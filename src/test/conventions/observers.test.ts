// Each mutation observer of the whole page is one more record for every line CircleCI's log appends,
// so the content script has two: page-visits.ts (the URL may have changed) and step-watcher.ts, which
// hands its cue to every feature (`steps.onDomChange`). A feature that wants to know of DOM changes
// asks the step watcher.

import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parse, readSources, type Sources } from '../sources';

const OBSERVERS = ['src/content/page-visits.ts', 'src/content/step-watcher.ts'];

/** Files outside OBSERVERS that construct a MutationObserver. */
function strayObservers(sources: Sources): string[] {
  return [...sources]
    .filter(([file]) => !OBSERVERS.includes(file))
    .filter(([file, text]) => {
      let found = false;
      const visit = (node: ts.Node): void => {
        if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'MutationObserver')
          found = true;
        else ts.forEachChild(node, visit);
      };
      visit(parse(file, text));
      return found;
    })
    .map(([file]) => file);
}

describe('mutation observers', () => {
  it('are made only by the page visits and the step watcher', () => {
    expect(strayObservers(readSources())).toEqual([]);
  });

  it('flags a feature that observes the page itself (fixture)', () => {
    const fixture = new Map([
      ['src/content/step-watcher.ts', 'new MutationObserver(() => {}).observe(document.body, {});'],
      ['src/content/features/own.ts', 'const seen = new MutationObserver(() => {});'],
      ['src/content/features/told.ts', '// new MutationObserver would be wrong here\nsteps.onDomChange(look, signal);'],
    ]);
    expect(strayObservers(fixture)).toEqual(['src/content/features/own.ts']);
  });
});
