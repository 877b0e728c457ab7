// The fake CircleCI job pages (e2e/site) in Firefox: opening one, its steps, its runs and its text;
// the Chromium side's e2e/job-page.ts.

import type { ElementHandle, Page } from 'puppeteer-core';
import type { Scope } from './queries';

/** The URL the tab shows, from the page itself: also right after pushState and self-navigation. */
export function currentUrl(page: Page): Promise<string> {
  return page.evaluate(() => location.href);
}

/** Opens a fake CircleCI page and waits until it has rendered. */
export async function openPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => (window as { __fixture?: { ready?: boolean } }).__fixture?.ready === true);
}

/**
 * A step block by its exact name: new UI (`div[tabindex]`, found by the fake site's test-only
 * `data-fixture` attributes in every markup variant) or legacy action. CircleCI's own Enable SSH comes
 * first and Wait for SSH last, as in e2e/job-page.ts. Looked up afresh on every call, because the
 * pages replace their nodes as React does.
 */
export async function step(page: Page, name: string): Promise<ElementHandle> {
  const handle = await page.waitForFunction(
    (stepName) => {
      const blocks = [
        ...document.querySelectorAll(
          '[data-fixture="steps"] [data-fixture="step"], .container-view > div[id^="action-"]',
        ),
      ].filter((block) => {
        const header = block.querySelector('[data-fixture="step-name"], .command-text');
        return header?.textContent === stepName;
      });
      return stepName === 'Wait for SSH' ? blocks.at(-1) : blocks[0];
    },
    {},
    name,
  );
  return handle as ElementHandle;
}

/** Clicks a step's header, as a user expands or collapses it (new UI and legacy). */
export async function toggleStep(page: Page, name: string): Promise<void> {
  const block = await step(page, name);
  const header = (await block.$(':scope > button')) ?? (await block.$('.action_header'));
  if (!header) throw new Error(`Step "${name}" has no header to click`);
  await header.click();
}

/** Waits `ms` milliseconds: only to show that something does NOT happen (a positive check proves the timing). */
export function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Clicks the first element matching `selector` whose text is exactly `text` (container pills). */
export async function clickByText(page: Page, selector: string, text: string): Promise<void> {
  const handle = await page.waitForFunction(
    (css, wanted) => [...document.querySelectorAll(css)].find((element) => element.textContent?.trim() === wanted),
    {},
    selector,
    text,
  );
  await (handle as ElementHandle).click();
}

/** Clicks the new UI's box (a link) for parallel run `index`, whatever its text (markup variants). */
export async function clickRunBox(page: Page, index: number): Promise<void> {
  const box = await page.waitForSelector(`[data-fixture="run"][href$="/parallel-runs/${index}"]`);
  if (!box) throw new Error(`No box for parallel run ${index}`);
  await box.click();
  await box.dispose();
}

/** How many elements in `scope` (and its open shadow roots) show exactly this text, whitespace collapsed. */
export async function countText(scope: Scope, text: string): Promise<number> {
  const handles = await scope.$$(`>>> ::-p-text(${JSON.stringify(text)})`);
  const exact = await Promise.all(
    handles.map((handle) =>
      handle.evaluate((element, t) => element.textContent?.replace(/\s+/g, ' ').trim() === t, text),
    ),
  );
  await Promise.all(handles.map((handle) => handle.dispose()));
  return exact.filter(Boolean).length;
}
