import type { QuotaCategory } from '../cognito/categories.js';
import type { LatencySummary } from './histogram.js';

/**
 * The result file of a run (`reports/<run-id>/result.json`): versioned, documented, self-contained.
 * Histograms are stored encoded (HdrHistogram compressed base64, microseconds) so results merge losslessly.
 * Reporters and thresholds read only this; they never see samples.
 */

/** Schema identifier written into every result. */
export const RUN_RESULT_SCHEMA = 'cognito-capacity/run-result';
/** Current result schema version. Bump on any incompatible change. */
export const RUN_RESULT_VERSION = 1;

/** Outcome counts of a group of calls. */
export interface OutcomeCounts {
  /** All calls (every outcome). */
  readonly count: number;
  readonly ok: number;
  readonly throttled: number;
  readonly clientErrors: number;
  readonly serverErrors: number;
  readonly timeouts: number;
  /** Non-ok calls by error type, e.g. `{ "NotAuthorizedException": 3, "TooManyRequestsException": 40 }`. */
  readonly errorsByType: Readonly<Record<string, number>>;
}

/** Latency of a group of calls, summarised and encoded. */
export interface LatencyStats {
  /** From the intended start (arrival time + think times): includes any queueing in the generator. */
  readonly intended: LatencySummary;
  /** From the actual send (service time). */
  readonly service: LatencySummary;
  /** Encoded histograms (compressed base64 HdrHistogram, µs) for lossless merging. */
  readonly encoded: { readonly intendedUs: string; readonly serviceUs: string };
}

/** Statistics of one group of calls (an operation, a category, or the whole run). */
export interface CallStats extends OutcomeCounts {
  /** `count / durationSec` over the measured duration. */
  readonly achievedRatePerSec: number;
  /** `throttled / count` (0 when count is 0). */
  readonly throttleRate: number;
  /** `(clientErrors + serverErrors + timeouts) / count` (throttles excluded). */
  readonly errorRate: number;
  readonly latency: LatencyStats;
}

/** One quota category's statistics with its quota, when known. */
export interface CategoryStats extends CallStats {
  readonly category: QuotaCategory;
  /** Quota in force for the target (requests/s), or null when unknown/unlimited. */
  readonly quotaRatePerSec: number | null;
  /** Peak one-second call rate seen in the run. */
  readonly peakRatePerSec: number;
}

/** One operation's statistics. */
export interface OperationStats extends CallStats {
  readonly operation: string;
  readonly category: QuotaCategory;
  /**
   * Quota of the operation itself, requests/s, for operations with a per-operation quota (identity-pool operations,
   * category `IdentityPool`); absent otherwise (their quota is the category's).
   */
  readonly quotaRatePerSec?: number | null;
  /** Peak one-second call rate of the operation (present with `quotaRatePerSec`). */
  readonly peakRatePerSec?: number;
}

/** One flow's arrival accounting and whole-flow latency. */
export interface FlowStats {
  readonly flow: string;
  /** Arrivals the schedule planned for this flow. */
  readonly planned: number;
  /** Arrivals that started (on time or late). */
  readonly started: number;
  /** Started later than the late threshold. */
  readonly late: number;
  /** Dropped because the in-flight cap was reached. */
  readonly dropped: number;
  readonly completed: number;
  /** Completed with every step ok. */
  readonly succeeded: number;
  readonly failed: number;
  /** `started / durationSec`. */
  readonly achievedRatePerSec: number;
  /** `planned / durationSec`. */
  readonly targetRatePerSec: number;
  /** Whole-flow latency from the intended start. */
  readonly latency: { readonly summary: LatencySummary; readonly encodedUs: string };
}

/** Per-category figures of one interval of the series. */
export interface SeriesCategoryPoint {
  readonly requests: number;
  readonly throttles: number;
  readonly errors: number;
  readonly p50Us: number;
  readonly p99Us: number;
  /**
   * Encoded latency histogram (intended start, µs) of the interval's calls. Optional: when every shard carries it,
   * `cogcap merge` recomputes the interval's percentiles exactly; otherwise merged interval percentiles are the
   * worst shard's (an upper bound).
   */
  readonly encodedUs?: string;
}

/** One interval (default 1 s) of the time series, for plots. */
export interface SeriesPoint {
  /** Interval start, seconds since run start. */
  readonly tSec: number;
  /** Arrivals the schedule planned in this interval. */
  readonly plannedArrivals: number;
  readonly startedArrivals: number;
  readonly droppedArrivals: number;
  readonly requests: number;
  readonly throttles: number;
  readonly errors: number;
  readonly p50Us: number;
  readonly p99Us: number;
  /** Encoded latency histogram (intended start, µs) of the interval's calls; see {@link SeriesCategoryPoint.encodedUs}. */
  readonly encodedUs?: string;
  readonly byCategory: Readonly<Partial<Record<QuotaCategory, SeriesCategoryPoint>>>;
}

/** Health of the load generator itself. */
export interface GeneratorHealth {
  /** Event-loop lag percentiles over the run, µs. */
  readonly eventLoopLag: { readonly p50Us: number; readonly p99Us: number; readonly maxUs: number };
  /** Start lag (actual start − intended start) of started arrivals, µs. */
  readonly startLag: { readonly p50Us: number; readonly p99Us: number; readonly maxUs: number };
  /** Average CPU use of the generator process in percent of one core. */
  readonly cpuPercent: number;
  /** Peak resident set size, bytes. */
  readonly maxRssBytes: number;
  /** True when the generator, not the target, limited the run. */
  readonly saturated: boolean;
  /** Human-readable warnings (e.g. "event-loop lag p99 38 ms: the generator is the bottleneck"). */
  readonly warnings: readonly string[];
  /** Per worker (multi-process runs): index and its own health figures. */
  readonly workers?: readonly { readonly worker: string; readonly saturated: boolean; readonly eventLoopLagP99Us: number; readonly cpuPercent: number }[];
}

/** One evaluated threshold. */
export interface ThresholdResult {
  /** The expression as written, e.g. `category:UserAuthentication p99 < 250ms`. */
  readonly expression: string;
  readonly metric: string;
  /** Measured value in the metric's unit (µs for latency, ratio 0-1 for rates, count for counts). */
  readonly measured: number;
  readonly limit: number;
  readonly unit: string;
  readonly passed: boolean;
  /**
   * `pass`, `fail`, or `no-data` when the selection had no samples (no calls, or no planned arrivals): such a
   * threshold cannot be judged and counts as failed (`passed: false`, `measured: 0`). Absent in older results.
   */
  readonly status?: 'pass' | 'fail' | 'no-data';
  /** One line for people, e.g. `measured 312 ms, limit < 250 ms` or `no calls in category UserAuthentication`. */
  readonly detail?: string;
  /** Samples (calls or planned arrivals) the measurement rests on. */
  readonly samples?: number;
  /** True when the threshold was declared with abortOnFail. */
  readonly abortOnFail?: boolean;
  /** Set when the threshold aborted the run. */
  readonly aborted?: boolean;
}

/** Target of the run, secrets removed. */
export interface ResultTarget {
  readonly kind: 'embedded' | 'emulator' | 'aws';
  readonly url?: string;
  readonly region?: string;
  readonly userPoolId?: string;
  readonly clientId?: string;
  /** Quota profile of the embedded emulator (`aws-default`, `unlimited`, or a file name). */
  readonly quotaProfile?: string;
  readonly latencyProfile?: string;
}

/** A whole run's result. */
export interface RunResult {
  readonly schema: typeof RUN_RESULT_SCHEMA;
  readonly version: typeof RUN_RESULT_VERSION;
  readonly runId: string;
  /** Tool version that wrote the result. */
  readonly toolVersion: string;
  readonly scenario: {
    readonly name: string;
    readonly file?: string;
    /** SHA-256 of the normalised scenario (merge refuses different scenarios). */
    readonly hash: string;
    readonly tags: Readonly<Record<string, string>>;
    /** Random seed of the run (schedule, flow choice, user choice): repeat the run with `--seed`. */
    readonly seed?: number;
  };
  readonly target: ResultTarget;
  /** Shard of a split run (`index` 0-based of `count`); absent for a whole run. Merged results list their shards. */
  readonly shard?: { readonly index: number; readonly count: number };
  readonly mergedShards?: readonly { readonly index: number; readonly count: number; readonly runId: string }[];
  readonly startedAt: string;
  readonly endedAt: string;
  /** Measured duration, ms. */
  readonly durationMs: number;
  /** True when the run was stopped early (Ctrl-C, abort-on-fail, circuit breaker). */
  readonly interrupted: boolean;
  readonly interruptReason?: string;
  /** Driver used and whether it is open- or closed-model. */
  readonly driver: { readonly name: string; readonly model: 'open' | 'closed' };
  /** Interval of the series, ms (default 1000). */
  readonly intervalMs: number;
  readonly totals: CallStats & {
    readonly plannedArrivals: number;
    readonly startedArrivals: number;
    readonly droppedArrivals: number;
    readonly lateArrivals: number;
    readonly targetRatePerSec: number;
  };
  readonly categories: Readonly<Partial<Record<QuotaCategory, CategoryStats>>>;
  readonly operations: Readonly<Record<string, OperationStats>>;
  readonly flows: Readonly<Record<string, FlowStats>>;
  readonly series: readonly SeriesPoint[];
  readonly generator: GeneratorHealth;
  readonly thresholds: readonly ThresholdResult[];
  /** Baseline comparison, when one was given. */
  readonly comparison?: unknown;
}
