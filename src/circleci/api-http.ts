// One GET, with what every request to CircleCI needs in a background worker that must not hang or
// hammer: a timeout, a few retries with backoff and jitter for failures that may pass (network,
// timeout, 5xx, 429), the server's own rate-limit wait when it is short, and a size cap, so that no
// answer (a confused proxy, a huge log) makes the worker buffer an unbounded body.

export type HttpProblem =
  | 'unauthorized'
  | 'not-found'
  | 'rate-limited'
  | 'timeout'
  | 'network'
  | 'server'
  | 'malformed'
  | 'aborted';

export type HttpResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly problem: HttpProblem; readonly retryAfterMs?: number };

export interface HttpOptions {
  readonly fetch: typeof fetch;
  readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly now: () => number;
  /** In [0, 1), for the jitter. */
  readonly random: () => number;
  readonly timeoutMs: number;
  /** Attempts after the first. */
  readonly retries: number;
  readonly signal?: AbortSignal;
}

/** Far above any build-details body or Enable SSH log, far below what would strain the worker. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** A longer rate-limit wait is handed back to the caller rather than held inside one request. */
export const MAX_RATE_LIMIT_WAIT_MS = 30_000;
const BACKOFF_BASE_MS = 500;
const BACKOFF_CAP_MS = 8_000;

interface Failure {
  readonly ok: false;
  readonly problem: HttpProblem;
  readonly retry: boolean;
  /** What the server asked us to wait (Retry-After, X-RateLimit-Reset). */
  readonly waitMs?: number;
}

export async function getText(url: string, init: RequestInit, options: HttpOptions): Promise<HttpResult> {
  for (let attempt = 0; ; attempt++) {
    const result = await attemptOnce(url, init, options);
    if (result.ok) return result;
    const { problem, retry, waitMs } = result;
    const told = waitMs === undefined ? {} : { retryAfterMs: waitMs };
    if (!retry || attempt >= options.retries || (waitMs ?? 0) > MAX_RATE_LIMIT_WAIT_MS) {
      return { ok: false, problem, ...told };
    }
    await options.sleep(waitMs ?? backoff(attempt, options.random), options.signal);
    if (options.signal?.aborted) return { ok: false, problem: 'aborted' };
  }
}

/** Exponential, with "equal jitter" so that tabs failing together do not retry together. */
function backoff(attempt: number, random: () => number): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

async function attemptOnce(
  url: string,
  init: RequestInit,
  options: HttpOptions,
): Promise<{ readonly ok: true; readonly text: string } | Failure> {
  const { signal } = options;
  if (signal?.aborted) return { ok: false, problem: 'aborted', retry: false };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const forwardAbort = () => controller.abort();
  signal?.addEventListener('abort', forwardAbort, { once: true });
  try {
    // The timer also covers reading the body: a server that trickles it is as stuck as a silent one.
    const response = await options.fetch(url, { ...init, signal: controller.signal });
    if (!response.ok) {
      response.body?.cancel().catch(() => undefined);
      return classify(response, options.now());
    }
    const text = await readLimited(response);
    return text === undefined ? { ok: false, problem: 'malformed', retry: false } : { ok: true, text };
  } catch {
    if (timedOut) return { ok: false, problem: 'timeout', retry: true };
    if (signal?.aborted) return { ok: false, problem: 'aborted', retry: false };
    return { ok: false, problem: 'network', retry: true };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', forwardAbort);
  }
}

function classify(response: Response, now: number): Failure {
  const waitMs = serverWait(response.headers, now);
  const told = waitMs === undefined ? {} : { waitMs };
  // A 403 with no requests left is a rate limit from a gateway, not a bad token.
  const exhausted = response.headers.get('X-RateLimit-Remaining')?.trim() === '0';
  if (response.status === 429 || (response.status === 403 && exhausted)) {
    return { ok: false, problem: 'rate-limited', retry: true, ...told };
  }
  if (response.status === 401 || response.status === 403) return { ok: false, problem: 'unauthorized', retry: false };
  if (response.status === 404) return { ok: false, problem: 'not-found', retry: false };
  // A 503 may say when to come back; other 4xx will not get better by asking again.
  return { ok: false, problem: 'server', retry: response.status >= 500, ...told };
}

/**
 * Retry-After as seconds or an HTTP date; else X-RateLimit-Reset, which APIs write either as seconds
 * to wait or as the Unix time of the reset (CircleCI's form is undocumented): a value too large to
 * be a wait in seconds is read as a time.
 */
export function serverWait(headers: Headers, now: number): number | undefined {
  const retryAfter = headers.get('Retry-After')?.trim();
  if (retryAfter) {
    if (/^[0-9]{1,9}$/.test(retryAfter)) return Number(retryAfter) * 1000;
    // An HTTP date starts with the day's name; Date.parse alone would also read "-1" as a year.
    const at = /^[A-Za-z]{3}, /.test(retryAfter) ? Date.parse(retryAfter) : Number.NaN;
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  const reset = headers.get('X-RateLimit-Reset')?.trim();
  if (reset && /^[0-9]{1,12}$/.test(reset)) {
    const value = Number(reset);
    return value > 1_000_000_000 ? Math.max(0, value * 1000 - now) : value * 1000;
  }
  return undefined;
}

/** The body as text, or undefined when it is larger than MAX_BODY_BYTES (said or found out). */
export async function readLimited(response: Response): Promise<string | undefined> {
  if (Number(response.headers.get('Content-Length')) > MAX_BODY_BYTES) {
    response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let bytes = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > MAX_BODY_BYTES) {
      reader.cancel().catch(() => undefined);
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
}
