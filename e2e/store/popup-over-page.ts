// A store screenshot of the popup as users meet it: opened from the toolbar over a job page. A test
// cannot open the real toolbar popup, so the popup page's own screenshot is laid over the job page's,
// where the browser would drop it down.

import type { Page } from '@playwright/test';
import { SCREENSHOT } from './assets';

export async function popupOverPage(page: Page, jobPage: Buffer, popup: Buffer, path: string): Promise<void> {
  await page.setViewportSize(SCREENSHOT);
  await page.setContent(`<!doctype html>
<style>
  body { margin: 0; width: ${SCREENSHOT.width}px; height: ${SCREENSHOT.height}px; overflow: hidden; }
  img { position: absolute; display: block; }
  #page { inset: 0; filter: brightness(0.8); }
  #popup { top: 8px; right: 16px; border-radius: 8px; box-shadow: 0 8px 28px rgb(0 0 0 / 45%); }
</style>
<img id="page" alt=""><img id="popup" alt="">`);
  await page.evaluate(
    async ([background, front]) => {
      const images = [document.querySelector('#page'), document.querySelector('#popup')] as HTMLImageElement[];
      images.forEach((image, index) => {
        image.src = `data:image/png;base64,${index === 0 ? background : front}`;
      });
      await Promise.all(images.map((image) => image.decode()));
    },
    [jobPage.toString('base64'), popup.toString('base64')] as const,
  );
  await page.screenshot({ path });
}
