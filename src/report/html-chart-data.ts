import { QUOTA_CATEGORY_NAMES, type QuotaCategory } from '../cognito/categories.js';
import { decodeHistogram } from '../metrics/histogram.js';
import type { RunResult } from '../metrics/run-result.js';

/**
 * Numbers the HTML report's charts plot, derived from a result (pure). Only numbers and category names: no free
 * text from the result reaches the embedded data.
 */

/** One category's time series. */
export interface CategorySeries {
  readonly category: QuotaCategory;
  readonly quotaRatePerSec: number | null;
  /** `[tSec, value]` points: calls per second in each interval. */
  readonly ratePerSec: readonly (readonly [number, number])[];
  readonly throttlesPerSec: readonly (readonly [number, number])[];
  readonly p99Ms: readonly (readonly [number, number])[];
}

/** A latency-by-percentile curve: `[1/(1−q), latency ms]` points (x on a log scale, as HdrHistogram plots do). */
export interface DistributionCurve {
  readonly category: QuotaCategory;
  readonly count: number;
  readonly points: readonly (readonly [number, number])[];
}

/** Everything the charts need. */
export interface ChartData {
  readonly intervalSec: number;
  readonly categories: readonly CategorySeries[];
  readonly latency: { readonly p50Ms: readonly (readonly [number, number])[]; readonly p99Ms: readonly (readonly [number, number])[] };
  readonly arrivals: {
    readonly planned: readonly (readonly [number, number])[];
    readonly started: readonly (readonly [number, number])[];
    readonly dropped: readonly (readonly [number, number])[];
  };
  readonly distributions: readonly DistributionCurve[];
}

/** Quantiles plotted in the distribution chart (kept while the histogram has enough samples to resolve them). */
export const DISTRIBUTION_QUANTILES = [0, 0.25, 0.5, 0.75, 0.9, 0.95, 0.98, 0.99, 0.995, 0.999, 0.9995, 0.9999] as const;

const round = (n: number, digits = 3): number => Number(n.toFixed(digits));
const num = (n: unknown): number => (typeof n === 'number' && Number.isFinite(n) ? n : 0);

/** Builds the chart data of a result. */
export function buildChartData(r: RunResult): ChartData {
  const intervalSec = r.intervalMs > 0 ? r.intervalMs / 1000 : 1;
  const series = [...r.series].sort((a, b) => a.tSec - b.tSec);
  const categories = QUOTA_CATEGORY_NAMES.filter((c) => (r.categories[c]?.count ?? 0) > 0).map((category): CategorySeries => {
    const points = series.map((p) => [num(p.tSec), p.byCategory[category]] as const);
    return {
      category,
      quotaRatePerSec: r.categories[category]!.quotaRatePerSec,
      ratePerSec: points.map(([t, c]) => [t, round(num(c?.requests) / intervalSec)] as const),
      throttlesPerSec: points.map(([t, c]) => [t, round(num(c?.throttles) / intervalSec)] as const),
      p99Ms: points.filter(([, c]) => num(c?.requests) > 0).map(([t, c]) => [t, round(num(c?.p99Us) / 1000)] as const),
    };
  });
  const withCalls = series.filter((p) => p.requests > 0);
  const distributions = QUOTA_CATEGORY_NAMES.filter((c) => (r.categories[c]?.count ?? 0) > 0).map((category): DistributionCurve => {
    const stats = r.categories[category]!;
    let h;
    try {
      h = decodeHistogram(stats.latency.encoded.intendedUs);
    } catch {
      return { category, count: 0, points: [] };
    }
    const count = h.totalCount;
    const points = DISTRIBUTION_QUANTILES.filter((q) => q === 0 || count * (1 - q) >= 1).map(
      (q) => [round(1 / (1 - q), 4), round(h.getValueAtPercentile(q === 0 ? 0 : q * 100) / 1000)] as const,
    );
    return { category, count, points };
  });
  return {
    intervalSec,
    categories,
    latency: {
      p50Ms: withCalls.map((p) => [num(p.tSec), round(num(p.p50Us) / 1000)] as const),
      p99Ms: withCalls.map((p) => [num(p.tSec), round(num(p.p99Us) / 1000)] as const),
    },
    arrivals: {
      planned: series.map((p) => [num(p.tSec), round(num(p.plannedArrivals) / intervalSec)] as const),
      started: series.map((p) => [num(p.tSec), round(num(p.startedArrivals) / intervalSec)] as const),
      dropped: series.map((p) => [num(p.tSec), round(num(p.droppedArrivals) / intervalSec)] as const),
    },
    distributions,
  };
}
