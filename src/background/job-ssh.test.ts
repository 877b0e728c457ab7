import { describe, expect, it, vi } from 'vitest';
import type { JobSshCache } from '../circleci/api-cache';
import { createJobSsh } from './job-ssh';

const JOB = 'https://app.circleci.com/pipelines/github/acme/api/1/workflows/w/jobs/116/parallel-runs/2';
const SERVER_JOB = 'https://app.ci.example.com/pipelines/github/acme/api/1/workflows/w/jobs/116';
const HOSTS = ['app.circleci.com', 'app.ci.example.com'];
const OK = {
  ok: true as const,
  job: { parallel: 8, status: 'running', sshUsers: [], hasSshStep: true, containers: [] },
};

function setUp(withToken = true) {
  const token = withToken ? 'tok_0123456789abcdef0123' : undefined;
  const session = new Map<string, unknown>();
  let clock = 1000;
  const cache: JobSshCache = { get: vi.fn(async () => OK), clear: () => undefined };
  const viewer = vi.fn(async () => 'ada');
  const jobSsh = createJobSsh({
    getSession: async (key) => session.get(key),
    setSession: async (key, value) => void session.set(key, value),
    getToken: async () => token,
    cache,
    fetch: vi.fn(),
    now: () => clock++,
    getViewer: viewer,
  });
  return { jobSsh, cache, session, viewer };
}

describe('job SSH memory', () => {
  it("keeps each container's steps per job, and the time its Wait for SSH was first seen", async () => {
    const { jobSsh } = setUp(false);
    await jobSsh.remember(JOB, HOSTS, { container: 2, step: 'Enable SSH', lines: ['a'] });
    await jobSsh.remember(JOB, HOSTS, { container: 2, step: 'Wait for SSH', lines: ['b'] });
    await jobSsh.remember(JOB, HOSTS, { container: 2, step: 'Wait for SSH', lines: ['b', 'c'] });
    expect(await jobSsh.report(JOB, HOSTS)).toEqual({
      remembered: [{ container: 2, enable: ['a'], wait: ['b', 'c'], waitStartedAt: 1000 }],
      api: { state: 'no-token' },
    });
    expect((await jobSsh.report(JOB.replace('/jobs/116', '/jobs/117'), HOSTS))?.remembered).toEqual([]);
  });

  it('answers nothing for a page that is not a job page', async () => {
    const { jobSsh } = setUp();
    expect(await jobSsh.remember('https://evil.example/', HOSTS, { container: 0, step: 'Enable SSH', lines: [] })).toBe(
      false,
    );
    expect(await jobSsh.report('https://evil.example/', HOSTS)).toBeUndefined();
  });

  it("asks CircleCI's cloud API with the token, and never another installation's", async () => {
    const { jobSsh, cache, viewer } = setUp();
    expect((await jobSsh.report(JOB, HOSTS))?.api).toEqual({ state: 'ok', job: OK.job, viewer: 'ada' });
    await jobSsh.report(JOB, HOSTS);
    expect(viewer).toHaveBeenCalledTimes(1); // once per token
    expect(cache.get).toHaveBeenCalledWith(
      expect.objectContaining({ vcs: 'github', org: 'acme', project: 'api', jobNumber: 116 }),
      expect.objectContaining({ apiOrigin: 'https://circleci.com', token: 'tok_0123456789abcdef0123' }),
    );
    expect((await jobSsh.report(SERVER_JOB, HOSTS))?.api).toEqual({ state: 'no-token' });
    expect(cache.get).toHaveBeenCalledTimes(2);
  });

  it('passes on what went wrong with the API', async () => {
    const { jobSsh, cache } = setUp();
    vi.mocked(cache.get).mockResolvedValueOnce({ ok: false, problem: 'rate-limited', retryAfterMs: 60_000 });
    expect((await jobSsh.report(JOB, HOSTS))?.api).toEqual({
      state: 'error',
      problem: 'rate-limited',
      retryAfterMs: 60_000,
    });
  });

  it('ignores remembered entries that are not what it wrote', async () => {
    const { jobSsh, session } = setUp(false);
    await jobSsh.remember(JOB, HOSTS, { container: 0, step: 'Enable SSH', lines: ['x'] });
    const [key] = session.keys();
    session.set(key as string, [{ container: 'one' }, { container: 1, enable: [42] }, { container: 0, enable: ['x'] }]);
    expect((await jobSsh.report(JOB, HOSTS))?.remembered).toEqual([{ container: 0, enable: ['x'] }]);
  });
});
