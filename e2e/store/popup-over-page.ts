// A store screenshot of the popup as users meet it: opened from the toolbar over a job page. A test
// cannot open the real toolbar popup, so the popup page's own screenshot is laid over the job page on
// screen, where the browser would drop it down, for the one shot, and taken away again.

import type { Page } from '@playwright/test';

export async function popupOverPage(page: Page, popup: Buffer, path: string): Promise<void> {
  const overlay = await page.evaluateHandle(async (png) => {
    const layer = document.createElement('div');
    layer.style.cssText = 'position: fixed; inset: 0; z-index: 2147483647; background: rgb(0 0 0 / 20%)';
    const image = layer.appendChild(document.createElement('img'));
    image.style.cssText =
      'position: absolute; top: 8px; right: 16px; border-radius: 8px; box-shadow: 0 8px 28px rgb(0 0 0 / 45%)';
    image.src = `data:image/png;base64,${png}`;
    document.body.append(layer);
    await image.decode();
    return layer;
  }, popup.toString('base64'));
  await page.screenshot({ path });
  await overlay.evaluate((layer) => layer.remove());
}
