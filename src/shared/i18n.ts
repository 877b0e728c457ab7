// Every user-visible string comes from the browser's i18n (public/_locales/<lang>/messages.json), so
// the UI speaks the browser's language. English is the reference: its keys type every lookup.

import type english from '../../public/_locales/en/messages.json';
import { getMessage } from './browser';

export type MessageKey = keyof typeof english;

/** The message in the browser's language, with `$1`, `$2`… filled in. */
export function t(key: MessageKey, ...substitutions: string[]): string {
  return getMessage(key, substitutions);
}
