import { describe, expect, it } from 'vitest';
import { capacityFor, TokenBucket } from '../../../../src/emulator/quota/token-bucket.js';

/** Takes as many tokens as allowed at `atMs`, up to `max`; returns how many. */
function drain(b: TokenBucket, atMs: number, max = 1000): number {
  let n = 0;
  while (n < max && b.canTake(atMs)) {
    b.take(atMs);
    n++;
  }
  return n;
}

describe('TokenBucket', () => {
  it.each([
    // rate, capacity, steps [atMs, expected admitted when draining at atMs]
    ['starts full, refuses when empty', 10, 10, [[0, 10], [0, 0]]],
    ['refills continuously (250 ms leaves half a token)', 10, 10, [[0, 10], [100, 1], [250, 1], [300, 1], [349, 0], [1349, 10]]],
    ['never exceeds capacity after idling', 10, 10, [[0, 10], [60_000, 10]]],
    ['fractional refill accumulates', 3, 3, [[0, 3], [200, 0], [334, 1], [667, 1], [1000, 1]]],
    ['small burst', 20, 2, [[0, 2], [50, 1], [100, 1], [1000, 2]]],
  ] as const)('%s', (_name, rate, capacity, steps) => {
    const b = new TokenBucket(rate, capacity, 0);
    for (const [atMs, expected] of steps) expect(drain(b, atMs), `at ${atMs} ms`).toBe(expected);
  });

  it('an unlimited bucket never refuses', () => {
    const b = new TokenBucket(Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY, 0);
    expect(drain(b, 0, 5000)).toBe(5000);
  });

  it('reconfigure takes effect at once and keeps accrued tokens', () => {
    const b = new TokenBucket(10, 10, 0);
    expect(drain(b, 0)).toBe(10);
    b.reconfigure(100, 100, 0);
    expect(drain(b, 100)).toBe(10); // 100/s for 100 ms
    b.reconfigure(1, 1, 100);
    expect(drain(b, 1100)).toBe(1);
  });

  it.each([
    [120, 1, 120],
    [1, 1, 1],
    [0.5, 1, 1],
    [20, 0.1, 2],
    [0, 1, 0],
    [Number.POSITIVE_INFINITY, 1, Number.POSITIVE_INFINITY],
  ])('capacityFor(%s/s, %s s) = %s', (rate, burst, cap) => {
    expect(capacityFor(rate, burst)).toBe(cap);
  });
});
