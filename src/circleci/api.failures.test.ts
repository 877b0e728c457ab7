import { describe, expect, it } from 'vitest';
import {
  type ContainerText,
  DETAILS_URL,
  details,
  fakeFetch,
  JOB,
  json,
  NOW,
  ORIGIN,
  options,
  site,
  THREE,
} from '../test/api-answers';
import { fetchJobSsh } from './api';
import { MAX_BODY_BYTES } from './api-http';

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
