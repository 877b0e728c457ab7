import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { parseRequest, parseSetKeyPathResponse } from './messages';

vi.mock('webextension-polyfill', () => ({ default: fakeBrowser }));
const { isFromExtensionPage } = await import('./browser');

describe('parseRequest', () => {
  it('accepts exactly the set-key-path shape', () => {
    expect(parseRequest({ type: 'set-key-path', keyPath: '~/k' })).toEqual({ type: 'set-key-path', keyPath: '~/k' });
  });

  it.each([
    [null],
    ['set-key-path'],
    [{ type: 'set-key-path' }],
    [{ type: 'set-key-path', keyPath: 7 }],
    [{ type: 'set-prefs', keyPath: '~/k' }],
    [{ type: 'set-key-path', keyPath: '~/k', extraOptions: '-oProxyCommand=x' }],
  ])('refuses %j', (message) => {
    expect(parseRequest(message)).toBeUndefined();
  });
});

describe('parseSetKeyPathResponse', () => {
  it('reads answers and treats anything else as a storage failure', () => {
    expect(parseSetKeyPathResponse({ ok: true })).toEqual({ ok: true });
    expect(parseSetKeyPathResponse({ ok: false, problem: 'ssh-expansion' })).toEqual({ ok: false, problem: 'ssh-expansion' });
    expect(parseSetKeyPathResponse(undefined)).toEqual({ ok: false, problem: 'storage' });
    expect(parseSetKeyPathResponse({ ok: false, problem: '<img>' })).toEqual({ ok: false, problem: 'storage' });
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
