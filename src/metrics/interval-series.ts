import type { QuotaCategory } from '../cognito/categories.js';
import { createLatencyHistogram, encodeHistogram, recordLatencyUs, type LatencyHistogram } from './histogram.js';
import type { SeriesCategoryPoint, SeriesPoint } from './run-result.js';
import type { Sample } from './sample.js';

interface Bucket {
  requests: number;
  throttles: number;
  errors: number;
  /** Intended-start latency; dropped (null) once the interval is sealed, its percentiles kept. */
  histogram: LatencyHistogram | null;
  p50Us: number;
  p99Us: number;
  /** The histogram encoded when the interval was sealed (undefined when it had no latency). */
  encodedUs: string | undefined;
}

interface Interval {
  planned: number;
  started: number;
  dropped: number;
  all: Bucket;
  byCategory: Map<QuotaCategory, Bucket>;
}

const bucket = (): Bucket => ({ requests: 0, throttles: 0, errors: 0, histogram: createLatencyHistogram(), p50Us: 0, p99Us: 0, encodedUs: undefined });

function sealBucket(b: Bucket): void {
  if (!b.histogram) return;
  if (b.histogram.totalCount > 0) {
    b.p50Us = b.histogram.getValueAtPercentile(50);
    b.p99Us = b.histogram.getValueAtPercentile(99);
    b.encodedUs = encodeHistogram(b.histogram);
  }
  b.histogram = null;
}

function addToBucket(b: Bucket, sample: Sample): void {
  b.requests += 1;
  if (sample.outcome === 'throttled') b.throttles += 1;
  else if (sample.outcome !== 'ok') b.errors += 1;
  if (b.histogram) recordLatencyUs(b.histogram, sample.latencyUs);
}

/**
 * The per-interval series: requests, throttles, errors, p50/p99 (intended-start latency) per interval and per category,
 * plus planned/started/dropped arrivals. Calls are placed by send time (what the target's quota sees), arrivals by
 * intended start. Intervals older than `sealAfterUs` are sealed (percentiles computed, histograms encoded and freed)
 * so memory stays flat over long runs; a call that ends after its interval was sealed still counts, without its
 * latency. The result's points carry each interval's encoded histogram (`encodedUs`), so that merged per-interval
 * percentiles of shard results are exact.
 */
export class IntervalSeries {
  private readonly intervals: Interval[] = [];
  private sealedUpTo = 0;

  constructor(
    /** Interval length, µs. */
    readonly intervalUs: number,
  ) {}

  private at(tUs: number): Interval {
    const i = Math.max(0, Math.floor(tUs / this.intervalUs));
    while (this.intervals.length <= i) {
      this.intervals.push({ planned: 0, started: 0, dropped: 0, all: bucket(), byCategory: new Map() });
    }
    return this.intervals[i]!;
  }

  /** Adds one call. */
  addSample(sample: Sample): void {
    const interval = this.at(sample.sentUs);
    addToBucket(interval.all, sample);
    let c = interval.byCategory.get(sample.category);
    if (!c) {
      c = bucket();
      if (!interval.all.histogram) c.histogram = null;
      interval.byCategory.set(sample.category, c);
    }
    addToBucket(c, sample);
  }

  /** Adds one arrival (planned, and started or dropped). */
  addArrival(intendedStartUs: number, started: boolean): void {
    const interval = this.at(intendedStartUs);
    interval.planned += 1;
    if (started) interval.started += 1;
    else interval.dropped += 1;
  }

  /** Seals every interval that ended before `beforeUs`. */
  seal(beforeUs: number): void {
    const last = Math.min(this.intervals.length, Math.floor(beforeUs / this.intervalUs));
    for (let i = this.sealedUpTo; i < last; i++) {
      const interval = this.intervals[i]!;
      sealBucket(interval.all);
      for (const c of interval.byCategory.values()) sealBucket(c);
    }
    this.sealedUpTo = Math.max(this.sealedUpTo, last);
  }

  /** Number of intervals so far. */
  get length(): number {
    return this.intervals.length;
  }

  /** Figures of one category in interval `i` (for live progress), or undefined. */
  categoryPoint(i: number, category: QuotaCategory): SeriesCategoryPoint | undefined {
    const c = this.intervals[i]?.byCategory.get(category);
    return c ? pointOf(c) : undefined;
  }

  /** Categories seen so far, in first-seen order. */
  categories(): QuotaCategory[] {
    const seen = new Set<QuotaCategory>();
    for (const interval of this.intervals) for (const c of interval.byCategory.keys()) seen.add(c);
    return [...seen];
  }

  /** The whole series (seals nothing; percentiles of open intervals are computed on the fly). */
  points(untilUs?: number): SeriesPoint[] {
    const n = untilUs === undefined ? this.intervals.length : Math.min(this.intervals.length, Math.ceil(untilUs / this.intervalUs));
    const out: SeriesPoint[] = [];
    for (let i = 0; i < n; i++) out.push(this.point(i, true)!);
    return out;
  }

  /**
   * Interval `i` (0-based), or undefined when nothing happened in it or after it yet. O(1) in the series length.
   * `withHistograms` adds the encoded histograms (`encodedUs`; for the result, not for live progress).
   */
  point(i: number, withHistograms = false): SeriesPoint | undefined {
    const interval = this.intervals[i];
    if (!interval) return undefined;
    const byCategory: Partial<Record<QuotaCategory, SeriesCategoryPoint>> = {};
    for (const [c, b] of [...interval.byCategory.entries()].sort(([a], [b2]) => a.localeCompare(b2))) byCategory[c] = pointOf(b, withHistograms);
    return {
      tSec: (i * this.intervalUs) / 1e6,
      plannedArrivals: interval.planned,
      startedArrivals: interval.started,
      droppedArrivals: interval.dropped,
      ...pointOf(interval.all, withHistograms),
      byCategory,
    };
  }
}

function pointOf(b: Bucket, withHistogram = false): SeriesCategoryPoint {
  const h = b.histogram;
  const has = h !== null && h.totalCount > 0;
  const encodedUs = withHistogram ? (has ? encodeHistogram(h) : b.encodedUs) : undefined;
  return {
    requests: b.requests,
    throttles: b.throttles,
    errors: b.errors,
    p50Us: has ? h.getValueAtPercentile(50) : b.p50Us,
    p99Us: has ? h.getValueAtPercentile(99) : b.p99Us,
    ...(encodedUs !== undefined ? { encodedUs } : {}),
  };
}
