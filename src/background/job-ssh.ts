// What the job SSH panel knows about a job's containers, kept by the background worker:
// - the SSH step lines each container's page showed this browser session (storage.session, so the
//   panel can list runs the user visited before, and nothing outlives the browser);
// - with an API token, CircleCI's own answer for every container at once (api.ts, cached).
// Pages only ever learn about the job they are on: the job comes from the sender's URL, not the message.

import { fetchViewer } from '../circleci/api';
import { apiOrigin } from '../circleci/api-address';
import type { JobSshCache } from '../circleci/api-cache';
import { type JobPage, MAX_CONTAINERS, parseJobPage } from '../circleci/page-detect';
import type { SshStepName } from '../circleci/step-trust';
import { isStepLines } from '../shared/messages';
import { isRecord } from '../shared/records';
import type { ApiReport, JobSshReport, RememberedContainer } from '../shared/reports';

export interface JobSshDeps {
  readonly getSession: (key: string) => Promise<unknown>;
  readonly setSession: (key: string, value: unknown) => Promise<void>;
  /** The saved token, if any (api-token.ts). */
  readonly getToken: () => Promise<string | undefined>;
  readonly cache: JobSshCache;
  readonly fetch: typeof fetch;
  readonly now: () => number;
  /** Whose token it is (api.ts fetchViewer); asked once per token. */
  readonly getViewer?: (origin: string, token: string) => Promise<string | undefined>;
}

/** One job, whichever of its runs a page shows: host/ui/vcs/org/project/number. */
export const jobId = (host: string, page: JobPage) =>
  [host, page.ui, page.vcs, page.org, page.project, page.jobNumber].join('/');

const jobKey = (host: string, page: JobPage) => `job-ssh:${jobId(host, page)}`;

export function createJobSsh(deps: JobSshDeps) {
  const viewers = new Map<string, Promise<string | undefined>>();
  const viewerOf = (origin: string, token: string) => {
    if (!viewers.has(token)) {
      const ask = deps.getViewer ?? ((o: string, t: string) => fetchViewer(o, t, { fetch: deps.fetch }));
      viewers.clear(); // one token at a time: a new one replaces the old
      viewers.set(token, ask(origin, token));
    }
    return viewers.get(token) as Promise<string | undefined>;
  };

  const read = async (key: string): Promise<RememberedContainer[]> => {
    const stored = await deps.getSession(key);
    return Array.isArray(stored) ? stored.filter(isRemembered) : [];
  };

  return {
    /** Keeps a container's trusted SSH step lines, as the content script read them from the page. */
    async remember(pageUrl: string, appHosts: readonly string[], step: RememberStep): Promise<boolean> {
      const page = parseJobPage(pageUrl, appHosts);
      if (!page) return false;
      const key = jobKey(new URL(pageUrl).hostname, page);
      const containers = await read(key);
      const previous = containers.find((each) => each.container === step.container);
      const field = step.step === 'Enable SSH' ? 'enable' : 'wait';
      const updated: RememberedContainer = {
        ...previous,
        container: step.container,
        [field]: step.lines,
        ...(field === 'wait'
          ? { waitStartedAt: earliestStart(previous?.waitStartedAt, step.startedAt, deps.now()) }
          : {}),
      };
      const others = containers.filter((each) => each.container !== step.container);
      await deps.setSession(key, [...others, updated].slice(-MAX_CONTAINERS));
      return true;
    },

    async report(pageUrl: string, appHosts: readonly string[]): Promise<JobSshReport | undefined> {
      const page = parseJobPage(pageUrl, appHosts);
      if (!page) return undefined;
      const host = new URL(pageUrl).hostname;
      const remembered = await read(jobKey(host, page));
      return { remembered, api: await askApi(page, host) };
    },
  };

  async function askApi(page: JobPage, host: string): Promise<ApiReport> {
    const token = await deps.getToken();
    // The token is for CircleCI's cloud API only: it is never sent to another installation.
    const origin = apiOrigin(host);
    if (token === undefined || origin !== 'https://circleci.com') return { state: 'no-token' };
    const [result, viewer] = await Promise.all([
      deps.cache.get(page, { apiOrigin: origin, token, fetch: deps.fetch, now: deps.now }),
      viewerOf(origin, token),
    ]);
    if (result.ok) return { state: 'ok', job: result.job, ...(viewer === undefined ? {} : { viewer }) };
    return {
      state: 'error',
      problem: result.problem,
      ...(result.retryAfterMs === undefined ? {} : { retryAfterMs: result.retryAfterMs }),
    };
  }
}

export interface RememberStep {
  readonly container: number;
  readonly step: SshStepName;
  readonly lines: readonly string[];
  readonly startedAt?: number;
}

/** The box's clock: the earliest start any visit saw, never later than now (a page cannot move it on). */
function earliestStart(previous: number | undefined, shown: number | undefined, now: number): number {
  return Math.min(previous ?? now, shown ?? now, now);
}

function isRemembered(value: unknown): value is RememberedContainer {
  return (
    isRecord(value) &&
    Number.isSafeInteger(value.container) &&
    (value.enable === undefined || isStepLines(value.enable)) &&
    (value.wait === undefined || isStepLines(value.wait)) &&
    (value.waitStartedAt === undefined || typeof value.waitStartedAt === 'number')
  );
}
