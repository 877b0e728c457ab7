// A countdown's text as time passes (the SSH panel's "Connect within 8:12"), written only when what it
// shows changes: each write costs the job page a frame (content/panel-clock.ts decides when to look).

import { formatCountdown } from './time-format';

/**
 * Brings a countdown up to date at `now`, but only if what it shows has been out of date for at least
 * `staleFor` ms (0: as soon as it is out of date).
 */
export type Ticker = (now: number, staleFor: number) => void;

/**
 * A ticker for a countdown to `deadline` whose text was written at `writtenAt`: `write` gets the time
 * left each time it changes, and `undefined` once, at the deadline, after which the ticker does nothing.
 */
export function countdownTicker(
  deadline: number,
  writtenAt: number,
  write: (timeLeft: string | undefined) => void,
): Ticker {
  const at = (moment: number) => (moment >= deadline ? undefined : formatCountdown(deadline - moment));
  let current = at(writtenAt);
  let done = current === undefined;
  return (now, staleFor) => {
    const then = now - staleFor;
    // It only counts down: what it showed at any moment since it was written is what it shows now.
    if (done || then < writtenAt || at(then) === current) return;
    current = at(now);
    writtenAt = now;
    done = current === undefined;
    write(current);
  };
}
