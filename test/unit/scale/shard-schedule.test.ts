import { describe, expect, it } from 'vitest';
import type { PhaseConfig } from '../../../src/config/scenario.js';
import { planCallsByCategory } from '../../../src/guard/planned-calls.js';
import { buildTimeline, planArrivals, type PlannedArrival } from '../../../src/load/schedule.js';
import { shardArrivals } from '../../../src/scale/shard.js';

const phase = (type: PhaseConfig['type'], seconds: number, from: number, to: number, spacing: PhaseConfig['spacing']): PhaseConfig => ({
  type,
  name: `${type}`,
  durationMs: seconds * 1000,
  spacing,
  segments: [{ durationMs: seconds * 1000, fromRatePerSec: from, toRatePerSec: to }],
});

const key = (a: PlannedArrival): string => `${a.index}@${a.offsetUs}:${a.flowIndex}:${a.phaseIndex}`;

describe('shards of the real schedule (src/load/schedule.ts)', () => {
  const scenarios = [
    { name: 'uniform ramp + constant', phases: [phase('ramp', 5, 0, 40, 'uniform'), phase('constant', 3, 40, 40, 'uniform')] },
    { name: 'poisson constant', phases: [phase('constant', 4, 50, 50, 'poisson')] },
    { name: 'poisson ramp down', phases: [phase('ramp', 3, 60, 5, 'poisson')] },
  ];
  for (const s of scenarios) {
    for (const count of [1, 2, 3, 10]) {
      it(`${s.name}: the union of ${count} shard schedules is the whole schedule, without overlap`, () => {
        const timeline = buildTimeline(s.phases);
        const options = { seed: 99, weights: [3, 1, 1] };
        const whole = [...planArrivals(timeline, options)];
        const shards = Array.from({ length: count }, (_, index) => [...planArrivals(timeline, { ...options, slice: { index, count } })]);
        // The schedule's own slices are exactly the shard maths' slices of the whole.
        shards.forEach((s2, index) => expect(s2.map(key)).toEqual(shardArrivals(whole, { index, count }).map(key)));
        const union = shards.flat().sort((a, b) => a.index - b.index);
        expect(union.map(key)).toEqual(whole.map(key));
        expect(new Set(union.map((a) => a.index)).size).toBe(whole.length);
      });
    }
  }

  it('the dry-run arrival expectation matches the uniform schedule second by second', () => {
    const phases = [phase('ramp', 4, 0, 20, 'uniform'), phase('constant', 2, 10, 10, 'uniform')];
    const whole = [...planArrivals(buildTimeline(phases), { seed: 1, weights: [1] })];
    const counted = new Array<number>(6).fill(0);
    for (const a of whole) counted[Math.floor(a.offsetUs / 1e6)]! += 1;
    const expected = planCallsByCategory({ phases, flows: [{ name: 'profile-read', weight: 1 }] }).perSecond.map((p) => p.arrivals);
    // Uniform spacing rounds each second's expected (fractional) count to a neighbouring integer.
    counted.forEach((n, i) => expect(Math.abs(n - expected[i]!)).toBeLessThan(1));
    expect(whole.length).toBe(expected.reduce((a, b) => a + b, 0));
  });
});
