// The 440×280 promotional tile: the icon, the name and the listing's tagline in the listing's language,
// over the command the extension copies. Drawn as a page, so the text is real text in a real font.

import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { PROMO_TILE } from './assets';

const ICON = `data:image/svg+xml;base64,${readFileSync('assets/icon.svg').toString('base64')}`;
const COMMAND = 'ssh -i ~/.ssh/id_ed25519 -o IdentitiesOnly=yes -p 42915 -- 18.207.148.116';

export async function drawPromoTile(page: Page, { name, tagline }: { name: string; tagline: string }, path: string) {
  await page.setViewportSize(PROMO_TILE);
  await page.setContent(`<!doctype html><meta charset="utf-8">
<style>
  body { margin: 0; width: 440px; height: 280px; box-sizing: border-box; padding: 28px; display: flex;
    flex-direction: column; justify-content: space-between; background: #111827; color: #f9fafb;
    font-family: system-ui, 'Noto Sans', 'Noto Sans CJK JP', sans-serif; }
  header { display: flex; align-items: center; gap: 16px; }
  img { width: 64px; height: 64px; }
  h1 { margin: 0; font-size: 26px; line-height: 1.15; }
  p { margin: 0; font-size: 17px; line-height: 1.35; color: #d1d5db; }
  code { display: block; padding: 10px 12px; border-radius: 6px; background: #1f2937; color: #a7f3d0;
    font: 11.5px ui-monospace, 'DejaVu Sans Mono', monospace; white-space: nowrap; overflow: hidden; }
</style>
<header><img alt=""><h1></h1></header><p></p><code></code>`);
  // Text goes in as text, never as markup.
  await page.evaluate(
    ([icon, title, line, command]) => {
      document.querySelector('img')?.setAttribute('src', icon);
      for (const [selector, text] of [
        ['h1', title],
        ['p', line],
        ['code', command],
      ] as const) {
        const element = document.querySelector(selector);
        if (element) element.textContent = text;
      }
    },
    [ICON, name, tagline, COMMAND] as const,
  );
  await page.screenshot({ path });
}
