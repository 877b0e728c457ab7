// @webext-core/fake-browser plus English i18n, for component tests: the popup and page UI read
// every string from the browser, which the fake does not implement.

import { fakeBrowser } from '@webext-core/fake-browser';
import english from '../../public/_locales/en/messages.json';
import { useBrowserApi } from '../shared/browser';

type Messages = Record<string, { message: string }>;

export function getMessage(key: string, substitutions: string[] = []): string {
  const message = (english as Messages)[key]?.message ?? '';
  return message.replace(/\$([1-9])/g, (_, n: string) => substitutions[Number(n) - 1] ?? '').replaceAll('$$', '$');
}

export const testBrowser = Object.assign(fakeBrowser, {
  i18n: { getMessage, getUILanguage: () => 'en-US' },
});

/** Points browser.ts at a fake; the fake's types come from another package, hence the one cast. */
export function useFakeBrowser(fake: typeof fakeBrowser = testBrowser): void {
  useBrowserApi(fake as unknown as Parameters<typeof useBrowserApi>[0]);
}
