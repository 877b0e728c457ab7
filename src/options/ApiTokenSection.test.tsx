// @vitest-environment happy-dom
// The token section against a fake browser, for what e2e cannot do: headless Chromium cannot refuse a
// permission prompt, so the refusal is tested here; e2e covers the rest in the real page.

import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { API_ORIGINS, API_TOKEN_KEY } from '../settings/api-token';
import { testBrowser, useFakeBrowser } from '../test/fake-browser';
import { ApiTokenSection } from './ApiTokenSection';

useFakeBrowser(testBrowser);

const TOKEN = '0123456789abcdef0123456789abcdef01234567';
const granted = new Set<string>();
const request = vi.fn(async ({ origins }: { origins: string[] }) => {
  for (const origin of origins) granted.add(origin);
  return true;
});

beforeEach(() => {
  testBrowser.reset();
  granted.clear();
  request.mockClear();
  Object.assign(testBrowser.permissions, {
    request,
    remove: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((origin) => granted.delete(origin))),
    contains: vi.fn(async ({ origins }: { origins: string[] }) => origins.every((origin) => granted.has(origin))),
  });
});
afterEach(cleanup);

const field = () => screen.getByLabelText<HTMLInputElement>('CircleCI API token');
const stored = async () => (await testBrowser.storage.local.get(API_TOKEN_KEY))[API_TOKEN_KEY];

function submit(text: string) {
  fireEvent.input(field(), { target: { value: text } });
  fireEvent.click(screen.getByRole('button', { name: 'Save token' }));
}

describe('ApiTokenSection', () => {
  it('refuses what is not a token, without asking for access', async () => {
    render(<ApiTokenSection onDone={vi.fn()} />);
    await screen.findByText('No token saved.');
    submit(`${TOKEN} x`);
    expect(await screen.findByText(/This is not a CircleCI API token/)).toBeTruthy();
    expect(field().getAttribute('aria-invalid')).toBe('true');
    expect(field().getAttribute('aria-describedby')).toContain(screen.getByText(/This is not a CircleCI API token/).id);
    expect(request).not.toHaveBeenCalled();
    expect(await stored()).toBeUndefined();
  });

  it('saves nothing when the browser refuses access, and says so', async () => {
    request.mockImplementationOnce(async () => false);
    const onDone = vi.fn();
    render(<ApiTokenSection onDone={onDone} />);
    submit(TOKEN);
    expect((await screen.findByRole('alert')).textContent).toBe(
      "The browser did not allow access to CircleCI's API, so the token was not saved.",
    );
    expect(request).toHaveBeenCalledWith({ origins: [...API_ORIGINS] });
    expect(await stored()).toBeUndefined();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('saves with access, shows only that a token is saved, and forgets it with the access', async () => {
    const onDone = vi.fn();
    render(<ApiTokenSection onDone={onDone} />);
    submit(` ${TOKEN} `);
    await screen.findByText(/^A token is saved \(saved .+\)\.$/);
    expect(await stored()).toMatchObject({ token: TOKEN });
    expect(onDone).toHaveBeenCalledWith('apiTokenSaved');
    expect(field().value).toBe('');
    expect(document.body.innerHTML).not.toContain(TOKEN);

    fireEvent.click(screen.getByRole('button', { name: 'Forget token' }));
    await screen.findByText('No token saved.');
    expect(await stored()).toBeUndefined();
    expect(granted.size).toBe(0);
    expect(onDone).toHaveBeenLastCalledWith('apiTokenForgotten');
    expect(screen.queryByRole('button', { name: 'Forget token' })).toBeNull();
  });

  it('offers access again when the browser settings took it back', async () => {
    await testBrowser.storage.local.set({ [API_TOKEN_KEY]: { token: TOKEN, savedAt: 1 } });
    render(<ApiTokenSection onDone={vi.fn()} />);
    await screen.findByText(/No access to CircleCI's API in this browser/);
    fireEvent.click(screen.getByRole('button', { name: "Allow access to CircleCI's API" }));
    await waitFor(() => expect(screen.queryByText(/No access to CircleCI's API/)).toBeNull());
    expect(granted.size).toBe(API_ORIGINS.length);
  });
});
