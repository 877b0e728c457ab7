import { defineConfig } from '@playwright/test';

// Two projects. chromium: extensions need a persistent Chromium context, created per test worker in
// e2e/fixtures.ts. firefox: Firefox ESR driven by puppeteer-core over WebDriver BiDi (e2e/firefox/
// firefox.ts), because Playwright's own Firefox cannot load extensions; Playwright only runs the specs.
// Two workers: a test mostly waits on its browser, so two keep both cores busy.
export default defineConfig({
  testMatch: '**/*.spec.ts',
  globalSetup: './e2e/global-setup.ts',
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list']],
  // A failed test keeps its trace: every action with its call log, the console and the network. Not a
  // DOM snapshot and a screencast of every action of every test: recording those cost a third of each
  // Chromium test's time (markup-matrix, classic: 31.8 s with them, 21.7 s without).
  use: { trace: { mode: 'retain-on-failure', snapshots: false, screenshots: false } },
  projects: [
    { name: 'chromium', testDir: 'e2e', testIgnore: 'firefox/**' },
    { name: 'firefox', testDir: 'e2e/firefox' },
  ],
});
