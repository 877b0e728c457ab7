import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { parseRequest, parseSavePrefsResponse } from './messages';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const { isFromExtensionPage } = await import('./browser');

describe('parseRequest', () => {
  it('accepts exactly the save-prefs shape', () => {
    expect(parseRequest({ type: 'save-prefs', keyPath: '~/k', shell: 'fish' })).toEqual({
      type: 'save-prefs',
      keyPath: '~/k',
      shell: 'fish',
    });
  });

  it.each([
    [null],
    ['save-prefs'],
    [{ type: 'save-prefs', keyPath: '~/k' }],
    [{ type: 'save-prefs', keyPath: 7, shell: 'posix' }],
    [{ type: 'save-prefs', keyPath: '~/k', shell: 'tcsh' }],
    [{ type: 'set-prefs', keyPath: '~/k', shell: 'posix' }],
    [{ type: 'save-prefs', keyPath: '~/k', shell: 'posix', extraOptions: '-oProxyCommand=x' }],
  ])('refuses %j', (message) => {
    expect(parseRequest(message)).toBeUndefined();
  });
});

describe('parseSavePrefsResponse', () => {
  it('reads answers and treats anything else as a storage failure', () => {
    expect(parseSavePrefsResponse({ ok: true })).toEqual({ ok: true });
    expect(parseSavePrefsResponse({ ok: false, problem: 'ssh-expansion' })).toEqual({
      ok: false,
      problem: 'ssh-expansion',
    });
    expect(parseSavePrefsResponse(undefined)).toEqual({ ok: false, problem: 'storage' });
    expect(parseSavePrefsResponse({ ok: false, problem: '<img>' })).toEqual({ ok: false, problem: 'storage' });
  });
});

describe('isFromExtensionPage', () => {
  const page = fakeBrowser.runtime.getURL('src/popup/index.html');

  it('accepts our own popup, also when it is opened in a tab', () => {
    expect(isFromExtensionPage({ id: fakeBrowser.runtime.id, url: page })).toBe(true);
    expect(isFromExtensionPage({ id: fakeBrowser.runtime.id, url: page, tab: { id: 1 } as never })).toBe(true);
  });

  it.each([
    ['a content script', { id: fakeBrowser.runtime.id, url: 'https://app.circleci.com/x', tab: { id: 1 } }],
    ['another extension', { id: 'other', url: page }],
    ['a web page', { url: 'https://evil.example/' }],
    ['a page whose URL only mentions ours', { id: fakeBrowser.runtime.id, url: `https://evil.example/?${page}` }],
  ])('refuses %s', (_name, sender) => {
    expect(isFromExtensionPage(sender as never)).toBe(false);
  });
});
