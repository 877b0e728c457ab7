// @vitest-environment happy-dom
// The popup's job-page section. In e2e the popup opens in a tab, where the "active tab" is the popup
// itself, and the toolbar popup Chrome opens cannot be driven by Playwright; so this part of the
// popup is tested here, against a fake browser, and the same control is tested in the page by e2e.

import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loadPrefs } from '../settings/prefs-storage';
import { splitHref } from '../shared/messages';
import { testBrowser, useFakeBrowser } from '../test/fake-browser';

useFakeBrowser(testBrowser);
const { Popup } = await import('./Popup');

const AUTHORIZED = 'SHA256:P0nRIWAu7DDjSjJfIzu4nez3o7wr2IU+uIq45VQvIi8';
const prefs = {
  schemaVersion: 2,
  profiles: [
    { id: 'personal', name: 'Personal', keyPath: '~/.ssh/id_personal' },
    { id: 'work', name: 'Work', keyPath: '~/.ssh/id_work', fingerprint: AUTHORIZED },
  ],
  defaultProfileId: 'personal',
};

const sent: unknown[] = [];

beforeEach(async () => {
  testBrowser.reset();
  sent.length = 0;
  await testBrowser.storage.sync.set({ prefs });
  testBrowser.tabs.query = vi.fn(async () => [
    { id: 3, index: 0, highlighted: true, active: true, pinned: false, incognito: false },
  ]) as never;
  testBrowser.runtime.sendMessage = vi.fn(async (message: unknown) => {
    sent.push(splitHref(message).rest);
    return { ok: true };
  }) as never;
});
afterEach(cleanup);

describe('Popup on a job page', () => {
  it('shows which key applies to the job and why, and sets a rule for its project', async () => {
    testBrowser.tabs.sendMessage = vi.fn(async () => ({
      project: 'github/acme/api',
      authorizedKeys: [AUTHORIZED],
    })) as never;
    render(<Popup prefsRead={loadPrefs()} />);
    const picker = await screen.findByRole('combobox', { name: 'Key for this project' });
    expect(screen.getByText('Using Work: its key is one CircleCI authorized for this job.')).toBeTruthy();
    expect(testBrowser.tabs.sendMessage).toHaveBeenCalledWith(3, { type: 'job-context' });

    fireEvent.change(picker, { target: { value: 'personal' } });
    await waitFor(() =>
      expect(sent).toContainEqual({ type: 'set-project-rule', profileId: 'personal', project: 'github/acme/api' }),
    );
  });

  it('elsewhere shows the default key only', async () => {
    testBrowser.tabs.sendMessage = vi.fn(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }) as never;
    render(<Popup prefsRead={loadPrefs()} />);
    expect(((await screen.findByLabelText('Default SSH key')) as HTMLInputElement).value).toBe('~/.ssh/id_personal');
    await waitFor(() => expect(testBrowser.tabs.sendMessage).toHaveBeenCalled());
    expect(screen.queryByRole('combobox', { name: 'Key for this project' })).toBeNull();
  });
});

describe('Popup on a page that could not be read', () => {
  const status = { readable: false, steps: 0, sshSteps: [] };
  const structure = {
    url: 'app.circleci.com/pipelines/github/*/*/N',
    hooks: { 'step output': 0 },
    tree: ['body'],
    truncated: false,
  };

  it('says so, and copies a report of what was read and of the page structure', async () => {
    testBrowser.tabs.sendMessage = vi.fn(async (_tab: number, message: { type: string }) =>
      message.type === 'page-status' ? status : undefined,
    ) as never;
    testBrowser.runtime.sendMessage = vi.fn(async () => structure) as never;
    testBrowser.runtime.getManifest = vi.fn(() => ({ version: '0.1.0' })) as never;
    const writeText = vi.fn(async (_text: string) => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(<Popup prefsRead={loadPrefs()} />);
    expect(await screen.findByRole('heading', { name: 'This page could not be read' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Copy a report' }));
    await screen.findByText('Report copied');
    expect(testBrowser.runtime.sendMessage).toHaveBeenCalledWith(
      expect.objectContaining({ type: 'describe-page', tabId: 3 }),
    );
    const report = JSON.parse(writeText.mock.calls[0]?.[0] ?? '');
    expect(report).toMatchObject({ extension: '0.1.0', read: status, page: structure });
  });

  it('says when the report could not be made', async () => {
    testBrowser.tabs.sendMessage = vi.fn(async () => status) as never;
    testBrowser.runtime.sendMessage = vi.fn(async () => {
      throw new Error('Cannot access contents of the page');
    }) as never;
    render(<Popup prefsRead={loadPrefs()} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Copy a report' }));
    expect(await screen.findByText('The report could not be made: reload the page and try again.')).toBeTruthy();
  });

  it('shows nothing of the kind on a page that was read', async () => {
    testBrowser.tabs.sendMessage = vi.fn(async () => ({ ...status, readable: true })) as never;
    render(<Popup prefsRead={loadPrefs()} />);
    await waitFor(() => expect(testBrowser.tabs.sendMessage).toHaveBeenCalledWith(3, { type: 'page-status' }));
    expect(screen.queryByRole('button', { name: 'Copy a report' })).toBeNull();
  });
});

describe('Popup after "Rerun job with SSH"', () => {
  it('offers to go to the new job once its page was seen, and opens it', async () => {
    const to = {
      key: 'k',
      jobNumber: 116,
      url: 'https://app.circleci.com/pipelines/github/acme/api/1/workflows/w/jobs/116',
    };
    testBrowser.runtime.sendMessage = vi.fn(async (message: { type: string }) =>
      message.type === 'followed-rerun' ? { from: { ...to, jobNumber: 106 }, to } : { ok: true },
    ) as never;
    testBrowser.tabs.create = vi.fn(async () => ({}) as never) as never;
    const close = vi.spyOn(window, 'close').mockImplementation(() => undefined);
    render(<Popup prefsRead={loadPrefs()} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Go to the SSH rerun (job 116)' }));
    await waitFor(() => expect(testBrowser.tabs.create).toHaveBeenCalledWith({ url: to.url }));
    await waitFor(() => expect(close).toHaveBeenCalled());
  });

  it('offers nothing for an answer that is not a rerun', async () => {
    testBrowser.runtime.sendMessage = vi.fn(async () => ({
      to: { jobNumber: 1, url: 'javascript:alert(1)' },
    })) as never;
    render(<Popup prefsRead={loadPrefs()} />);
    await screen.findByRole('checkbox', { name: 'Notify me when SSH is ready' });
    expect(screen.queryByRole('button', { name: /Go to the SSH rerun/ })).toBeNull();
  });
});
