// The rerun that follows itself. When the user chooses CircleCI's own "Rerun job with SSH" on a job
// page, the content script says so (it never starts a rerun; CircleCI's menu stays the only way). The
// next job page of the same project, with a higher number, that tab then shows is the new job: CircleCI
// numbers a project's jobs in order, and its page moves there after the rerun starts. From then on the
// new job's panel names the job it came from, and the popup offers to go to it.
// Kept in storage.session: nothing outlives the browser.

import { isRecord } from '../shared/records';
import type { JobRef } from './alerts';

export const RERUNS_KEY = 'reruns';
/** How long after the choice a page may still be the new job's. */
export const FOLLOW_WINDOW_MS = 10 * 60_000;
const MAX_FOLLOWED = 20;

export interface FollowedRerun {
  readonly from: JobRef;
  readonly to: JobRef;
}

interface RerunsState {
  /** Per tab: the job whose "Rerun job with SSH" was chosen there, and when. */
  readonly pending: readonly { readonly tabId: number; readonly from: JobRef; readonly at: number }[];
  readonly followed: readonly FollowedRerun[];
  /** Per tab: the job its page last showed. */
  readonly shown: readonly { readonly tabId: number; readonly key: string }[];
}

export interface RerunsDeps {
  readonly getSession: (key: string) => Promise<unknown>;
  readonly setSession: (key: string, value: unknown) => Promise<void>;
  readonly now: () => number;
}

const EMPTY: RerunsState = { pending: [], followed: [], shown: [] };

/** `host/ui/vcs/org/project`: the job key without its number. */
const projectOf = (key: string) => key.slice(0, key.lastIndexOf('/'));

/** The pure rule: the page a tab shows after the choice is the new job when it fits. */
export function isFollowUp(from: JobRef, chosenAt: number, to: JobRef, now: number): boolean {
  return (
    projectOf(from.key) === projectOf(to.key) && to.jobNumber > from.jobNumber && now - chosenAt < FOLLOW_WINDOW_MS
  );
}

export function createReruns(deps: RerunsDeps) {
  let queue: Promise<unknown> = Promise.resolve();
  const load = async (): Promise<RerunsState> => {
    const stored = await deps.getSession(RERUNS_KEY);
    const valid = isRecord(stored) && ['pending', 'followed', 'shown'].every((key) => Array.isArray(stored[key]));
    return valid ? (stored as unknown as RerunsState) : EMPTY;
  };
  /** One change at a time, each on what the last one stored. */
  const update = <T>(change: (state: RerunsState, now: number) => [RerunsState, T]): Promise<T> => {
    const run = queue.then(async () => {
      const [next, answer] = change(await load(), deps.now());
      await deps.setSession(RERUNS_KEY, next);
      return answer;
    });
    queue = run.catch(() => undefined);
    return run;
  };
  const others = <T extends { tabId: number }>(list: readonly T[], tabId: number) =>
    list.filter((each) => each.tabId !== tabId);

  return {
    /** The user chose "Rerun job with SSH" on the job page of this tab. */
    chosen(tabId: number, from: JobRef): Promise<void> {
      return update((state, now) => [
        { ...state, pending: [...others(state.pending, tabId), { tabId, from, at: now }] },
        undefined,
      ]);
    },

    /** A tab shows a job page: the new job, if it follows a choice there. Says which job this one reruns. */
    visited(tabId: number, job: JobRef): Promise<JobRef | undefined> {
      return update((state, now) => {
        const pending = state.pending.find((each) => each.tabId === tabId);
        const follows = pending !== undefined && isFollowUp(pending.from, pending.at, job, now);
        const followed = follows
          ? [...state.followed.filter((each) => each.to.key !== job.key), { from: pending.from, to: job }]
          : state.followed;
        const next: RerunsState = {
          pending: follows ? others(state.pending, tabId) : state.pending,
          followed: followed.slice(-MAX_FOLLOWED),
          shown: [...others(state.shown, tabId), { tabId, key: job.key }],
        };
        return [next, followed.find((each) => each.to.key === job.key)?.from];
      });
    },

    /** The rerun followed last, unless the tab `activeTabId` shows it already; and a tab showing it. */
    async latest(activeTabId: number | undefined): Promise<(FollowedRerun & { tabId?: number }) | undefined> {
      const state = await load();
      const last = state.followed.at(-1);
      if (!last) return undefined;
      const showing = state.shown.filter((each) => each.key === last.to.key).map((each) => each.tabId);
      if (activeTabId !== undefined && showing.includes(activeTabId)) return undefined;
      return showing[0] === undefined ? last : { ...last, tabId: showing[0] };
    },

    /** A tab closed, or loads another document. */
    gone(tabId: number): Promise<void> {
      return update((state) => [{ ...state, shown: others(state.shown, tabId) }, undefined]);
    },
  };
}
