// Where the store assets go and what they are: the e2e run writes them per language, `npm run package`
// adds the listing texts beside them (scripts/package.mjs), next to the zips in artifacts/.

const STORE_DIR = 'artifacts/store';

/** The Chrome Web Store's screenshot size, also AMO's largest (same 1.6 ratio). */
export const SCREENSHOT = { width: 1280, height: 800 } as const;
/** The Chrome Web Store's small promotional tile. */
export const PROMO_TILE = { width: 440, height: 280 } as const;

export const CHROME_SHOTS = ['job-page', 'ssh-panel', 'popup', 'options', 'windows-job'] as const;
export const FIREFOX_SHOTS = ['job-page', 'options'] as const;

export const chromeShot = (locale: string, name: (typeof CHROME_SHOTS)[number]) =>
  `${STORE_DIR}/${locale}/chrome/${name}.png`;
export const firefoxShot = (locale: string, name: (typeof FIREFOX_SHOTS)[number]) =>
  `${STORE_DIR}/${locale}/firefox/${name}.png`;
export const promoTile = (locale: string) => `${STORE_DIR}/${locale}/chrome/promo-tile-440x280.png`;
