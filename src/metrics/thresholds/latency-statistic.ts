import { decodeHistogram, type LatencySummary } from '../histogram.js';
import type { LatencyStatistic } from './threshold-types.js';

/**
 * Latency statistics in threshold expressions: `p<N>` (0 < N ≤ 100, e.g. `p95`, `p99.9`), `min`, `mean`, `max`.
 */

const PERCENTILE = /^p(\d{1,3}(?:\.\d+)?)$/;

/** Parses a latency statistic name; undefined when the name is not one. Throws a message for out-of-range pN. */
export function parseLatencyStatistic(name: string): LatencyStatistic | undefined | { readonly error: string } {
  if (name === 'min' || name === 'mean' || name === 'max') return { kind: name };
  const m = PERCENTILE.exec(name);
  if (!m) return undefined;
  const percentile = Number(m[1]);
  if (!(percentile > 0 && percentile <= 100)) return { error: `percentile ${name} is out of range: expected p<N> with 0 < N <= 100` };
  return { kind: 'percentile', percentile };
}

const SUMMARY_FIELD: Readonly<Record<string, keyof LatencySummary>> = {
  '50': 'p50Us',
  '90': 'p90Us',
  '95': 'p95Us',
  '99': 'p99Us',
  '99.9': 'p999Us',
  '100': 'maxUs',
};

/**
 * Reads a statistic in µs from a summary, or from the encoded histogram for percentiles the summary lacks
 * (e.g. p75). Returns 0 for an empty histogram.
 */
export function latencyStatisticUs(stat: LatencyStatistic, summary: LatencySummary, encodedUs: string | undefined): number {
  if (summary.count === 0) return 0;
  switch (stat.kind) {
    case 'min':
      return summary.minUs;
    case 'mean':
      return summary.meanUs;
    case 'max':
      return summary.maxUs;
    case 'percentile': {
      const field = SUMMARY_FIELD[String(stat.percentile)];
      if (field) return summary[field];
      if (!encodedUs) return Number.NaN;
      return decodeHistogram(encodedUs).getValueAtPercentile(stat.percentile);
    }
  }
}
