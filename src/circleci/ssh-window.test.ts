import { describe, expect, it } from 'vitest';
import { parseGoDuration, parseSshOutput, splitOutputLines } from './ssh-output';
import { DOCUMENTED_STAY_UP, sshWindow } from './ssh-window';

const START = Date.parse('2026-03-25T12:00:00Z');
const MINUTE = 60_000;

const stayUpOf = (text: string) => parseSshOutput(splitOutputLines(text)).stayUp;
const sentence = (max: string, idle: string) =>
  `This box will stay up for ${max}, or until ${idle} passes without an active SSH session.`;

describe('sshWindow', () => {
  it('counts from the Wait for SSH start with the printed durations', () => {
    const stayUp = stayUpOf(sentence('2h0m0s', '10m0s'));
    expect(sshWindow({ stayUp, waitStartedAt: START, running: true, now: START + 3 * MINUTE })).toEqual({
      connectBy: START + 10 * MINUTE,
      sessionEndsBy: START + 120 * MINUTE,
      expired: false,
      assumed: false,
    });
  });

  it.each([
    ['1h0m0s', '10m0s', 60, 10],
    ['1h30m', '90s', 90, 1.5],
    ['2h0m0s', '5m0s', 120, 5],
  ])('stay up for %s, or until %s idle', (max, idle, maxMinutes, idleMinutes) => {
    const stayUp = stayUpOf(sentence(max, idle));
    expect(sshWindow({ stayUp, waitStartedAt: START, running: true, now: START })).toMatchObject({
      connectBy: START + idleMinutes * MINUTE,
      sessionEndsBy: START + maxMinutes * MINUTE,
      assumed: false,
    });
  });

  it('uses the documented limits when the sentence is absent', () => {
    expect(DOCUMENTED_STAY_UP).toEqual({ maxSeconds: 7200, idleSeconds: 600 });
    expect(sshWindow({ waitStartedAt: START, running: true, now: START })).toEqual({
      connectBy: START + 10 * MINUTE,
      sessionEndsBy: START + 120 * MINUTE,
      expired: false,
      assumed: true,
    });
  });

  it('has no deadline while the build itself still runs', () => {
    expect(sshWindow({ running: true, now: START })).toEqual({ expired: false, assumed: true });
    const stayUp = stayUpOf(sentence('2h0m0s', '10m0s'));
    expect(sshWindow({ stayUp, running: true, now: START })).toEqual({ expired: false, assumed: false });
  });

  it('expires when the time to connect has passed', () => {
    const at = (now: number) => sshWindow({ waitStartedAt: START, running: true, now }).expired;
    expect(at(START + 10 * MINUTE - 1)).toBe(false);
    expect(at(START + 10 * MINUTE)).toBe(true);
  });

  it('expires at the maximum when it is shorter than the idle window', () => {
    const stayUp = { maxSeconds: 60, idleSeconds: 600 };
    expect(sshWindow({ stayUp, waitStartedAt: START, running: true, now: START + MINUTE }).expired).toBe(true);
  });

  it('is over once the job is no longer running, whatever the clock says', () => {
    expect(sshWindow({ waitStartedAt: START, running: false, now: START })).toEqual({ expired: true, assumed: true });
    expect(sshWindow({ running: false, now: START })).toEqual({ expired: true, assumed: true });
  });
});

describe('parseGoDuration, as the stay-up sentence prints it', () => {
  it.each([
    ['1h0m0s', 3600],
    ['10m0s', 600],
    ['90s', 90],
    ['1h30m', 5400],
    ['1h', 3600],
    ['2h0m0.5s', 7200.5],
  ])('%s is %d seconds', (text, seconds) => {
    expect(parseGoDuration(text)).toBe(seconds);
  });

  it.each(['1d', '1m1h', '10 m', 'm', '1h 30m', '٣m'])('refuses %j', (text) => {
    expect(parseGoDuration(text)).toBeUndefined();
  });

  it('leaves the window to the documented limits when a duration is unreadable', () => {
    expect(stayUpOf(sentence('2 hours', '10m0s'))).toBeUndefined();
  });
});
