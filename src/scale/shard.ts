import { InputError } from '../errors.js';

/**
 * Shard maths (pure). A split run never multiplies the load: the whole schedule is computed identically by every
 * shard (same scenario, same seed) and arrival n (0-based, in schedule order) belongs to shard `n mod count`, so
 * each shard's arrivals are exactly a slice of the whole and the union over shards is the whole schedule. The user
 * population is split into disjoint contiguous index ranges.
 */

/** One shard of a split run: `index` 0-based, of `count`. */
export interface ShardSpec {
  readonly index: number;
  readonly count: number;
}

/** The whole run as a single shard. */
export const WHOLE_RUN: ShardSpec = { index: 0, count: 1 };

/** Largest shard count accepted (Kubernetes Indexed Jobs allow up to 10^5 completions with this parallelism). */
export const MAX_SHARD_COUNT = 100_000;

/**
 * Parses `--shard i/N` (0 ≤ i < N, both integers, N ≤ {@link MAX_SHARD_COUNT}). Throws {@link InputError}
 * naming the expectation.
 */
export function parseShard(text: string, path = '--shard'): ShardSpec {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const fail = (message: string): never => {
    throw new InputError(`invalid shard "${text}"`, [{ path, message }], 'write the 0-based shard index and the shard count, e.g. --shard 0/4');
  };
  if (!m) return fail('expected "i/N" with integers, e.g. "0/4" (0-based index of N shards)');
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > MAX_SHARD_COUNT) return fail(`expected a shard count between 1 and ${MAX_SHARD_COUNT}, got ${count}`);
  if (index >= count) return fail(`expected a 0-based index below the count ${count} (0..${count - 1}), got ${index}`);
  return { index, count };
}

/** Formats a shard as `i/N`. */
export function formatShard(shard: ShardSpec): string {
  return `${shard.index}/${shard.count}`;
}

/** True when arrival `n` (0-based position in the whole schedule) belongs to `shard`. */
export function isArrivalInShard(n: number, shard: ShardSpec): boolean {
  return n % shard.count === shard.index;
}

/** The arrivals of `shard` from the whole schedule, in order (arrival n goes to shard n mod count). */
export function shardArrivals<T>(whole: Iterable<T>, shard: ShardSpec): T[] {
  const out: T[] = [];
  let n = 0;
  for (const a of whole) {
    if (n % shard.count === shard.index) out.push(a);
    n += 1;
  }
  return out;
}

/** Lazily filters a schedule (any iterable, e.g. a generator) down to one shard's arrivals. */
export function* filterShard<T>(whole: Iterable<T>, shard: ShardSpec): Generator<T> {
  let n = 0;
  for (const a of whole) {
    if (n % shard.count === shard.index) yield a;
    n += 1;
  }
}

/** Number of the first `total` arrivals that belong to `shard`: ceil((total − index) / count). */
export function shardArrivalCount(total: number, shard: ShardSpec): number {
  return total > shard.index ? Math.ceil((total - shard.index) / shard.count) : 0;
}

/** A contiguous range of user indices: `startIndex` inclusive, `endIndex` exclusive. */
export interface IndexRange {
  readonly startIndex: number;
  readonly endIndex: number;
}

/**
 * The shard's disjoint slice of a population of `populationCount` users: `[floor(i·P/N), floor((i+1)·P/N))`.
 * Slices cover every user exactly once and differ in size by at most one.
 */
export function populationSlice(populationCount: number, shard: ShardSpec): IndexRange {
  return {
    startIndex: Math.floor((shard.index * populationCount) / shard.count),
    endIndex: Math.floor(((shard.index + 1) * populationCount) / shard.count),
  };
}

/** Throws {@link InputError} when some shard would get no users (population smaller than the shard count). */
export function requirePopulationPerShard(populationCount: number, shardCount: number, path = 'population.count'): void {
  if (populationCount >= shardCount) return;
  throw new InputError(`the population of ${populationCount} users cannot be split over ${shardCount} shards`, [
    { path, message: `expected at least one user per shard (>= ${shardCount})` },
  ]);
}
