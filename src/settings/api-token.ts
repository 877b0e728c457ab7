// The optional CircleCI API token (#6). With it the background reads each container's `Enable SSH`
// step through CircleCI's API, so a job page's SSH panel fills without the user opening every run.
// It is a secret: kept in storage.local (this device only; storage.sync would copy it to every browser
// signed in to the account), sent only to circleci.com, never given to a page. The options page saves and forgets it, the background reads it.

import { getLocalItem, removeLocalItem, setLocalItem } from '../shared/browser';
import { hasOrigin, removeOrigin, requestOrigin } from '../shared/browser-permissions';
import { isRecord } from '../shared/records';

export const API_TOKEN_KEY = 'apiToken';

/**
 * What the token flow fetches: the v1.1 build details (`Circle-Token` header) at circleci.com, and
 * each step's `output_url`, a presigned S3 URL that takes no token. Asked for together when a token
 * is saved, given back when it is forgotten.
 */
export const API_ORIGINS: readonly string[] = [
  'https://circleci.com/*',
  'https://circle-production-action-output.s3.amazonaws.com/*',
];

/** In a click handler, before any await: asks the browser for API_ORIGINS, all or none. */
export function requestApiAccess(): Promise<boolean> {
  return requestOrigin(...API_ORIGINS);
}

export function releaseApiAccess(): Promise<boolean> {
  return removeOrigin(...API_ORIGINS);
}

export function hasApiAccess(): Promise<boolean> {
  return hasOrigin(...API_ORIGINS);
}

/**
 * Personal API tokens are 40 hex digits (legacy) or `CCIPAT_<id>_<hex>` (newer): letters, digits, `_`
 * and `-` cover both and whatever CircleCI adds in that alphabet. The token goes into an HTTP header,
 * so whitespace or a control character inside it (a line break, say) is refused, not cleaned up: it
 * would be a mangled paste or a header injection, never a token.
 */
const TOKEN = /^[A-Za-z0-9_-]{20,128}$/;

/** True for a token as pasted: surrounding whitespace is allowed, and saveApiToken drops it. */
export function isApiToken(text: string): boolean {
  return TOKEN.test(text.trim());
}

interface StoredToken {
  readonly token: string;
  readonly savedAt: number;
}

/** What is stored, if it is a token we could have written: anything else (another version, a forged write) is ignored. */
async function readStored(): Promise<StoredToken | undefined> {
  const value = await getLocalItem(API_TOKEN_KEY);
  if (!isRecord(value)) return undefined;
  const { token, savedAt } = value;
  if (typeof token !== 'string' || !TOKEN.test(token)) return undefined;
  if (typeof savedAt !== 'number' || !Number.isFinite(savedAt) || savedAt < 0) return undefined;
  return { token, savedAt };
}

/** The token to send, or undefined when none is saved or what is stored is not one. */
export async function loadApiToken(): Promise<string | undefined> {
  return (await readStored())?.token;
}

/** When the saved token was saved (ms since the epoch), for the options page, which never shows the token itself. */
export async function apiTokenSavedAt(): Promise<number | undefined> {
  return (await readStored())?.savedAt;
}

/** Stores the token, trimmed; throws for text that is not one, so nothing unusable is ever stored. */
export async function saveApiToken(token: string): Promise<void> {
  if (!isApiToken(token)) throw new Error('Not a CircleCI API token');
  const stored: StoredToken = { token: token.trim(), savedAt: Date.now() };
  await setLocalItem(API_TOKEN_KEY, stored);
}

export async function forgetApiToken(): Promise<void> {
  await removeLocalItem(API_TOKEN_KEY);
}
