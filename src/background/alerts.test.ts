import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_ALERTS } from '../settings/prefs';
import type { SshStatus } from '../shared/ssh-status';
import { useFakeBrowser } from '../test/fake-browser';
import { createAlerts } from './alerts';

useFakeBrowser();

const MINUTE = 60_000;
const T0 = Date.UTC(2026, 11, 7, 9, 0);
const JOB = {
  key: 'app.circleci.com/app/github/acme/api/105',
  url: 'https://app.circleci.com/pipelines/github/acme/api/1205/workflows/w/jobs/105',
  jobNumber: 105,
};
const waiting: SshStatus = { title: 'build', ready: 0, total: 2, someoneElse: false, keysKnown: false, ended: false };
const ready: SshStatus = {
  ...waiting,
  ready: 2,
  keysKnown: true,
  connectBy: T0 + 10 * MINUTE,
  sessionEndsBy: T0 + 120 * MINUTE,
};

function setUp(settings = { ...DEFAULT_ALERTS, notifications: true }) {
  const session = new Map<string, unknown>();
  let now = T0;
  const deps = {
    getSession: async (key: string) => session.get(key),
    setSession: async (key: string, value: unknown) => void session.set(key, value),
    settings: async () => settings,
    canNotify: async () => true,
    setBadge: vi.fn(async () => undefined),
    notify: vi.fn(async () => undefined),
    setAlarm: vi.fn(async () => undefined),
    focusTab: vi.fn(async () => undefined),
    openTab: vi.fn(async () => undefined),
    sendToTab: vi.fn(async () => undefined),
    now: () => now,
    report: (error: unknown) => {
      throw error;
    },
  };
  return { alerts: createAlerts(deps), deps, at: (minutes: number) => (now = T0 + minutes * MINUTE) };
}

describe('alerts', () => {
  let s: ReturnType<typeof setUp>;
  beforeEach(() => {
    s = setUp();
  });

  it('says "SSH ready" once, when a job a page showed waiting gets its first command', async () => {
    await s.alerts.status(3, JOB, waiting);
    expect(s.deps.notify).not.toHaveBeenCalled();
    await s.alerts.status(3, JOB, ready);
    await s.alerts.status(4, JOB, ready);
    expect(s.deps.notify).toHaveBeenCalledTimes(1);
    expect(s.deps.notify).toHaveBeenCalledWith(`ready:${JOB.key}`, {
      title: 'SSH ready: build (#105), 2 containers',
      message: 'Click to go to the job and its first copy button.',
    });
  });

  it('stays quiet for a job already ready when first seen, someone else’s, or with notifications off', async () => {
    await s.alerts.status(3, JOB, ready);
    expect(s.deps.notify).not.toHaveBeenCalled();
    const other = setUp();
    await other.alerts.status(3, JOB, { ...waiting, someoneElse: true });
    await other.alerts.status(3, JOB, { ...ready, someoneElse: true });
    other.at(9);
    await other.alerts.refresh();
    expect(other.deps.notify).not.toHaveBeenCalled();
    // A later page that shows only Wait for SSH (no keys) does not undo "someone else's".
    const later = setUp();
    await later.alerts.status(3, JOB, { ...waiting, keysKnown: true, someoneElse: true });
    await later.alerts.status(3, JOB, { ...ready, keysKnown: false });
    expect(later.deps.notify).not.toHaveBeenCalled();
    const off = setUp(DEFAULT_ALERTS);
    await off.alerts.status(3, JOB, waiting);
    await off.alerts.status(3, JOB, ready);
    expect(off.deps.notify).not.toHaveBeenCalled();
  });

  it('counts down on the badge as the alarm rings, and clears it when the time is up', async () => {
    await s.alerts.status(3, JOB, ready);
    expect(s.deps.setBadge).toHaveBeenLastCalledWith(3, '10m', false);
    expect(s.deps.setAlarm).toHaveBeenLastCalledWith(T0 + MINUTE);
    s.at(8);
    await s.alerts.refresh();
    expect(s.deps.setBadge).toHaveBeenLastCalledWith(3, '2m', true);
    s.at(10);
    await s.alerts.refresh();
    expect(s.deps.setBadge).toHaveBeenLastCalledWith(3, '', false);
  });

  it('warns 2 minutes before the time to connect runs out unless a command was copied', async () => {
    await s.alerts.status(3, JOB, ready);
    s.at(8);
    await s.alerts.refresh();
    expect(s.deps.notify).toHaveBeenCalledWith(`connect:${JOB.key}`, {
      title: '2 minutes left to connect: build (#105)',
      message: 'Nobody has connected yet; the box goes away when the time runs out.',
      button: 'Open the job',
    });
    const copied = setUp();
    await copied.alerts.status(3, JOB, ready);
    await copied.alerts.copied(JOB.key);
    copied.at(8);
    await copied.alerts.refresh();
    expect(copied.deps.notify).not.toHaveBeenCalled();
    copied.at(110);
    await copied.alerts.refresh();
    expect(copied.deps.notify).toHaveBeenCalledWith(
      `slot:${JOB.key}`,
      expect.objectContaining({ button: 'Open the job' }),
    );
  });

  it('puts ! first, and clears a tab that left the job', async () => {
    await s.alerts.status(3, JOB, ready);
    await s.alerts.readable(3, false);
    expect(s.deps.setBadge).toHaveBeenLastCalledWith(3, '!', true);
    await s.alerts.readable(3, true);
    expect(s.deps.setBadge).toHaveBeenLastCalledWith(3, '10m', false);
    await s.alerts.left(3);
    expect(s.deps.setBadge).toHaveBeenLastCalledWith(3, '', false);
  });

  it('clears the badge of a tab that begins loading, until its page reports again', async () => {
    await s.alerts.status(3, JOB, ready);
    await s.alerts.gone(3, false);
    expect(s.deps.setBadge).toHaveBeenLastCalledWith(3, '', false);
    await s.alerts.status(3, JOB, ready);
    expect(s.deps.setBadge).toHaveBeenLastCalledWith(3, '10m', false);
  });

  it('brings the tab forward and focuses its copy button on a click, or opens the job', async () => {
    await s.alerts.status(3, JOB, waiting);
    await s.alerts.status(3, JOB, ready);
    await s.alerts.clicked(`ready:${JOB.key}`);
    expect(s.deps.focusTab).toHaveBeenCalledWith(3);
    expect(s.deps.sendToTab).toHaveBeenCalledWith(3, { type: 'focus-copy' });
    await s.alerts.gone(3, true);
    await s.alerts.clicked(`connect:${JOB.key}`);
    expect(s.deps.openTab).toHaveBeenCalledWith(JOB.url);
    await s.alerts.clicked('ready:unknown');
    expect(s.deps.openTab).toHaveBeenCalledTimes(1);
  });
});
