// The fake job page's markup variants themselves (e2e/site/README.md, "Markup variants"), in a plain
// Chromium without the extension: each keeps exactly the hooks the evidence confirms (renamed: none),
// shows the same text, and streams by adding nodes. What the journeys on them prove rests on this.

import { type Browser, type BrowserContext, chromium, expect, type Page, test } from '@playwright/test';
import { chromiumPath } from './browser.js';
import { jobUrl } from './site/jobs.js';
import { MARKUP_COOKIE, MARKUPS } from './site/markup.js';
import { serveCircleCI } from './site/serve.js';
import type { Markup } from './site/types';

let browser: Browser;
let context: BrowserContext;

test.beforeAll(async () => {
  browser = await chromium.launch({ executablePath: chromiumPath, headless: true });
  context = await browser.newContext();
  await serveCircleCI(context);
});

test.afterAll(async () => {
  await browser?.close();
});

async function openIn(markup: Markup, url: string): Promise<Page> {
  await context.clearCookies();
  await context.addCookies([{ name: MARKUP_COOKIE, value: markup, url: 'https://app.circleci.com/' }]);
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForFunction(() => (window as { __fixture?: { ready?: boolean } }).__fixture?.ready === true);
  return page;
}

/** The page's hooks and text, job 102 run 1 with Enable SSH expanded: what the variants must agree on. */
function shape(page: Page) {
  return page.evaluate(() => {
    const text = (element: Element | null | undefined) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    const blocks = [...document.querySelectorAll('div[tabindex]:has(> button[data-cy="step-name"])')];
    const enable = blocks.find((block) => text(block.querySelector('#metadata > div')) === 'Enable SSH');
    // Each line's text without its number (a gutter span, or the line anchor of `rows`).
    const lines = [...document.querySelectorAll('[data-fixture="output"] [data-fixture="line"]')].map((line) => {
      const copy = line.cloneNode(true) as Element;
      for (const number of copy.querySelectorAll('[aria-hidden="true"], a[href^="#step-"]')) number.remove();
      return copy.textContent?.trim() ?? '';
    });
    return {
      stepNames: blocks.map((block) => text(block.querySelector('button[data-cy="step-name"] #metadata > div'))),
      durations: blocks.map((block) => text(block.querySelector('button[data-cy="step-name"] #metadata > div + div'))),
      outputInBlock: Boolean(enable?.querySelector('div[data-cy="step-output"]')),
      preSpans: document.querySelectorAll('[data-cy="step-output"] pre span').length > 0,
      title: text(document.querySelector('main header h1')),
      rerun: text(document.querySelector('main header button[aria-haspopup]')),
      runLinks: [...document.querySelectorAll('a[href*="/parallel-runs/"]')].map(
        (link) => new URL((link as HTMLAnchorElement).href).pathname.split('/').pop() ?? '',
      ),
      lines,
      unconfirmed: document.querySelectorAll(
        '[data-cy="steps"], [data-cy="parallel-runs"], [data-cy="parallel-run"], [aria-current], .log-line',
      ).length,
      anyDataCy: document.querySelectorAll('[data-cy]').length,
      metadata: document.querySelectorAll('#metadata').length,
      classes: [...new Set([...document.querySelectorAll('[class]')].flatMap((element) => [...element.classList]))],
      siblingBlocks: blocks.some((block) => block.nextElementSibling?.matches('div[tabindex]')),
    };
  });
}

async function expandedShape(markup: Markup) {
  const page = await openIn(markup, jobUrl(102, 1));
  await page.locator('[data-fixture="step"]', { hasText: 'Enable SSH' }).locator(':scope > button').click();
  const result = await shape(page);
  await page.close();
  return result;
}

test('every variant keeps the confirmed hooks and shows the same text; renamed keeps none', async () => {
  const classic = await expandedShape('classic');
  expect(classic.stepNames).toContain('Enable SSH');
  expect(classic.lines).toContain('$ ssh -p 64540 3.88.34.152');
  for (const markup of MARKUPS.filter((m) => m !== 'classic')) {
    const variant = await expandedShape(markup);
    const context = `markup ${markup}`;
    expect(variant.lines, context).toEqual(classic.lines);
    if (markup === 'renamed') {
      expect(variant.stepNames, context).toEqual([]);
      expect(variant.anyDataCy + variant.metadata, context).toBe(0);
      continue;
    }
    for (const hook of ['stepNames', 'durations', 'outputInBlock', 'preSpans', 'title', 'rerun', 'runLinks'] as const) {
      expect(variant[hook], `${context}: ${hook}`).toEqual(classic[hook]);
    }
    if (markup === 'hashed') {
      expect(variant.unconfirmed, context).toBe(0);
      expect(variant.siblingBlocks, context).toBe(false);
      for (const name of variant.classes) expect(name, context).toMatch(/^css-[a-z0-9]{6}$/);
    }
  }
});

test('hashed: class names are drawn anew on every page load', async () => {
  const first = await expandedShape('hashed');
  const second = await expandedShape('hashed');
  expect(first.classes.length).toBeGreaterThan(10);
  expect(first.classes.filter((name) => second.classes.includes(name))).toEqual([]);
});

test('appending adds only new line nodes in every variant; chunks of 50 lines', async () => {
  for (const markup of MARKUPS) {
    const page = await openIn(markup, jobUrl(101));
    const lines = page.locator('[data-fixture="step"]', { hasText: 'Wait for SSH' }).locator('[data-fixture="line"]');
    const before = await lines.count();
    await lines.first().evaluate((line) => {
      (window as { firstLine?: Element }).firstLine = line;
    });
    await page.evaluate(() =>
      (window as unknown as { __fixture: { append(step: string, lines: string[]): void } }).__fixture.append(
        'Wait for SSH',
        Array.from({ length: 60 }, (_, i) => `appended ${i}`),
      ),
    );
    await expect(lines, `markup ${markup}`).toHaveCount(before + 60);
    expect(await page.evaluate(() => (window as { firstLine?: Element }).firstLine?.isConnected)).toBe(true);
    await expect(lines.last()).toContainText('appended 59');
    if (markup === 'chunks') {
      const chunks = page.locator('[data-fixture="output"] > div[style*="content-visibility"]');
      await expect(chunks).toHaveCount(Math.ceil((before + 60) / 50));
      await expect(chunks.first().locator('[data-fixture="line"]')).toHaveCount(50);
    }
    await page.close();
  }
});
