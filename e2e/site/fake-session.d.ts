import type { BrowserContext } from '@playwright/test';
import type { Scenarios } from './fake-api.js';

/** The session cookie the fake sets on circleci.com and requires. */
export const SESSION_COOKIE: string;
/** The only origin whose requests the fake serves: the job page's. */
export const PAGE_ORIGIN: 'https://app.circleci.com';
/** In `disagree`, this container of job 116 prints `line` instead of the page's ssh line. */
export const DISAGREEING: { readonly container: number; readonly line: string };

/**
 * - `ok`: build details and raw step output of every job in jobs.js, as the pages show them;
 * - `unauthorized`: 401 whatever the request; `not-found`: 404;
 * - `disagree`: `ok`, but DISAGREEING's container prints another target than its page;
 * - `rate-limited-once`: the first build-details request gets 429 with `Retry-After: 1`;
 * - `hostile-output`: every built-in SSH step prints HOSTILE_OUTPUT.
 *
 * Whatever the scenario, a request without the session cookie, or whose `Origin` is not PAGE_ORIGIN,
 * gets the 401. `cors: false` allows only circleci.com's own origin, so the browser hides every answer from
 * the page (no CORS headers at all would not do: Playwright adds them to a fulfilled answer that has none).
 */
export type FakeSessionScenario =
  | 'ok'
  | 'unauthorized'
  | 'not-found'
  | 'disagree'
  | 'rate-limited-once'
  | 'hostile-output';

export interface SessionRequest {
  url: string;
  /** All headers, cookies included; lower-case names. */
  headers: Record<string, string>;
}

export interface FakeSessionOptions {
  scenario?: FakeSessionScenario;
  cors?: boolean;
  /** The jobs it answers for: jobs.js's unless another site (the bench's) has more. */
  jobs?: Scenarios;
}

/** The session cookie, as puppeteer's setCookie takes it. */
export const SESSION_COOKIE_FIELDS: { name: string; value: string; domain: string; path: string };

/** The fake's answer to one request (headers with lower-case names, cookies included), and every request asked. */
export function createFakeSession(options?: FakeSessionOptions): {
  requests: SessionRequest[];
  respond: (
    url: string,
    headers: Record<string, string>,
  ) => { status: number; headers: Record<string, string>; body: string };
};

/** Answers https://circleci.com/api/** and sets the session cookie; `stop()` removes both. */
export function serveFakeSession(
  context: BrowserContext,
  options?: FakeSessionOptions,
): Promise<{ requests: SessionRequest[]; stop: () => Promise<void> }>;
