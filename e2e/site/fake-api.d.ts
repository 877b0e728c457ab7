import type { BrowserContext } from '@playwright/test';
import type { Scenario } from './jobs.js';

/** The jobs an answer is built from: jobs.js's `jobs` unless given another site's. */
export type Scenarios = Readonly<Record<number, Scenario>>;

export const API_ORIGIN: 'https://circleci.com';
export const OUTPUT_ORIGIN: 'https://circle-production-action-output.s3.amazonaws.com';
/** The token the fake accepts unless serveFakeApi is given another. */
export const FAKE_TOKEN: string;
/** The `slow` scenario's delay: longer than the client's default 10 s timeout. */
export const SLOW_MS: number;
/** The login in `ssh_users` and `user` of every SSH rerun. */
export const SSH_USER: string;
/** What `hostile-output` prints in every built-in Enable SSH and Wait for SSH step. */
export const HOSTILE_OUTPUT: readonly string[];

/**
 * - `ok`: every job of jobs.js (and the ordinary job for any other number) in project github/acme/api;
 * - `unauthorized`: 401 `{"message":"You must log in first."}`, whatever the token;
 * - `not-found`: 404 `{"message":"Build not found"}`;
 * - `rate-limited-once` / `server-error-once`: the first build-details request gets 429 (`Retry-After: 1`)
 *   or 500, the rest as `ok`;
 * - `slow`: build details after `delayMs` (default SLOW_MS);
 * - `malformed`: build details that are not JSON;
 * - `hostile-output`: `ok`, but every built-in SSH step prints HOSTILE_OUTPUT.
 *
 * Whatever the scenario, a request without the right `Circle-Token` gets the 401, and any other
 * project the 404.
 */
export type FakeApiScenario =
  | 'ok'
  | 'unauthorized'
  | 'not-found'
  | 'rate-limited-once'
  | 'server-error-once'
  | 'slow'
  | 'malformed'
  | 'hostile-output';

export interface RecordedRequest {
  url: string;
  method: string;
  /** Lower-case names, as Playwright gives them. */
  headers: Record<string, string>;
}

export interface StepOutputMessage {
  type: string;
  time: string;
  message: string;
}

/** The presigned-looking output URL of one container's step. */
export function outputUrl(jobNumber: number, container: number, stepId: number): string;

/** The v1.1 build-details body for a job, with its times relative to `now`. */
export function buildDetails(jobNumber: number, now?: number, scenarios?: Scenarios): Record<string, unknown>;

/** One container's step output as the output URL serves it; undefined for an unknown step. */
export function stepOutput(
  jobNumber: number,
  container: number,
  stepId: number,
  hostile?: boolean,
  now?: number,
  scenarios?: Scenarios,
): StepOutputMessage[] | undefined;

/**
 * Answers https://circleci.com/api/v1.1/** and the output host in `context`; call after
 * serveCircleCI so these routes win. `requests` records every request to either host; `stop()`
 * removes the routes (the browser context outlives a test).
 */
export function serveFakeApi(
  context: BrowserContext,
  options?: { scenario?: FakeApiScenario; delayMs?: number; token?: string; agoMs?: number; viewer?: string },
): Promise<{ requests: RecordedRequest[]; stop: () => Promise<void> }>;
