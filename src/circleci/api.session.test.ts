// The session route of fetchJobSsh (no token): the page's cookies go to the API host alone, step output
// comes from the API's raw-output endpoint, and the API's own word on which steps are CircleCI's counts.

import { describe, expect, it } from 'vitest';
import { fetchJobSsh } from './api';
import { rawOutputBase } from './api-address';

const ORIGIN = 'https://circleci.com';
const JOB = { vcs: 'gh', org: 'acme', project: 'api', jobNumber: 116 };
const RAW = 'https://circleci.com/api/private/output/raw/github/acme/api/116/output';

interface StepSpec {
  readonly name: string;
  readonly id: number;
  readonly command?: string;
}

const ENABLE: StepSpec = { name: 'Enable SSH', id: 100 };
const RUN: StepSpec = { name: 'Run tests', id: 101, command: 'npm test' };
const WAIT: StepSpec = { name: 'Wait for SSH', id: 104 };

function details(parallel: number, steps: readonly StepSpec[]) {
  return {
    parallel,
    why: 'ssh',
    lifecycle: 'running',
    steps: steps.map(({ name, id, command }) => ({
      name,
      actions: Array.from({ length: parallel }, (_, index) => ({
        index,
        step: id,
        status: 'success',
        bash_command: command ?? null,
        has_output: true,
        output_url: `https://circle-production-action-output.s3.amazonaws.com/116/${index}/${id}/output?X-Amz-Signature=s`,
      })),
    })),
  };
}

/** The details, and for each raw-output request `ssh -p 6400<container> 3.92.41.<step id>`, with ANSI colour. */
function session(body: unknown) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = (async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    calls.push({ url, init });
    if (url.startsWith(`${ORIGIN}/api/v1.1/`)) return Response.json(body);
    const match = /\/output\/([0-9]+)\/([0-9]+)$/.exec(url);
    if (!url.startsWith(RAW) || !match) return new Response('', { status: 404 });
    const text = `You can now SSH into this box:\r\n    \x1b[1m$ ssh -p 6400${match[1]} 3.92.41.${match[2]}\x1b[0m\r\n`;
    return new Response(text, { headers: { 'Content-Type': 'application/octet-stream' } });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const targets = (result: Awaited<ReturnType<typeof fetchJobSsh>>) =>
  result.ok ? result.job.containers.map((c) => c.output?.commands.map((line) => line.target)) : result;

describe('fetchJobSsh through the page session', () => {
  it('sends cookies, no token, to the API host only, and reads each container from its raw output', async () => {
    const { fetch, calls } = session(details(3, [ENABLE, RUN, WAIT]));
    const result = await fetchJobSsh(JOB, { apiOrigin: ORIGIN, fetch, sleep: async () => {} });

    expect(targets(result)).toEqual([0, 1, 2].map((n) => [{ host: '3.92.41.100', port: 64000 + n, tty: false }]));
    for (const { url, init } of calls) {
      expect(new URL(url).origin).toBe(ORIGIN);
      expect(init.credentials).toBe('include');
      expect(init.redirect).toBe('error');
      expect(JSON.stringify(init.headers)).not.toContain('Circle-Token');
    }
    expect(calls.map((call) => call.url).slice(1)).toEqual([`${RAW}/0/100`, `${RAW}/1/100`, `${RAW}/2/100`]);
  });

  it('builds the raw-output address from the job, encoded', () => {
    expect(rawOutputBase(ORIGIN, { ...JOB, org: 'a b' })).toBe(
      'https://circleci.com/api/private/output/raw/github/a%20b/api/116/output',
    );
    expect(rawOutputBase(ORIGIN, { ...JOB, vcs: 'svn' })).toBeUndefined();
  });
});

describe('which steps the API says are CircleCI’s own', () => {
  it.each([
    ['Enable SSH after a config step', [RUN, ENABLE, WAIT], ['Wait for SSH']],
    ['Wait for SSH before a config step', [ENABLE, WAIT, RUN], ['Enable SSH']],
    ['two built-in steps named Enable SSH', [ENABLE, { ...ENABLE, id: 102 }, RUN, WAIT], ['Wait for SSH']],
    ['a config step named Enable SSH', [{ ...ENABLE, command: 'echo' }, RUN, WAIT], ['Wait for SSH']],
  ])('%s: only the step in its place is read', async (_case, steps, read) => {
    const { fetch } = session(details(1, steps));
    const result = await fetchJobSsh(JOB, { apiOrigin: ORIGIN, fetch, sleep: async () => {} });
    expect(result.ok && result.job.containers.map((container) => container.step)).toEqual(read);
  });

  it('reads nothing when no SSH step is in its place', async () => {
    const { fetch, calls } = session(details(1, [RUN, ENABLE, WAIT, RUN]));
    const result = await fetchJobSsh(JOB, { apiOrigin: ORIGIN, fetch, sleep: async () => {} });
    expect(result).toMatchObject({ ok: true, job: { hasSshStep: false, containers: [] } });
    expect(calls).toHaveLength(1);
  });
});
