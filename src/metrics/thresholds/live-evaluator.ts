import type { ThresholdResult } from '../run-result.js';
import { evaluateThreshold, type ThresholdSource } from './evaluate-thresholds.js';
import type { ParsedThreshold } from './threshold-types.js';

/**
 * Abort-on-fail during a run (k6's abortOnFail + delayAbortEval). Pure: the runner calls
 * {@link evaluateAbortThresholds} with a snapshot of the results so far (e.g. once a second) and stops the run when
 * `abort` is true. Rules:
 * - only thresholds declared with `abortOnFail` are considered;
 * - each is considered only once `elapsedMs >= delayAbortEvalMs` (its grace delay);
 * - only a real failure aborts: `no-data` does not (the data may still come), it is judged at the end.
 */

/** Outcome of one live check. */
export interface LiveThresholdVerdict {
  /** True when at least one abort-on-fail threshold failed after its grace delay. */
  readonly abort: boolean;
  /** The failing abort-on-fail thresholds (with `aborted: true`), in declaration order. */
  readonly triggered: readonly ThresholdResult[];
  /** One line for people, set when `abort` is true. */
  readonly reason?: string;
}

/**
 * Checks the abort-on-fail thresholds against a snapshot.
 * @param snapshot results so far (a RunResult or anything with totals, categories, operations and flows)
 * @param elapsedMs time since the run start, ms
 */
export function evaluateAbortThresholds(
  snapshot: ThresholdSource,
  elapsedMs: number,
  thresholds: readonly ParsedThreshold[],
): LiveThresholdVerdict {
  const triggered = thresholds
    .filter((t) => t.abortOnFail && elapsedMs >= t.delayAbortEvalMs)
    .map((t) => evaluateThreshold(snapshot, t))
    .filter((r) => r.status === 'fail')
    .map((r) => ({ ...r, aborted: true }));
  if (triggered.length === 0) return { abort: false, triggered };
  const first = triggered[0]!;
  return {
    abort: true,
    triggered,
    reason: `threshold "${first.expression}" failed (${first.detail}) at ${Math.round(elapsedMs / 1000)}s: run aborted (abortOnFail)`,
  };
}

/**
 * Marks final threshold results as `aborted` when their expression triggered the abort (for the result file).
 */
export function markAborted(results: readonly ThresholdResult[], triggered: readonly ThresholdResult[]): ThresholdResult[] {
  const names = new Set(triggered.map((t) => t.expression));
  return results.map((r) => (names.has(r.expression) ? { ...r, aborted: true } : r));
}
