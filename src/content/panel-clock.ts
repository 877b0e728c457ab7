// When the SSH panel's countdowns are brought up to date. They change once a second, and each change
// of ours costs the job page a frame: style, layout and paint of the whole page, which on a long log
// takes far longer than the change itself. So a change rides on the page's own: when the page changes
// anyway (a log line streams in), its next frame is coming and ours goes along; only when the page
// has been quiet for a moment after a second went by does the clock write on its own. And while the
// panel is off screen or the tab hidden, nobody reads it: nothing is written until it is seen again.

import type { Ticker } from '../ui/countdown';
import type { StepWatcher } from './step-watcher';

/**
 * How long a countdown may show a second too many, waiting for the page's own next change to carry
 * ours: a log that streams changes the page more often than this. With LOOK_MS, a write comes less than
 * a second late, so the countdown never skips a second.
 */
export const QUIET_PAGE_GRACE_MS = 800;
/** How often a quiet page's countdowns are looked at (no write unless one is out of date). */
const LOOK_MS = 150;

/** Calls `onChange(onScreen)` as `element` enters and leaves the viewport, until `signal` aborts. */
export type OnScreenWatch = (element: Element, onChange: (onScreen: boolean) => void, signal: AbortSignal) => void;

export function runPanelClock(
  panel: Element,
  tickers: ReadonlySet<Ticker>,
  steps: Pick<StepWatcher, 'onDomChange'>,
  signal: AbortSignal,
  watchOnScreen: OnScreenWatch = intersections,
): void {
  let onScreen = true;
  const tickAll = (staleFor: number) => {
    if (!onScreen || document.visibilityState === 'hidden') return;
    const now = Date.now();
    for (const tick of tickers) tick(now, staleFor);
  };
  steps.onDomChange(() => tickAll(0), signal);
  const look = setInterval(() => tickAll(QUIET_PAGE_GRACE_MS), LOOK_MS);
  signal.addEventListener('abort', () => clearInterval(look), { once: true });
  watchOnScreen(
    panel,
    (now) => {
      onScreen = now;
      tickAll(0);
    },
    signal,
  );
  document.addEventListener('visibilitychange', () => tickAll(0), { signal });
}

function intersections(element: Element, onChange: (onScreen: boolean) => void, signal: AbortSignal): void {
  const observer = new IntersectionObserver((entries) => {
    const last = entries.at(-1);
    if (last) onChange(last.isIntersecting);
  });
  observer.observe(element);
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
}
