import type { CallStats, FlowStats } from '../run-result.js';
import type { ThresholdScope, ThresholdUnit } from './threshold-types.js';

/**
 * The catalogue of threshold metrics: name → unit, where it applies and how it is measured. Parsing validates
 * names against it; evaluation measures through it. Latency metrics (`p50`, `p99.9`, `max`, ...) are handled
 * apart because their name is a pattern (see `latency-statistic.ts`).
 */

/** What a threshold is measured on: the selected group of calls and/or arrivals. */
export interface ThresholdSubject {
  /** Calls of the run, a category or an operation. */
  readonly calls?: CallStats;
  /** Arrival accounting of the run or a flow. */
  readonly arrivals?: {
    readonly planned: number;
    readonly started: number;
    readonly dropped: number;
    readonly late: number;
    readonly achievedRatePerSec: number;
  };
  /** The flow, for flow thresholds. */
  readonly flow?: FlowStats;
  /** Peak one-second call rate of a category. */
  readonly peakRatePerSec?: number;
}

/** A measured value and how many samples (calls or planned arrivals) it rests on; 0 samples = no data. */
export interface Measurement {
  readonly value: number;
  readonly samples: number;
}

/** Definition of one non-latency metric. */
export interface ThresholdMetricDef {
  readonly unit: ThresholdUnit;
  /** Scopes the metric exists for. */
  readonly scopes: readonly ThresholdScope['kind'][];
  /** Whether `{type:<ErrorType>}` may follow the name. */
  readonly typeFilter: boolean;
  /** One line for docs and error messages. */
  readonly describe: string;
  /** Measures the metric; undefined when the subject lacks what it needs (treated as no data). */
  readonly measure: (s: ThresholdSubject, errorType: string | undefined) => Measurement | undefined;
}

const ratio = (num: number, den: number): number => (den > 0 ? num / den : 0);
const nonThrottleErrors = (c: CallStats): number => c.clientErrors + c.serverErrors + c.timeouts;
const typed = (c: CallStats, type: string | undefined): number =>
  type === undefined ? nonThrottleErrors(c) : (c.errorsByType[type] ?? 0);

/** Every non-latency metric, keyed by the name used in expressions. */
export const THRESHOLD_METRICS: Readonly<Record<string, ThresholdMetricDef>> = {
  throttle_rate: {
    unit: 'ratio',
    scopes: ['run', 'category', 'operation'],
    typeFilter: false,
    describe: 'throttled calls / calls',
    measure: (s) => s.calls && { value: ratio(s.calls.throttled, s.calls.count), samples: s.calls.count },
  },
  error_rate: {
    unit: 'ratio',
    scopes: ['run', 'category', 'operation', 'flow'],
    typeFilter: true,
    describe:
      'calls with a client error, server error or timeout / calls (throttles excluded); with {type:X}: calls that ' +
      'failed with error type X / calls; for a flow: failed flows / completed flows',
    measure: (s, type) => {
      if (s.calls) return { value: ratio(typed(s.calls, type), s.calls.count), samples: s.calls.count };
      if (s.flow && type === undefined) return { value: ratio(s.flow.failed, s.flow.completed), samples: s.flow.completed };
      return undefined;
    },
  },
  requests: {
    unit: 'count',
    scopes: ['run', 'category', 'operation'],
    typeFilter: false,
    describe: 'number of calls (every outcome)',
    measure: (s) => s.calls && { value: s.calls.count, samples: s.calls.count },
  },
  throttles: {
    unit: 'count',
    scopes: ['run', 'category', 'operation'],
    typeFilter: false,
    describe: 'number of throttled calls',
    measure: (s) => s.calls && { value: s.calls.throttled, samples: s.calls.count },
  },
  errors: {
    unit: 'count',
    scopes: ['run', 'category', 'operation', 'flow'],
    typeFilter: true,
    describe: 'number of calls with a client error, server error or timeout; with {type:X}: of error type X; for a flow: failed flows',
    measure: (s, type) => {
      if (s.calls) return { value: typed(s.calls, type), samples: s.calls.count };
      if (s.flow && type === undefined) return { value: s.flow.failed, samples: s.flow.completed };
      return undefined;
    },
  },
  rps: {
    unit: 'per_sec',
    scopes: ['run', 'category', 'operation', 'flow'],
    typeFilter: false,
    describe: 'achieved calls per second over the run (flows: started arrivals per second)',
    measure: (s) => {
      if (s.calls) return { value: s.calls.achievedRatePerSec, samples: s.calls.count };
      if (s.flow) return { value: s.flow.achievedRatePerSec, samples: s.flow.planned };
      return undefined;
    },
  },
  peak_rps: {
    unit: 'per_sec',
    scopes: ['category'],
    typeFilter: false,
    describe: 'peak one-second call rate of the category',
    measure: (s) => s.calls && { value: s.peakRatePerSec ?? 0, samples: s.calls.count },
  },
  achieved_rate: {
    unit: 'ratio',
    scopes: ['run', 'flow'],
    typeFilter: false,
    describe: 'started arrivals / planned arrivals (achieved rate / target rate)',
    measure: (s) => s.arrivals && { value: ratio(s.arrivals.started, s.arrivals.planned), samples: s.arrivals.planned },
  },
  dropped: {
    unit: 'count',
    scopes: ['run', 'flow'],
    typeFilter: false,
    describe: 'arrivals dropped because the in-flight cap was reached',
    measure: (s) => s.arrivals && { value: s.arrivals.dropped, samples: s.arrivals.planned },
  },
  dropped_rate: {
    unit: 'ratio',
    scopes: ['run', 'flow'],
    typeFilter: false,
    describe: 'dropped arrivals / planned arrivals',
    measure: (s) => s.arrivals && { value: ratio(s.arrivals.dropped, s.arrivals.planned), samples: s.arrivals.planned },
  },
  late: {
    unit: 'count',
    scopes: ['run', 'flow'],
    typeFilter: false,
    describe: 'arrivals that started later than the late threshold',
    measure: (s) => s.arrivals && { value: s.arrivals.late, samples: s.arrivals.planned },
  },
};

/** Names of every metric, latency patterns included, for error messages and docs. */
export const THRESHOLD_METRIC_NAMES: readonly string[] = [
  'p<N> (p50, p90, p95, p99, p99.9, ...)',
  'min',
  'mean',
  'max',
  ...Object.keys(THRESHOLD_METRICS),
];
