import { fakeBrowser } from '@webext-core/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { settingsFile } from '../options/settings-file';
import { useFakeBrowser } from '../test/fake-browser';
import {
  API_ORIGINS,
  API_TOKEN_KEY,
  apiTokenSavedAt,
  forgetApiToken,
  isApiToken,
  loadApiToken,
  releaseApiAccess,
  requestApiAccess,
  saveApiToken,
} from './api-token';
import { loadPrefs } from './prefs-storage';

useFakeBrowser(fakeBrowser);

beforeEach(() => fakeBrowser.reset());
afterEach(() => vi.restoreAllMocks());

const LEGACY = '0123456789abcdef0123456789abcdef01234567';
const PAT = 'CCIPAT_4oX1Dq9Uu2bWzP7LkRt3Hs_0123456789abcdef0123456789abcdef01234567';

describe('isApiToken', () => {
  it('takes legacy and CCIPAT personal tokens, with the whitespace a paste brings', () => {
    expect(isApiToken(LEGACY)).toBe(true);
    expect(isApiToken(PAT)).toBe(true);
    expect(isApiToken(`  ${PAT}\n`)).toBe(true);
    expect(isApiToken('a'.repeat(20))).toBe(true);
    expect(isApiToken('a'.repeat(128))).toBe(true);
  });

  it.each([
    ['empty', ''],
    ['too short', 'a'.repeat(19)],
    ['too long', 'a'.repeat(129)],
    ['a space inside', `${LEGACY.slice(0, 20)} ${LEGACY.slice(20)}`],
    ['a line break inside (header injection)', `${LEGACY}\r\nX-Evil: 1`],
    ['a control character', `${LEGACY}\u0000`],
    ['a zero-width space', `${LEGACY}\u200b`],
    ['other punctuation', `${LEGACY}:`],
    ['a bearer prefix', `Bearer ${LEGACY}`],
    ['non-ASCII letters', `${LEGACY}é`],
  ])('refuses %s', (_, text) => {
    expect(isApiToken(text)).toBe(false);
  });
});

describe('the token in storage.local', () => {
  it('saves trimmed, with the time, and reads back', async () => {
    vi.spyOn(Date, 'now').mockReturnValue(1_750_000_000_000);
    await saveApiToken(` ${PAT} `);
    expect(await fakeBrowser.storage.local.get(API_TOKEN_KEY)).toEqual({
      apiToken: { token: PAT, savedAt: 1_750_000_000_000 },
    });
    expect(await loadApiToken()).toBe(PAT);
    expect(await apiTokenSavedAt()).toBe(1_750_000_000_000);
  });

  it('never goes to storage.sync, so neither to other devices nor into the settings export', async () => {
    await saveApiToken(PAT);
    expect(await fakeBrowser.storage.sync.get()).toEqual({});
    expect(settingsFile((await loadPrefs()).prefs)).not.toContain(PAT);
  });

  it('refuses to save what is not a token, and keeps the saved one', async () => {
    await saveApiToken(LEGACY);
    await expect(saveApiToken(`${PAT}\nX-Evil: 1`)).rejects.toThrow();
    expect(await loadApiToken()).toBe(LEGACY);
  });

  it('forgets', async () => {
    await saveApiToken(LEGACY);
    await forgetApiToken();
    expect(await fakeBrowser.storage.local.get()).toEqual({});
    expect(await loadApiToken()).toBeUndefined();
    expect(await apiTokenSavedAt()).toBeUndefined();
  });

  it.each([
    ['nothing', undefined],
    ['a bare string', LEGACY],
    ['no time', { token: LEGACY }],
    ['a time that is not one', { token: LEGACY, savedAt: Number.NaN }],
    ['a token with whitespace', { token: ` ${LEGACY}`, savedAt: 1 }],
    ['a token with a line break', { token: `${LEGACY}\r\nX-Evil: 1`, savedAt: 1 }],
    ['a token that is not a string', { token: 1234, savedAt: 1 }],
  ])('reads %s as no token', async (_, value) => {
    await fakeBrowser.storage.local.set({ [API_TOKEN_KEY]: value });
    expect(await loadApiToken()).toBeUndefined();
    expect(await apiTokenSavedAt()).toBeUndefined();
  });
});

describe('access to the API', () => {
  it('asks for and gives back the API and the step-output origins together', async () => {
    const request = vi.fn(async () => true);
    const remove = vi.fn(async () => true);
    Object.assign(fakeBrowser.permissions, { request, remove });
    expect(await requestApiAccess()).toBe(true);
    expect(await releaseApiAccess()).toBe(true);
    const origins = ['https://circleci.com/*', 'https://circle-production-action-output.s3.amazonaws.com/*'];
    expect(API_ORIGINS).toEqual(origins);
    expect(request).toHaveBeenCalledWith({ origins });
    expect(remove).toHaveBeenCalledWith({ origins });
  });
});
