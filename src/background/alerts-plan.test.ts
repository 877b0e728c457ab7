import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERTS } from '../settings/prefs';
import { badgeFor, dueAlerts, minutesLeft, nextBadgeChange, nextWake, type WatchedJob } from './alerts-plan';

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 11, 7, 9, 0);
/** A box that started waiting at T0: 10 minutes to connect, 2 hours of session. */
const job: WatchedJob = {
  key: 'app.circleci.com/app/github/acme/api/116',
  url: 'https://app.circleci.com/pipelines/github/acme/api/1216/workflows/w/jobs/116',
  jobNumber: 116,
  title: 'build',
  ready: 8,
  total: 8,
  connectBy: T0 + 10 * MINUTE,
  sessionEndsBy: T0 + 120 * MINUTE,
  someoneElse: false,
  keysKnown: true,
  ended: false,
  sawWaiting: true,
  copied: false,
  sent: [],
};
const on = { ...DEFAULT_ALERTS, notifications: true };

describe('the toolbar badge', () => {
  it('counts whole minutes up', () => {
    expect(minutesLeft(10 * MINUTE)).toBe('10m');
    expect(minutesLeft(9 * MINUTE + 1)).toBe('10m');
    expect(minutesLeft(9 * MINUTE)).toBe('9m');
    expect(minutesLeft(1)).toBe('1m');
  });

  it('shows the minutes left to connect, in the warning colour for the last two', () => {
    expect(badgeFor(job, false, DEFAULT_ALERTS, T0 + 30_000)).toEqual({ text: '10m', warning: false });
    expect(badgeFor(job, false, DEFAULT_ALERTS, T0 + 1 * MINUTE)).toEqual({ text: '9m', warning: false });
    expect(badgeFor(job, false, DEFAULT_ALERTS, T0 + 7 * MINUTE + 59_999)).toEqual({ text: '3m', warning: false });
    expect(badgeFor(job, false, DEFAULT_ALERTS, T0 + 8 * MINUTE)).toEqual({ text: '2m', warning: true });
    expect(badgeFor(job, false, DEFAULT_ALERTS, T0 + 10 * MINUTE - 1)).toEqual({ text: '1m', warning: true });
  });

  it('clears when the time is up, the job ends, it is someone else’s, or the badge is off', () => {
    const none = { text: '', warning: false };
    expect(badgeFor(job, false, DEFAULT_ALERTS, T0 + 10 * MINUTE)).toEqual(none);
    expect(badgeFor({ ...job, ended: true }, false, DEFAULT_ALERTS, T0)).toEqual(none);
    expect(badgeFor({ ...job, someoneElse: true }, false, DEFAULT_ALERTS, T0)).toEqual(none);
    expect(badgeFor(job, false, { ...DEFAULT_ALERTS, badge: false }, T0)).toEqual(none);
    expect(badgeFor(undefined, false, DEFAULT_ALERTS, T0)).toEqual(none);
    const { connectBy: _notWaitingYet, ...waiting } = job;
    expect(badgeFor(waiting, false, DEFAULT_ALERTS, T0)).toEqual(none);
  });

  it('gives way to the unreadable page’s !', () => {
    expect(badgeFor(job, true, DEFAULT_ALERTS, T0)).toEqual({ text: '!', warning: true });
    expect(badgeFor(undefined, true, { ...DEFAULT_ALERTS, badge: false }, T0)).toEqual({ text: '!', warning: true });
  });

  it('changes next on the minute, then clears at the deadline', () => {
    expect(nextBadgeChange(job, DEFAULT_ALERTS, T0)).toBe(T0 + MINUTE);
    expect(nextBadgeChange(job, DEFAULT_ALERTS, T0 + 90_000)).toBe(T0 + 2 * MINUTE);
    expect(nextBadgeChange(job, DEFAULT_ALERTS, T0 + 9 * MINUTE + 5)).toBe(T0 + 10 * MINUTE);
    expect(nextBadgeChange(job, DEFAULT_ALERTS, T0 + 10 * MINUTE)).toBeUndefined();
    expect(nextBadgeChange(job, { ...DEFAULT_ALERTS, badge: false }, T0)).toBeUndefined();
  });
});

describe('notifications', () => {
  it('says "ready" once, for a job a page showed waiting, and only with notifications on', () => {
    expect(dueAlerts(job, on, T0)).toEqual(['ready']);
    expect(dueAlerts({ ...job, sent: ['ready'] }, on, T0)).toEqual([]);
    expect(dueAlerts({ ...job, sawWaiting: false }, on, T0)).toEqual([]);
    expect(dueAlerts({ ...job, ready: 0 }, on, T0)).toEqual([]);
    // Whose keys are installed is not known yet, nor has Wait for SSH begun: it may be someone else's.
    const { connectBy: _notYet, ...unsettled } = job;
    expect(dueAlerts({ ...unsettled, keysKnown: false }, on, T0)).toEqual([]);
    expect(dueAlerts({ ...job, keysKnown: false }, on, T0)).toEqual(['ready']);
    expect(dueAlerts(job, DEFAULT_ALERTS, T0)).toEqual([]);
  });

  it('never for someone else’s rerun, nor a job that ended', () => {
    expect(dueAlerts({ ...job, someoneElse: true }, on, T0 + 9 * MINUTE)).toEqual([]);
    expect(dueAlerts({ ...job, ended: true }, on, T0 + 9 * MINUTE)).toEqual([]);
  });

  it('warns two minutes before the time to connect runs out, when nothing was copied', () => {
    const shown = { ...job, sent: ['ready' as const] };
    expect(dueAlerts(shown, on, T0 + 8 * MINUTE - 1)).toEqual([]);
    expect(dueAlerts(shown, on, T0 + 8 * MINUTE)).toEqual(['connect']);
    expect(dueAlerts(shown, on, T0 + 10 * MINUTE)).toEqual([]);
    expect(dueAlerts({ ...shown, copied: true }, on, T0 + 8 * MINUTE)).toEqual([]);
    expect(dueAlerts(shown, { ...on, warnConnect: false }, T0 + 8 * MINUTE)).toEqual([]);
    expect(dueAlerts({ ...shown, sent: ['ready', 'connect'] }, on, T0 + 9 * MINUTE)).toEqual([]);
  });

  it('warns at 1 h 50 min of a box the user copied a command for', () => {
    const copied = { ...job, copied: true, sent: ['ready' as const] };
    expect(dueAlerts(copied, on, T0 + 110 * MINUTE - 1)).toEqual([]);
    expect(dueAlerts(copied, on, T0 + 110 * MINUTE)).toEqual(['slot']);
    expect(dueAlerts(copied, on, T0 + 120 * MINUTE)).toEqual([]);
    expect(dueAlerts({ ...copied, copied: false }, on, T0 + 110 * MINUTE)).toEqual([]);
    expect(dueAlerts(copied, { ...on, warnSlot: false }, T0 + 110 * MINUTE)).toEqual([]);
  });

  it('does not say "ready" once the time to connect is over', () => {
    expect(dueAlerts(job, on, T0 + 10 * MINUTE)).toEqual([]);
  });
});

describe('the next wake-up', () => {
  it('is the soonest badge change or notification', () => {
    const shown = { ...job, sent: ['ready' as const] };
    expect(nextWake([shown], [shown], on, T0 + 30_000)).toBe(T0 + MINUTE);
    // No tab shows it: only the connect warning is left to wait for.
    expect(nextWake([shown], [], on, T0 + 30_000)).toBe(T0 + 8 * MINUTE);
    expect(nextWake([{ ...shown, copied: true }], [], on, T0)).toBe(T0 + 110 * MINUTE);
    expect(nextWake([shown], [], DEFAULT_ALERTS, T0)).toBeUndefined();
    expect(nextWake([{ ...shown, sent: ['ready', 'connect'] }], [], on, T0)).toBeUndefined();
  });
});
