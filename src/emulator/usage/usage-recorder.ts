import type { QuotaCategory } from '../../cognito/categories.js';

/** CallCount and ThrottleCount of one period. */
export interface CallCounts {
  callCount: number;
  throttleCount: number;
}

/** One period of a series: its start (ms since the epoch) and its counts. */
export interface PeriodCounts extends CallCounts {
  readonly startMs: number;
}

/** AWS/Usage-style counts of one category. */
export interface CategoryUsage extends CallCounts {
  /** Per-second periods, oldest first (only periods with calls; the last `retainSeconds`). */
  readonly perSecond: PeriodCounts[];
  /** Per-minute periods, oldest first (only periods with calls; the last `retainMinutes`). */
  readonly perMinute: PeriodCounts[];
}

/** Per pool outcome counts of sign-in, token refresh and sign-up (AWS/Cognito metrics). */
export interface PoolUsage {
  SignInSuccesses: number;
  /** Sign-in attempts that ended (tokens or an error): the SampleCount of SignInSuccesses. */
  SignInAttempts: number;
  SignInThrottles: number;
  TokenRefreshSuccesses: number;
  TokenRefreshAttempts: number;
  TokenRefreshThrottles: number;
  SignUpSuccesses: number;
  SignUpAttempts: number;
  SignUpThrottles: number;
}

/** Pool metric families. */
export type PoolMetricKind = 'SignIn' | 'TokenRefresh' | 'SignUp';

/** Everything recorded since the last reset. */
export interface UsageSnapshot {
  /** Start of the recording (creation or last reset), ms since the epoch. */
  readonly sinceMs: number;
  readonly nowMs: number;
  readonly categories: Partial<Record<QuotaCategory, CategoryUsage>>;
  readonly pools: Record<string, PoolUsage>;
  /** Identity-pool calls per operation (CloudWatch AWS/Usage, service CognitoIdentity, Resource = operation). */
  readonly identityPoolOperations: Record<string, CallCounts>;
}

/** Options of {@link UsageRecorder}. */
export interface UsageRecorderOptions {
  /** Per-second periods kept (default 600). */
  readonly retainSeconds?: number;
  /** Per-minute periods kept (default 120). */
  readonly retainMinutes?: number;
}

class Series {
  private readonly periods = new Map<number, CallCounts>();
  constructor(
    private readonly periodMs: number,
    private readonly retain: number,
  ) {}
  add(atMs: number, throttled: boolean): void {
    const start = Math.floor(atMs / this.periodMs) * this.periodMs;
    let c = this.periods.get(start);
    if (!c) {
      this.periods.set(start, (c = { callCount: 0, throttleCount: 0 }));
      // Map iteration is insertion order: drop the oldest beyond retention (arrivals are nearly time-ordered).
      const cutoff = start - this.retain * this.periodMs;
      for (const k of this.periods.keys()) {
        if (k > cutoff) break;
        this.periods.delete(k);
      }
    }
    c.callCount += 1;
    if (throttled) c.throttleCount += 1;
  }
  list(): PeriodCounts[] {
    return [...this.periods].map(([startMs, c]) => ({ startMs, ...c })).sort((a, b) => a.startMs - b.startMs);
  }
}

interface CategoryState extends CallCounts {
  perSecond: Series;
  perMinute: Series;
}

const emptyPool = (): PoolUsage => ({
  SignInSuccesses: 0,
  SignInAttempts: 0,
  SignInThrottles: 0,
  TokenRefreshSuccesses: 0,
  TokenRefreshAttempts: 0,
  TokenRefreshThrottles: 0,
  SignUpSuccesses: 0,
  SignUpAttempts: 0,
  SignUpThrottles: 0,
});

/**
 * Usage metrics as CloudWatch counts them: AWS/Usage CallCount (every call: succeeded, failed and throttled) and
 * ThrottleCount per category per second and per minute, plus AWS/Cognito per pool Successes/Throttles.
 * Pure state; callers pass times.
 */
export class UsageRecorder {
  private categories = new Map<QuotaCategory, CategoryState>();
  private pools = new Map<string, PoolUsage>();
  private identityOps = new Map<string, CallCounts>();
  private sinceMs: number;
  private readonly retainSeconds: number;
  private readonly retainMinutes: number;

  constructor(nowMs: number, options: UsageRecorderOptions = {}) {
    this.sinceMs = nowMs;
    this.retainSeconds = options.retainSeconds ?? 600;
    this.retainMinutes = options.retainMinutes ?? 120;
  }

  /** Counts one call of `category` that arrived at `atMs`. */
  recordCall(category: QuotaCategory, atMs: number, throttled: boolean): void {
    let s = this.categories.get(category);
    if (!s) {
      s = { callCount: 0, throttleCount: 0, perSecond: new Series(1000, this.retainSeconds), perMinute: new Series(60_000, this.retainMinutes) };
      this.categories.set(category, s);
    }
    s.callCount += 1;
    if (throttled) s.throttleCount += 1;
    s.perSecond.add(atMs, throttled);
    s.perMinute.add(atMs, throttled);
  }

  /** Counts one identity-pool call of `operation` (its category, `IdentityPool`, is counted by {@link recordCall}). */
  recordIdentityOperation(operation: string, throttled: boolean): void {
    let c = this.identityOps.get(operation);
    if (!c) this.identityOps.set(operation, (c = { callCount: 0, throttleCount: 0 }));
    c.callCount += 1;
    if (throttled) c.throttleCount += 1;
  }

  /** Counts one pool outcome: a success, a failure (an attempt without success) or a throttle. */
  recordPool(userPoolId: string, kind: PoolMetricKind, outcome: 'success' | 'failure' | 'throttle'): void {
    let p = this.pools.get(userPoolId);
    if (!p) this.pools.set(userPoolId, (p = emptyPool()));
    if (outcome === 'throttle') p[`${kind}Throttles`] += 1;
    else {
      p[`${kind}Attempts`] += 1;
      if (outcome === 'success') p[`${kind}Successes`] += 1;
    }
  }

  /** A copy of everything recorded. */
  snapshot(nowMs: number): UsageSnapshot {
    const categories: Partial<Record<QuotaCategory, CategoryUsage>> = {};
    for (const [c, s] of this.categories) {
      categories[c] = { callCount: s.callCount, throttleCount: s.throttleCount, perSecond: s.perSecond.list(), perMinute: s.perMinute.list() };
    }
    return {
      sinceMs: this.sinceMs,
      nowMs,
      categories,
      pools: Object.fromEntries([...this.pools].map(([k, v]) => [k, { ...v }])),
      identityPoolOperations: Object.fromEntries([...this.identityOps].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, { ...v }])),
    };
  }

  /** Forgets everything; recording restarts at `nowMs`. */
  reset(nowMs: number): void {
    this.categories = new Map();
    this.pools = new Map();
    this.identityOps = new Map();
    this.sinceMs = nowMs;
  }
}
