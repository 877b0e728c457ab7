// The extension speaks the browser's language: German here, English everywhere else in the suite.

import { chromium, expect, test } from '@playwright/test';
import { chromiumPath, extensionArgs } from './browser.js';
import { extensionDir } from './fixtures';
import { jobUrl } from './site/jobs.js';
import { serveCircleCI } from './site/serve.js';

test('a German browser gets German buttons, announcements and popup', async () => {
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath,
    headless: true,
    locale: 'de-DE',
    args: [...extensionArgs(extensionDir), '--lang=de'],
  });
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://app.circleci.com' });
    await serveCircleCI(context);
    const page = await context.newPage();
    await page.goto(jobUrl(103));
    const button = page.getByRole('button', { name: 'SSH-Befehl für Container 0 (powershell.exe) kopieren' }).last();
    await expect(button).toHaveText('Kopieren');
    await button.click();
    await expect(button).toHaveText('Kopiert');
    await expect(page.getByText('Kopiert: ssh -t -p 54782 35.226.214.52 -- powershell.exe')).toBeAttached();

    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    await page.goto(`chrome-extension://${new URL(worker.url()).host}/src/popup/index.html`);
    await expect(page.getByRole('heading')).toHaveText('SSH Copy for CircleCI');
    await expect(page.getByLabel('Standard-SSH-Schlüssel')).toBeVisible();
    await expect(page.getByLabel('Shell für kopierte Befehle')).toBeVisible();
  } finally {
    await context.close();
  }
});
