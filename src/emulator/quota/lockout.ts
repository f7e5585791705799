import { CognitoServiceError } from '../../cognito/service-error.js';
import type { LockoutTracker } from '../lockout-tracker.js';

/** Parameters of the failed sign-in lockout (reference section 1). */
export interface LockoutOptions {
  /** Failures that trigger the first lock (default 5). */
  readonly threshold?: number;
  /** First lock duration, ms; doubles with each further failure (default 1000). */
  readonly baseLockMs?: number;
  /** Longest lock, ms (default 900000, "about 15 minutes"). */
  readonly maxLockMs?: number;
}

interface Entry {
  failures: number;
  lastFailureMs: number;
  lockedUntilMs: number;
}

/**
 * Failed sign-in lockout: after `threshold` consecutive failures the user is locked for 1 s, doubling with each
 * further failure up to about 15 minutes; attempts while locked fail with NotAuthorizedException
 * "Password attempts exceeded". A success clears the count. Assumption (not documented by AWS): the count is also
 * forgotten once `maxLockMs` has passed since the last failure. Pure state; the caller passes the clock.
 */
export class FailedSignInLockout implements LockoutTracker {
  private readonly entries = new Map<string, Entry>();
  private readonly threshold: number;
  private readonly baseLockMs: number;
  private readonly maxLockMs: number;

  constructor(options: LockoutOptions = {}) {
    this.threshold = options.threshold ?? 5;
    this.baseLockMs = options.baseLockMs ?? 1000;
    this.maxLockMs = options.maxLockMs ?? 900_000;
  }

  /** Throws NotAuthorizedException "Password attempts exceeded" while `userKey` is locked at `nowMs`. */
  check(userKey: string, nowMs: number): void {
    const e = this.entries.get(userKey);
    if (e && nowMs < e.lockedUntilMs) throw new CognitoServiceError('NotAuthorizedException', 'Password attempts exceeded');
  }

  /** Records a wrong password or proof at `nowMs`; from the threshold on, (re)locks the user. */
  recordFailure(userKey: string, nowMs: number): void {
    let e = this.entries.get(userKey);
    if (!e || nowMs - e.lastFailureMs > this.maxLockMs) e = { failures: 0, lastFailureMs: nowMs, lockedUntilMs: 0 };
    e.failures += 1;
    e.lastFailureMs = nowMs;
    if (e.failures >= this.threshold) e.lockedUntilMs = nowMs + this.lockDurationMs(e.failures);
    this.entries.set(userKey, e);
  }

  /** Records a successful sign-in: clears the failure count. */
  recordSuccess(userKey: string): void {
    this.entries.delete(userKey);
  }

  /** Lock duration after the `failures`-th consecutive failure, ms (0 below the threshold). */
  lockDurationMs(failures: number): number {
    if (failures < this.threshold) return 0;
    return Math.min(this.maxLockMs, this.baseLockMs * 2 ** (failures - this.threshold));
  }

  /** Forgets every user. */
  clear(): void {
    this.entries.clear();
  }
}
