// The extension speaks the browser's language: German and Japanese here, English everywhere else in the
// suite. Each test starts Chromium in that language (e2e/browser-in.ts).

import { expect, test } from '@playwright/test';
import { browserIn } from './browser-in';
import { jobUrl } from './site/jobs.js';

const POPUP = 'src/popup/index.html';

test('a German browser gets German buttons, announcements and popup', async () => {
  const { context, extensionUrl } = await browserIn('de-DE');
  try {
    const page = await context.newPage();
    await page.goto(jobUrl(103));
    const button = page.getByRole('button', { name: 'SSH-Befehl für Container 0 (powershell.exe) kopieren' }).last();
    await expect(button).toHaveText('Kopieren');
    await button.click();
    await expect(button).toHaveText('Kopiert');
    await expect(page.getByText('Kopiert: ssh -t -p 54782 35.226.214.52 -- powershell.exe')).toBeAttached();

    await page.goto(extensionUrl + POPUP);
    await expect(page.getByRole('heading')).toHaveText('SSH Copy for CircleCI');
    await expect(page.getByLabel('Standard-SSH-Schlüssel')).toBeVisible();
    await expect(page.getByLabel('Shell für kopierte Befehle')).toBeVisible();
  } finally {
    await context.close();
  }
});

test('in a Japanese browser: set the key in the popup, then copy the command from the job page', async () => {
  const { context, extensionUrl } = await browserIn('ja-JP');
  try {
    const page = await context.newPage();
    await page.goto(extensionUrl + POPUP);
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
