// CircleCI's v1.1 API as the API client's unit tests see it: a recording fetch, build details and step
// output of an SSH rerun, and the options the client is called with.

import { vi } from 'vitest';
import type { FetchJobSshOptions } from '../circleci/api';

export const ORIGIN = 'https://circleci.com';
export const TOKEN = 'CCIPAT_secret-token-value';
export const JOB = { vcs: 'gh', org: 'acme', project: 'api', jobNumber: 116 };
export const DETAILS_URL = 'https://circleci.com/api/v1.1/project/github/acme/api/116';
export const OUTPUT_HOST = 'https://circle-production-action-output.s3.amazonaws.com';
export const NOW = Date.parse('2026-03-25T12:00:00Z');
export const PROXY_JOB = '057f0065-7e6d-4912-921b-50917ff046a3';

export interface Call {
  url: string;
  init: RequestInit;
}

export type Answer = (url: string, init: RequestInit, calls: readonly Call[]) => Response | Promise<Response>;

/** A fetch that records every call and answers through `answer`. */
export function fakeFetch(answer: Answer) {
  const calls: Call[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const call = { url: String(input), init };
    calls.push(call);
    return answer(call.url, init, calls);
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

export const json = (body: unknown, status = 200, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

export const outputUrl = (container: number, step: number) =>
  `${OUTPUT_HOST}/116/${container}/${step}/output?X-Amz-Expires=600&X-Amz-Signature=abc`;

export const iso = (ms: number) => new Date(ms).toISOString();

export interface ContainerText {
  enable?: string[];
  wait?: string[];
}

/** v1.1 build details (docs/circleci-page.md#a1-build-details) of an SSH rerun with these outputs per container. */
export function details(containers: ContainerText[], more: Record<string, unknown> = {}) {
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

export const output = (lines: string[]) => [
  { type: 'out', time: iso(NOW), message: `${lines.slice(0, 2).join('\n')}\n` },
  { type: 'out', time: iso(NOW), message: lines.slice(2).join('\n') },
];

/** Answers the build details and each output URL from `containers`. */
export function site(body: unknown, containers: ContainerText[] = []): Answer {
  return (url) => {
    if (url.startsWith(`${ORIGIN}/api/`)) return json(body);
    const match = /\/116\/([0-9]+)\/([0-9]+)\/output\?/.exec(url);
    const container = containers[Number(match?.[1])];
    const lines = match?.[2] === '100' ? container?.enable : container?.wait;
    return lines ? json(output(lines)) : new Response('<Error><Code>AccessDenied</Code></Error>', { status: 403 });
  };
}

export function options(fetch: typeof globalThis.fetch, more: Partial<FetchJobSshOptions> = {}) {
  const sleep = vi.fn(async (_ms: number) => undefined);
  return { apiOrigin: ORIGIN, token: TOKEN, fetch, now: () => NOW, random: () => 0.5, ...more, sleep };
}

export const enable2026 = (command: string) => [
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
export const waitText = (command: string) => [
  'You can now SSH into this box if your SSH public key is added:',
  `    $ ${command}`,
  '',
  'This box will stay up for 2h0m0s, or until 10m0s passes without an active SSH session.',
];

export const THREE: ContainerText[] = [
  { enable: enable2026('ssh -p 64537 18.209.34.18'), wait: waitText('ssh -p 64537 18.209.34.18') },
  { enable: enable2026('ssh -p 64540 3.88.34.152'), wait: waitText('ssh -p 64540 3.88.34.152') },
  { enable: enable2026(`ssh ${PROXY_JOB}-2@ssh.circleci.com`) },
];
