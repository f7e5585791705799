import { describe, expect, it } from 'vitest';
import {
  filterShard,
  isArrivalInShard,
  parseShard,
  populationSlice,
  requirePopulationPerShard,
  shardArrivalCount,
  shardArrivals,
} from '../../../src/scale/shard.js';
import { InputError } from '../../../src/errors.js';

/** A uniform schedule: arrival n at n / rate seconds (µs), flows alternating. */
function uniformSchedule(ratePerSec: number, seconds: number): { n: number; atUs: number; flow: string }[] {
  return Array.from({ length: Math.round(ratePerSec * seconds) }, (_, n) => ({
    n,
    atUs: Math.round((n * 1e6) / ratePerSec),
    flow: n % 3 === 0 ? 'signUp' : 'signIn',
  }));
}

describe('parseShard', () => {
  it.each([
    ['0/1', { index: 0, count: 1 }],
    ['3/4', { index: 3, count: 4 }],
    [' 9 / 10 ', { index: 9, count: 10 }],
  ])('%s', (text, expected) => expect(parseShard(text)).toEqual(expected));

  it.each([
    ['4/4', 'expected a 0-based index below the count 4 (0..3), got 4'],
    ['0/0', 'expected a shard count between 1 and 100000, got 0'],
    ['1/100001', 'expected a shard count between 1 and 100000, got 100001'],
    ['-1/4', 'expected "i/N" with integers'],
    ['1.5/4', 'expected "i/N" with integers'],
    ['2', 'expected "i/N" with integers'],
    ['', 'expected "i/N" with integers'],
  ])('%s is refused', (text, message) => {
    try {
      parseShard(text);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      expect((err as InputError).problems[0]!.path).toBe('--shard');
      expect((err as InputError).problems[0]!.message).toContain(message);
    }
  });
});

describe('arrival split', () => {
  const cases = [
    { total: 0, count: 3 },
    { total: 1, count: 3 },
    { total: 5, count: 1 },
    { total: 100, count: 4 },
    { total: 101, count: 4 },
    { total: 1000, count: 7 },
    { total: 37, count: 10 },
  ];
  it.each(cases)('the union of $count shard schedules of $total arrivals is the whole, without overlap', ({ total, count }) => {
    const whole = uniformSchedule(total, 1);
    const shards = Array.from({ length: count }, (_, index) => shardArrivals(whole, { index, count }));
    const union = shards.flat().sort((a, b) => a.n - b.n);
    expect(union).toEqual(whole); // same arrivals, same times, same flows; no duplicates (lengths equal)
    expect(new Set(union.map((a) => a.n)).size).toBe(total);
    shards.forEach((s, index) => {
      expect(s.length).toBe(shardArrivalCount(total, { index, count }));
      expect(s.every((a) => isArrivalInShard(a.n, { index, count }))).toBe(true);
      expect([...filterShard(whole, { index, count })]).toEqual(s);
    });
    const sizes = shards.map((s) => s.length);
    expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
  });

  it('splits the rate: 100/s over 10 s in 4 shards is 25/s per shard in every second', () => {
    const whole = uniformSchedule(100, 10);
    for (let index = 0; index < 4; index += 1) {
      const perSecond = new Array<number>(10).fill(0);
      for (const a of shardArrivals(whole, { index, count: 4 })) perSecond[Math.floor(a.atUs / 1e6)]! += 1;
      expect(perSecond).toEqual(new Array(10).fill(25));
    }
  });

  it.each([
    [0, { index: 0, count: 3 }, 0],
    [1, { index: 0, count: 3 }, 1],
    [2, { index: 1, count: 3 }, 1],
    [2, { index: 2, count: 3 }, 0],
    [10, { index: 2, count: 4 }, 2], // arrivals 2, 6
    [11, { index: 2, count: 4 }, 3], // arrivals 2, 6, 10
  ])('shardArrivalCount(%d, %j) = %d', (total, shard, expected) => expect(shardArrivalCount(total, shard)).toBe(expected));
});

describe('population slices', () => {
  it.each([
    [100, 4, [[0, 25], [25, 50], [50, 75], [75, 100]]],
    [10, 3, [[0, 3], [3, 6], [6, 10]]],
    [5, 1, [[0, 5]]],
    [7, 7, [[0, 1], [1, 2], [2, 3], [3, 4], [4, 5], [5, 6], [6, 7]]],
  ])('%d users over %d shards', (users, count, expected) => {
    const slices = Array.from({ length: count }, (_, index) => populationSlice(users, { index, count }));
    expect(slices.map((s) => [s.startIndex, s.endIndex])).toEqual(expected);
  });

  it('slices are disjoint and cover the population exactly (1..50 users × 1..12 shards)', () => {
    for (let users = 1; users <= 50; users += 1) {
      for (let count = 1; count <= 12; count += 1) {
        const seen = new Array<number>(users).fill(0);
        for (let index = 0; index < count; index += 1) {
          const s = populationSlice(users, { index, count });
          for (let u = s.startIndex; u < s.endIndex; u += 1) seen[u]! += 1;
        }
        expect(seen.every((n) => n === 1)).toBe(true);
      }
    }
  });

  it('refuses fewer users than shards', () => {
    expect(() => requirePopulationPerShard(4, 4)).not.toThrow();
    expect(() => requirePopulationPerShard(3, 4)).toThrow(InputError);
  });
});
