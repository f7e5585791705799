import type { RunResult, ThresholdResult } from '../run-result.js';
import { formatMeasure } from './format-measure.js';
import { latencyStatisticUs } from './latency-statistic.js';
import { THRESHOLD_METRICS, type Measurement, type ThresholdSubject } from './threshold-metrics.js';
import type { ParsedThreshold, ThresholdOperator, ThresholdScope } from './threshold-types.js';

/**
 * Pure threshold evaluation over a result (or a mid-run snapshot with the same fields).
 *
 * No data: when the selection has no samples (a category, operation or flow with no calls or no planned
 * arrivals, or absent from the result), the threshold cannot be judged. It is reported with status `no-data`,
 * `measured: 0`, a detail naming the empty selection, and counts as FAILED: a gate must not pass on a scenario
 * that never exercised what the threshold guards. (Names themselves are validated when parsing, so a typo is an
 * input error before the run, not a no-data result after it.)
 */

/** The parts of a result thresholds read: a full RunResult or a live snapshot. */
export type ThresholdSource = Pick<RunResult, 'totals' | 'categories' | 'operations' | 'flows'>;

const COMPARE: Readonly<Record<ThresholdOperator, (a: number, b: number) => boolean>> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};

/** Describes a scope for people: `the whole run`, `category UserAuthentication`, ... */
export function describeScope(scope: ThresholdScope): string {
  return scope.kind === 'run' ? 'the whole run' : `${scope.kind} ${scope.name}`;
}

function subjectOf(source: ThresholdSource, scope: ThresholdScope): ThresholdSubject | undefined {
  switch (scope.kind) {
    case 'run': {
      const t = source.totals;
      return {
        calls: t,
        arrivals: {
          planned: t.plannedArrivals,
          started: t.startedArrivals,
          dropped: t.droppedArrivals,
          late: t.lateArrivals,
          achievedRatePerSec: t.achievedRatePerSec,
        },
      };
    }
    case 'category': {
      const c = source.categories[scope.name];
      return c && { calls: c, peakRatePerSec: c.peakRatePerSec };
    }
    case 'operation': {
      const o = source.operations[scope.name];
      return o && { calls: o };
    }
    case 'flow': {
      const f = source.flows[scope.name];
      return (
        f && {
          flow: f,
          arrivals: { planned: f.planned, started: f.started, dropped: f.dropped, late: f.late, achievedRatePerSec: f.achievedRatePerSec },
        }
      );
    }
  }
}

function measure(t: ParsedThreshold, s: ThresholdSubject): Measurement | undefined {
  if (t.latency) {
    const { statistic, basis } = t.latency;
    if (s.calls) {
      const summary = s.calls.latency[basis];
      const encoded = basis === 'intended' ? s.calls.latency.encoded.intendedUs : s.calls.latency.encoded.serviceUs;
      return { value: latencyStatisticUs(statistic, summary, encoded), samples: summary.count };
    }
    if (s.flow) {
      const { summary, encodedUs } = s.flow.latency;
      return { value: latencyStatisticUs(statistic, summary, encodedUs), samples: summary.count };
    }
    return undefined;
  }
  return THRESHOLD_METRICS[t.metric]?.measure(s, t.errorType);
}

const noDataDetail = (t: ParsedThreshold): string => {
  const what = t.metric === 'achieved_rate' || t.metric === 'dropped' || t.metric === 'dropped_rate' || t.metric === 'late'
    ? 'no planned arrivals'
    : t.scope.kind === 'flow' ? 'no completed flows' : 'no calls';
  return `no data: ${what} in ${describeScope(t.scope)}, so the threshold cannot be judged (counted as failed)`;
};

/** Evaluates one threshold. */
export function evaluateThreshold(source: ThresholdSource, t: ParsedThreshold): ThresholdResult {
  const subject = subjectOf(source, t.scope);
  const m = subject && measure(t, subject);
  const base = {
    expression: t.expression,
    metric: t.metric,
    limit: t.limit,
    unit: t.unit,
    ...(t.abortOnFail ? { abortOnFail: true } : {}),
  };
  if (!m || m.samples === 0 || Number.isNaN(m.value)) {
    return { ...base, measured: 0, passed: false, status: 'no-data', samples: 0, detail: noDataDetail(t) };
  }
  const passed = COMPARE[t.operator](m.value, t.limit);
  return {
    ...base,
    measured: m.value,
    passed,
    status: passed ? 'pass' : 'fail',
    samples: m.samples,
    detail: `measured ${formatMeasure(m.value, t.unit)}, limit ${t.operator} ${formatMeasure(t.limit, t.unit)}`,
  };
}

/** Evaluates every threshold, in order. Pure: same inputs, same outputs. */
export function evaluateThresholds(source: ThresholdSource, thresholds: readonly ParsedThreshold[]): ThresholdResult[] {
  return thresholds.map((t) => evaluateThreshold(source, t));
}

/** True when every threshold passed (an empty list passes). */
export function allThresholdsPassed(results: readonly ThresholdResult[]): boolean {
  return results.every((r) => r.passed);
}
