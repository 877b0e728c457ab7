// The SSH reruns open in this browser session, as their pages' SSH panels report them, and what the
// user is told about them: the toolbar badge of each tab showing one, and the notifications the plan
// says are due (alerts-plan.ts). One alarm wakes the worker for the next change: a content script in a
// background tab may be throttled, and the worker may have slept. Kept in storage.session, so nothing
// outlives the browser, and a restarted worker carries on.

import type { AlertSettings } from '../settings/prefs';
import type { NotificationText } from '../shared/browser-alerts';
import { type MessageKey, t } from '../shared/i18n';
import { isRecord } from '../shared/records';
import type { SshStatus } from '../shared/ssh-status';
import { type AlertKind, badgeFor, dueAlerts, nextWake, type WatchedJob } from './alerts-plan';

export const ALERTS_KEY = 'alerts';
/** Jobs kept at most: a session rarely sees more than a few SSH reruns. */
const MAX_JOBS = 30;

interface TabState {
  readonly tabId: number;
  /** The job (WatchedJob.key) the tab shows, while its page says so. */
  readonly job?: string;
  readonly unreadable?: boolean;
  /** The badge last set on it: its text, and `!` after it in the warning colour. */
  readonly badge?: string;
}

interface AlertsState {
  readonly jobs: readonly WatchedJob[];
  readonly tabs: readonly TabState[];
}

/** Where a job is: its key, its page, its number. */
export interface JobRef {
  readonly key: string;
  readonly url: string;
  readonly jobNumber: number;
}

export interface AlertsDeps {
  readonly getSession: (key: string) => Promise<unknown>;
  readonly setSession: (key: string, value: unknown) => Promise<void>;
  readonly settings: () => Promise<AlertSettings>;
  /** The optional notifications permission is granted. */
  readonly canNotify: () => Promise<boolean>;
  readonly setBadge: (tabId: number, text: string, warning: boolean) => Promise<void>;
  readonly notify: (id: string, text: NotificationText) => Promise<void>;
  readonly setAlarm: (when: number | undefined) => Promise<void>;
  readonly focusTab: (tabId: number) => Promise<void>;
  readonly openTab: (url: string) => Promise<void>;
  readonly sendToTab: (tabId: number, message: unknown) => Promise<unknown>;
  readonly now: () => number;
  readonly report: (error: unknown) => void;
}

const EMPTY: AlertsState = { jobs: [], tabs: [] };

const WARNINGS: Record<Exclude<AlertKind, 'ready'>, readonly [MessageKey, MessageKey]> = {
  connect: ['notifyConnect', 'notifyConnectMessage'],
  slot: ['notifySlot', 'notifySlotMessage'],
};

/** Plain text: the job's name is the page's, and a notification shows it as text. */
function notificationText(kind: AlertKind, job: WatchedJob): NotificationText {
  const number = String(job.jobNumber);
  if (kind === 'ready') {
    const title =
      job.ready === 1 ? t('notifyReadyOne', job.title, number) : t('notifyReady', job.title, number, String(job.ready));
    return { title, message: t('notifyReadyMessage') };
  }
  const [title, message] = WARNINGS[kind];
  return { title: t(title, job.title, number), message: t(message), button: t('notifyOpenJob') };
}

export function createAlerts(deps: AlertsDeps) {
  let queue: Promise<unknown> = Promise.resolve();

  const load = async (): Promise<AlertsState> => {
    const stored = await deps.getSession(ALERTS_KEY);
    // Written only by this worker; the shape is checked so that nothing else can break it.
    return isRecord(stored) && Array.isArray(stored.jobs) && Array.isArray(stored.tabs)
      ? (stored as unknown as AlertsState)
      : EMPTY;
  };

  /** Applies a change, then brings badges, notifications and the alarm up to date; one at a time. */
  const update = (change: (state: AlertsState, now: number) => AlertsState): Promise<void> => {
    const run = queue.then(async () => {
      const now = deps.now();
      const changed = change(await load(), now);
      await deps.setSession(ALERTS_KEY, await apply(changed, now));
    });
    queue = run.catch(deps.report);
    return queue as Promise<void>;
  };

  const apply = async (state: AlertsState, now: number): Promise<AlertsState> => {
    const settings = await deps.settings();
    const effective = { ...settings, notifications: settings.notifications && (await deps.canNotify()) };
    const byKey = new Map(state.jobs.map((job) => [job.key, job]));
    const tabs: TabState[] = [];
    for (const tab of state.tabs) {
      const badge = badgeFor(
        tab.job === undefined ? undefined : byKey.get(tab.job),
        Boolean(tab.unreadable),
        settings,
        now,
      );
      const shown = badge.text + (badge.warning && badge.text ? '!' : '');
      if (shown !== (tab.badge ?? '')) await deps.setBadge(tab.tabId, badge.text, badge.warning).catch(deps.report);
      tabs.push({ ...tab, badge: shown });
    }
    const jobs: WatchedJob[] = [];
    for (const job of state.jobs) {
      const due = dueAlerts(job, effective, now);
      for (const kind of due) await deps.notify(`${kind}:${job.key}`, notificationText(kind, job)).catch(deps.report);
      jobs.push(due.length > 0 ? { ...job, sent: [...job.sent, ...due] } : job);
    }
    const shownJobs = tabs.map((tab) => (tab.job === undefined ? undefined : byKey.get(tab.job)));
    await deps.setAlarm(nextWake(jobs, shownJobs, effective, now));
    return { jobs, tabs };
  };

  const withTab = (state: AlertsState, tabId: number, change: (tab: TabState) => TabState): AlertsState => {
    const tab = state.tabs.find((each) => each.tabId === tabId) ?? { tabId };
    return { ...state, tabs: [...state.tabs.filter((each) => each.tabId !== tabId), change(tab)] };
  };

  return {
    /** A tab's SSH panel reported its job. */
    status(tabId: number, ref: JobRef, status: SshStatus): Promise<void> {
      return update((state, now) => {
        const previous = state.jobs.find((job) => job.key === ref.key);
        const sawWaiting = Boolean(previous?.sawWaiting) || status.ready === 0;
        const sent = previous?.sent ?? [];
        // Ready when first seen is no news: the user is looking at it.
        const quiet = status.ready > 0 && !sawWaiting && !sent.includes('ready');
        const job: WatchedJob = {
          ...ref,
          ...status,
          // A job's installed keys do not change: once a page showed whose they are, that holds, also
          // for a later visit whose page shows only Wait for SSH.
          someoneElse: Boolean(previous?.someoneElse) || status.someoneElse,
          keysKnown: Boolean(previous?.keysKnown) || status.keysKnown,
          sawWaiting,
          copied: previous?.copied ?? false,
          sent: quiet ? [...sent, 'ready'] : sent,
        };
        const shown = new Set(state.tabs.map((tab) => tab.job));
        const kept = state.jobs.filter(
          (each) => each.key !== ref.key && (shown.has(each.key) || (each.sessionEndsBy ?? now) > now),
        );
        return withTab({ ...state, jobs: [...kept, job].slice(-MAX_JOBS) }, tabId, (tab) => ({ ...tab, job: ref.key }));
      });
    },

    /** The tab's page no longer shows that job. */
    left(tabId: number): Promise<void> {
      return update((state) => withTab(state, tabId, ({ job: _gone, ...tab }) => tab));
    },

    /** The tab closed, or began loading: it shows nothing until its page says (its badge is cleared). */
    gone(tabId: number, closed: boolean): Promise<void> {
      return update((state) =>
        closed
          ? { ...state, tabs: state.tabs.filter((tab) => tab.tabId !== tabId) }
          : withTab(state, tabId, ({ badge }) => ({ tabId, ...(badge === undefined ? {} : { badge }) })),
      );
    },

    readable(tabId: number, readable: boolean): Promise<void> {
      return update((state) => withTab(state, tabId, (tab) => ({ ...tab, unreadable: !readable })));
    },

    /** The user copied a command on the job's page. */
    copied(key: string): Promise<void> {
      return update((state) => ({
        ...state,
        jobs: state.jobs.map((job) => (job.key === key ? { ...job, copied: true } : job)),
      }));
    },

    /** The alarm rang, or the settings changed. */
    refresh(): Promise<void> {
      return update((state) => state);
    },

    /** A notification (or its button) was clicked: the job's tab comes forward, or the job opens. */
    async clicked(id: string): Promise<void> {
      const [kind, key] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)];
      const state = await load();
      const job = state.jobs.find((each) => each.key === key);
      if (!job) return;
      const tab = state.tabs.find((each) => each.job === key);
      if (!tab) return deps.openTab(job.url);
      await deps.focusTab(tab.tabId);
      if (kind === 'ready') await deps.sendToTab(tab.tabId, { type: 'focus-copy' });
    },
  };
}
