import { describe, expect, it } from 'vitest';
import { NOW } from '../test/api-answers';
import { serverWait } from './api-http';

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
