import { describe, expect, it } from 'vitest';
import { RateCeilingGate, checkRateCeiling } from '../../../src/guard/rate-ceiling.js';

describe('checkRateCeiling', () => {
  it.each([
    [100, 500, undefined],
    [500, 500, undefined],
    [500.5, 500, 'the planned peak of 500.5 calls/s exceeds the hard rate ceiling of 500 calls/s'],
    [1e6, Number.POSITIVE_INFINITY, undefined],
  ])('planned %d vs ceiling %d', (planned, ceiling, expected) => {
    expect(checkRateCeiling(planned, ceiling)).toBe(expected);
  });
  it('rejects a ceiling of 0', () => expect(() => checkRateCeiling(1, 0)).toThrow(RangeError));
});

describe('RateCeilingGate', () => {
  it('admits at most the ceiling per one-second window', () => {
    const gate = new RateCeilingGate(3);
    // 5 calls in second 0, 2 in second 1, 4 in second 5.
    const times = [0, 100_000, 200_000, 300_000, 999_999, 1_000_000, 1_500_000, 5_000_000, 5_000_001, 5_000_002, 5_999_999];
    expect(times.map((t) => gate.tryAcquire(t))).toEqual([true, true, true, false, false, true, true, true, true, true, false]);
    expect(gate.denied).toBe(3);
  });
  it('floors a fractional ceiling', () => {
    const gate = new RateCeilingGate(2.5);
    expect([0, 1, 2].map((t) => gate.tryAcquire(t))).toEqual([true, true, false]);
  });
});
