import { describe, expect, it } from 'vitest';
import { formatClock, formatCountdown } from './time-format';

const MINUTE = 60_000;

describe('formatCountdown', () => {
  it.each([
    [8 * MINUTE + 12_000, '8:12'],
    [62 * MINUTE + 5_000, '1:02:05'],
    [2 * 60 * MINUTE, '2:00:00'],
    [59_000, '0:59'],
    [58_001, '0:59'],
    [1, '0:01'],
    [0, '0:00'],
    [-5_000, '0:00'],
    [Number.NaN, '0:00'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatCountdown(ms)).toBe(text);
  });
});

describe('formatClock', () => {
  it('gives the local hours and minutes', () => {
    const date = new Date(2026, 2, 25, 14, 5);
    expect(formatClock(date.getTime(), 'en-GB')).toBe('14:05');
    expect(formatClock(date.getTime(), 'de')).toBe('14:05');
    expect(formatClock(new Date(2026, 2, 25, 9, 7).getTime(), 'en-GB')).toBe('09:07');
    expect(formatClock(date.getTime(), 'en-US')).toMatch(/^2:05\sPM$/);
  });
});
