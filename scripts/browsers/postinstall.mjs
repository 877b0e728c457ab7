// `npm ci`'s postinstall: makes sure there is a Chromium that loads extensions and says which one, and
// the same for Firefox. Without a system Chromium it fetches Playwright's own where the network allows
// (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 turns that off); where none can be had it prints the one command
// to run. It never fails the install: a missing browser only matters once a test or `npm start` runs.

import { spawnSync } from 'node:child_process';

/** A download that has not finished by then is not going to (10 minutes). */
const DOWNLOAD_TIMEOUT_MS = 600_000;

try {
  const { browserLine, lookUp } = await import('./index.js');
  let chromium = lookUp('chromium');
  if (chromium.path === undefined && !chromium.badEnv && !process.env.PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD) {
    console.log('No Chromium on this system: trying `npx playwright install chromium`…');
    spawnSync('npx', ['playwright', 'install', 'chromium'], {
      stdio: 'inherit',
      timeout: DOWNLOAD_TIMEOUT_MS,
      shell: process.platform === 'win32', // npx is npx.cmd there
    });
    chromium = lookUp('chromium');
  }
  console.log(browserLine(chromium));
  console.log(browserLine(lookUp('firefox')));
} catch (error) {
  console.log(`Could not check for browsers (${error instanceof Error ? error.message : error}); npm test says more.`);
}
process.exitCode = 0;
