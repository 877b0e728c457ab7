// The background's wiring, against fakes of src/shared/browser*.ts: the keyboard shortcut asks the
// active tab to copy, and only the right senders may change the preferences.

import { beforeEach, describe, expect, it, vi } from 'vitest';

const browser = vi.hoisted(() => ({
  handlers: {} as Record<string, (...args: never[]) => unknown>,
  sendMessageToTab: vi.fn(async () => true),
  savePrefs: vi.fn(async () => ({ ok: true })),
  session: new Map<string, unknown>(),
  saveProjectRule: vi.fn(async () => ({ ok: true })),
  setTabBadge: vi.fn(async () => undefined),
  setAlarm: vi.fn(async () => undefined),
  showNotification: vi.fn(async () => undefined),
  runInTab: vi.fn(async () => ({ url: 'app.circleci.com/jobs', hooks: {}, tree: [], truncated: false })),
}));

vi.mock('../shared/polyfill', () => ({}));
vi.mock('../settings/api-token', () => ({ loadApiToken: async () => undefined }));
vi.mock('../shared/browser', () => ({
  onInstalledOrUpdated: (handler: () => void) => {
    browser.handlers.installed = handler;
  },
  onSyncItemChanged: () => undefined,
  onMessage: (handler: (message: unknown, sender: unknown) => unknown) => {
    browser.handlers.message = handler;
  },
  onCommand: (name: string, handler: () => void) => {
    browser.handlers[`command:${name}`] = handler;
  },
  sendMessageToTab: browser.sendMessageToTab,
  isFromExtensionPage: (sender: { url?: string }) => sender.url?.startsWith('chrome-extension://ours/') ?? false,
  currentPageSender: (sender: object) => sender,
  contentScriptPage: (sender: { url?: string; tab?: unknown }) => (sender.tab ? sender.url : undefined),
  keepLocalStorageFromContentScripts: async () => undefined,
  getSessionItem: async (key: string) => browser.session.get(key),
  setSessionItem: async (key: string, value: unknown) => void browser.session.set(key, value),
}));
vi.mock('../shared/browser-alerts', () => ({
  setTabBadge: browser.setTabBadge,
  setAlarm: browser.setAlarm,
  showNotification: browser.showNotification,
  onAlarm: () => undefined,
  onNotificationClicked: () => undefined,
  hasNotifications: async () => true,
  clearNotification: async () => undefined,
}));
vi.mock('../shared/browser-tabs', () => ({
  activeTabId: async () => 7,
  onTabGone: () => undefined,
  focusTab: async () => undefined,
  openTab: async () => undefined,
  runInTab: browser.runInTab,
  openOptionsPage: async () => undefined,
}));
vi.mock('../shared/browser-permissions', () => ({
  onOriginsChanged: () => undefined,
}));
vi.mock('../settings/prefs-storage', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  loadPrefs: async () => ({ prefs: (await import('../settings/prefs')).DEFAULT_PREFS }),
  savePrefs: browser.savePrefs,
  saveProjectRule: browser.saveProjectRule,
  migrateStoredPrefs: async () => undefined,
}));
vi.mock('../settings/servers', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  syncServerContentScripts: async () => undefined,
}));

await import('./index');
const send = (message: unknown, sender: object) =>
  (browser.handlers.message as (message: unknown, sender: object) => unknown)(message, sender);

beforeEach(() => {
  vi.clearAllMocks();
  browser.session.clear();
});

const JOB = 'https://app.circleci.com/pipelines/github/Acme/API/1/workflows/w/jobs/2';
const popup = { url: 'chrome-extension://ours/src/popup/index.html' };
const contentScript = { url: JOB, tab: { id: 7 } };

describe('background', () => {
  it('turns the keyboard shortcut into a copy in the active tab', async () => {
    (browser.handlers['command:copy-ssh-command'] as () => void)();
    await vi.waitFor(() => expect(browser.sendMessageToTab).toHaveBeenCalledWith(7, { type: 'copy-command' }));
  });

  it('lets only extension pages save the preferences', async () => {
    await send({ type: 'save-prefs', prefs: {} }, popup);
    expect(browser.savePrefs).toHaveBeenCalledWith({});
    expect(send({ type: 'save-prefs', prefs: {} }, contentScript)).toBeUndefined();
    expect(browser.savePrefs).toHaveBeenCalledTimes(1);
  });

  it("sets a content script's rule for its own page's project, whatever project it names", async () => {
    await send({ type: 'set-project-rule', profileId: 'work', project: 'github/evil/repo' }, contentScript);
    expect(browser.saveProjectRule).toHaveBeenCalledWith('github/acme/api', 'work');
  });

  it('lets extension pages name the project, which must be a whole project', async () => {
    await send({ type: 'set-project-rule', profileId: 'work', project: 'gh/acme/web' }, popup);
    expect(browser.saveProjectRule).toHaveBeenCalledWith('github/acme/web', 'work');
    await send({ type: 'set-project-rule', profileId: 'work', project: 'github/acme' }, popup);
    expect(browser.saveProjectRule).toHaveBeenCalledTimes(1);
  });

  it('ignores rules from pages that are not job pages, and unknown messages', async () => {
    await send({ type: 'set-project-rule', profileId: 'work' }, { url: 'https://evil.example/', tab: { id: 1 } });
    expect(browser.saveProjectRule).not.toHaveBeenCalled();
    expect(send({ type: 'set-key-path', keyPath: '~/k' }, popup)).toBeUndefined();
  });

  it("remembers a content script's SSH steps for its own page's job, and tells only that job", async () => {
    const lines = [
      'You can now SSH into this box if your SSH public key is added:',
      '    $ ssh -p 42915 18.207.148.116',
    ];
    await send({ type: 'remember-ssh-step', container: 3, step: 'Enable SSH', lines }, contentScript);
    expect(await send({ type: 'job-ssh' }, contentScript)).toEqual({
      remembered: [{ container: 3, enable: lines }],
      api: { state: 'no-token' },
    });
    const otherJob = { url: JOB.replace('/jobs/2', '/jobs/3'), tab: { id: 7 } };
    expect(await send({ type: 'job-ssh' }, otherJob)).toEqual({ remembered: [], api: { state: 'no-token' } });
  });

  it('takes SSH steps only from content scripts, and only well-formed ones', async () => {
    expect(send({ type: 'remember-ssh-step', container: 0, step: 'Enable SSH', lines: [] }, popup)).toBeUndefined();
    expect(send({ type: 'remember-ssh-step', container: 0, step: 'Build', lines: [] }, contentScript)).toBeUndefined();
    expect(
      send({ type: 'remember-ssh-step', container: -1, step: 'Enable SSH', lines: [] }, contentScript),
    ).toBeUndefined();
    expect(browser.session.size).toBe(0);
  });

  it("puts ! on the badge of a content script's own tab while its page cannot be read, and takes it off", async () => {
    await send({ type: 'page-readable', readable: false }, contentScript);
    expect(browser.setTabBadge).toHaveBeenLastCalledWith(7, '!', true);
    await send({ type: 'page-readable', readable: true }, contentScript);
    expect(browser.setTabBadge).toHaveBeenLastCalledWith(7, '', false);
    expect(send({ type: 'page-readable', readable: false }, popup)).toBeUndefined();
    expect(send({ type: 'page-readable', readable: 'no' }, contentScript)).toBeUndefined();
    expect(browser.setTabBadge).toHaveBeenCalledTimes(2);
  });

  it("counts down on the badge of the tab showing an SSH rerun, from its own page's figures only", async () => {
    const status = {
      type: 'ssh-status',
      title: 'build',
      ready: 1,
      total: 1,
      someoneElse: false,
      keysKnown: true,
      ended: false,
    };
    await send({ ...status, connectBy: Date.now() + 5 * 60_000 - 1 }, contentScript);
    expect(browser.setTabBadge).toHaveBeenLastCalledWith(7, '5m', false);
    expect(browser.setAlarm).toHaveBeenLastCalledWith('alerts', expect.any(Number));
    await send({ type: 'ssh-left' }, contentScript);
    expect(browser.setTabBadge).toHaveBeenLastCalledWith(7, '', false);
    expect(send({ ...status, connectBy: Date.now() + 60_000 }, popup)).toBeUndefined();
    expect(await send({ ...status, connectBy: 1 }, { url: 'https://evil.example/', tab: { id: 1 } })).toBe(false);
    expect(browser.setTabBadge).toHaveBeenCalledTimes(2);
  });

  it("describes a tab's page for the extension's own pages only", async () => {
    expect(await send({ type: 'describe-page', tabId: 9 }, popup)).toMatchObject({ url: 'app.circleci.com/jobs' });
    expect(browser.runInTab).toHaveBeenCalledWith(9, expect.any(Function), [
      expect.objectContaining({ 'step output': '[data-cy="step-output"]' }),
    ]);
    expect(send({ type: 'describe-page', tabId: 9 }, contentScript)).toBeUndefined();
    expect(send({ type: 'describe-page', tabId: 'x' }, popup)).toBeUndefined();
    expect(browser.runInTab).toHaveBeenCalledTimes(1);
  });
});
