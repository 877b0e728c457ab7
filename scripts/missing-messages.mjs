// `node scripts/missing-messages.mjs`: for each language in public/_locales, the English messages it
// lacks (with their English text and description, ready to translate) and the keys English no longer
// has. Exits 1 when any language is incomplete; src/shared/i18n.test.ts fails on the same gaps.

import { readdirSync, readFileSync } from 'node:fs';

const dir = 'public/_locales';
const messagesOf = (locale) => JSON.parse(readFileSync(`${dir}/${locale}/messages.json`, 'utf8'));
const english = messagesOf('en');
let incomplete = false;
for (const locale of readdirSync(dir).filter((name) => name !== 'en')) {
  const messages = messagesOf(locale);
  const missing = Object.keys(english).filter((key) => !(key in messages));
  const extra = Object.keys(messages).filter((key) => !(key in english));
  if (missing.length === 0 && extra.length === 0) continue;
  incomplete = true;
  console.log(`${locale}: ${missing.length} missing, ${extra.length} not in English`);
  for (const key of missing)
    console.log(`  + ${key}: ${JSON.stringify(english[key].message)}  (${english[key].description ?? ''})`);
  for (const key of extra) console.log(`  - ${key}`);
}
process.exitCode = incomplete ? 1 : 0;
