// Store screenshots in a language the machine has no font for would show boxes (tofu) and still pass,
// so the run refuses instead. Only Linux lacks such fonts out of the box (Debian's Chromium brings no
// Japanese one); fontconfig says which languages it can show. .ci/run installs the package.

import { execFileSync } from 'node:child_process';

const FONT_PACKAGES: Record<string, string> = { ja: 'fonts-ipafont-gothic' };

/** The one command that installs the missing fonts, or undefined when every language can be shown. */
export function missingFonts(locales: readonly string[]): string | undefined {
  if (process.platform !== 'linux') return undefined;
  const lacking = locales.filter(
    (locale) => locale in FONT_PACKAGES && !execFileSync('fc-list', [`:lang=${locale}`], { encoding: 'utf8' }).trim(),
  );
  if (lacking.length === 0) return undefined;
  return `No font for ${lacking.join(', ')}: sudo apt-get install ${lacking.map((locale) => FONT_PACKAGES[locale]).join(' ')}`;
}
