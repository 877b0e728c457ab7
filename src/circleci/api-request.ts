// How the API client asks: credentials per route, the retry and timeout defaults, and JSON that may
// not be JSON.

import type { FetchJobSshOptions } from './api';
import type { HttpOptions } from './api-http';

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_RETRIES = 2;

/** A GET to the API: the token in its header and no cookies, or (no token) the page's session cookies. */
export function withCredentials(token: string | undefined): RequestInit {
  return {
    headers:
      token === undefined ? { Accept: 'application/json' } : { 'Circle-Token': token, Accept: 'application/json' },
    credentials: token === undefined ? 'include' : 'omit',
    // Browsers keep custom headers (and cookies for the new host) across a redirect: following one
    // could hand the token or the session to another host.
    redirect: 'error',
  };
}

export function httpOptions(
  options: Pick<FetchJobSshOptions, 'fetch' | 'sleep' | 'now' | 'random' | 'timeoutMs' | 'retries' | 'signal'>,
): HttpOptions {
  return {
    fetch: options.fetch,
    sleep: options.sleep ?? sleep,
    now: options.now ?? Date.now,
    random: options.random ?? Math.random,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    retries: options.retries ?? DEFAULT_RETRIES,
    ...(options.signal ? { signal: options.signal } : {}),
  };
}

export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}
