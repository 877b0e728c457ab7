import { describe, expect, it } from 'vitest';
import type { FetchJobSshOptions } from './api';
import { createJobSshCache } from './api-cache';

const JOB = { vcs: 'gh', org: 'acme', project: 'api', jobNumber: 116 };

function details(stopTime?: string) {
  return {
    parallel: 1,
    status: stopTime ? 'success' : 'running',
    ...(stopTime ? { stop_time: stopTime, lifecycle: 'finished' } : {}),
    steps: [],
  };
}

/** A clock, and an API whose answers the test hands out one at a time. */
function setup(body: unknown = details()) {
  let time = 0;
  const pending: (() => void)[] = [];
  let requests = 0;
  const fetch = (async () => {
    requests++;
    await new Promise<void>((resolve) => pending.push(resolve));
    if (typeof body !== 'number') return Response.json(body);
    return new Response('{}', { status: body, headers: body === 429 ? { 'Retry-After': '60' } : {} });
  }) as typeof globalThis.fetch;
  const options: FetchJobSshOptions = {
    apiOrigin: 'https://circleci.com',
    token: 't',
    fetch,
    sleep: async () => {},
    retries: 0,
  };
  const cache = createJobSshCache({ now: () => time, ttlMs: { runningMs: 15_000, finishedMs: 300_000 } });
  return {
    cache,
    options,
    requests: () => requests,
    answer: async () => {
      while (pending.length === 0) await new Promise((resolve) => setTimeout(resolve, 0));
      pending.shift()?.();
    },
    advance: (ms: number) => {
      time += ms;
    },
  };
}

describe('createJobSshCache', () => {
  it('shares one request between concurrent callers', async () => {
    const { cache, options, requests, answer } = setup();
    const first = cache.get(JOB, options);
    const second = cache.get({ ...JOB }, options);
    await answer();
    const [a, b] = await Promise.all([first, second]);
    expect(a).toEqual(b);
    expect(a.ok).toBe(true);
    expect(requests()).toBe(1);
  });

  it('keeps the session answers of one tab from another, and from the token', async () => {
    const { cache, options, requests, answer } = setup();
    const { token: _none, ...session } = options;
    const calls = [cache.get(JOB, session, 'tab:1'), cache.get(JOB, session, 'tab:2'), cache.get(JOB, options)];
    for (const _ of calls) await answer();
    await Promise.all(calls);
    expect(requests()).toBe(3);
    await cache.get(JOB, session, 'tab:1');
    expect(requests()).toBe(3);
  });

  it('reuses a running job for its TTL, then asks again', async () => {
    const { cache, options, requests, answer, advance } = setup();
    const first = cache.get(JOB, options);
    await answer();
    await first;
    advance(14_999);
    expect((await cache.get(JOB, options)).ok).toBe(true);
    expect(requests()).toBe(1);
    advance(1);
    const again = cache.get(JOB, options);
    await answer();
    await again;
    expect(requests()).toBe(2);
  });

  it('keeps a finished job longer', async () => {
    const { cache, options, requests, answer, advance } = setup(details('2026-03-25T12:00:00Z'));
    const first = cache.get(JOB, options);
    await answer();
    await first;
    advance(299_999);
    await cache.get(JOB, options);
    expect(requests()).toBe(1);
  });

  it('keys by origin, token and job', async () => {
    const { cache, options, requests, answer } = setup();
    const gets = [
      cache.get(JOB, options),
      cache.get({ ...JOB, jobNumber: 117 }, options),
      cache.get(JOB, { ...options, token: 'other' }),
      cache.get(JOB, { ...options, apiOrigin: 'https://ci.example.com' }),
    ];
    for (const _ of gets) await answer();
    await Promise.all(gets);
    expect(requests()).toBe(4);
  });

  it('does not remember failures', async () => {
    const { cache, options, requests, answer } = setup(500);
    const first = cache.get(JOB, options);
    await answer();
    expect(await first).toEqual({ ok: false, problem: 'server' });
    const second = cache.get(JOB, options);
    await answer();
    await second;
    expect(requests()).toBe(2);
  });

  it('answers a rate limit from memory until the time CircleCI named', async () => {
    const { cache, options, requests, answer, advance } = setup(429);
    const first = cache.get(JOB, options);
    await answer();
    expect(await first).toEqual({ ok: false, problem: 'rate-limited', retryAfterMs: 60_000 });
    advance(59_999);
    expect(await cache.get(JOB, options)).toEqual({ ok: false, problem: 'rate-limited', retryAfterMs: 60_000 });
    expect(requests()).toBe(1);
  });

  it('lets one caller stop waiting without cancelling the others', async () => {
    const { cache, options, answer } = setup();
    const controller = new AbortController();
    const leaving = cache.get(JOB, { ...options, signal: controller.signal });
    const staying = cache.get(JOB, options);
    controller.abort();
    expect(await leaving).toEqual({ ok: false, problem: 'aborted' });
    await answer();
    expect((await staying).ok).toBe(true);
  });

  it('forgets everything on clear()', async () => {
    const { cache, options, requests, answer } = setup();
    const first = cache.get(JOB, options);
    await answer();
    await first;
    cache.clear();
    const second = cache.get(JOB, options);
    await answer();
    await second;
    expect(requests()).toBe(2);
  });
});
