import type { QuotaCategory } from '../cognito/categories.js';

/**
 * Outcome of one Cognito call, classified by error type (never by HTTP status):
 * `ok`; `throttled` (TooManyRequestsException, LimitExceededException); `client_error` (any other 4xx type);
 * `server_error` (InternalErrorException, 5xx, unparseable answers); `timeout` (no answer in time, connection errors).
 */
export type Outcome = 'ok' | 'throttled' | 'client_error' | 'server_error' | 'timeout';

/** All outcomes, in report order. */
export const OUTCOMES: readonly Outcome[] = ['ok', 'throttled', 'client_error', 'server_error', 'timeout'];

/**
 * One measured call: what a driver produces and the recorder consumes. Drivers never see histograms.
 * Times are microseconds relative to the run start (the executor's monotonic clock origin).
 */
export interface Sample {
  /** Cognito operation name, e.g. `InitiateAuth`. */
  readonly operation: string;
  /** Quota category the call was charged to (after special rules, e.g. NEW_PASSWORD_REQUIRED → UserAccountRecovery). */
  readonly category: QuotaCategory;
  /** Flow (user journey) the call belongs to. */
  readonly flow: string;
  readonly outcome: Outcome;
  /** Error type (`__type`) for non-ok outcomes, e.g. `NotAuthorizedException`; `Timeout` or `NetworkError` otherwise. */
  readonly errorType?: string;
  /** When the call was meant to start (arrival time plus think times), µs since run start. */
  readonly intendedStartUs: number;
  /** When the request was actually sent, µs since run start. */
  readonly sentUs: number;
  /** Latency from the intended start to the answer, µs (no coordinated omission). */
  readonly latencyUs: number;
  /** Latency from the actual send to the answer (service time), µs. */
  readonly serviceTimeUs: number;
}

/** What happened to one scheduled arrival (one flow start). */
export type ArrivalEvent =
  /** The flow started on time (within the late threshold). */
  | 'started'
  /** The flow started, but later than the late threshold after its intended time. */
  | 'late'
  /** The in-flight cap was reached: the arrival was dropped and counted, not queued. */
  | 'dropped';

/** End of one flow execution. */
export interface FlowCompletion {
  readonly flow: string;
  /** True when every step of the flow succeeded. */
  readonly ok: boolean;
  /** Intended start of the flow, µs since run start. */
  readonly intendedStartUs: number;
  /** Whole-flow latency from the intended start, µs. */
  readonly latencyUs: number;
}
