// One job's SSH details from CircleCI's v1.1 API, for the background worker
// (docs/circleci-page.md#api-v11). The API has no host or port for 2.0+ jobs, so each container's
// built-in `Enable SSH` step output is read and parsed by the same strict parser as the page: with a
// token, from its presigned `output_url`; through the page's session, from the API host's own
// raw-output endpoint (docs/circleci-page.md#a7-session-route), so that a session is never sent
// anywhere but the API. Nothing in either answer is trusted: the build details are validated field by
// field, and the output (a build's config can print anything) yields only what parseSshOutput accepts.

import { isRecord, optional } from '../shared/records';
import { buildDetailsUrl } from './api-address';
import { getText, type HttpProblem } from './api-http';
import { httpOptions, parseJson, withCredentials } from './api-request';
import { builtInStep, ENABLE_SSH, readBuildDetails, text, WAIT_FOR_SSH } from './build-details';
import { type JobPage, MAX_CONTAINERS } from './page-detect';
import type { SshStepOutput } from './ssh-output';
import { type OutputReader, presignedOutput, readContainer, sessionOutput } from './step-output';
import type { SshStepName } from './step-trust';

export type JobRef = Pick<JobPage, 'vcs' | 'org' | 'project' | 'jobNumber'>;

export type ApiProblem = HttpProblem;

/**
 * Why a container has no output: the step has not printed (yet), its output could not be fetched
 * (presigned URLs expire in minutes), the output was not the documented JSON, or it opens with a
 * `#!` shell line, so a config `run` step printed it, not CircleCI (docs/circleci-page.md#t6-run-step-shell-line).
 */
export type ContainerProblem = 'no-output' | 'unavailable' | 'malformed' | 'config-step';

export interface ContainerSsh {
  readonly container: number;
  /** The step the output (or the problem) comes from. */
  readonly step: SshStepName;
  /** v1.1 `action.step`; the page names the step `/steps/<container>-<stepId>`. */
  readonly stepId?: number;
  /** That step's v1.1 action status: `running`, `success`, `failed`, … */
  readonly status: string;
  readonly output?: SshStepOutput;
  /** This container's `Wait for SSH` start and end (epoch ms): its own idle clock (ssh-window.ts). */
  readonly waitStartedAt?: number;
  readonly waitEndedAt?: number;
  readonly problem?: ContainerProblem;
}

export interface JobSsh {
  readonly parallel: number;
  readonly status: string;
  readonly lifecycle?: string;
  /** `ssh` for a rerun with SSH (docs/circleci-page.md#a4-ssh-rerun-marker). */
  readonly why?: string;
  readonly startTime?: number;
  readonly stopTime?: number;
  /** Logins whose keys CircleCI installed. */
  readonly sshUsers: readonly string[];
  /** Who the build ran for (v1.1 `user.login`); for an SSH rerun, who started it. */
  readonly user?: string;
  /** A built-in Enable SSH or Wait for SSH step exists: the job was rerun with SSH. */
  readonly hasSshStep: boolean;
  readonly containers: readonly ContainerSsh[];
}

export type JobSshResult =
  | { readonly ok: true; readonly job: JobSsh }
  | { readonly ok: false; readonly problem: ApiProblem; readonly retryAfterMs?: number };

export interface FetchJobSshOptions {
  /** From apiOrigin(): `https://circleci.com` or a server's. */
  readonly apiOrigin: string;
  /**
   * A personal API token; sent to apiOrigin only, never to the output host. Absent: the session route,
   * where `fetch` is the job page's own (its origin and cookies) and asks apiOrigin alone.
   */
  readonly token?: string;
  readonly fetch: typeof fetch;
  readonly sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  readonly now?: () => number;
  /** In [0, 1), for the retry jitter. */
  readonly random?: () => number;
  /** Per request (each attempt), default 10 s. */
  readonly timeoutMs?: number;
  /** Retries after the first attempt, default 2. */
  readonly retries?: number;
  /** The installation's SSH proxy hosts, as for the page (servers.ts proxyHostsFor). */
  readonly proxyHosts?: readonly string[];
  readonly signal?: AbortSignal;
}

/** Output fetches in flight at once, so a wide job does not open dozens of connections. */
const OUTPUT_CONCURRENCY = 6;

export async function fetchJobSsh(job: JobRef, options: FetchJobSshOptions): Promise<JobSshResult> {
  const url = buildDetailsUrl(options.apiOrigin, job);
  if (url === undefined) return { ok: false, problem: 'not-found' };
  const http = httpOptions(options);
  const answer = await getText(url, withCredentials(options.token), http);
  if (!answer.ok) return answer;
  const details = readBuildDetails(parseJson(answer.text));
  if (details === undefined) return { ok: false, problem: 'malformed' };

  const enable = builtInStep(details.steps, ENABLE_SSH);
  const wait = builtInStep(details.steps, WAIT_FOR_SSH);
  const indexes = [...new Set([...(enable?.actions ?? []), ...(wait?.actions ?? [])].map((a) => a.index))]
    .sort((a, b) => a - b)
    .slice(0, MAX_CONTAINERS);
  const output: OutputReader =
    options.token === undefined ? sessionOutput(options.apiOrigin, job, http) : presignedOutput(http);
  const containers = await mapLimited(indexes, OUTPUT_CONCURRENCY, (index) =>
    readContainer(
      index,
      enable?.actions.find((a) => a.index === index),
      wait?.actions.find((a) => a.index === index),
      output,
      options.proxyHosts,
    ),
  );
  if (options.signal?.aborted) return { ok: false, problem: 'aborted' };

  return {
    ok: true,
    job: {
      parallel: details.parallel ?? Math.max(1, indexes.length),
      status: details.status ?? 'unknown',
      ...optional('lifecycle', details.lifecycle),
      ...optional('why', details.why),
      ...optional('startTime', details.startTime),
      ...optional('stopTime', details.stopTime),
      sshUsers: details.sshUsers,
      ...optional('user', details.user),
      hasSshStep: enable !== undefined || wait !== undefined,
      containers,
    },
  };
}

/**
 * Whose token this is (v1.1 `/me`): an SSH rerun started by someone else takes only their keys. One
 * attempt, no retries: without it the panel still has the job, only not this hint.
 */
export async function fetchViewer(
  origin: string,
  token: string,
  options: Pick<FetchJobSshOptions, 'fetch' | 'timeoutMs' | 'signal'>,
): Promise<string | undefined> {
  const answer = await getText(
    `${origin}/api/v1.1/me`,
    withCredentials(token),
    httpOptions({ ...options, retries: 0 }),
  );
  if (!answer.ok) return undefined;
  const body = parseJson(answer.text);
  return isRecord(body) ? text(body.login) : undefined;
}

async function mapLimited<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await run(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
