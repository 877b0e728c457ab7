// The session route with a fake tab: every request goes to the content script, nothing else fetches;
// refusals are remembered per API host for the session, a closed tab is not a refusal, and the
// setting turned off asks nothing.

import { describe, expect, it } from 'vitest';
import { createJobSshCache } from '../circleci/api-cache';
import { MAX_BODY_BYTES } from '../circleci/api-http';
import type { SessionFetchAnswer } from '../shared/messages';
import { createSessionRoute, tabFetch } from './session-route';

const PAGE =
  'https://app.circleci.com/pipelines/github/acme/api/90/workflows/0b5cd0f8-2a41-4d38-9a2e-1e6b2f1d7c3a/jobs/116';
const RAW = 'https://circleci.com/api/private/output/raw/github/acme/api/116/output';
const DETAILS = {
  parallel: 2,
  why: 'ssh',
  lifecycle: 'running',
  steps: [
    {
      name: 'Enable SSH',
      actions: [0, 1].map((index) => ({ index, step: 100, status: 'success', bash_command: null, has_output: true })),
    },
  ],
};
const ok = (text: string, status = 200, headers: Record<string, string | null> = {}): SessionFetchAnswer => ({
  ok: true,
  status,
  headers,
  text,
});

/** A tab that answers the details and each container's raw output, unless `answer` says otherwise. */
function setup(answer?: (url: string) => SessionFetchAnswer | Promise<never>, enabled = true) {
  const session = new Map<string, unknown>();
  const asked: string[] = [];
  const route = createSessionRoute({
    getSession: async (key) => session.get(key),
    setSession: async (key, value) => void session.set(key, value),
    cache: createJobSshCache({ now: Date.now }),
    now: Date.now,
    enabled: async () => enabled,
  });
  const askTab = async (url: string): Promise<unknown> => {
    asked.push(url);
    if (answer) return answer(url);
    if (url.startsWith(`${RAW}/`)) return ok(`    $ ssh -p 6400${url.at(-5)} 3.92.41.20\r\n`);
    return ok(JSON.stringify(DETAILS));
  };
  const report = (page = PAGE) => route.report(page, ['app.circleci.com'], { id: 7, ask: askTab });
  return { report, asked, session };
}

describe('the session route', () => {
  it('reads every container through the tab, from the API host only', async () => {
    const { report, asked } = setup();
    const result = await report();
    expect(result?.state === 'ok' && result.job.containers.map((c) => c.output?.commands[0]?.target.port)).toEqual([
      64000, 64001,
    ]);
    expect(asked).toEqual([
      'https://circleci.com/api/v1.1/project/github/acme/api/116',
      `${RAW}/0/100`,
      `${RAW}/1/100`,
    ]);
  });

  it.each([
    ['401', () => ok('{}', 401)],
    ['403', () => ok('{}', 403)],
    ['404', () => ok('{}', 404)],
    ['a fetch the page could not make (CORS)', () => ({ ok: false }) as const],
  ])('remembers %s for the API host, and asks nothing on the next page', async (_name, answer) => {
    const { report, asked, session } = setup(answer);
    expect(await report()).toEqual({ state: 'refused' });
    const count = asked.length;
    expect(await report()).toEqual({ state: 'refused' });
    expect(asked).toHaveLength(count);
    expect(session.get('session-refused:https://circleci.com')).toBe(true);
  });

  it('does not take a closed tab for a refusal', async () => {
    const { report, session } = setup(() => Promise.reject(new Error('Receiving end does not exist')));
    expect(await report()).toEqual({ state: 'error', problem: 'network' });
    expect(session.size).toBe(0);
  });

  it('asks nothing when turned off, or on a page that is not a job', async () => {
    const off = setup(undefined, false);
    expect(await off.report()).toEqual({ state: 'off' });
    expect(off.asked).toEqual([]);
    const on = setup();
    expect(await on.report('https://app.circleci.com/settings/user')).toBeUndefined();
    expect(await on.report(PAGE.replace('app.circleci.com', 'evil.example'))).toBeUndefined();
    expect(on.asked).toEqual([]);
  });
});

describe('tabFetch', () => {
  const fetchWith = (answer: unknown) =>
    tabFetch(
      async () => answer,
      () => undefined,
    );

  it('passes status, the rate-limit headers and the text on to the client', async () => {
    const response = await fetchWith(ok('slow down', 429, { 'retry-after': '2', 'set-cookie': 'x' }))('u');
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.text()).toBe('slow down');
  });

  it('marks a body the page found too large so the client refuses it', async () => {
    const response = await fetchWith({ ok: true, status: 200, headers: {} })('u');
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(MAX_BODY_BYTES);
  });

  it.each([[undefined], [{ ok: true, status: 99, headers: {} }], [{ ok: true, status: 200, headers: {}, text: 1 }]])(
    'fails on an answer that is not one: %j',
    async (answer) => {
      await expect(fetchWith(answer)('u')).rejects.toThrow(TypeError);
    },
  );

  it('gives up when the client aborts, whatever the tab does', async () => {
    const controller = new AbortController();
    const pending = tabFetch(
      () => new Promise(() => undefined),
      () => undefined,
    )('u', { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toBeDefined();
  });
});
