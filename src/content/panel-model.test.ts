import { describe, expect, it } from 'vitest';
import type { JobSsh } from '../circleci/api';
import { parseSshOutput } from '../circleci/ssh-output';
import { panelModel, panelStatus, type SeenContainer } from './panel-model';

const NOW = Date.UTC(2026, 10, 29, 12, 0, 0);
const enable = (port: number, host: string) => [
  'You can now SSH into this box if your SSH public key is added:',
  `    $ ssh -p ${port} ${host}`,
  '',
  'Host keys:',
  `- SHA256:${'h'.repeat(43)} (ED25519)`,
  'Authorized keys:',
  `- SHA256:${'a'.repeat(43)} (ED25519)`,
];
const wait = (port: number, host: string) => [
  ...enable(port, host).slice(0, 2),
  'This box will stay up for 2h0m0s, or until 10m0s passes without an active SSH session.',
];
const model = (
  seen: [number, SeenContainer][],
  { api, session, runLinks = [] }: { api?: JobSsh; session?: JobSsh; runLinks?: [number, string][] } = {},
) =>
  panelModel({
    seen: new Map(seen),
    runLinks: new Map(runLinks),
    proxyHosts: [],
    now: NOW,
    ...(api ? { api } : {}),
    ...(session ? { session } : {}),
  });

const apiJob = (overrides: Partial<JobSsh> = {}): JobSsh => ({
  parallel: 3,
  status: 'running',
  lifecycle: 'running',
  why: 'ssh',
  sshUsers: ['ada'],
  hasSshStep: true,
  containers: [0, 1, 2].map((container) => ({
    container,
    step: 'Enable SSH' as const,
    status: 'success',
    output: parseSshOutput(enable(64600 + container, `3.92.41.${20 + container}`)),
    waitStartedAt: NOW - 3 * 60_000,
  })),
  ...overrides,
});

describe('panelModel', () => {
  it('is no SSH job, and has no rows with commands, before anything is seen', () => {
    const { isSshJob, rows } = model([], { runLinks: [[0, '/r/0']] });
    expect(isSshJob).toBe(false);
    expect(rows.map((row) => row.output)).toEqual([undefined]);
  });

  it('lists every run of the runs bar, links the unknown ones and counts from what was seen', () => {
    const { rows, isSshJob, authorizedKeys } = model([[1, { enable: enable(64601, '3.92.41.21') }]], {
      runLinks: [0, 1, 2, 3].map((index) => [index, `/r/${index}`] as [number, string]),
    });
    expect(isSshJob).toBe(true);
    expect(rows).toHaveLength(4);
    expect(rows[1]?.output?.commands[0]?.target).toEqual({ host: '3.92.41.21', port: 64601, tty: false });
    expect(rows[0]).toMatchObject({ runHref: '/r/0' });
    expect(rows[0]?.output).toBeUndefined();
    expect(authorizedKeys).toEqual([`SHA256:${'a'.repeat(43)}`]);
  });

  it('counts down from when the Wait for SSH output was first seen, with its own limits', () => {
    const { rows } = model([[0, { wait: wait(64600, '3.92.41.20'), waitStartedAt: NOW - 60_000 }]]);
    expect(rows[0]?.window).toEqual({
      connectBy: NOW + 9 * 60_000,
      sessionEndsBy: NOW - 60_000 + 2 * 3_600_000,
      expired: false,
      assumed: false,
    });
  });

  it('fills every container from the API, and names where the rows came from', () => {
    const { rows, sources } = model([[2, { wait: wait(64602, '3.92.41.22') }]], { api: apiJob() });
    expect(rows.map((row) => row.output?.commands[0]?.target.port)).toEqual([64600, 64601, 64602]);
    // The page's reading where it has one: its Wait for SSH says how long the box stays up.
    expect(rows[2]?.output?.stayUp).toEqual({ maxSeconds: 7200, idleSeconds: 600 });
    expect(rows[0]?.window).toMatchObject({ connectBy: NOW + 7 * 60_000, assumed: true, expired: false });
    expect(sources).toEqual(['token', 'page']);
  });

  it('fills every container from the session alone, without a token or a page reading', () => {
    const { rows, sources, isSshJob } = model([], { session: apiJob() });
    expect(isSshJob).toBe(true);
    expect(rows.map((row) => row.output?.commands[0]?.target.host)).toEqual(['3.92.41.20', '3.92.41.21', '3.92.41.22']);
    expect(sources).toEqual(['session']);
  });

  it('warns and offers nothing for a container whose sources disagree, and only for that one', () => {
    const { rows, sources } = model([[2, { enable: enable(1111, '10.0.0.9') }]], { session: apiJob(), api: apiJob() });
    expect(rows.map((row) => row.conflict ?? false)).toEqual([false, false, true]);
    expect(rows[2]?.output).toBeUndefined();
    expect(rows[1]?.output?.commands[0]?.target.port).toBe(64601);
    expect(sources).toEqual(['session', 'token', 'page']);

    const tokenOnly = apiJob();
    const other = {
      ...tokenOnly,
      containers: tokenOnly.containers.map((c) => ({ ...c, output: parseSshOutput(enable(22, '10.1.1.1')) })),
    };
    expect(model([], { session: tokenOnly, api: other }).rows.every((row) => row.conflict)).toBe(true);
  });

  it('counts sources that agree but print -t differently as one target', () => {
    const withTty = apiJob({
      containers: [
        {
          container: 0,
          step: 'Enable SSH',
          status: 'success',
          output: parseSshOutput(enable(64600, '3.92.41.20').map((line) => line.replace('$ ssh', '$ ssh -t'))),
        },
      ],
      parallel: 1,
    });
    const { rows } = model([[0, { enable: enable(64600, '3.92.41.20') }]], { session: withTty });
    expect(rows[0]?.conflict).toBeUndefined();
    expect(rows[0]?.output?.commands[0]?.target).toEqual({ host: '3.92.41.20', port: 64600, tty: false });
  });

  it('treats hostile lines like the page does: no command', () => {
    const { rows } = model([[0, { enable: ['    $ ssh -p 22 evil; rm -rf ~'] }]]);
    expect(rows[0]?.output?.commands).toEqual([]);
    expect(rows[0]?.output?.unrecognisedLines).toEqual([0]);
  });

  it('sees a missing key in a failed Enable SSH step, and in an SSH rerun without SSH steps', () => {
    const failed = ['Failed to enable SSH', 'No SSH key is found. Please make sure you’ve added at least one SSH key.'];
    expect(model([[0, { enable: failed }]]).noKey).toBe(true);
    const withoutSteps = model([], { api: apiJob({ hasSshStep: false, containers: [], parallel: 1 }) });
    expect(withoutSteps).toMatchObject({ isSshJob: true, noKey: true });
    expect(model([], { api: apiJob() }).noKey).toBe(false);
  });

  it('calls a finished job expired', () => {
    const { rows } = model([], { api: apiJob({ lifecycle: 'finished' }) });
    expect(rows.every((row) => row.window.expired)).toBe(true);
  });
});

describe('panelStatus', () => {
  it('counts the containers with a command and keeps their earliest deadlines', () => {
    const api = apiJob({
      containers: apiJob().containers.map((container, index) => ({
        ...container,
        waitStartedAt: NOW - (3 - index) * 60_000,
      })),
    });
    expect(panelStatus(model([], { api }).rows)).toEqual({
      ready: 3,
      total: 3,
      connectBy: NOW + 7 * 60_000,
      sessionEndsBy: NOW + 117 * 60_000,
      ended: false,
    });
  });

  it('has no deadline before Wait for SSH, and says when CircleCI no longer runs the job', () => {
    expect(panelStatus(model([[0, { enable: enable(64600, '3.92.41.20') }]]).rows)).toEqual({
      ready: 1,
      total: 1,
      ended: false,
    });
    const finished = panelStatus(model([], { api: apiJob({ lifecycle: 'finished' }) }).rows);
    expect(finished).toEqual({ ready: 3, total: 3, ended: true });
  });
});
