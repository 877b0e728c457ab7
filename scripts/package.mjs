// `npm run package`: store-ready zips in artifacts/, versioned from package.json:
//   <name>-<version>-chrome.zip   for the Chrome Web Store (and Edge, Brave): dist/chrome
//   <name>-<version>-firefox.zip  for Firefox Add-ons (AMO): dist/firefox
//   <name>-<version>-source.zip   the sources AMO asks for: every file git tracks
//   store/<locale>/                the listing texts beside the e2e run's screenshots (store-assets.mjs)
// The zips are reproducible: entries sorted, one fixed timestamp, so the same checkout always gives
// the same bytes (printed as SHA-256 for comparison). fflate writes them; it is small and dependency-free.

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import { writeStoreAssets } from './store-assets.mjs';

// 1980-01-01, the earliest time a zip can hold: no build-time clock leaks into the bytes.
const FIXED_TIME = new Date(1980, 0, 1);
const { name, version } = JSON.parse(readFileSync('package.json', 'utf8'));

function filesIn(directory) {
  return readdirSync(directory, { recursive: true })
    .map((path) => join(directory, path))
    .filter((path) => statSync(path).isFile());
}

function zip(root, paths) {
  const entries = Object.fromEntries(
    [...paths]
      .map((path) => relative(root, path).split('\\').join('/'))
      .sort()
      .map((path) => [path, [readFileSync(join(root, path)), { mtime: FIXED_TIME, level: 9 }]]),
  );
  return zipSync(/** @type {import('fflate').Zippable} */ (entries));
}

function checkedManifest(directory) {
  const manifest = JSON.parse(readFileSync(join(directory, 'manifest.json'), 'utf8'));
  if (manifest.version !== version) {
    throw new Error(`${directory}/manifest.json says ${manifest.version}, package.json ${version}: run npm run build`);
  }
  return directory;
}

const trackedFiles = execFileSync('git', ['ls-files', '-z'], { encoding: 'utf8' }).split('\0').filter(Boolean);
const packages = {
  chrome: () => zip('dist/chrome', filesIn(checkedManifest('dist/chrome'))),
  firefox: () => zip('dist/firefox', filesIn(checkedManifest('dist/firefox'))),
  source: () => zip('.', trackedFiles),
};

mkdirSync('artifacts', { recursive: true });
for (const [target, build] of Object.entries(packages)) {
  const bytes = build();
  if (Buffer.compare(Buffer.from(bytes), Buffer.from(build())) !== 0)
    throw new Error(`${target}.zip is not reproducible`);
  const file = `artifacts/${name}-${version}-${target}.zip`;
  writeFileSync(file, bytes);
  console.log(
    `${file}  ${(bytes.length / 1024).toFixed(1)} KiB  sha256 ${createHash('sha256').update(bytes).digest('hex')}`,
  );
}
writeStoreAssets(version);
