// Renders the extension icons (public/icons/icon-{16,32,48,128}.png) from the
// hand-written SVG sources in assets/, so the PNGs referenced by manifest.json
// can be regenerated whenever the artwork changes.
//   assets/icon.svg       master artwork, used for 48 and 128 px
//   assets/icon-small.svg pixel-snapped variant, used for 16 and 32 px (stays crisp)
// Run from the repo root: node scripts/render-icons.mjs
// Uses Playwright with the system Chromium (/usr/bin/chromium), headless.

import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';

const root = fileURLToPath(new URL('..', import.meta.url));
const outDir = `${root}public/icons`;
const targets = [
  { size: 16, src: 'assets/icon-small.svg' },
  { size: 32, src: 'assets/icon-small.svg' },
  { size: 48, src: 'assets/icon.svg' },
  { size: 128, src: 'assets/icon.svg' },
];

await mkdir(outDir, { recursive: true });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true });
try {
  // deviceScaleFactor 1 so one CSS pixel is exactly one PNG pixel.
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  for (const { size, src } of targets) {
    const svg = (await readFile(`${root}${src}`)).toString('base64');
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}img{display:block}</style>` +
        `<img id="icon" width="${size}" height="${size}" src="data:image/svg+xml;base64,${svg}">`,
    );
    await page.locator('#icon').evaluate((img) => /** @type {HTMLImageElement} */ (img).decode());
    // omitBackground keeps everything outside the artwork transparent.
    await page.locator('#icon').screenshot({ path: `${outDir}/icon-${size}.png`, omitBackground: true });
    console.log(`wrote public/icons/icon-${size}.png from ${src}`);
  }
} finally {
  await browser.close();
}
