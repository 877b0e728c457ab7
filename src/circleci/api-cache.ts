// A short memory of job SSH results, so that re-renders, several tabs on one job and the popup do not
// each call CircleCI: one request per job at a time, and its success reused for a few seconds while
// the job runs (the box may go away, the Wait for SSH step may start) or longer once it has finished.
// A rate limit is remembered until the time CircleCI named, so no caller asks again before then.

import { type FetchJobSshOptions, fetchJobSsh, type JobRef, type JobSshResult } from './api';

export interface JobSshCache {
  /**
   * The remembered or in-flight result for this job, else a new request. `scope` keeps apart what one
   * caller may see from another's: for the session route, the asking tab, whose cookies are its own
   * (an incognito tab's are not the others').
   */
  get(job: JobRef, options: FetchJobSshOptions, scope?: string): Promise<JobSshResult>;
  /** Forgets everything, e.g. when the user changes the token. */
  clear(): void;
}

export interface CacheTtl {
  readonly runningMs: number;
  readonly finishedMs: number;
}

export const DEFAULT_TTL: CacheTtl = { runningMs: 15_000, finishedMs: 5 * 60_000 };
/** Jobs remembered at once; the oldest go first. */
const MAX_ENTRIES = 64;

interface Entry {
  readonly expiresAt: number;
  readonly result: JobSshResult;
}

export function createJobSshCache({ now, ttlMs = DEFAULT_TTL }: { now: () => number; ttlMs?: CacheTtl }): JobSshCache {
  const done = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<JobSshResult>>();
  // Bumped by clear(), so a request that was in flight then is not remembered afterwards.
  let generation = 0;

  const remember = (key: string, result: JobSshResult) => {
    const ttl = rememberFor(result, ttlMs);
    if (ttl <= 0) return;
    done.delete(key);
    done.set(key, { expiresAt: now() + ttl, result });
    for (const oldest of done.keys()) {
      if (done.size <= MAX_ENTRIES) break;
      done.delete(oldest);
    }
  };

  return {
    get(job, options, scope) {
      const key = cacheKey(job, options, scope);
      const entry = done.get(key);
      if (entry && entry.expiresAt > now()) return Promise.resolve(entry.result);
      done.delete(key);

      let shared = inFlight.get(key);
      if (!shared) {
        // Shared by every caller, so it runs without any one caller's signal: each caller's own abort
        // only stops its own wait (below).
        const { signal: _callerSignal, ...unsignalled } = options;
        const started = generation;
        const request = fetchJobSsh(job, unsignalled).then((result) => {
          if (started !== generation) return result;
          inFlight.delete(key);
          remember(key, result);
          return result;
        });
        inFlight.set(key, request);
        shared = request;
      }
      return options.signal ? untilAborted(shared, options.signal) : shared;
    },
    clear() {
      generation++;
      done.clear();
      inFlight.clear();
    },
  };
}

// The token (or the session's scope) is part of the key: what one may see says nothing about another.
function cacheKey(job: JobRef, { apiOrigin, token }: FetchJobSshOptions, scope: string | undefined): string {
  return JSON.stringify([apiOrigin, token, scope, job.vcs, job.org, job.project, job.jobNumber]);
}

function rememberFor(result: JobSshResult, ttl: CacheTtl): number {
  if (!result.ok) return result.problem === 'rate-limited' ? (result.retryAfterMs ?? 0) : 0;
  const finished = result.job.stopTime !== undefined || result.job.lifecycle === 'finished';
  return finished ? ttl.finishedMs : ttl.runningMs;
}

function untilAborted(shared: Promise<JobSshResult>, signal: AbortSignal): Promise<JobSshResult> {
  const aborted: JobSshResult = { ok: false, problem: 'aborted' };
  if (signal.aborted) return Promise.resolve(aborted);
  return new Promise((resolve) => {
    const onAbort = () => resolve(aborted);
    signal.addEventListener('abort', onAbort, { once: true });
    void shared.then((result) => {
      signal.removeEventListener('abort', onAbort);
      resolve(result);
    });
  });
}
