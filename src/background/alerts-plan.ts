// What the background tells the user about the SSH reruns open in this browser session, as pure
// functions of what the job pages reported and the clock: the toolbar badge of a tab, which
// notifications are due, and when to wake up next (one alarm, background/alerts.ts). The figures are
// the job SSH panel's (circleci/ssh-window.ts): nothing here asks CircleCI anything.

import type { AlertSettings } from '../settings/prefs';
import type { SshStatus } from '../shared/ssh-status';

const MINUTE = 60_000;
/** The connect warning: this long before the time to connect runs out. */
export const CONNECT_WARNING_MS = 2 * MINUTE;
/** The concurrency slot warning: this long before CircleCI's session limit (1 h 50 min into 2 h). */
export const SLOT_WARNING_MS = 10 * MINUTE;
/** The badge turns to the warning colour with this much time left to connect. */
export const BADGE_WARNING_MS = 2 * MINUTE;

export type AlertKind = 'ready' | 'connect' | 'slot';

/** One SSH rerun a page of this browser session showed, as its panel last reported it (SshStatus). */
export interface WatchedJob extends SshStatus {
  /** host/ui/vcs/org/project/number: one entry per job, whichever run or tab showed it. */
  readonly key: string;
  /** The page that last reported it, to open the job again. */
  readonly url: string;
  readonly jobNumber: number;
  /** A page showed it before it had a command: "ready" is news only then. */
  readonly sawWaiting: boolean;
  /** The user copied a command for it. */
  readonly copied: boolean;
  /** Notifications already shown for it: each at most once. */
  readonly sent: readonly AlertKind[];
}

export interface Badge {
  /** `9m`…`1m`, `!`, or '' for none. */
  readonly text: string;
  readonly warning: boolean;
}

export const NO_BADGE: Badge = { text: '', warning: false };

/** `10m`, `9m` … `1m`: whole minutes rounded up, so it reads `1m` through the last minute. */
export function minutesLeft(ms: number): string {
  return `${Math.ceil(ms / MINUTE)}m`;
}

/**
 * A tab's badge. `!` (the page could not be read, diagnostics/page-status.ts) comes first: the
 * countdown and the panel may both be wrong on such a page, and the popup says what to do. Otherwise
 * the minutes left to connect to the job the tab shows, until that time runs out or the job ends.
 */
export function badgeFor(
  job: WatchedJob | undefined,
  unreadable: boolean,
  settings: AlertSettings,
  now: number,
): Badge {
  if (unreadable) return { text: '!', warning: true };
  const left = job && settings.badge && live(job) && job.connectBy !== undefined ? job.connectBy - now : 0;
  return left > 0 ? { text: minutesLeft(left), warning: left <= BADGE_WARNING_MS } : NO_BADGE;
}

/** When a tab's badge changes next (its text goes down a minute, or it clears), if it will. */
export function nextBadgeChange(job: WatchedJob | undefined, settings: AlertSettings, now: number): number | undefined {
  if (!job || !settings.badge || !live(job) || job.connectBy === undefined || job.connectBy <= now) return undefined;
  const minutes = Math.ceil((job.connectBy - now) / MINUTE);
  return job.connectBy - (minutes - 1) * MINUTE;
}

const live = (job: WatchedJob) => !job.ended && !job.someoneElse;

/** When each notification of a job is due (epoch ms), when it can still come. */
function dueTimes(job: WatchedJob, settings: AlertSettings): Partial<Record<AlertKind, number>> {
  if (!settings.notifications || !live(job)) return {};
  const times: Partial<Record<AlertKind, number>> = {};
  // Not before it is settled whose keys CircleCI installed (or Wait for SSH began: by then Enable SSH
  // has printed all it prints), so that someone else's rerun never says "ready".
  if (job.ready > 0 && job.sawWaiting && (job.keysKnown || job.connectBy !== undefined))
    times.ready = Number.NEGATIVE_INFINITY;
  if (settings.warnConnect && !job.copied && job.connectBy !== undefined)
    times.connect = job.connectBy - CONNECT_WARNING_MS;
  if (settings.warnSlot && job.copied && job.sessionEndsBy !== undefined)
    times.slot = job.sessionEndsBy - SLOT_WARNING_MS;
  return times;
}

/** The deadline after which a notification says nothing true any more. */
function lastMoment(job: WatchedJob, kind: AlertKind): number {
  if (kind === 'connect') return job.connectBy ?? Number.NEGATIVE_INFINITY;
  if (kind === 'slot') return job.sessionEndsBy ?? Number.NEGATIVE_INFINITY;
  return job.connectBy ?? Number.POSITIVE_INFINITY;
}

/** The notifications to show now for a job: due, not shown before, and not too late to be true. */
export function dueAlerts(job: WatchedJob, settings: AlertSettings, now: number): AlertKind[] {
  return Object.entries(dueTimes(job, settings))
    .filter(
      ([kind, at]) => at <= now && now < lastMoment(job, kind as AlertKind) && !job.sent.includes(kind as AlertKind),
    )
    .map(([kind]) => kind as AlertKind);
}

/** The next time anything is due, for the one alarm: a badge change of a tab, or a notification. */
export function nextWake(
  jobs: readonly WatchedJob[],
  shown: readonly (WatchedJob | undefined)[],
  settings: AlertSettings,
  now: number,
): number | undefined {
  const times = [
    ...shown.map((job) => nextBadgeChange(job, settings, now)),
    ...jobs.flatMap((job) =>
      Object.entries(dueTimes(job, settings))
        .filter(([kind, at]) => at > now && !job.sent.includes(kind as AlertKind))
        .map(([, at]) => at),
    ),
  ].filter((at): at is number => at !== undefined);
  return times.length > 0 ? Math.min(...times) : undefined;
}
