// The extension speaks the browser's language: German and Japanese here, English everywhere else in the
// suite. Each test starts Chromium in that language (--lang picks the extension's locale).

import { type BrowserContext, chromium, expect, test } from '@playwright/test';
import { chromiumPath, extensionArgs } from './browser.js';
import { extensionDir } from './fixtures';
import { jobUrl } from './site/jobs.js';
import { serveCircleCI } from './site/serve.js';

/** Chromium in `locale` (e.g. `ja-JP`) with the extension, the fake CircleCI and the clipboard. */
async function browserIn(locale: string): Promise<{ context: BrowserContext; popupUrl: string }> {
  const context = await chromium.launchPersistentContext('', {
    executablePath: chromiumPath,
    headless: true,
    locale,
    args: [...extensionArgs(extensionDir), `--lang=${locale.split('-')[0]}`],
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: 'https://app.circleci.com' });
  await serveCircleCI(context);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  return { context, popupUrl: `chrome-extension://${new URL(worker.url()).host}/src/popup/index.html` };
}

test('a German browser gets German buttons, announcements and popup', async () => {
  const { context, popupUrl } = await browserIn('de-DE');
  try {
    const page = await context.newPage();
    await page.goto(jobUrl(103));
    const button = page.getByRole('button', { name: 'SSH-Befehl für Container 0 (powershell.exe) kopieren' }).last();
    await expect(button).toHaveText('Kopieren');
    await button.click();
    await expect(button).toHaveText('Kopiert');
    await expect(page.getByText('Kopiert: ssh -t -p 54782 35.226.214.52 -- powershell.exe')).toBeAttached();

    await page.goto(popupUrl);
    await expect(page.getByRole('heading')).toHaveText('SSH Copy for CircleCI');
    await expect(page.getByLabel('Standard-SSH-Schlüssel')).toBeVisible();
    await expect(page.getByLabel('Shell für kopierte Befehle')).toBeVisible();
  } finally {
    await context.close();
  }
});

test('in a Japanese browser: set the key in the popup, then copy the command from the job page', async () => {
  const { context, popupUrl } = await browserIn('ja-JP');
  try {
    const page = await context.newPage();
    await page.goto(popupUrl);
    await page.getByRole('textbox', { name: '既定の SSH 鍵' }).fill('~/.ssh/id_ed25519');
    await expect(page.getByRole('status')).toHaveText('保存しました');

    await page.goto(jobUrl(101));
    const button = page.getByRole('button', { name: 'コンテナー 0 の SSH コマンドをコピー' }).last();
    await expect(button).toHaveText('コピー');
    await page.evaluate(() => navigator.clipboard.writeText('')); // a stale clipboard cannot pass for the copy
    await button.click();
    await expect(button).toHaveText('コピーしました');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'ssh -i ~/.ssh/id_ed25519 -o IdentitiesOnly=yes -p 42915 -- 18.207.148.116',
    );
  } finally {
    await context.close();
  }
});
