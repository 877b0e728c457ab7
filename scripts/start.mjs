// `npm start`: opens Chromium with the freshly built extension on the bundled demo CircleCI job page.
// With a display, the browser stays open for you to try it. Without one (CI, a server), it runs
// headless, clicks a copy button, prints what landed on the clipboard, and saves a screenshot.

import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { chromiumInUse, chromiumPath, extensionArgs } from '../e2e/browser.js';
import { jobUrl } from '../e2e/site/jobs.js';
import { serveCircleCI } from '../e2e/site/serve.js';

const extensionDir = resolve('dist/chrome');
const screenshotPath = resolve('docs/screenshot.png');
const demoJob = jobUrl(101);
const headless = Boolean(process.env.CI) || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);

console.log(chromiumInUse);
const context = await chromium.launchPersistentContext('', {
  executablePath: chromiumPath,
  headless,
  args: extensionArgs(extensionDir),
  viewport: { width: 1280, height: 720 },
});
await serveCircleCI(context);

if (!headless) {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(demoJob);
  console.log(`Demo job page open: ${demoJob}`);
  console.log('Set your key in the extension popup (puzzle icon > CircleCI SSH Copy), then press a Copy button.');
  console.log('Close the browser window to finish.');
  await new Promise((done) => context.on('close', done));
} else {
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://app.circleci.com' });
    const background = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    // What the popup would store after you typed a key into it.
    await background.evaluate(() =>
      chrome.storage.sync.set({
        prefs: {
          schemaVersion: 2,
          profiles: [{ id: 'default', name: 'Default', keyPath: '~/.ssh/id_ed25519' }],
          defaultProfileId: 'default',
        },
      }),
    );

    const page = await context.newPage();
    await page.goto(demoJob);
    await page.locator('button[data-cy="step-name"]', { hasText: 'Enable SSH' }).click();
    const button = page.getByRole('button', { name: 'Copy SSH command for container 0' }).first();
    await button.click();
    await page.getByText('Copied', { exact: true }).first().waitFor();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    await page.screenshot({ path: screenshotPath });
    console.log(`Demo job page: ${demoJob}`);
    console.log(`Copied to the clipboard: ${copied}`);
    console.log(`Screenshot: ${screenshotPath}`);
  } finally {
    await context.close();
  }
}
