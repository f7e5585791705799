import type { QuotaCategory } from '../cognito/categories.js';
import { decodeHistogram, createLatencyHistogram, addHistogram, encodeHistogram } from './histogram.js';
import type { SeriesCategoryPoint, SeriesPoint } from './run-result.js';

/**
 * Aligns per-interval series of shard results by `tSec` and sums their counters. Interval percentiles are exact
 * when every shard point carries its encoded histogram (`encodedUs`); otherwise they are the worst shard's value
 * (an upper bound, never an average) and `approximate` is set.
 */

interface Percentiles {
  readonly p50Us: number;
  readonly p99Us: number;
  readonly encodedUs?: string;
}

function mergePercentiles(parts: readonly Percentiles[], requests: readonly number[]): { value: Percentiles; approximate: boolean } {
  const withData = parts.filter((_, i) => requests[i]! > 0);
  if (withData.length === 0) return { value: { p50Us: 0, p99Us: 0 }, approximate: false };
  // Parts without calls carry no histogram and add nothing: exact when every part WITH calls carries one.
  if (withData.every((p) => p.encodedUs !== undefined)) {
    const h = createLatencyHistogram();
    for (const p of withData) addHistogram(h, decodeHistogram(p.encodedUs!));
    const p50Us = h.totalCount ? h.getValueAtPercentile(50) : 0;
    const p99Us = h.totalCount ? h.getValueAtPercentile(99) : 0;
    return { value: { p50Us, p99Us, encodedUs: encodeHistogram(h) }, approximate: false };
  }
  if (withData.length === 1) return { value: { p50Us: withData[0]!.p50Us, p99Us: withData[0]!.p99Us }, approximate: false };
  return {
    value: { p50Us: Math.max(...withData.map((p) => p.p50Us)), p99Us: Math.max(...withData.map((p) => p.p99Us)) },
    approximate: true,
  };
}

const sum = <T>(items: readonly T[], f: (t: T) => number): number => items.reduce((acc, t) => acc + f(t), 0);

/** Merges series; `approximate` is true when some interval percentiles are worst-shard upper bounds. */
export function mergeSeries(seriesList: readonly (readonly SeriesPoint[])[]): { series: SeriesPoint[]; approximate: boolean } {
  const byT = new Map<number, SeriesPoint[]>();
  for (const series of seriesList) {
    for (const p of series) {
      const list = byT.get(p.tSec) ?? [];
      list.push(p);
      byT.set(p.tSec, list);
    }
  }
  let approximate = false;
  const series = [...byT.entries()]
    .sort(([a], [b]) => a - b)
    .map(([tSec, points]): SeriesPoint => {
      const all = mergePercentiles(points, points.map((p) => p.requests));
      approximate ||= all.approximate;
      const categories = [...new Set(points.flatMap((p) => Object.keys(p.byCategory) as QuotaCategory[]))].sort();
      const byCategory: Partial<Record<QuotaCategory, SeriesCategoryPoint>> = {};
      for (const c of categories) {
        const cps = points.map((p) => p.byCategory[c]).filter((x): x is SeriesCategoryPoint => x !== undefined);
        const pct = mergePercentiles(cps, cps.map((p) => p.requests));
        approximate ||= pct.approximate;
        byCategory[c] = {
          requests: sum(cps, (p) => p.requests),
          throttles: sum(cps, (p) => p.throttles),
          errors: sum(cps, (p) => p.errors),
          ...pct.value,
        };
      }
      return {
        tSec,
        plannedArrivals: sum(points, (p) => p.plannedArrivals),
        startedArrivals: sum(points, (p) => p.startedArrivals),
        droppedArrivals: sum(points, (p) => p.droppedArrivals),
        requests: sum(points, (p) => p.requests),
        throttles: sum(points, (p) => p.throttles),
        errors: sum(points, (p) => p.errors),
        ...all.value,
        byCategory,
      };
    });
  return { series, approximate };
}
