// The client against the e2e fake API's bodies (e2e/site/fake-api.js), so that the fake the Playwright
// tests use and the client agree on the shapes, and both with the fake pages' expected commands.

import { describe, expect, it } from 'vitest';
import { buildDetails, stepOutput } from '../../e2e/site/fake-api.js';
import { jobs } from '../../e2e/site/jobs.js';
import { fetchJobSsh } from './api';

const NOW = Date.parse('2026-03-25T12:00:00Z');

/** The fake's answers without a browser: build details, and each output URL's messages. */
function fakeFetch(hostile = false): typeof fetch {
  return (async (input: RequestInfo | URL) => {
    const url = new URL(String(input));
    const build = /\/project\/github\/acme\/api\/([0-9]+)$/.exec(url.pathname);
    if (build) return Response.json(buildDetails(Number(build[1]), NOW));
    const [, job, container, step] = /^\/fake-output\/([0-9]+)\/([0-9]+)\/([0-9]+)\/output$/.exec(url.pathname) ?? [];
    return Response.json(stepOutput(Number(job), Number(container), Number(step), hostile, NOW) ?? []);
  }) as typeof fetch;
}

const job = (jobNumber: number) => ({ vcs: 'github', org: 'acme', project: 'api', jobNumber });
const options = (hostile?: boolean) => ({ apiOrigin: 'https://circleci.com', token: 't', fetch: fakeFetch(hostile) });

describe('fetchJobSsh on the fake API', () => {
  it.each([101, 102, 104, 107, 110, 116])(
    'job %i: every container gives the Enable SSH command the page expects',
    async (n) => {
      const result = await fetchJobSsh(job(n), options());
      if (!result.ok) throw new Error(result.problem);
      const expected = jobs[n]?.expected.filter((entry) => entry.step === 'Enable SSH') ?? [];
      expect(result.job.containers.map((c) => c.output?.commands.map(({ target }) => target))).toEqual(
        expected.map(({ commands }) => commands.map((command) => ({ tty: false, ...command }))),
      );
      expect(result.job).toMatchObject({ hasSshStep: true, why: 'ssh', status: 'running', sshUsers: ['octocat'] });
    },
  );

  it('job 116: eight containers, each waiting since its Wait for SSH step started', async () => {
    const result = await fetchJobSsh(job(116), options());
    if (!result.ok) throw new Error(result.problem);
    expect(result.job.parallel).toBe(8);
    expect(result.job.containers).toHaveLength(8);
    for (const container of result.job.containers) {
      expect(container.waitStartedAt).toBe(NOW - (3 * 60 + 12) * 1000);
      expect(container.waitEndedAt).toBeUndefined();
    }
  });

  it('a job without SSH has no SSH step, and its config step named Enable SSH is not read (108)', async () => {
    for (const n of [106, 108, 999]) {
      const result = await fetchJobSsh(job(n), options());
      expect(result).toMatchObject({ ok: true, job: { hasSshStep: false, containers: [], status: 'success' } });
    }
  });

  it('hostile output gives no command', async () => {
    const result = await fetchJobSsh(job(116), options(true));
    if (!result.ok) throw new Error(result.problem);
    for (const container of result.job.containers) {
      expect(container.output?.commands).toEqual([]);
      expect(container.output?.unrecognisedLines.length).toBeGreaterThan(0);
    }
  });
});
