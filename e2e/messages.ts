// The shipped languages and their messages, for tests that find the UI by its localized names.

import { readdirSync, readFileSync } from 'node:fs';
import type { MessageKey } from '../src/shared/i18n';

export type Messages = Record<string, { message: string; description?: string }>;

const LOCALES_DIR = 'public/_locales';

/** Every language the extension ships, English first. */
export const LOCALES = [
  'en',
  ...readdirSync(LOCALES_DIR)
    .filter((locale) => locale !== 'en')
    .sort(),
];

export function messagesOf(locale: string): Messages {
  return JSON.parse(readFileSync(`${LOCALES_DIR}/${locale}/messages.json`, 'utf8')) as Messages;
}

/** Looks messages up as chrome.i18n.getMessage does: `$1`… filled in, `$$` a dollar sign. */
export type Translate = (key: MessageKey, ...substitutions: string[]) => string;

export function translator(messages: Messages): Translate {
  return (key, ...substitutions) => {
    const message = messages[key]?.message;
    if (message === undefined) throw new Error(`No message ${key}`);
    return message.replace(/\$(\$|[1-9])/g, (_, which: string) =>
      which === '$' ? '$' : (substitutions[Number(which) - 1] ?? ''),
    );
  };
}
