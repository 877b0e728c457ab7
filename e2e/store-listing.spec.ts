// The Chrome Web Store assets, written by every e2e run in every shipped language (artifacts/store/
// <locale>/chrome, e2e/store/assets.ts): five 1280×800 screenshots and the 440×280 promotional tile;
// and the same screens in the pseudo-locale (long, accented text), kept with the test's results. In
// every language, no text of the popup, the options page, the copy buttons or the SSH panel may be cut
// or overflow (e2e/overflow.ts). One browser shows every language in turn (LanguageSwitchingBrowser).

import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect, test } from '@playwright/test';
import { listingOf } from '../store/listing';
import { threeAccounts } from './accounts';
import { extensionDir } from './fixtures';
import { LOCALES, type Messages, messagesOf, translator } from './messages';
import { clippedText } from './overflow';
import { pseudoMessages } from './pseudo-locale';
import { CHROME_SHOTS, chromeShot, promoTile, SCREENSHOT } from './store/assets';
import { missingFonts } from './store/fonts';
import { LanguageSwitchingBrowser } from './store/language-switching-browser';
import { popupOverPage } from './store/popup-over-page';
import { drawPromoTile } from './store/promo-tile';
import { copiedOnJobPage, jobSshPanel, popup, windowsJob } from './store/scenes';

const POPUP = 'src/popup/index.html';
const OPTIONS = 'src/options/index.html';

interface Language {
  /** The store listing's language, or undefined for the pseudo-locale, which has none. */
  store?: string;
  messages: Messages;
}
const LANGUAGES: Language[] = [
  ...LOCALES.map((locale) => ({ store: locale, messages: messagesOf(locale) })),
  { messages: pseudoMessages(messagesOf('en')) },
];

let copy: string;
let browser: LanguageSwitchingBrowser;

test.beforeAll(async () => {
  const noFont = missingFonts(LOCALES);
  if (noFont) throw new Error(noFont);
  copy = mkdtempSync(join(tmpdir(), 'circleci-ssh-copy-store-'));
  cpSync(extensionDir, copy, { recursive: true });
  browser = await LanguageSwitchingBrowser.launch(copy);
});

test.afterAll(async () => {
  await browser?.close();
  rmSync(copy, { recursive: true, force: true });
});

for (const language of LANGUAGES) {
  const label = language.store ?? 'pseudo-locale';
  test(`${label}: store screenshots, and no text cut or overflowing`, async () => {
    const testInfo = test.info();
    const t = translator(language.messages);
    const shot = (name: (typeof CHROME_SHOTS)[number]) =>
      language.store ? chromeShot(language.store, name) : testInfo.outputPath(`${name}.png`);
    mkdirSync(dirname(shot('popup')), { recursive: true });
    const { background, extensionUrl } = await browser.speak(language.messages);
    await background.evaluate((prefs) => chrome.storage.sync.set({ prefs }), threeAccounts);
    const page = await browser.context.newPage();
    const fits = async (what: string, where: 'page' | 'our-ui') =>
      expect.soft(await clippedText(page, where), `${label}, ${what}`).toEqual([]);

    await page.setViewportSize({ width: 360, height: SCREENSHOT.height });
    await popup(page, extensionUrl + POPUP, t);
    await fits('popup', 'page');
    const popupImage = await page.locator('body').screenshot();

    await page.setViewportSize(SCREENSHOT);
    await copiedOnJobPage(page, t);
    await fits('job page', 'our-ui');
    await popupOverPage(page, popupImage, shot('popup'));
    await page.screenshot({ path: shot('job-page') });
    await jobSshPanel(page, t);
    await fits('SSH panel', 'our-ui');
    await page.screenshot({ path: shot('ssh-panel') });
    await windowsJob(page, t);
    await fits('Windows job', 'our-ui');
    await page.screenshot({ path: shot('windows-job') });

    await page.goto(extensionUrl + OPTIONS);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(t('optionsHeading'));
    await fits('options page', 'page');
    await page.screenshot({ path: shot('options') });

    if (language.store) {
      await drawPromoTile(page, listingOf(language.store), promoTile(language.store));
      for (const file of [...CHROME_SHOTS.map(shot), promoTile(language.store)])
        expect(existsSync(file), file).toBe(true);
    }
    await page.close();
  });
}
