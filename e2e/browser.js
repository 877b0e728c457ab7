// Where the Chromium that loads the extension lives, shared by the e2e tests and `npm start`.
// Debian's package on this project's machines; CHROMIUM_PATH on a laptop (or nothing, after
// `npx playwright install chromium`).
import { existsSync } from 'node:fs';

/** @type {string | undefined} */
export const chromiumPath =
  process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/**
 * Loads the extension, and keeps Chromium from reaching for the network this machine doesn't have.
 * @param {string} extensionDir
 * @returns {string[]}
 */
export function extensionArgs(extensionDir) {
  return [
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ];
}
