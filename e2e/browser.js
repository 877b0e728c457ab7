// The Chromium that loads the extension, shared by the e2e tests, `npm start`, `npm run check-page` and
// the bench: CHROMIUM_PATH, else the system's, else Playwright's own (scripts/browsers). Without one,
// importing this fails with the one command that installs it.
import { browserLine, lookUp } from '../scripts/browsers/index.js';

const chromium = lookUp('chromium');
if (chromium.path === undefined) throw new Error(browserLine(chromium));

/** @type {string} */
export const chromiumPath = chromium.path;

/** Which Chromium, and where it came from, in one line for the console. */
export const chromiumInUse = browserLine(chromium);

/** Keeps Chromium from reaching for the network this machine doesn't have. */
export const offlineArgs = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * Loads the extension, offline.
 * @param {string} extensionDir
 * @returns {string[]}
 */
export function extensionArgs(extensionDir) {
  return [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`, ...offlineArgs];
}
