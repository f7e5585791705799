import type { QuotaCategory } from '../../cognito/categories.js';

/**
 * Types of parsed thresholds. See `parse-threshold.ts` for the expression syntax.
 */

/** What a threshold looks at: the whole run, one quota category, one operation or one flow. */
export type ThresholdScope =
  | { readonly kind: 'run' }
  | { readonly kind: 'category'; readonly name: QuotaCategory }
  | { readonly kind: 'operation'; readonly name: string }
  | { readonly kind: 'flow'; readonly name: string };

/** Comparison operators, as in k6 thresholds. */
export type ThresholdOperator = '<' | '<=' | '>' | '>=' | '==' | '!=';

/** Every operator, longest first (parse order). */
export const THRESHOLD_OPERATORS: readonly ThresholdOperator[] = ['<=', '>=', '==', '!=', '<', '>'];

/**
 * Unit of a threshold's measured value and limit: `us` (latency, microseconds), `ratio` (0-1, written as `1%` or
 * `0.01`), `count` (a whole number), `per_sec` (calls or arrivals per second).
 */
export type ThresholdUnit = 'us' | 'ratio' | 'count' | 'per_sec';

/** Latency measured from the intended start (default, no coordinated omission) or from the actual send. */
export type LatencyBasis = 'intended' | 'service';

/** A latency statistic: a percentile (0 < p ≤ 100), or the minimum, mean or maximum. */
export type LatencyStatistic =
  | { readonly kind: 'percentile'; readonly percentile: number }
  | { readonly kind: 'min' }
  | { readonly kind: 'mean' }
  | { readonly kind: 'max' };

/** A validated threshold, ready to evaluate. */
export interface ParsedThreshold {
  /** The expression as written (trimmed). */
  readonly expression: string;
  readonly scope: ThresholdScope;
  /** Metric name as written after the selector, without basis prefix or filter (`p99`, `throttle_rate`). */
  readonly metric: string;
  /** Set for latency metrics. */
  readonly latency?: { readonly statistic: LatencyStatistic; readonly basis: LatencyBasis };
  /** Error-type filter of `error_rate{type:X}` / `errors{type:X}`. */
  readonly errorType?: string;
  readonly operator: ThresholdOperator;
  /** Limit in the metric's unit (µs for latency, 0-1 for ratios). */
  readonly limit: number;
  readonly unit: ThresholdUnit;
  /** Stop the run when this threshold fails (after {@link delayAbortEvalMs}). Default false. */
  readonly abortOnFail: boolean;
  /** Grace period from the run start before abort-on-fail is evaluated, ms. Default 0. */
  readonly delayAbortEvalMs: number;
}
