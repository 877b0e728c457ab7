// `npm run release -- <version>`: checks the version and CHANGELOG.md's notes for it, bumps
// package.json, package-lock.json and manifest.json together, then builds, runs every test and writes
// the store packages. It commits nothing: the last line says what to commit and tag.

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { changelogProblem } from './changelog.js';
import { bumped, versionProblem } from './version.js';

const FILES = { packageJson: 'package.json', packageLock: 'package-lock.json', manifest: 'manifest.json' };

const version = process.argv[2];
if (!version || process.argv.length > 3) fail('Usage: npm run release -- <version>, e.g. npm run release -- 0.2.0');
const texts = /** @type {Record<keyof typeof FILES, string>} */ (
  Object.fromEntries(Object.entries(FILES).map(([key, path]) => [key, readFileSync(path, 'utf8')]))
);
const problem =
  versionProblem(JSON.parse(texts.packageJson).version, version) ??
  changelogProblem(readFileSync('CHANGELOG.md', 'utf8'), version);
if (problem) fail(problem);

for (const [key, text] of Object.entries(bumped(texts, version))) writeFileSync(FILES[key], text);
console.log(`Version ${version} in ${Object.values(FILES).join(', ')}.`);
for (const script of ['build', 'test', 'package']) {
  console.log(`\n> npm run ${script}`);
  try {
    execFileSync('npm', ['run', script], { stdio: 'inherit', shell: process.platform === 'win32' });
  } catch {
    fail(`npm run ${script} failed: fix it and run the release again, or undo the bump with git checkout.`);
  }
}
console.log(`\nReleased ${version}: git commit -am "Release ${version}" && git tag v${version}`);

/** @param {string} message */
function fail(message) {
  console.error(message);
  process.exit(1);
}
