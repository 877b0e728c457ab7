// The pure parts of `npm run release`: which versions may follow, the bump of every file that carries
// the version, and the changelog check.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { changelogProblem, releaseNotes } from './changelog.js';
import { bumped, versionProblem } from './version.js';

describe('versionProblem', () => {
  it.each([
    ['0.1.0', '0.1.1'],
    ['0.1.0', '0.2.0'],
    ['0.9.9', '1.0.0'],
    ['1.2.3', '1.10.0'],
  ])('lets %s be followed by %s', (current, next) => {
    expect(versionProblem(current, next)).toBeUndefined();
  });

  it.each([
    ['0.1.0', '0.1.0', 'is not after'],
    ['0.2.0', '0.1.9', 'is not after'],
    ['1.10.0', '1.9.0', 'is not after'],
    ['0.1.0', 'v0.2.0', 'is not a version'],
    ['0.1.0', '0.2', 'is not a version'],
    ['0.1.0', '0.2.0-beta.1', 'is not a version'],
    ['0.1.0', '0.02.0', 'is not a version'],
    ['0.1.0', '0.65536.0', 'is not a version'],
    ['0.1.0', '0.2.0 ', 'is not a version'],
  ])('refuses %s → %j', (current, next, why) => {
    expect(versionProblem(current, next)).toContain(why);
  });
});

describe('bumped', () => {
  const files = {
    packageJson: readFileSync('package.json', 'utf8'),
    packageLock: readFileSync('package-lock.json', 'utf8'),
    manifest: readFileSync('manifest.json', 'utf8'),
  };
  const current = JSON.parse(files.packageJson).version as string;

  it('changes the version in every file and nothing else', () => {
    const next = bumped(files, '9.8.7');
    expect(JSON.parse(next.packageJson)).toEqual({ ...JSON.parse(files.packageJson), version: '9.8.7' });
    const lock = JSON.parse(next.packageLock);
    expect(lock.version).toBe('9.8.7');
    expect(lock.packages[''].version).toBe('9.8.7');
    expect(JSON.parse(next.manifest)).toEqual({ ...JSON.parse(files.manifest), version: '9.8.7' });
  });

  it('keeps the files byte for byte when the version is the same (the formatting is untouched)', () => {
    expect(bumped(files, current)).toEqual(files);
  });

  it('refuses a manifest whose version it cannot find', () => {
    expect(() => bumped({ ...files, manifest: '{ "name": "x" }' }, '9.8.7')).toThrow('exactly one "version"');
  });
});

describe('changelog', () => {
  const changelog = `# Changelog

## [Unreleased]

### Added
- Something new.

## [0.2.0] - 2026-12-07

### Fixed
- A bug.

## [0.1.0] - 2026-11-01

### Added
- The first release.
`;

  it('accepts a dated release with notes, and gives its notes', () => {
    expect(changelogProblem(changelog, '0.2.0')).toBeUndefined();
    expect(releaseNotes(changelog, '0.2.0')).toBe('### Fixed\n- A bug.');
    expect(releaseNotes(changelog, '0.1.0')).toBe('### Added\n- The first release.');
  });

  it.each([
    ['0.3.0', 'no "## [0.3.0] - YYYY-MM-DD" section'],
    ['0.2', 'no "## [0.2] - YYYY-MM-DD" section'],
  ])('refuses a release it does not list: %s', (version, why) => {
    expect(changelogProblem(changelog, version)).toContain(why);
  });

  it('refuses an undated or empty release, and a changelog without Unreleased', () => {
    expect(changelogProblem(changelog.replace('[0.2.0] - 2026-12-07', '[0.2.0]'), '0.2.0')).toContain('no date');
    expect(changelogProblem(changelog.replace('### Fixed\n- A bug.\n', ''), '0.2.0')).toContain('is empty');
    expect(changelogProblem(changelog.replace('## [Unreleased]', ''), '0.2.0')).toContain('no "## [Unreleased]"');
  });

  it('holds the current version', () => {
    const version = JSON.parse(readFileSync('package.json', 'utf8')).version as string;
    expect(changelogProblem(readFileSync('CHANGELOG.md', 'utf8'), version)).toBeUndefined();
  });
});
