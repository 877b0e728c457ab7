import { describe, expect, it } from 'vitest';
import { createReruns, FOLLOW_WINDOW_MS, isFollowUp } from './reruns';

const T0 = Date.UTC(2026, 11, 7, 9, 0);
const ref = (jobNumber: number, project = 'app.circleci.com/app/github/acme/api') => ({
  key: `${project}/${jobNumber}`,
  url: `https://app.circleci.com/pipelines/github/acme/api/1/workflows/w/jobs/${jobNumber}`,
  jobNumber,
});

describe('isFollowUp', () => {
  it('takes a later job of the same project, soon after the choice', () => {
    expect(isFollowUp(ref(106), T0, ref(116), T0 + 5000)).toBe(true);
    expect(isFollowUp(ref(106), T0, ref(106), T0 + 5000)).toBe(false);
    expect(isFollowUp(ref(106), T0, ref(101), T0 + 5000)).toBe(false);
    expect(isFollowUp(ref(106), T0, ref(116, 'app.circleci.com/app/github/acme/web'), T0)).toBe(false);
    expect(isFollowUp(ref(106), T0, ref(116), T0 + FOLLOW_WINDOW_MS)).toBe(false);
  });
});

describe('reruns', () => {
  const setUp = () => {
    const session = new Map<string, unknown>();
    let now = T0;
    const reruns = createReruns({
      getSession: async (key) => session.get(key),
      setSession: async (key, value) => void session.set(key, value),
      now: () => now,
    });
    return { reruns, later: (ms: number) => (now += ms) };
  };

  it('follows the choice to the next job page of its tab, and names the origin there', async () => {
    const { reruns, later } = setUp();
    expect(await reruns.visited(1, ref(106))).toBeUndefined();
    await reruns.chosen(1, ref(106));
    // Another tab's page is not the rerun.
    expect(await reruns.visited(2, ref(120))).toBeUndefined();
    later(3000);
    expect(await reruns.visited(1, ref(116))).toEqual(ref(106));
    // Known from then on, in any tab; the choice is used up.
    expect(await reruns.visited(2, ref(116))).toEqual(ref(106));
    expect(await reruns.visited(1, ref(130))).toBeUndefined();
  });

  it('offers the latest rerun to the popup, with a tab showing it, unless the active tab shows it', async () => {
    const { reruns } = setUp();
    expect(await reruns.latest(1)).toBeUndefined();
    await reruns.chosen(1, ref(106));
    await reruns.visited(1, ref(116));
    expect(await reruns.latest(1)).toBeUndefined();
    expect(await reruns.latest(2)).toEqual({ from: ref(106), to: ref(116), tabId: 1 });
    await reruns.gone(1);
    expect(await reruns.latest(2)).toEqual({ from: ref(106), to: ref(116) });
  });

  it('forgets a choice that led nowhere', async () => {
    const { reruns, later } = setUp();
    await reruns.chosen(1, ref(106));
    later(FOLLOW_WINDOW_MS);
    expect(await reruns.visited(1, ref(116))).toBeUndefined();
    expect(await reruns.latest(2)).toBeUndefined();
  });
});
