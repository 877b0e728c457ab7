// Arrows one way: each layer imports only the layers below it, so CircleCI knowledge never depends on
// settings or UI, and the content script and the background share types through src/shared/, not
// through each other. A new folder under src/ must be placed here before anything may import it.

import { describe, expect, it } from 'vitest';
import { folderOf, importsOf, readSources, type Sources } from '../sources';

/** The pure helpers src/circleci/ may use: a layer of its own, below everything. */
const RECORDS = 'src/shared/records.ts';

/** What each layer may import besides itself. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  records: [],
  circleci: ['records'],
  command: ['circleci', 'records'],
  shared: ['circleci', 'command', 'records'],
  settings: ['shared', 'command', 'circleci', 'records'],
  diagnostics: ['settings', 'shared', 'circleci', 'records'],
  ui: ['settings', 'shared', 'command', 'circleci', 'records'],
  content: ['ui', 'diagnostics', 'settings', 'shared', 'command', 'circleci', 'records'],
  background: ['diagnostics', 'settings', 'shared', 'command', 'circleci', 'records'],
  popup: ['ui', 'diagnostics', 'settings', 'shared', 'command', 'circleci', 'records'],
  options: ['ui', 'diagnostics', 'settings', 'shared', 'command', 'circleci', 'records'],
};

const layerOf = (file: string) => (file === RECORDS ? 'records' : folderOf(file));

/** `from → to` for every import between two of our files that the table does not allow. */
function wrongArrows(sources: Sources): string[] {
  return [...sources.keys()].flatMap((from) =>
    importsOf(from, sources).flatMap(({ file: to }) => {
      if (to === undefined || layerOf(to) === layerOf(from)) return [];
      const allowed = ALLOWED[layerOf(from)] ?? [];
      return allowed.includes(layerOf(to)) ? [] : [`${from} → ${to}`];
    }),
  );
}

describe('layers', () => {
  const sources = readSources();

  it('knows every folder under src/', () => {
    expect([...new Set([...sources.keys()].map(layerOf))].filter((layer) => !(layer in ALLOWED))).toEqual([]);
  });

  it('has no import arrow pointing back up', () => {
    expect(wrongArrows(sources)).toEqual([]);
  });

  it('flags an arrow that points the wrong way (fixture)', () => {
    const broken = new Map(sources);
    broken.set(
      'src/circleci/api.ts',
      `import { isRecord } from '../settings/prefs';\n${sources.get('src/circleci/api.ts')}`,
    );
    broken.set('src/content/fixture.ts', `import type { JobSshDeps } from '../background/job-ssh';`);
    broken.set('src/background/fixture.ts', `export { panelModel } from '../content/panel-model';`);
    expect(wrongArrows(broken).sort()).toEqual([
      'src/background/fixture.ts → src/content/panel-model.ts',
      'src/circleci/api.ts → src/settings/prefs.ts',
      'src/content/fixture.ts → src/background/job-ssh.ts',
    ]);
  });
});
