import { defineConfig } from '@playwright/test';

// Extensions need a persistent Chromium context, created per test worker in e2e/fixtures.ts.
// One worker: the machines have 2 cores and every test drives a whole browser.
export default defineConfig({
  testDir: 'e2e',
  testMatch: '**/*.spec.ts',
  workers: 1,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
