// The Firefox Add-ons (AMO) screenshots, written by every e2e run in every shipped language
// (artifacts/store/<locale>/firefox, e2e/store/assets.ts): 1280×800 shots of the Firefox build on the
// job page, in the SSH panel and on the options page. One Firefox, the extension reinstalled per
// language (Firefox.speak).

import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from 'puppeteer-core';
import { threeAccounts } from '../accounts';
import { LOCALES, messagesOf, type Translate, translator } from '../messages';
import { jobUrl } from '../site/jobs.js';
import { FIREFOX_SHOTS, firefoxShot, SCREENSHOT } from '../store/assets';
import { countText, type Firefox, openPage, toggleStep, useFirefox } from './firefox';

let firefox: Firefox;
let page: Page;
useFirefox('the AMO screenshots', (launched, fresh) => {
  firefox = launched;
  page = fresh;
});

/** Waits for this exact text in the page or our shadow roots. */
async function shown(text: string): Promise<void> {
  await expect.poll(() => countText(page, text).catch(() => 0)).toBeGreaterThan(0);
}

/**
 * Clicks the element of our UI (in its shadow roots) with this name (aria-label, else text). Found and
 * clicked in one step: the panel redraws as the background answers (journeys.spec.ts).
 */
async function clickOurs(tag: 'a' | 'button', name: string): Promise<void> {
  await expect
    .poll(() =>
      page.evaluate(
        (selector, wanted) => {
          const ours = [...document.querySelectorAll('circleci-ssh-copy')].flatMap((host) => [
            ...(host.shadowRoot?.querySelectorAll<HTMLElement>(selector) ?? []),
          ]);
          const element = ours.find((each) => (each.getAttribute('aria-label') ?? each.textContent) === wanted);
          element?.click();
          return element !== undefined;
        },
        tag,
        name,
      ),
    )
    .toBe(true);
}

async function shoot(locale: string, t: Translate): Promise<void> {
  const shot = (name: (typeof FIREFOX_SHOTS)[number]) => firefoxShot(locale, name);
  mkdirSync(dirname(shot('options')), { recursive: true });

  await openPage(page, jobUrl(101));
  await toggleStep(page, 'Enable SSH');
  await clickOurs('button', t('copyLabel', '0'));
  await shown(t('copiedButton'));
  await page.screenshot({ path: shot('job-page') });

  await openPage(page, jobUrl(116, 0));
  await shown(t('panelKnownCount', '1', '8'));
  await clickOurs('a', t('panelOpenRun', '3'));
  await shown(t('panelKnownCount', '2', '8'));
  await page.screenshot({ path: shot('ssh-panel') });

  await firefox.openOptions(page);
  await page.screenshot({ path: shot('options') });
}

test('AMO screenshots in every shipped language', async () => {
  test.setTimeout(30_000 * LOCALES.length); // a journey of three screens per language
  await page.setViewport(SCREENSHOT);
  for (const locale of LOCALES) {
    const messages = messagesOf(locale);
    await page.goto('https://app.circleci.com/'); // off the extension's pages, which the reinstall ends
    await firefox.speak(messages);
    await firefox.setPrefs(page, threeAccounts);
    await shoot(locale, translator(messages));
    for (const name of FIREFOX_SHOTS) expect(existsSync(firefoxShot(locale, name)), `${locale} ${name}`).toBe(true);
  }
});
