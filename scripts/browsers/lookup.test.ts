// The browser lookup over fake file systems, one per OS, and once for real in a child process.

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { browserLine, findBrowser, type Machine } from './lookup.js';

const PLAYWRIGHT = '/home/dev/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';

function machine(platform: NodeJS.Platform, files: string[], env: Record<string, string> = {}): Machine {
  const disk = new Set(files);
  return { platform, env, home: '/Users/dev', exists: (file) => disk.has(file), playwrightChromium: PLAYWRIGHT };
}

const WINDOWS_ENV = {
  LOCALAPPDATA: 'C:\\Users\\dev\\AppData\\Local',
  PROGRAMFILES: 'C:\\Program Files',
  'PROGRAMFILES(X86)': 'C:\\Program Files (x86)',
};

describe('findBrowser', () => {
  it('takes the environment variable first', () => {
    const linux = machine('linux', ['/opt/chromium/chrome', '/usr/bin/chromium'], {
      CHROMIUM_PATH: '/opt/chromium/chrome',
    });
    expect(findBrowser('chromium', linux)).toEqual({
      browser: 'chromium',
      path: '/opt/chromium/chrome',
      source: 'env',
    });
  });

  it('reports a variable that names a missing file instead of using another browser', () => {
    const linux = machine('linux', ['/usr/bin/chromium', '/usr/bin/apt-get'], { CHROMIUM_PATH: '/gone/chrome' });
    const result = findBrowser('chromium', linux);
    expect(result).toEqual({ browser: 'chromium', install: 'sudo apt-get install chromium', badEnv: '/gone/chrome' });
    expect(browserLine(result)).toBe(
      'CHROMIUM_PATH=/gone/chrome does not exist. Fix or unset it, or install Chromium with: sudo apt-get install chromium',
    );
  });

  it.each([
    ['linux', ['/usr/bin/chromium-browser'], '/usr/bin/chromium-browser'],
    ['linux', ['/snap/bin/chromium', '/usr/bin/chromium'], '/usr/bin/chromium'],
    ['linux', ['/snap/bin/chromium'], '/snap/bin/chromium'],
    [
      'darwin',
      ['/Applications/Chromium.app/Contents/MacOS/Chromium'],
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
    ],
    [
      'darwin',
      ['/Users/dev/Applications/Chromium.app/Contents/MacOS/Chromium'],
      '/Users/dev/Applications/Chromium.app/Contents/MacOS/Chromium',
    ],
    [
      'win32',
      ['C:\\Users\\dev\\AppData\\Local\\Chromium\\Application\\chrome.exe'],
      'C:\\Users\\dev\\AppData\\Local\\Chromium\\Application\\chrome.exe',
    ],
    [
      'win32',
      ['C:\\Program Files\\Chromium\\Application\\chrome.exe'],
      'C:\\Program Files\\Chromium\\Application\\chrome.exe',
    ],
  ] as const)('finds %s Chromium among %j', (platform, files, expected) => {
    const found = findBrowser('chromium', machine(platform, [...files, PLAYWRIGHT], WINDOWS_ENV));
    expect(found).toEqual({ browser: 'chromium', path: expected, source: 'system' });
    expect(browserLine(found)).toBe(`Chromium: ${expected} (installed on this system)`);
  });

  it.each([
    ['linux', ['/usr/bin/firefox', '/usr/bin/firefox-esr'], '/usr/bin/firefox-esr'],
    ['linux', ['/usr/bin/firefox'], '/usr/bin/firefox'],
    [
      'darwin',
      ['/Applications/Firefox.app/Contents/MacOS/firefox'],
      '/Applications/Firefox.app/Contents/MacOS/firefox',
    ],
    [
      'win32',
      ['C:\\Program Files (x86)\\Mozilla Firefox\\firefox.exe'],
      'C:\\Program Files (x86)\\Mozilla Firefox\\firefox.exe',
    ],
  ] as const)('finds %s Firefox among %j', (platform, files, expected) => {
    expect(findBrowser('firefox', machine(platform, [...files], WINDOWS_ENV))).toEqual({
      browser: 'firefox',
      path: expected,
      source: 'system',
    });
  });

  it("falls back to Playwright's own Chromium once it is downloaded, never to a Playwright Firefox", () => {
    const bare = machine('darwin', [PLAYWRIGHT]);
    const found = findBrowser('chromium', bare);
    expect(found).toEqual({ browser: 'chromium', path: PLAYWRIGHT, source: 'playwright' });
    expect(browserLine(found)).toBe(`Chromium: ${PLAYWRIGHT} (Playwright's own)`);
    expect(findBrowser('firefox', bare).path).toBeUndefined();
  });

  it.each([
    ['linux', ['/usr/bin/apt-get'], 'chromium', 'sudo apt-get install chromium'],
    ['linux', ['/usr/bin/apt-get'], 'firefox', 'sudo apt-get install firefox-esr'],
    ['linux', ['/usr/bin/dnf'], 'firefox', 'sudo dnf install firefox'],
    ['linux', [], 'chromium', 'npx playwright install --with-deps chromium'],
    ['darwin', [], 'chromium', 'brew install --cask chromium'],
    ['darwin', [], 'firefox', 'brew install --cask firefox'],
    ['win32', [], 'chromium', 'npx playwright install chromium'],
    ['win32', [], 'firefox', 'winget install Mozilla.Firefox'],
  ] as const)('on bare %s with %j, names the one command for %s', (platform, files, browser, command) => {
    const result = findBrowser(browser, {
      ...machine(platform, [...files], WINDOWS_ENV),
      playwrightChromium: undefined,
    });
    expect(result).toEqual({ browser, install: command });
    expect(browserLine(result)).toContain(`Install it with: ${command}`);
  });
});

describe('npm ci postinstall', () => {
  it('prints the install command for a CHROMIUM_PATH that does not exist, and still succeeds', () => {
    // execFileSync throws on a non-zero exit, so this also checks the install is never failed.
    const output = execFileSync('node', ['scripts/browsers/postinstall.mjs'], {
      encoding: 'utf8',
      env: { ...process.env, CHROMIUM_PATH: '/nonexistent/chromium' },
    });
    expect(output.split('\n')[0]).toMatch(
      /^CHROMIUM_PATH=\/nonexistent\/chromium does not exist\. Fix or unset it, or install Chromium with: \S/,
    );
  });
});
