// The session route (#13): CircleCI's API read with the job page's own session, so the panel fills
// every container without a token. The client (api.ts: timeouts, retries, rate limits, size cap,
// strict parser) runs here, as for the token; only its fetch is the page's: each request is handed to
// the asking tab's content script, which fetches it from the page's origin with the page's cookies
// (content/session-fetch.ts). No host permission is needed, and none is asked for.
// A refusal (401, 403, 404, or a fetch the page could not make, e.g. blocked by CORS) is remembered
// per API host for the browser session, so later pages fall back at once and ask nothing
// (docs/security.md#s19-session-route).

import type { ApiProblem } from '../circleci/api';
import { apiOrigin } from '../circleci/api-address';
import type { JobSshCache } from '../circleci/api-cache';
import { MAX_BODY_BYTES } from '../circleci/api-http';
import { parseJobPage } from '../circleci/page-detect';
import { parseSessionFetchAnswer } from '../shared/messages';
import type { SessionReport } from '../shared/reports';

export interface SessionRouteDeps {
  readonly getSession: (key: string) => Promise<unknown>;
  readonly setSession: (key: string, value: unknown) => Promise<void>;
  readonly cache: JobSshCache;
  readonly now: () => number;
  /** The setting (prefs.sessionRoute). */
  readonly enabled: () => Promise<boolean>;
}

/** Asks the tab's content script to fetch one URL; its answer is checked by parseSessionFetchAnswer. */
export type AskTab = (url: string) => Promise<unknown>;

/** The tab whose page asked: its answers are cached for it alone, as its cookies are its own. */
export interface AskingTab {
  readonly id: number;
  readonly ask: AskTab;
}

/** Answers that another page of the same host would get as well. */
const REFUSALS: readonly ApiProblem[] = ['unauthorized', 'not-found'];

export function createSessionRoute(deps: SessionRouteDeps) {
  return {
    async report(pageUrl: string, appHosts: readonly string[], tab: AskingTab): Promise<SessionReport | undefined> {
      const page = parseJobPage(pageUrl, appHosts);
      if (!page) return undefined;
      const origin = apiOrigin(new URL(pageUrl).hostname);
      if (page.ui !== 'app' || origin === undefined || !(await deps.enabled())) return { state: 'off' };
      const refusedKey = `session-refused:${origin}`;
      if ((await deps.getSession(refusedKey)) === true) return { state: 'refused' };

      let blocked = false;
      const fetch = tabFetch(tab.ask, () => {
        blocked = true;
      });
      const result = await deps.cache.get(page, { apiOrigin: origin, fetch, now: deps.now }, `tab:${tab.id}`);
      if (result.ok) return { state: 'ok', job: result.job };
      // A tab closed mid-request is no refusal; the page's own fetch failing is (CORS looks like that).
      if (REFUSALS.includes(result.problem) || (result.problem === 'network' && blocked)) {
        await deps.setSession(refusedKey, true);
        return { state: 'refused' };
      }
      return { state: 'error', problem: result.problem };
    },
  };
}

/**
 * A fetch that goes through the tab: the page's answer becomes a Response for the HTTP client, which
 * then classifies and reads it as any other. `onBlocked` is told when the page's fetch itself failed.
 */
export function tabFetch(askTab: AskTab, onBlocked: () => void): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const answer = parseSessionFetchAnswer(await untilAborted(askTab(String(input)), init?.signal ?? undefined));
    if (answer === undefined) throw new TypeError('The job page did not answer');
    if (!answer.ok) {
      onBlocked();
      throw new TypeError('The job page could not fetch');
    }
    // The page read no more than the client takes; a length above it makes the client refuse the body.
    const headers =
      answer.text === undefined ? { ...answer.headers, 'content-length': String(MAX_BODY_BYTES + 1) } : answer.headers;
    return new Response(answer.text ? answer.text : null, { status: answer.status, headers });
  }) as typeof fetch;
}

/** The client's timeout and abort end the wait; the page's own fetch has its own timeout. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (signal === undefined) return promise;
  return new Promise((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}
