import { describe, expect, it } from 'vitest';
import { countdownTicker } from './countdown';

const T0 = 1_000_000;

function ticker(deadline = T0 + 8 * 60_000 + 12_000) {
  const written: (string | undefined)[] = [];
  const tick = countdownTicker(deadline, T0, (text) => written.push(text));
  return { tick, written };
}

describe('countdownTicker', () => {
  it('writes each second once, when it changes, and nothing in between', () => {
    const { tick, written } = ticker();
    for (let ms = 0; ms <= 2000; ms += 100) tick(T0 + ms, 0);
    expect(written).toEqual(['8:11', '8:10']);
  });

  it('waits until what it shows has been out of date for `staleFor`', () => {
    const { tick, written } = ticker();
    tick(T0 + 1300, 400); // out of date since T0 + 1000: 300 ms
    expect(written).toEqual([]);
    tick(T0 + 1400, 400);
    expect(written).toEqual(['8:11']);
    tick(T0 + 1500, 0); // up to date
    expect(written).toEqual(['8:11']);
  });

  it('writes the time left at the moment it writes, not when it went out of date', () => {
    const { tick, written } = ticker();
    tick(T0 + 2500, 400);
    expect(written).toEqual(['8:10']);
  });

  it('counts from when it last wrote: what it showed then is not out of date', () => {
    const { tick, written } = ticker();
    tick(T0 + 200, 400); // 400 ms before: before it was written
    tick(T0 + 1100, 0);
    tick(T0 + 1300, 400); // it wrote 8:11 at 1100
    expect(written).toEqual(['8:11']);
  });

  it('ends at the deadline: undefined once, then nothing', () => {
    const deadline = T0 + 2000;
    const { tick, written } = ticker(deadline);
    tick(deadline - 1, 0);
    tick(deadline, 0);
    tick(deadline + 5000, 0);
    expect(written).toEqual(['0:01', undefined]);
  });
});
