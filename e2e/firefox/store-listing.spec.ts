// The Firefox Add-ons (AMO) screenshots, written by every e2e run in every shipped language
// (artifacts/store/<locale>/firefox, e2e/store/assets.ts): 1280×800 shots of the Firefox build on the
// job page and the options page (the Chrome set has the SSH panel and the popup too). One Firefox, the
// extension reinstalled per language (Firefox.speak).

import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { threeAccounts } from '../accounts';
import { LOCALES, messagesOf, type Translate, translator } from '../messages';
import { jobUrl } from '../site/jobs.js';
import { FIREFOX_SHOTS, firefoxShot, SCREENSHOT } from '../store/assets';
import { type Firefox, test, useFirefox } from './firefox';
import { countText, openPage, toggleStep } from './job-page';

let firefox: Firefox;
let page: Page;
// A Firefox of its own: speak() reinstalls the extension in each language, which no other spec may inherit.
useFirefox(
  'the AMO screenshots',
  (launched, fresh) => {
    firefox = launched;
    page = fresh;
  },
  { own: true },
);

/** Waits for this exact text in the page or our shadow roots. */
async function shown(text: string): Promise<void> {
  await expect.poll(() => countText(page, text).catch(() => 0)).toBeGreaterThan(0);
}

/** Clicks our button (in its shadow root) with this accessible name; found and clicked in one step. */
async function clickOurButton(name: string): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate((wanted) => {
        const ours = [...document.querySelectorAll('circleci-ssh-copy')].flatMap((host) => [
          ...(host.shadowRoot?.querySelectorAll('button') ?? []),
        ]);
        const button = ours.find((each) => each.getAttribute('aria-label') === wanted);
        button?.click();
        return button !== undefined;
      }, name),
    )
    .toBe(true);
}

/**
 * The options page in this tab, as Firefox.openOptions opens it (the tab navigates itself there), waiting
 * for its sections by tag: Firefox's accessibility queries cost seconds on a page this long.
 */
async function openOptions(): Promise<void> {
  await page.evaluate((url) => {
    location.href = url;
  }, firefox.optionsUrl);
  await page.waitForFunction(
    (url) => location.href === url && document.querySelector('section h2'),
    {},
    firefox.optionsUrl,
  );
}

async function shoot(locale: string, t: Translate): Promise<void> {
  const shot = (name: (typeof FIREFOX_SHOTS)[number]) => firefoxShot(locale, name);
  mkdirSync(dirname(shot('options')), { recursive: true });

  // Someone's three accounts, stored from the options page, which shows them as they arrive.
  await openOptions();
  await page.evaluate((prefs) => chrome.storage.sync.set({ prefs }), threeAccounts);
  await shown(threeAccounts.profiles[2]?.name ?? '');
  await page.screenshot({ path: shot('options') });

  await openPage(page, jobUrl(101));
  await toggleStep(page, 'Enable SSH');
  await clickOurButton(t('copyLabel', '0'));
  await shown(t('copiedButton'));
  await page.screenshot({ path: shot('job-page') });
}

test('AMO screenshots in every shipped language', async () => {
  test.setTimeout(20_000 * LOCALES.length); // two screens per language
  await page.setViewport(SCREENSHOT);
  for (const locale of LOCALES) {
    const messages = messagesOf(locale);
    await page.goto('https://app.circleci.com/'); // off the extension's pages, which the reinstall ends
    await firefox.speak(messages);
    await shoot(locale, translator(messages));
    for (const name of FIREFOX_SHOTS) expect(existsSync(firefoxShot(locale, name)), `${locale} ${name}`).toBe(true);
  }
});
