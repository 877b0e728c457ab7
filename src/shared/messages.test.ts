import { fakeBrowser } from '@webext-core/fake-browser';
import { describe, expect, it } from 'vitest';
import { useFakeBrowser } from '../test/fake-browser';
import {
  parseBackgroundRequest,
  parseContentRequest,
  parseJobContext,
  parseSaveResponse,
  parseSessionFetch,
  parseSessionFetchAnswer,
  splitHref,
} from './messages';

useFakeBrowser(fakeBrowser);
const { contentScriptPage, currentPageSender, isFromExtensionPage } = await import('./browser');

const FINGERPRINT = 'SHA256:P0nRIWAu7DDjSjJfIzu4nez3o7wr2IU+uIq45VQvIi8';

describe('parseBackgroundRequest', () => {
  it.each([
    [{ type: 'save-prefs', prefs: { shell: 'fish' } }],
    [{ type: 'open-options' }],
    [{ type: 'set-project-rule', profileId: 'work' }],
    [{ type: 'set-project-rule', profileId: null, project: 'github/acme/api' }],
    [{ type: 'job-ssh-session' }],
    [{ type: 'ssh-left' }],
    [{ type: 'ssh-copied' }],
    [{ type: 'ssh-rerun-chosen' }],
    [{ type: 'followed-rerun' }],
    [
      {
        type: 'ssh-status',
        title: 'build',
        ready: 2,
        total: 8,
        connectBy: 1e12,
        someoneElse: false,
        keysKnown: true,
        ended: false,
      },
    ],
  ])('accepts %j', (message) => {
    expect(parseBackgroundRequest(message)).toEqual(message);
  });

  it.each([
    [null],
    ['save-prefs'],
    [{ type: 'save-prefs' }],
    [{ type: 'save-prefs', prefs: {}, extraOptions: '-oProxyCommand=x' }],
    [{ type: 'set-project-rule', profileId: 7 }],
    [{ type: 'set-project-rule', profileId: 'work', project: 7 }],
    [{ type: 'set-project-rule', profileId: 'work', keyPath: '~/k' }],
    [{ type: 'open-options', url: 'https://evil.example/' }],
    [{ type: 'set-prefs', prefs: {} }],
    [{ type: 'job-ssh-session', url: 'https://evil.example/' }],
    [{ type: 'ssh-copied', job: 116 }],
    [{ type: 'ssh-status', title: 'build', ready: 9, total: 8, someoneElse: false, keysKnown: true, ended: false }],
    [
      {
        type: 'ssh-status',
        title: 'build',
        ready: 1,
        total: 1,
        connectBy: -1,
        someoneElse: false,
        keysKnown: true,
        ended: false,
      },
    ],
    [
      {
        type: 'ssh-status',
        title: 'build',
        ready: 1,
        total: 1,
        someoneElse: false,
        keysKnown: true,
        ended: false,
        url: 'x',
      },
    ],
    [{ type: 'ssh-status', title: 7, ready: 1, total: 1, someoneElse: false, keysKnown: true, ended: false }],
  ])('refuses %j', (message) => {
    expect(parseBackgroundRequest(message)).toBeUndefined();
  });
});

describe('parseContentRequest', () => {
  it('accepts only its requests, bare', () => {
    expect(parseContentRequest({ type: 'focus-copy' })).toEqual({ type: 'focus-copy' });
    expect(parseContentRequest({ type: 'copy-command' })).toEqual({ type: 'copy-command' });
    expect(parseContentRequest({ type: 'job-context' })).toEqual({ type: 'job-context' });
    expect(parseContentRequest({ type: 'copy-command', text: 'rm -rf ~' })).toBeUndefined();
    expect(parseContentRequest({ type: 'paste' })).toBeUndefined();
  });
});

describe('the session route', () => {
  it('takes a fetch request with one URL, nothing more', () => {
    const url = 'https://circleci.com/api/v1.1/me';
    expect(parseSessionFetch({ type: 'session-fetch', url })).toEqual({ type: 'session-fetch', url });
    expect(parseSessionFetch({ type: 'session-fetch', url, credentials: 'include' })).toBeUndefined();
    expect(parseSessionFetch({ type: 'session-fetch', url: 7 })).toBeUndefined();
    expect(parseSessionFetch({ type: 'session-fetch', url: `${url}?${'a'.repeat(2048)}` })).toBeUndefined();
  });

  it('keeps of an answer only its status, the rate-limit headers and its text', () => {
    const headers = { 'retry-after': '3', 'x-ratelimit-reset': null, 'set-cookie': 'a=b' };
    expect(parseSessionFetchAnswer({ ok: true, status: 429, headers, text: '' })).toEqual({
      ok: true,
      status: 429,
      headers: { 'retry-after': '3' },
      text: '',
    });
    expect(parseSessionFetchAnswer({ ok: false })).toEqual({ ok: false });
    for (const answer of [
      { ok: false, status: 200 },
      { ok: true, status: 600, headers: {} },
      { ok: true, status: 200, headers: [] },
      { ok: true, status: 200, headers: {}, text: {} },
      { ok: true, status: 200, headers: {}, body: '' },
    ])
      expect(parseSessionFetchAnswer(answer)).toBeUndefined();
  });
});

it('keeps a job title short and on one line', () => {
  const status = { type: 'ssh-status', ready: 1, total: 1, someoneElse: false, keysKnown: true, ended: false };
  expect(parseBackgroundRequest({ ...status, title: `  build\n\u2028 ${'x'.repeat(500)}` })).toMatchObject({
    title: `build ${'x'.repeat(114)}`,
  });
  expect(parseBackgroundRequest({ ...status, title: 'build (116)' })).toMatchObject({ title: 'build' });
});

describe('answers', () => {
  it('reads save answers and treats anything else as a storage failure', () => {
    expect(parseSaveResponse({ ok: true })).toEqual({ ok: true });
    expect(parseSaveResponse({ ok: false, problem: 'too-large' })).toEqual({ ok: false, problem: 'too-large' });
    expect(parseSaveResponse(undefined)).toEqual({ ok: false, problem: 'storage' });
    expect(parseSaveResponse({ ok: false, problem: '<img>' })).toEqual({ ok: false, problem: 'storage' });
  });

  it('keeps only well-formed fingerprints from a job context', () => {
    expect(parseJobContext({ project: 'github/acme/api', authorizedKeys: [FINGERPRINT, 'x', 7] })).toEqual({
      project: 'github/acme/api',
      authorizedKeys: [FINGERPRINT],
    });
    expect(parseJobContext(undefined)).toBeUndefined();
  });
});

describe('senders', () => {
  const page = fakeBrowser.runtime.getURL('src/popup/index.html');
  const job = 'https://app.circleci.com/pipelines/github/acme/api/1/workflows/w/jobs/2';

  it('tells our pages (also in a tab) from content scripts and others', () => {
    expect(isFromExtensionPage({ id: fakeBrowser.runtime.id, url: page })).toBe(true);
    expect(isFromExtensionPage({ id: fakeBrowser.runtime.id, url: page, tab: { id: 1 } as never })).toBe(true);
    expect(isFromExtensionPage({ id: fakeBrowser.runtime.id, url: job, tab: { id: 1 } as never })).toBe(false);
    expect(isFromExtensionPage({ id: 'other', url: page })).toBe(false);
    expect(isFromExtensionPage({ id: fakeBrowser.runtime.id, url: `https://evil.example/?${page}` })).toBe(false);
  });

  it("gives a content script's page only for our own script in a top frame", () => {
    const tab = { id: 1 } as never;
    expect(contentScriptPage({ id: fakeBrowser.runtime.id, url: job, tab, frameId: 0 })).toBe(job);
    expect(contentScriptPage({ id: fakeBrowser.runtime.id, url: job, tab, frameId: 3 })).toBeUndefined();
    expect(contentScriptPage({ id: fakeBrowser.runtime.id, url: job, frameId: 0 })).toBeUndefined();
    expect(contentScriptPage({ id: 'other', url: job, tab, frameId: 0 })).toBeUndefined();
  });
});

describe('the page a content script is on now', () => {
  const job = 'https://app.circleci.com/pipelines/github/acme/api/1/workflows/w/jobs/116';
  const sender = { id: fakeBrowser.runtime.id, url: job, tab: { id: 1 } as never, frameId: 0 };

  it('is the address the script read, after the app moved within its origin', () => {
    const { href, rest } = splitHref({ type: 'job-ssh', href: job.replace('116', '106') });
    expect(rest).toEqual({ type: 'job-ssh' });
    expect(currentPageSender(sender, href).url).toBe(job.replace('116', '106'));
  });

  it('stays the sender’s own for another origin, another sender, or no address', () => {
    expect(currentPageSender(sender, 'https://evil.example/jobs/1').url).toBe(job);
    expect(currentPageSender(sender, 'not a url').url).toBe(job);
    expect(currentPageSender(sender, 7).url).toBe(job);
    expect(currentPageSender({ ...sender, frameId: 2 }, job.replace('116', '106')).url).toBe(job);
    expect(splitHref({ type: 'job-ssh' })).toEqual({ rest: { type: 'job-ssh' } });
  });
});
