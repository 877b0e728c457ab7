// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { countdownTicker } from '../ui/countdown';
import { QUIET_PAGE_GRACE_MS, runPanelClock } from './panel-clock';

const T0 = Date.UTC(2026, 11, 7, 12, 0, 0);

/** A panel with one countdown to T0 + 8:12, the page's DOM changes and the viewport under the test's control. */
function setup() {
  const controller = new AbortController();
  const writes: { at: number; text: string | undefined }[] = [];
  const tickers = new Set([countdownTicker(T0 + 492_000, T0, (text) => writes.push({ at: Date.now(), text }))]);
  let domChanged = () => {};
  let screen = (_onScreen: boolean) => {};
  runPanelClock(
    document.createElement('div'),
    tickers,
    {
      onDomChange: (listener) => {
        domChanged = listener;
      },
    },
    controller.signal,
    (_element, onChange) => {
      screen = onChange;
    },
  );
  return { writes, domChanged: () => domChanged(), screen: (on: boolean) => screen(on), controller };
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(T0);
});
afterEach(() => {
  vi.useRealTimers();
});

describe('runPanelClock', () => {
  it('on a busy page, writes with the page’s own changes and never on its own', () => {
    const { writes, domChanged } = setup();
    vi.advanceTimersByTime(100); // out of step with the clock's own look
    for (let ms = 100; ms < 5100; ms += 250) {
      vi.advanceTimersByTime(250);
      domChanged();
    }
    expect(writes.map(({ text }) => text)).toEqual(['8:11', '8:10', '8:09', '8:08', '8:07']);
    // Each at the page's first change after the second went by.
    expect(writes.map(({ at }) => at - T0)).toEqual([1100, 2100, 3100, 4100, 5100]);
  });

  it('on a quiet page, writes on its own, a little late, and shows every second', () => {
    const { writes } = setup();
    vi.advanceTimersByTime(11_000);
    expect(writes.map(({ text }) => text)).toEqual([
      '8:11',
      '8:10',
      '8:09',
      '8:08',
      '8:07',
      '8:06',
      '8:05',
      '8:04',
      '8:03',
      '8:02',
    ]);
    for (const [index, { at }] of writes.entries()) {
      const late = at - T0 - (index + 1) * 1000;
      expect(late).toBeGreaterThanOrEqual(QUIET_PAGE_GRACE_MS);
      expect(late).toBeLessThan(1000);
    }
  });

  it('writes nothing while the panel is off screen, and catches up the moment it is back', () => {
    const { writes, screen, domChanged } = setup();
    screen(false);
    vi.advanceTimersByTime(5000);
    domChanged();
    expect(writes).toEqual([]);
    screen(true);
    expect(writes).toEqual([{ at: T0 + 5000, text: '8:07' }]);
  });

  it('writes nothing while the tab is hidden, and catches up when it is shown', () => {
    const { writes, domChanged } = setup();
    const hidden = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden');
    vi.advanceTimersByTime(5000);
    domChanged();
    expect(writes).toEqual([]);
    hidden.mockRestore();
    document.dispatchEvent(new Event('visibilitychange'));
    expect(writes).toEqual([{ at: T0 + 5000, text: '8:07' }]);
  });

  it('stops when the visit ends', () => {
    const { writes, controller } = setup();
    controller.abort();
    vi.advanceTimersByTime(5000);
    document.dispatchEvent(new Event('visibilitychange'));
    expect(writes).toEqual([]);
  });
});
