// Messages between the extension's parts. Every receiver validates against a closed schema (a message
// with an unknown type or an extra field is not ours) and checks who sent it:
// - save-prefs: only the extension's own pages (popup, options) may replace the preferences;
// - set-project-rule: a content script may pick one of the user's existing profiles for the project
//   of the page it runs in, nothing else (the background derives the project from the sender's URL);
// - remember-ssh-step, job-ssh and job-ssh-session: a content script tells and asks about the job of
//   the page it runs in only (the background derives the job from the sender's URL);
// - page-readable: a content script tells whether its own page could be read (the badge of its tab);
// - describe-page: only the extension's own pages may ask for a tab's structural report;
// - ssh-status, ssh-left, ssh-copied and ssh-rerun-chosen: a content script tells about the job of the
//   page it runs in (the SSH panel's figures, leaving it, a copy, CircleCI's "Rerun job with SSH" chosen);
// - followed-rerun: only the extension's own pages may ask for the SSH rerun last followed;
// - copy-command, job-context, page-status and focus-copy go from the extension to a tab's content script;
// - session-fetch goes from the background to the content script of the tab that asked job-ssh-session,
//   which fetches that one API address with the page's session and answers with the response.

import { MAX_CONTAINERS } from '../circleci/page-detect';
import { MAX_LINE_LENGTH } from '../circleci/ssh-output';
import { isSshStepName, type SshStepName } from '../circleci/step-trust';
import { parseFingerprint } from '../command/fingerprint';
import { isRecord } from './records';
import { parseSshStatus, type SshStatus } from './ssh-status';

export type SaveProblem = 'invalid' | 'too-large' | 'rate-limited' | 'storage';

export type SaveResponse = { readonly ok: true } | { readonly ok: false; readonly problem: SaveProblem };

export type BackgroundRequest =
  | { readonly type: 'save-prefs'; readonly prefs: unknown }
  | {
      readonly type: 'set-project-rule';
      /** Null removes the project's own rule. */
      readonly profileId: string | null;
      /** Only from extension pages; a content script's project is its page's. */
      readonly project?: string;
    }
  /** A container's trusted SSH step, as the page showed it, for the job SSH panel. */
  | {
      readonly type: 'remember-ssh-step';
      readonly container: number;
      readonly step: SshStepName;
      readonly lines: readonly string[];
      /** When Wait for SSH began, as the page showed it. */
      readonly startedAt?: number;
    }
  /** Whether the sender's page could be read; false shows `!` on its tab's toolbar button. */
  | { readonly type: 'page-readable'; readonly readable: boolean }
  /** The structural report of a tab's page, for a bug report (diagnostics/describe-page.ts). */
  | { readonly type: 'describe-page'; readonly tabId: number }
  /** The SSH panel's figures for the sender's job (background/alerts.ts). */
  | ({ readonly type: 'ssh-status' } & SshStatus)
  | { readonly type: (typeof BARE_REQUESTS)[number] };

/** Requests that carry nothing but their type. */
const BARE_REQUESTS = [
  'open-options',
  'job-ssh',
  // The same from CircleCI's API through the sender page's session (docs/security.md#s19-session-route).
  'job-ssh-session',
  'ssh-left',
  'ssh-copied',
  'ssh-rerun-chosen',
  'followed-rerun',
] as const;

const CONTENT_REQUESTS = ['copy-command', 'job-context', 'page-status', 'focus-copy'] as const;
export type ContentRequest = { readonly type: (typeof CONTENT_REQUESTS)[number] };

/** What the content script of a job page tells the popup. */
export interface JobContext {
  readonly project: string;
  readonly authorizedKeys: readonly string[];
}

const keysAre = (value: Record<string, unknown>, ...allowed: string[]) =>
  Object.keys(value).every((key) => allowed.includes(key));

/** The sender's address that sendMessage adds (browser.ts currentPageSender), and the message without it. */
export function splitHref(message: unknown): { readonly href?: unknown; readonly rest: unknown } {
  if (!isRecord(message) || !('href' in message)) return { rest: message };
  const { href, ...rest } = message;
  return { href, rest };
}

export function parseBackgroundRequest(message: unknown): BackgroundRequest | undefined {
  if (!isRecord(message)) return undefined;
  if (message.type === 'save-prefs' && keysAre(message, 'type', 'prefs') && 'prefs' in message) {
    return { type: 'save-prefs', prefs: message.prefs };
  }
  // open-options: the page's "set up keys" link (content scripts cannot open it); job-ssh: what is known
  // of the SSH boxes of the sender's job.
  const bare = BARE_REQUESTS.find((type) => type === message.type);
  if (bare && keysAre(message, 'type')) return { type: bare };
  if (message.type === 'ssh-status') {
    const status = parseSshStatus(message);
    return status && { type: 'ssh-status', ...status };
  }
  if (message.type === 'set-project-rule' && keysAre(message, 'type', 'profileId', 'project')) {
    const { profileId, project } = message;
    if (profileId !== null && typeof profileId !== 'string') return undefined;
    if (project !== undefined && typeof project !== 'string') return undefined;
    return { type: 'set-project-rule', profileId, ...(project === undefined ? {} : { project }) };
  }
  if (message.type === 'page-readable' && keysAre(message, 'type', 'readable') && typeof message.readable === 'boolean')
    return { type: 'page-readable', readable: message.readable };
  if (message.type === 'describe-page' && keysAre(message, 'type', 'tabId') && Number.isSafeInteger(message.tabId))
    return { type: 'describe-page', tabId: message.tabId as number };
  if (message.type === 'remember-ssh-step' && keysAre(message, 'type', 'container', 'step', 'lines', 'startedAt')) {
    const { container, step, lines, startedAt } = message;
    if (startedAt !== undefined && !(typeof startedAt === 'number' && Number.isFinite(startedAt))) return undefined;
    if (!Number.isSafeInteger(container) || (container as number) < 0 || (container as number) >= MAX_CONTAINERS)
      return undefined;
    if (typeof step !== 'string' || !isSshStepName(step) || !isStepLines(lines)) return undefined;
    return {
      type: 'remember-ssh-step',
      container: container as number,
      step,
      lines,
      ...(startedAt === undefined ? {} : { startedAt }),
    };
  }
  return undefined;
}

/** A step prints about twenty short lines; longer lines are never ssh lines (ssh-output.ts). */
const MAX_STEP_LINES = 200;

/** A step's lines as remember-ssh-step carries them: within its limits, whatever the page holds. */
export function fitStepLines(lines: readonly string[]): string[] {
  return lines.slice(0, MAX_STEP_LINES).filter((line) => line.length <= MAX_LINE_LENGTH);
}

export function isStepLines(value: unknown): value is string[] {
  return (
    Array.isArray(value) &&
    value.length <= MAX_STEP_LINES &&
    value.every((line) => typeof line === 'string' && line.length <= MAX_LINE_LENGTH)
  );
}

export function parseContentRequest(message: unknown): ContentRequest | undefined {
  if (!isRecord(message) || !keysAre(message, 'type')) return undefined;
  const type = CONTENT_REQUESTS.find((each) => each === message.type);
  return type ? { type } : undefined;
}

export function parseSaveResponse(message: unknown): SaveResponse {
  if (isRecord(message) && message.ok === true) return { ok: true };
  const problems: readonly unknown[] = ['invalid', 'too-large', 'rate-limited', 'storage'];
  const problem =
    isRecord(message) && problems.includes(message.problem) ? (message.problem as SaveProblem) : 'storage';
  return { ok: false, problem };
}

export function parseJobContext(message: unknown): JobContext | undefined {
  if (!isRecord(message) || typeof message.project !== 'string' || !Array.isArray(message.authorizedKeys))
    return undefined;
  const authorizedKeys = message.authorizedKeys.filter(
    // Only fingerprints exactly as parseFingerprint writes them.
    (key): key is string => typeof key === 'string' && parseFingerprint(key) === key,
  );
  return { project: message.project, authorizedKeys };
}

/** The background asks the job page to fetch one API address with its session. */
export interface SessionFetch {
  readonly type: 'session-fetch';
  readonly url: string;
}

/**
 * The page's answer: the response's status, the rate-limit headers CircleCI exposes, and its text
 * (none: larger than the client takes); `ok: false` when the fetch failed (CORS, network, timeout).
 */
export type SessionFetchAnswer =
  | { readonly ok: false }
  | {
      readonly ok: true;
      readonly status: number;
      readonly headers: Record<string, string | null>;
      readonly text?: string;
    };

/** The response headers the HTTP client reads (api-http.ts serverWait, classify). */
export const SESSION_FETCH_HEADERS = ['retry-after', 'x-ratelimit-remaining', 'x-ratelimit-reset'] as const;

export function parseSessionFetch(message: unknown): SessionFetch | undefined {
  if (!isRecord(message) || message.type !== 'session-fetch' || !keysAre(message, 'type', 'url')) return undefined;
  return typeof message.url === 'string' && message.url.length <= 2048
    ? { type: 'session-fetch', url: message.url }
    : undefined;
}

/** An answer as the background takes it: only the headers the page found. */
export type SessionFetchResponse =
  | { readonly ok: false }
  | { readonly ok: true; readonly status: number; readonly headers: Record<string, string>; readonly text?: string };

export function parseSessionFetchAnswer(message: unknown): SessionFetchResponse | undefined {
  if (!isRecord(message)) return undefined;
  if (message.ok === false && keysAre(message, 'ok')) return { ok: false };
  const { status, headers, text } = message;
  if (message.ok !== true || !keysAre(message, 'ok', 'status', 'headers', 'text')) return undefined;
  if (!Number.isSafeInteger(status) || (status as number) < 200 || (status as number) > 599) return undefined;
  if (text !== undefined && typeof text !== 'string') return undefined;
  if (!isRecord(headers)) return undefined;
  const kept = Object.fromEntries(
    SESSION_FETCH_HEADERS.flatMap((name) => (typeof headers[name] === 'string' ? [[name, headers[name]]] : [])),
  );
  return { ok: true, status: status as number, headers: kept, ...(text === undefined ? {} : { text }) };
}
