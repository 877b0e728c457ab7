// Which Chromium and Firefox the tests, `npm start` and `npm run check-page` drive, decided in one
// place and without touching the disk: the caller passes what exists. Branded Google Chrome ignores
// --load-extension (Chrome 137+), so only Chromium builds qualify; Playwright's own Firefox cannot load
// extensions, so Firefox comes from the system only.

import path from 'node:path';

/**
 * @typedef {'chromium' | 'firefox'} BrowserName
 * @typedef {{
 *   platform: NodeJS.Platform,
 *   env: Record<string, string | undefined>,
 *   home: string,
 *   exists: (file: string) => boolean,
 *   playwrightChromium?: string | undefined,
 * }} Machine
 * @typedef {{ browser: BrowserName, path: string, source: 'env' | 'system' | 'playwright' }} Found
 * @typedef {{ browser: BrowserName, path?: undefined, install: string, badEnv?: string }} Missing
 */

const NAMES = { chromium: 'Chromium', firefox: 'Firefox' };
const ENV = { chromium: 'CHROMIUM_PATH', firefox: 'FIREFOX_PATH' };

/**
 * Where each system keeps the browser, most likely first.
 * @param {BrowserName} browser
 * @param {Machine} machine
 * @returns {string[]}
 */
function systemPaths(browser, { platform, env, home }) {
  if (platform === 'darwin') {
    const app = browser === 'chromium' ? 'Chromium.app/Contents/MacOS/Chromium' : 'Firefox.app/Contents/MacOS/firefox';
    return [path.posix.join('/Applications', app), path.posix.join(home, 'Applications', app)];
  }
  if (platform === 'win32') {
    const install = browser === 'chromium' ? 'Chromium\\Application\\chrome.exe' : 'Mozilla Firefox\\firefox.exe';
    // Chromium's installer goes per user by default, Firefox's for the whole machine.
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']];
    return roots.filter((root) => root !== undefined).map((root) => path.win32.join(root, install));
  }
  const commands = browser === 'chromium' ? ['chromium', 'chromium-browser'] : ['firefox-esr', 'firefox'];
  return [...commands.map((command) => `/usr/bin/${command}`), `/snap/bin/${browser}`];
}

/**
 * The one command that gets this system a usable browser.
 * @param {BrowserName} browser
 * @param {Machine} machine
 */
function installCommand(browser, { platform, exists }) {
  if (platform === 'darwin') return `brew install --cask ${browser}`;
  if (platform === 'win32')
    return browser === 'chromium' ? 'npx playwright install chromium' : 'winget install Mozilla.Firefox';
  const linuxPackage = browser === 'chromium' ? 'chromium' : 'firefox-esr';
  if (exists('/usr/bin/apt-get')) return `sudo apt-get install ${linuxPackage}`;
  if (exists('/usr/bin/dnf')) return `sudo dnf install ${browser === 'chromium' ? 'chromium' : 'firefox'}`;
  return browser === 'chromium' ? 'npx playwright install --with-deps chromium' : 'sudo snap install firefox';
}

/**
 * The browser to use: the environment variable when set (a wrong one is reported, never silently
 * replaced), else the system's, else (Chromium only) Playwright's own download.
 * @param {BrowserName} browser
 * @param {Machine} machine
 * @returns {Found | Missing}
 */
export function findBrowser(browser, machine) {
  const fromEnv = machine.env[ENV[browser]];
  if (fromEnv) {
    if (machine.exists(fromEnv)) return { browser, path: fromEnv, source: 'env' };
    return { browser, install: installCommand(browser, machine), badEnv: fromEnv };
  }
  const system = systemPaths(browser, machine).find((file) => machine.exists(file));
  if (system) return { browser, path: system, source: 'system' };
  const bundled = browser === 'chromium' ? machine.playwrightChromium : undefined;
  if (bundled && machine.exists(bundled)) return { browser, path: bundled, source: 'playwright' };
  return { browser, install: installCommand(browser, machine) };
}

/**
 * One line for the console: which browser, and where it came from or how to get one.
 * @param {Found | Missing} result
 */
export function browserLine(result) {
  const name = NAMES[result.browser];
  if (result.path === undefined) {
    const variable = ENV[result.browser];
    if (result.badEnv)
      return `${variable}=${result.badEnv} does not exist. Fix or unset it, or install ${name} with: ${result.install}`;
    return `No ${name} found. Install it with: ${result.install}  (or set ${variable} to one)`;
  }
  const from = {
    env: `from ${ENV[result.browser]}`,
    system: 'installed on this system',
    playwright: "Playwright's own",
  };
  return `${name}: ${result.path} (${from[result.source]})`;
}
