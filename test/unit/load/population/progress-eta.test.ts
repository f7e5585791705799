import { describe, expect, it } from 'vitest';
import { formatEta } from '../../../../src/load/population/progress-eta.js';

describe('formatEta', () => {
  it.each([
    // done, total, elapsedMs → remaining = (total - done) × elapsed / done, rounded up to seconds
    [0, 100, 5_000, 'ETA ?'],
    [10, 100, 0, 'ETA ?'],
    [100, 100, 5_000, 'done'],
    [0, 0, 0, 'done'],
    [50, 100, 10_000, 'ETA 10s'], // 50 × 10 s / 50
    [1, 3, 400, 'ETA 1s'], // 0.8 s → 1 s
    [20, 200, 1_000, 'ETA 9s'], // 180 × 1 s / 20
    [10, 1_000, 1_000, 'ETA 1m39s'], // 990 × 0.1 s = 99 s
    [1, 4_000, 1_000, 'ETA 1h06m39s'], // 3,999 s
  ])('%i of %i after %i ms → %s', (done, total, elapsedMs, expected) => {
    expect(formatEta(done, total, elapsedMs)).toBe(expected);
  });
});
