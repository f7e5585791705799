import { QUOTA_CATEGORY_NAMES, type QuotaCategory } from '../cognito/categories.js';
import type { RunResult } from '../metrics/run-result.js';

/**
 * Baseline comparison (`cogcap compare`, `cogcap run --baseline`): per quota category, p95 and p99 latency (from the
 * intended start) and throttle rate of a result against a baseline result.
 *
 * Rules (defaults in {@link DEFAULT_COMPARE_OPTIONS}):
 * - a category is judged only when both runs have at least `minSamples` calls in it (default 100: below that
 *   a p99 is little more than the maximum); otherwise it is `insufficient-data`, neither pass nor failure;
 * - latency regresses when `current > baseline × (1 + tolerance)` AND `current − baseline > minLatencyDeltaUs`
 *   (default 10% and 1 ms: sub-millisecond jitter on an emulator is not a regression);
 * - throttle rate regresses when `current − baseline > throttleTolerance` percentage points (default 1 point:
 *   relative change is meaningless around 0%);
 * - any regression fails the comparison.
 */

/** Options of {@link compareResults}. */
export interface CompareOptions {
  /** Relative latency tolerance, 0-1. Default 0.10 (10%). */
  readonly tolerance?: number;
  /** Absolute throttle-rate tolerance, 0-1. Default 0.01 (1 percentage point). */
  readonly throttleTolerance?: number;
  /** Calls needed in both runs to judge a category. Default 100. */
  readonly minSamples?: number;
  /** Smallest latency increase counted as a regression, µs. Default 1000 (1 ms). */
  readonly minLatencyDeltaUs?: number;
}

/** The defaults of {@link CompareOptions}. */
export const DEFAULT_COMPARE_OPTIONS: Required<CompareOptions> = {
  tolerance: 0.1,
  throttleTolerance: 0.01,
  minSamples: 100,
  minLatencyDeltaUs: 1000,
};

/** One compared metric of one category. */
export interface MetricDelta {
  readonly metric: 'p95' | 'p99' | 'throttle_rate';
  /** µs for latency, 0-1 for the throttle rate. */
  readonly baseline: number;
  readonly current: number;
  readonly unit: 'us' | 'ratio';
  /** `current − baseline` in the unit. */
  readonly delta: number;
  /** `delta / baseline`, or null when the baseline is 0. */
  readonly relative: number | null;
  readonly regressed: boolean;
}

/** Comparison of one category. */
export interface CategoryComparison {
  readonly category: QuotaCategory;
  readonly baselineCount: number;
  readonly currentCount: number;
  readonly status: 'pass' | 'regression' | 'insufficient-data';
  /** Deltas (present whenever both runs have calls in the category). */
  readonly deltas: readonly MetricDelta[];
  /** Why a category was not judged. */
  readonly note?: string;
}

/** A whole comparison. Stored in `RunResult.comparison` by `cogcap run --baseline`. */
export interface Comparison {
  readonly kind: 'cogcap-comparison';
  readonly verdict: 'pass' | 'fail';
  readonly options: Required<CompareOptions>;
  readonly baselineRunId: string;
  readonly currentRunId: string;
  /** False when the two results come from different scenarios (compared anyway, flagged). */
  readonly sameScenario: boolean;
  readonly categories: readonly CategoryComparison[];
  readonly regressions: number;
  readonly insufficient: number;
}

/** True when `value` is a {@link Comparison} (e.g. read back from `RunResult.comparison`). */
export function isComparison(value: unknown): value is Comparison {
  return typeof value === 'object' && value !== null && (value as Comparison).kind === 'cogcap-comparison' && Array.isArray((value as Comparison).categories);
}

function latencyDelta(metric: 'p95' | 'p99', baseline: number, current: number, o: Required<CompareOptions>): MetricDelta {
  const delta = current - baseline;
  return {
    metric,
    baseline,
    current,
    unit: 'us',
    delta,
    relative: baseline > 0 ? delta / baseline : null,
    regressed: current > baseline * (1 + o.tolerance) && delta > o.minLatencyDeltaUs,
  };
}

/** Compares `current` against `baseline` (see module doc). Pure. */
export function compareResults(baseline: RunResult, current: RunResult, options: CompareOptions = {}): Comparison {
  const o: Required<CompareOptions> = { ...DEFAULT_COMPARE_OPTIONS, ...options };
  const names = QUOTA_CATEGORY_NAMES.filter((c) => baseline.categories[c] || current.categories[c]);
  const categories = names.map((category): CategoryComparison => {
    const b = baseline.categories[category];
    const c = current.categories[category];
    const baselineCount = b?.count ?? 0;
    const currentCount = c?.count ?? 0;
    const deltas: MetricDelta[] =
      b && c && baselineCount > 0 && currentCount > 0
        ? [
            latencyDelta('p95', b.latency.intended.p95Us, c.latency.intended.p95Us, o),
            latencyDelta('p99', b.latency.intended.p99Us, c.latency.intended.p99Us, o),
            {
              metric: 'throttle_rate',
              baseline: b.throttleRate,
              current: c.throttleRate,
              unit: 'ratio',
              delta: c.throttleRate - b.throttleRate,
              relative: b.throttleRate > 0 ? (c.throttleRate - b.throttleRate) / b.throttleRate : null,
              regressed: c.throttleRate - b.throttleRate > o.throttleTolerance,
            },
          ]
        : [];
    if (baselineCount < o.minSamples || currentCount < o.minSamples) {
      return {
        category,
        baselineCount,
        currentCount,
        status: 'insufficient-data',
        deltas: deltas.map((d) => ({ ...d, regressed: false })),
        note: `${baselineCount} baseline and ${currentCount} current calls: at least ${o.minSamples} needed in both to judge`,
      };
    }
    return { category, baselineCount, currentCount, status: deltas.some((d) => d.regressed) ? 'regression' : 'pass', deltas };
  });
  const regressions = categories.filter((c) => c.status === 'regression').length;
  return {
    kind: 'cogcap-comparison',
    verdict: regressions > 0 ? 'fail' : 'pass',
    options: o,
    baselineRunId: baseline.runId,
    currentRunId: current.runId,
    sameScenario: baseline.scenario.hash === current.scenario.hash,
    categories,
    regressions,
    insufficient: categories.filter((c) => c.status === 'insufficient-data').length,
  };
}
