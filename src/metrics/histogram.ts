import * as hdr from 'hdr-histogram-js';

/**
 * The only place that builds HDR histograms. Histograms record integer microseconds from 1 µs to 1 hour with
 * 3 significant digits; they cross process boundaries encoded (compressed base64) and merge with `add`,
 * never by averaging percentiles.
 */

/** A latency histogram in microseconds. */
export type LatencyHistogram = hdr.Histogram;

/** Highest trackable latency: 1 hour in microseconds. */
export const HISTOGRAM_MAX_US = 3_600_000_000;

/** Creates an empty latency histogram (packed, JS implementation: no WebAssembly start-up). */
export function createLatencyHistogram(): LatencyHistogram {
  return hdr.build({
    bitBucketSize: 64,
    autoResize: true,
    lowestDiscernibleValue: 1,
    highestTrackableValue: HISTOGRAM_MAX_US,
    numberOfSignificantValueDigits: 3,
    useWebAssembly: false,
  });
}

/** Records one latency in microseconds (rounded, clamped to [1, HISTOGRAM_MAX_US]). */
export function recordLatencyUs(histogram: LatencyHistogram, latencyUs: number): void {
  const v = Math.min(HISTOGRAM_MAX_US, Math.max(1, Math.round(latencyUs)));
  histogram.recordValue(v);
}

/** Encodes a histogram for a result file or another process. */
export function encodeHistogram(histogram: LatencyHistogram): string {
  return hdr.encodeIntoCompressedBase64(histogram);
}

/** Decodes a histogram produced by {@link encodeHistogram}. */
export function decodeHistogram(encoded: string): LatencyHistogram {
  const decoded = hdr.decodeFromCompressedBase64(encoded, 64, false);
  const h = createLatencyHistogram();
  h.add(decoded);
  return h;
}

/** Adds `from` into `into` (lossless merge). */
export function addHistogram(into: LatencyHistogram, from: LatencyHistogram): void {
  into.add(from);
}

/** Percentile summary of a latency histogram, all in microseconds. */
export interface LatencySummary {
  readonly count: number;
  readonly minUs: number;
  readonly meanUs: number;
  readonly p50Us: number;
  readonly p90Us: number;
  readonly p95Us: number;
  readonly p99Us: number;
  readonly p999Us: number;
  readonly maxUs: number;
}

/** Summarises a histogram; an empty one gives zeros with count 0. */
export function summarizeHistogram(h: LatencyHistogram): LatencySummary {
  const count = h.totalCount;
  if (count === 0) {
    return { count: 0, minUs: 0, meanUs: 0, p50Us: 0, p90Us: 0, p95Us: 0, p99Us: 0, p999Us: 0, maxUs: 0 };
  }
  return {
    count,
    minUs: h.minNonZeroValue,
    meanUs: Math.round(h.mean),
    p50Us: h.getValueAtPercentile(50),
    p90Us: h.getValueAtPercentile(90),
    p95Us: h.getValueAtPercentile(95),
    p99Us: h.getValueAtPercentile(99),
    p999Us: h.getValueAtPercentile(99.9),
    maxUs: h.maxValue,
  };
}
