// The browser lookup (lookup.js) on this machine: its disk, its environment, and where Playwright
// would keep its own Chromium after `npx playwright install chromium`.

import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { chromium } from '@playwright/test';
import { browserLine, findBrowser } from './lookup.js';

/** @returns {import('./lookup.js').Machine} */
function thisMachine() {
  let playwrightChromium;
  try {
    playwrightChromium = chromium.executablePath();
  } catch {
    // Playwright has no Chromium build for this platform; the system's is the only choice.
  }
  return { platform: process.platform, env: process.env, home: homedir(), exists: existsSync, playwrightChromium };
}

/** @param {import('./lookup.js').BrowserName} browser */
export function lookUp(browser) {
  return findBrowser(browser, thisMachine());
}

export { browserLine };
