/**
 * Thresholds: parse (validated against the catalogue), evaluate (pure), abort-on-fail (pure, from snapshots).
 */
export * from './threshold-types.js';
export * from './threshold-metrics.js';
export * from './threshold-limit.js';
export * from './latency-statistic.js';
export * from './format-measure.js';
export * from './parse-threshold.js';
export * from './threshold-entry-schema.js';
export * from './evaluate-thresholds.js';
export * from './live-evaluator.js';
