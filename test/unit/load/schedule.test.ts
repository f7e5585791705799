import { describe, expect, it } from 'vitest';
import type { PhaseConfig, RateSegment, Spacing } from '../../../src/config/scenario.js';
import {
  buildTimeline,
  countPlannedArrivals,
  cumulativeAtUs,
  planArrivals,
  rateAtUs,
  weightedIndex,
} from '../../../src/load/schedule.js';

const phase = (segments: RateSegment[], spacing: Spacing = 'uniform'): PhaseConfig => ({
  type: 'constant',
  name: 'p',
  durationMs: segments.reduce((s, x) => s + x.durationMs, 0),
  spacing,
  segments,
});
const seg = (durationMs: number, fromRatePerSec: number, toRatePerSec = fromRatePerSec): RateSegment => ({ durationMs, fromRatePerSec, toRatePerSec });
const offsets = (phases: PhaseConfig[]): number[] => [...planArrivals(buildTimeline(phases), { seed: 1, weights: [1] })].map((a) => a.offsetUs);

describe('planArrivals (uniform): arrival n at Λ⁻¹(n)', () => {
  it.each([
    ['constant 10/s for 1 s', [phase([seg(1000, 10)])], [0, 100_000, 200_000, 300_000, 400_000, 500_000, 600_000, 700_000, 800_000, 900_000]],
    // Λ(t) = 2.5 t² → t_n = √(n / 2.5) s
    ['ramp 0 → 10/s over 2 s', [phase([seg(2000, 0, 10)])], [0, 632_456, 894_427, 1_095_445, 1_264_911, 1_414_214, 1_549_193, 1_673_320, 1_788_854, 1_897_367]],
    // Λ(t) = 10 t − 2.5 t²; n = 5 → t = 2 − √2
    ['ramp 10 → 0/s over 2 s, arrival 5', [phase([seg(2000, 10, 0)])], 'index5:585786'],
    ['pause then constant 2/s', [phase([seg(1000, 0)]), phase([seg(1000, 2)])], [1_000_000, 1_500_000]],
    // Λ = 1.5 at 1 s: n = 2 falls 0.5 arrivals into the second phase → 1 s + 0.5 / 1.5 s
    ['fractional rate across phases', [phase([seg(1000, 1.5)]), phase([seg(1000, 1.5)])], [0, 666_667, 1_333_333]],
    ['a rate of 0 gives nothing', [phase([seg(5000, 0)])], []],
  ] as const)('%s', (_label, phases, expected) => {
    const got = offsets([...phases]);
    if (typeof expected === 'string') {
      const [, i, v] = /index(\d+):(\d+)/.exec(expected)!;
      expect(got[Number(i)]).toBe(Number(v));
    } else {
      expect(got).toEqual(expected);
    }
  });

  it.each([
    ['constant 100/s for 60 s', [phase([seg(60_000, 100)])], 6000],
    ['ramp 0 → 60/s over 60 s', [phase([seg(60_000, 0, 60)])], 1800],
    // spike: 0 → 10 over 1 s (5), hold 1 s (10), 10 → 0 over 1 s (5)
    ['spike', [phase([seg(1000, 0, 10), seg(1000, 10), seg(1000, 10, 0)])], 20],
    ['constant 0.5/s for 3 s (Λ = 1.5: arrivals 0 and 1)', [phase([seg(3000, 0.5)])], 2],
  ] as const)('%s → %d arrivals (exact integration)', (_label, phases, expected) => {
    const tl = buildTimeline([...phases]);
    expect(countPlannedArrivals(tl, { seed: 3, weights: [1] }).total).toBe(expected);
  });

  it('keeps offsets exact far into a long run (no drift)', () => {
    const tl = buildTimeline([phase([seg(3_600_000, 1000)])]);
    let last = -1;
    for (const a of planArrivals(tl, { seed: 1, weights: [1] })) last = a.offsetUs;
    expect(last).toBe(3_599_999_000);
  });
});

describe('planArrivals (poisson)', () => {
  const tl = buildTimeline([phase([seg(100_000, 100)], 'poisson')]);
  it('has the expected count within 3σ and is reproducible per seed', () => {
    const a = countPlannedArrivals(tl, { seed: 42, weights: [1] }).total;
    expect(Math.abs(a - 10_000)).toBeLessThan(300);
    expect(countPlannedArrivals(tl, { seed: 42, weights: [1] }).total).toBe(a);
    expect(countPlannedArrivals(tl, { seed: 43, weights: [1] }).total).not.toBe(a);
  });
  it('has exponential gaps (mean 10 ms, coefficient of variation ≈ 1)', () => {
    const xs = [...planArrivals(tl, { seed: 9, weights: [1] })].map((a) => a.offsetUs);
    const gaps = xs.slice(1).map((x, i) => x - xs[i]!);
    const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
    const sd = Math.sqrt(gaps.reduce((s, g) => s + (g - mean) ** 2, 0) / gaps.length);
    expect(mean).toBeGreaterThan(9_500);
    expect(mean).toBeLessThan(10_500);
    expect(sd / mean).toBeGreaterThan(0.95);
    expect(sd / mean).toBeLessThan(1.05);
  });
  it('is sorted', () => {
    const xs = [...planArrivals(tl, { seed: 5, weights: [1] })].map((a) => a.offsetUs);
    expect(xs).toEqual([...xs].sort((p, q) => p - q));
  });
});

describe('flow choice and slices', () => {
  const tl = buildTimeline([phase([seg(100_000, 100)])]);
  it('follows the weights (3:1) and is seeded', () => {
    const { perFlow } = countPlannedArrivals(tl, { seed: 11, weights: [3, 1] });
    expect(perFlow[0]! + perFlow[1]!).toBe(10_000);
    expect(Math.abs(perFlow[0]! - 7500)).toBeLessThan(200); // σ ≈ 43
    expect(countPlannedArrivals(tl, { seed: 11, weights: [3, 1] }).perFlow).toEqual(perFlow);
  });
  it('slices partition the plan: same arrivals, same flows, split rate', () => {
    const whole = [...planArrivals(tl, { seed: 4, weights: [1, 2, 3] })];
    const s0 = [...planArrivals(tl, { seed: 4, weights: [1, 2, 3], slice: { index: 0, count: 3 } })];
    const s1 = [...planArrivals(tl, { seed: 4, weights: [1, 2, 3], slice: { index: 1, count: 3 } })];
    const s2 = [...planArrivals(tl, { seed: 4, weights: [1, 2, 3], slice: { index: 2, count: 3 } })];
    expect([...s0, ...s1, ...s2].sort((a, b) => a.index - b.index)).toEqual(whole);
    expect(s0.length).toBe(3334);
  });
  it.each([
    [0, 0],
    [0.74, 0],
    [0.75, 1],
    [0.999, 1],
  ])('weightedIndex([3, 4], %d) → %d', (u, expected) => {
    expect(weightedIndex([3, 4], u)).toBe(expected);
  });
});

describe('rate and Λ', () => {
  const tl = buildTimeline([phase([seg(1000, 0)]), phase([seg(2000, 0, 10)]), phase([seg(1000, 4)])]);
  it.each([
    [500_000, 0, 0],
    [1_000_000, 0, 0],
    [2_000_000, 5, 2.5],
    [3_000_000, 4, 10],
    [3_500_000, 4, 12],
    [9_000_000, 0, 14],
  ])('at %d µs: rate %d/s, Λ %d', (t, rate, cumulative) => {
    expect(rateAtUs(tl, t)).toBeCloseTo(rate, 9);
    expect(cumulativeAtUs(tl, t)).toBeCloseTo(cumulative, 9);
  });
  it('records phase starts and the expected total', () => {
    expect(tl.phaseStartsUs).toEqual([0, 1_000_000, 3_000_000]);
    expect(tl.durationUs).toBe(4_000_000);
    expect(tl.expectedArrivals).toBe(14);
  });
});
