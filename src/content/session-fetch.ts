// The page's half of the session route (background/session-route.ts): the background hands the job
// page one API address at a time, and the content script fetches it as CircleCI's web app would, from
// the page's origin with the page's cookies. It fetches nothing but the API host of the page it runs
// in (`circleci.com` for app.circleci.com, `<domain>` for a server's `app.<domain>`), never a step's
// output_url or any other host, whatever it is asked (docs/security.md#s19-session-route).

import { apiOrigin } from '../circleci/api-address';
import { readLimited } from '../circleci/api-http';
import { isFromExtensionPage, onMessage } from '../shared/browser';
import { parseSessionFetch, SESSION_FETCH_HEADERS, type SessionFetchAnswer } from '../shared/messages';

/** Longer than the client's own timeout (api.ts), which gives up first and may retry. */
const TIMEOUT_MS = 15_000;

export function answerSessionFetches(): void {
  onMessage((message, sender) => {
    const request = isFromExtensionPage(sender) ? parseSessionFetch(message) : undefined;
    return request && sessionFetch(request.url);
  });
}

async function sessionFetch(url: string): Promise<SessionFetchAnswer> {
  if (!isOwnApi(url)) return { ok: false };
  try {
    const response = await fetch(url, {
      credentials: 'include',
      // A redirect could carry the session's cookies to another host.
      redirect: 'error',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    // Absent ones are null, which the background drops.
    const headers = Object.fromEntries(SESSION_FETCH_HEADERS.map((name) => [name, response.headers.get(name)]));
    if (!response.ok) response.body?.cancel().catch(() => undefined);
    const text = response.ok ? await readLimited(response) : '';
    return { ok: true, status: response.status, headers, ...(text === undefined ? {} : { text }) };
  } catch {
    return { ok: false };
  }
}

/** The page's own API host, and under it only `/api/`: the origin ends at the `/` that follows it. */
function isOwnApi(url: string): boolean {
  return url.startsWith(`${apiOrigin(location.hostname)}/api/`);
}
