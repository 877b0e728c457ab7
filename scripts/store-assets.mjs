// The store listing beside the zips (`npm run package`): per language, artifacts/store/<locale>/ gets
// listing.json (store/listing: name, descriptions, permission justifications) next to the screenshots
// and promotional tile that the e2e run writes there (e2e/store/assets.ts); artifacts/store/
// release-notes.md gets this version's CHANGELOG.md section.

import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { releaseNotes } from './release/changelog.js';

const STORE_DIR = 'artifacts/store';
const SPECS = 'e2e/store-listing.spec.ts e2e/firefox/store-listing.spec.ts';

const pngsIn = (dir) => (existsSync(dir) ? readdirSync(dir).filter((file) => file.endsWith('.png')).length : 0);

/** @param {string} version */
export function writeStoreAssets(version) {
  for (const file of readdirSync('store/listing').sort()) {
    const locale = file.replace(/\.json$/, '');
    const dir = join(STORE_DIR, locale);
    mkdirSync(dir, { recursive: true });
    copyFileSync(join('store/listing', file), join(dir, 'listing.json'));
    const [chrome, firefox] = [pngsIn(join(dir, 'chrome')), pngsIn(join(dir, 'firefox'))];
    const images =
      chrome + firefox > 0
        ? `${chrome} Chrome and ${firefox} Firefox images`
        : `no images yet (npx playwright test ${SPECS})`;
    console.log(`${dir}/  listing.json, ${images}`);
  }
  const notes = releaseNotes(readFileSync('CHANGELOG.md', 'utf8'), version);
  if (notes === undefined) {
    console.log(`${STORE_DIR}/release-notes.md not written: CHANGELOG.md has no ${version} section`);
    return;
  }
  writeFileSync(join(STORE_DIR, 'release-notes.md'), `${notes}\n`);
  console.log(`${STORE_DIR}/release-notes.md  from CHANGELOG.md ${version}`);
}
