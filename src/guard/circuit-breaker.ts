import { TargetError } from '../errors.js';
import { formatShare } from './preflight.js';

/**
 * Circuit breaker (pure state machine): fed one second of outcome counts at a time, it trips when the throttle
 * rate, or a misconfiguration signal (every call NotAuthorizedException, the pool or client unknown), passes its
 * threshold for `consecutiveSeconds` seconds in a row. Once tripped it stays tripped with the reason.
 */

/** Outcome counts of the calls that completed in one second of the run. */
export interface SecondOutcomes {
  /** Second of the run (0-based). */
  readonly tSec: number;
  /** Calls completed in this second (every outcome). */
  readonly calls: number;
  /** Throttled calls (TooManyRequestsException, LimitExceededException). */
  readonly throttled: number;
  /** Non-ok calls by error type. */
  readonly errorsByType: Readonly<Record<string, number>>;
}

/** An error type that signals a misconfigured target when its share of the calls reaches `minShare`. */
export interface MisconfigurationSignal {
  readonly errorType: string;
  /** Share of the second's calls, in (0, 1]. */
  readonly minShare: number;
  /** What the signal means, for the reason string. */
  readonly meaning: string;
}

/** Breaker settings. */
export interface CircuitBreakerConfig {
  /** Throttled share of a second's calls that counts as a bad second; default 0.5. */
  readonly maxThrottleRate: number;
  /** Bad seconds in a row that trip the breaker; default 3. */
  readonly consecutiveSeconds: number;
  /** Seconds with fewer calls are neutral (neither extend nor break a streak); default 3. */
  readonly minCallsPerSecond: number;
  readonly misconfigurationSignals: readonly MisconfigurationSignal[];
}

/** Defaults: throttle rate ≥ 50%, every call NotAuthorized, or ≥ 50% ResourceNotFound, for 3 s in a row. */
export const DEFAULT_CIRCUIT_BREAKER_CONFIG: CircuitBreakerConfig = {
  maxThrottleRate: 0.5,
  consecutiveSeconds: 3,
  minCallsPerSecond: 3,
  misconfigurationSignals: [
    { errorType: 'NotAuthorizedException', minShare: 1, meaning: 'wrong client id or secret, or credentials not allowed' },
    { errorType: 'ResourceNotFoundException', minShare: 0.5, meaning: 'the user pool or app client does not exist in this Region' },
  ],
};

/** One signal's current streak of bad seconds. */
export interface SignalStreak {
  /** `throttle` or the error type of a misconfiguration signal. */
  readonly signal: string;
  /** Bad seconds in a row so far. */
  readonly seconds: number;
  /** First second of the streak. */
  readonly sinceSec: number;
  /** Largest share seen in the streak. */
  readonly peakShare: number;
}

/** Breaker state. */
export interface CircuitBreakerState {
  readonly tripped: boolean;
  /** Why it tripped, with the figures. */
  readonly reason?: string;
  readonly streaks: readonly SignalStreak[];
}

/** A closed breaker. */
export const INITIAL_CIRCUIT_BREAKER_STATE: CircuitBreakerState = { tripped: false, streaks: [] };

/** Advances the breaker by one second (pure). A tripped breaker is returned unchanged. */
export function stepCircuitBreaker(
  state: CircuitBreakerState,
  second: SecondOutcomes,
  config: CircuitBreakerConfig = DEFAULT_CIRCUIT_BREAKER_CONFIG,
): CircuitBreakerState {
  if (state.tripped || second.calls < config.minCallsPerSecond) return state;
  const measures: { signal: string; share: number; threshold: number; describe: (s: SignalStreak) => string }[] = [
    {
      signal: 'throttle',
      share: second.throttled / second.calls,
      threshold: config.maxThrottleRate,
      describe: (s) =>
        `throttle rate reached ${formatShare(s.peakShare)} (threshold ${formatShare(config.maxThrottleRate)}) ` +
        `for ${s.seconds} consecutive seconds (t=${s.sinceSec}..${second.tSec} s): the account's quota is exhausted`,
    },
    ...config.misconfigurationSignals.map((sig) => ({
      signal: sig.errorType,
      share: (second.errorsByType[sig.errorType] ?? 0) / second.calls,
      threshold: sig.minShare,
      describe: (s: SignalStreak) =>
        `${formatShare(s.peakShare)} of calls failed with ${sig.errorType} (threshold ${formatShare(sig.minShare)}) ` +
        `for ${s.seconds} consecutive seconds (t=${s.sinceSec}..${second.tSec} s): ${sig.meaning}`,
    })),
  ];
  const streaks: SignalStreak[] = [];
  for (const m of measures) {
    if (m.share + 1e-12 < m.threshold) continue;
    const prev = state.streaks.find((s) => s.signal === m.signal);
    const next: SignalStreak = prev
      ? { signal: m.signal, seconds: prev.seconds + 1, sinceSec: prev.sinceSec, peakShare: Math.max(prev.peakShare, m.share) }
      : { signal: m.signal, seconds: 1, sinceSec: second.tSec, peakShare: m.share };
    if (next.seconds >= config.consecutiveSeconds) {
      return { tripped: true, reason: `circuit breaker: ${m.describe(next)}`, streaks: [...streaks, next] };
    }
    streaks.push(next);
  }
  return { tripped: false, streaks };
}

/** Mutable wrapper of {@link stepCircuitBreaker} for the runner. */
export class CircuitBreaker {
  private current: CircuitBreakerState = INITIAL_CIRCUIT_BREAKER_STATE;
  constructor(readonly config: CircuitBreakerConfig = DEFAULT_CIRCUIT_BREAKER_CONFIG) {}

  /** Feeds one completed second (in order); returns the new state. */
  observe(second: SecondOutcomes): CircuitBreakerState {
    this.current = stepCircuitBreaker(this.current, second, this.config);
    return this.current;
  }

  get state(): CircuitBreakerState {
    return this.current;
  }
}

/** The error a run ends with when the breaker trips (exit 3). */
export function circuitBreakerError(reason: string): TargetError {
  return new TargetError(reason, 'the run was stopped to protect the account; partial results were written');
}
