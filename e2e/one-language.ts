// Makes a copy of a built extension speak one language whatever the browser's: its _locales hold
// only that language, which becomes the default. One browser can then show every language in turn
// (reloading the extension, or reinstalling it in Firefox) instead of starting once per language,
// which costs seconds each on two cores. The pseudo-locale is such a language too.

import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Messages } from './messages';

export function shipOnly(extensionDir: string, locale: string, messages: Messages): void {
  rmSync(join(extensionDir, '_locales'), { recursive: true, force: true });
  mkdirSync(join(extensionDir, '_locales', locale), { recursive: true });
  writeFileSync(join(extensionDir, '_locales', locale, 'messages.json'), JSON.stringify(messages));
  const manifestPath = join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { default_locale: string };
  writeFileSync(manifestPath, JSON.stringify({ ...manifest, default_locale: locale }, null, 2));
}
