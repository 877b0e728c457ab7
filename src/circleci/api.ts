// One job's SSH details from CircleCI's v1.1 API, for the background worker
// (docs/circleci-page.md#api-v11). The API has no host or port for 2.0+ jobs, so each container's
// built-in `Enable SSH` step output is read and parsed by the same strict parser as the page: with a
// token, from its presigned `output_url`; through the page's session, from the API host's own
// raw-output endpoint (docs/circleci-page.md#a7-session-route), so that a session is never sent
// anywhere but the API. Nothing in either answer is trusted: the build details are validated field by
// field, and the output (a build's config can print anything) yields only what parseSshOutput accepts.

import { isRecord, optional } from '../shared/records';
import { getText, type HttpOptions, type HttpProblem } from './api-http';
import { type JobPage, MAX_CONTAINERS } from './page-detect';
import { parseSshOutput, type SshStepOutput, splitOutputLines } from './ssh-output';
import { isDnsName } from './ssh-target';
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

const ENABLE_SSH: SshStepName = 'Enable SSH';
const WAIT_FOR_SSH: SshStepName = 'Wait for SSH';

const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_RETRIES = 2;
/** Output fetches in flight at once, so a wide job does not open dozens of connections. */
const OUTPUT_CONCURRENCY = 6;

/**
 * The API origin for a CircleCI web host: the cloud app (and the legacy UI on circleci.com) use
 * `https://circleci.com`; a server install serves its UI at `app.<domain>` and its API at
 * `<domain>` (docs/circleci-page.md#a6-api-host). Undefined for anything else.
 */
export function apiOrigin(appHost: string): string | undefined {
  const host = appHost.toLowerCase();
  if (host === 'circleci.com') return 'https://circleci.com';
  const domain = host.startsWith('app.') ? host.slice('app.'.length) : '';
  // A bare top-level name is never an installation; it would only be a typo's way out.
  return domain.includes('.') && isDnsName(domain) ? `https://${domain}` : undefined;
}

// v1.1 names VCS in full. `circleci` (GitHub App and GitLab projects, `circleci/<org-id>/<project-id>`)
// is passed as is: v2 takes that slug, but whether v1.1 does is unverified
// (docs/circleci-page.md#a1-build-details).
const V11_VCS = new Map([
  ['github', 'github'],
  ['gh', 'github'],
  ['bitbucket', 'bitbucket'],
  ['bb', 'bitbucket'],
  ['circleci', 'circleci'],
]);

/** `GET /api/v1.1/project/{vcs}/{org}/{project}/{n}`, or undefined for a job no URL can name. */
export function buildDetailsUrl(origin: string, job: JobRef): string | undefined {
  const vcs = V11_VCS.get(job.vcs);
  if (vcs === undefined || !Number.isSafeInteger(job.jobNumber) || job.jobNumber < 1) return undefined;
  if (job.org === '' || job.project === '') return undefined;
  const path = [vcs, job.org, job.project, String(job.jobNumber)].map(encodeURIComponent).join('/');
  return `${origin}/api/v1.1/project/${path}`;
}

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

/** A GET to the API: the token in its header and no cookies, or (no token) the page's session cookies. */
function withCredentials(token: string | undefined): RequestInit {
  return {
    headers:
      token === undefined ? { Accept: 'application/json' } : { 'Circle-Token': token, Accept: 'application/json' },
    credentials: token === undefined ? 'include' : 'omit',
    // Browsers keep custom headers (and cookies for the new host) across a redirect: following one
    // could hand the token or the session to another host.
    redirect: 'error',
  };
}

function httpOptions(
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

// ---- Build details ------------------------------------------------------------------------------

interface Action {
  readonly index: number;
  readonly stepId?: number;
  readonly status: string;
  readonly outputUrl?: string;
  readonly hasOutput: boolean;
  /**
   * `bash_command` is set: a config `run` step. CircleCI's own steps have none
   * (docs/circleci-page.md#a2-built-in-or-config-step).
   */
  readonly fromConfig: boolean;
  readonly startTime?: number;
  readonly endTime?: number;
}

interface Step {
  readonly name: string;
  readonly actions: readonly Action[];
}

interface BuildDetails {
  readonly steps: readonly Step[];
  readonly parallel?: number;
  readonly status?: string;
  readonly lifecycle?: string;
  readonly why?: string;
  readonly startTime?: number;
  readonly stopTime?: number;
  readonly sshUsers: string[];
  readonly user?: string;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Undefined unless the body is an object with `steps[]`; any other field that is missing or mistyped is left out. */
export function readBuildDetails(body: unknown): BuildDetails | undefined {
  if (!isRecord(body) || !Array.isArray(body.steps)) return undefined;
  const user = isRecord(body.user) ? text(body.user.login) : undefined;
  const sshUsers = Array.isArray(body.ssh_users)
    ? body.ssh_users.flatMap((entry) => {
        const login = isRecord(entry) ? text(entry.login) : undefined;
        return login === undefined ? [] : [login];
      })
    : [];
  const parallel = count(body.parallel);
  return {
    steps: body.steps.flatMap((step) => {
      const read = readStep(step);
      return read ? [read] : [];
    }),
    ...optional('parallel', parallel === undefined || parallel < 1 ? undefined : parallel),
    ...optional('status', text(body.status)),
    ...optional('lifecycle', text(body.lifecycle)),
    ...optional('why', text(body.why)),
    ...optional('startTime', time(body.start_time)),
    ...optional('stopTime', time(body.stop_time)),
    sshUsers,
    ...optional('user', user),
  };
}

function readStep(value: unknown): Step | undefined {
  if (!isRecord(value) || typeof value.name !== 'string') return undefined;
  const actions = Array.isArray(value.actions) ? value.actions : [];
  return {
    name: value.name,
    actions: actions.flatMap((action) => {
      const read = readAction(action);
      return read ? [read] : [];
    }),
  };
}

function readAction(value: unknown): Action | undefined {
  if (!isRecord(value)) return undefined;
  const index = count(value.index);
  if (index === undefined) return undefined;
  return {
    index,
    ...optional('stepId', count(value.step)),
    status: text(value.status) ?? 'unknown',
    ...optional('outputUrl', text(value.output_url)),
    hasOutput: value.has_output === true,
    fromConfig: typeof value.bash_command === 'string' && value.bash_command !== '',
    ...optional('startTime', time(value.start_time)),
    ...optional('endTime', time(value.end_time)),
  };
}

/**
 * The one step with exactly this name whose actions are all CircleCI's own, in CircleCI's place:
 * Enable SSH before every config step, Wait for SSH after them all. A config step may take the same
 * name and is never read; when two could be the real one, or the one left is out of place, neither
 * is (docs/security.md#s2-trusted-ssh-steps).
 */
function builtInStep(steps: readonly Step[], name: SshStepName): Step | undefined {
  const fromConfig = (step: Step) => step.actions.some((action) => action.fromConfig);
  const named = steps.filter((step) => step.name === name && !fromConfig(step));
  const [step] = named;
  if (step === undefined || named.length > 1) return undefined;
  const position = steps.indexOf(step);
  const inPlace = steps.every(
    (other, at) => !fromConfig(other) || (name === ENABLE_SSH ? at > position : at < position),
  );
  return inPlace ? step : undefined;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const count = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? value : undefined;

// v1.1 writes times as ISO 8601 in UTC (`2017-06-20T18:15:42.036Z`); Date.parse alone accepts far more.
const ISO_TIME = /^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{1,9})?(?:Z|[+-][0-9]{2}:[0-9]{2})$/;
function time(value: unknown): number | undefined {
  if (typeof value !== 'string' || !ISO_TIME.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

/** `{ key: value }`, or nothing when value is undefined (exactOptionalPropertyTypes). */

// ---- Step output --------------------------------------------------------------------------------

type StepRead = { readonly output: SshStepOutput } | { readonly problem: ContainerProblem };

/** One action's output as text, or why there is none. */
type OutputReader = (action: Action) => Promise<{ readonly text: string } | { readonly problem: ContainerProblem }>;

/**
 * Enable SSH first; Wait for SSH repeats the instructions at the end of the job
 * (docs/circleci-page.md#t8-wait-for-ssh), so it stands in when Enable SSH has no command to give (no output,
 * expired URL, still setting up).
 */
async function readContainer(
  container: number,
  enable: Action | undefined,
  wait: Action | undefined,
  output: OutputReader,
  proxyHosts: readonly string[] | undefined,
): Promise<ContainerSsh> {
  const reads: { action: Action; step: SshStepName; read: StepRead }[] = [];
  for (const [action, step] of [
    [enable, ENABLE_SSH],
    [wait, WAIT_FOR_SSH],
  ] as const) {
    if (action === undefined) continue;
    const read = await readStepOutput(action, output, proxyHosts);
    reads.push({ action, step, read });
    if (isUsable(read)) break;
  }
  // Without a command anywhere, the step that printed something (e.g. "Setting up SSH...") says most.
  const { action, step, read } = (reads.find((r) => isUsable(r.read)) ??
    reads.find((r) => 'output' in r.read) ??
    reads[0]) as (typeof reads)[number];
  return {
    container,
    step,
    ...optional('stepId', action.stepId),
    status: action.status,
    ...read,
    ...optional('waitStartedAt', wait?.startTime),
    ...optional('waitEndedAt', wait?.endTime),
  };
}

function isUsable(read: StepRead): boolean {
  return 'output' in read && (read.output.commands.length > 0 || read.output.failed);
}

async function readStepOutput(
  action: Action,
  output: OutputReader,
  proxyHosts: readonly string[] | undefined,
): Promise<StepRead> {
  if (!action.hasOutput) return { problem: 'no-output' };
  const read = await output(action);
  if ('problem' in read) return read;
  if (read.text.trim() === '') return { problem: 'no-output' };
  const parsed = parseSshOutput(splitOutputLines(read.text), proxyHosts);
  return parsed.isConfigRunStep ? { problem: 'config-step' } : { output: parsed };
}

/** With a token: the presigned `output_url`, `[{ type, time, message }]` (docs/circleci-page.md#a3-step-output-url). */
function presignedOutput(http: HttpOptions): OutputReader {
  return async (action) => {
    if (action.outputUrl === undefined) return { problem: 'no-output' };
    if (!isHttps(action.outputUrl)) return { problem: 'unavailable' };
    // Presigned: it needs no credentials, and the token must never leave for another host.
    const answer = await getText(
      action.outputUrl,
      { headers: { Accept: 'application/json' }, credentials: 'omit', referrerPolicy: 'no-referrer' },
      http,
    );
    if (!answer.ok) return { problem: answer.problem === 'malformed' ? 'malformed' : 'unavailable' };
    // Each message carries its own line breaks.
    const messages = parseJson(answer.text);
    if (!Array.isArray(messages)) return { problem: 'malformed' };
    return { text: messages.map((entry) => (isRecord(entry) ? (text(entry.message) ?? '') : '')).join('') };
  };
}

/**
 * Through the page's session: the API host's raw output of one action, addressed by its container and
 * step id (docs/circleci-page.md#a7-session-route). `output_url` is never asked: it is another host,
 * and the session goes to the API alone.
 */
function sessionOutput(origin: string, job: JobRef, http: HttpOptions): OutputReader {
  const base = rawOutputBase(origin, job);
  return async (action) => {
    if (base === undefined || action.stepId === undefined) return { problem: 'no-output' };
    const answer = await getText(`${base}/${action.index}/${action.stepId}`, withCredentials(undefined), http);
    if (!answer.ok) return { problem: answer.problem === 'malformed' ? 'malformed' : 'unavailable' };
    return { text: answer.text };
  };
}

/** `{origin}/api/private/output/raw/{vcs}/{org}/{project}/{n}/output`, to which `/{index}/{step}` is added. */
export function rawOutputBase(origin: string, job: JobRef): string | undefined {
  const details = buildDetailsUrl(origin, job);
  return details?.replace('/api/v1.1/project/', '/api/private/output/raw/').concat('/output');
}

function isHttps(url: string): boolean {
  try {
    return new URL(url).protocol === 'https:';
  } catch {
    return false;
  }
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
