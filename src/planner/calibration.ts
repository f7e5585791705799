/**
 * CloudWatch calibration (pure): turns AWS/Usage CallCount and ThrottleCount sums per period into observed rates.
 * Counts are per period, so they are divided by the period in seconds. CloudWatch documents 1-minute granularity
 * and an older Cognito page 5 minutes: when the datapoints are spaced wider than the requested period, the data is
 * coarser than asked and each count covers the wider spacing, so the detected spacing is used as the divisor.
 */

/** Raw series of one category as fetched (timestamps ascending or not; CloudWatch omits empty periods). */
export interface UsageSeries {
  /** Category (AWS/Usage `Resource` dimension value). */
  readonly category: string;
  /** Period requested from GetMetricData, s. */
  readonly requestedPeriodSec: number;
  /** Length of the observed window, s (days × 86400). */
  readonly windowSec: number;
  readonly callCounts: readonly { readonly timestampMs: number; readonly sum: number }[];
  readonly throttleCounts: readonly { readonly timestampMs: number; readonly sum: number }[];
}

/** Observed usage of one category. */
export interface ObservedUsage {
  readonly category: string;
  /** Period used as the divisor, s (60 or 300 usually). */
  readonly periodSec: number;
  readonly windowSec: number;
  readonly totalCalls: number;
  /** Highest per-period count / periodSec, req/s. */
  readonly peakRatePerSec: number;
  readonly peakAt: string | null;
  /** totalCalls / windowSec, req/s. */
  readonly avgRatePerSec: number;
  /** peak / avg (0 when there were no calls). */
  readonly peakToAverage: number;
  readonly totalThrottles: number;
  /** Periods with at least one throttle. */
  readonly throttledPeriods: number;
  readonly lastThrottleAt: string | null;
  /** Highest per-period throttle count / periodSec, req/s. */
  readonly peakThrottleRatePerSec: number;
}

/** Smallest spacing between distinct timestamps, s (null with fewer than two points). */
export function detectSpacingSec(timestampsMs: readonly number[]): number | null {
  const ts = [...new Set(timestampsMs)].sort((a, b) => a - b);
  let min = Number.POSITIVE_INFINITY;
  for (let i = 1; i < ts.length; i += 1) min = Math.min(min, (ts[i]! - ts[i - 1]!) / 1000);
  return Number.isFinite(min) ? min : null;
}

/** Observed usage of one category from its series (pure). */
export function observeUsage(s: UsageSeries): ObservedUsage {
  const spacing = detectSpacingSec(s.callCounts.map((p) => p.timestampMs));
  const periodSec = Math.max(s.requestedPeriodSec, spacing ?? s.requestedPeriodSec);
  let total = 0;
  let peakCount = 0;
  let peakAt: number | null = null;
  for (const p of s.callCounts) {
    total += p.sum;
    if (p.sum > peakCount) {
      peakCount = p.sum;
      peakAt = p.timestampMs;
    }
  }
  let throttles = 0;
  let throttledPeriods = 0;
  let lastThrottle: number | null = null;
  let peakThrottle = 0;
  for (const p of s.throttleCounts) {
    throttles += p.sum;
    if (p.sum > 0) {
      throttledPeriods += 1;
      if (lastThrottle === null || p.timestampMs > lastThrottle) lastThrottle = p.timestampMs;
      peakThrottle = Math.max(peakThrottle, p.sum);
    }
  }
  const peak = peakCount / periodSec;
  const avg = s.windowSec > 0 ? total / s.windowSec : 0;
  return {
    category: s.category,
    periodSec,
    windowSec: s.windowSec,
    totalCalls: total,
    peakRatePerSec: peak,
    peakAt: peakAt === null ? null : new Date(peakAt).toISOString(),
    avgRatePerSec: avg,
    peakToAverage: avg > 0 ? peak / avg : 0,
    totalThrottles: throttles,
    throttledPeriods,
    lastThrottleAt: lastThrottle === null ? null : new Date(lastThrottle).toISOString(),
    peakThrottleRatePerSec: peakThrottle / periodSec,
  };
}

/** Period to request for a window of `days`: 60 s while 1-minute data is retained (15 days), else 300 s. */
export function calibrationPeriodSec(days: number): number {
  return days <= 14 ? 60 : 300;
}
