import { QUOTA_CATEGORY_NAMES, type QuotaCategory } from '../../cognito/categories.js';
import type { Allowance, Charge } from './charge.js';
import { HourlyLimits } from './hourly-limits.js';
import type { QuotaProfile } from './quota-profile.js';
import { capacityFor, TokenBucket } from './token-bucket.js';

/** Which budget refused a call. */
export type ThrottleReason = 'category' | Allowance | 'perUser' | 'perPoolOperation';

/** The outcome of {@link QuotaLimiter.admit}. */
export type Admission =
  | { readonly admitted: true; /** Budget the call drew on: its category's, or a separate allowance. */ readonly drewOn: 'category' | Allowance }
  | { readonly admitted: false; readonly reason: ThrottleReason | 'hourly' };

/** Who a call acts on (from `OperationRequest`). */
export interface CallTarget {
  readonly operation: string;
  readonly userPoolId: string | null;
  readonly userKey: string | null;
}

/** One category's state, for the metrics endpoint and GetProvisionedLimit. */
export interface CategoryBudget {
  readonly category: QuotaCategory;
  /** Enforced (provisioned) rate, requests/s (Infinity = unlimited). */
  readonly ratePerSec: number;
  /** Cap of UpdateProvisionedLimit, requests/s. */
  readonly accountMaxPerSec: number;
  /** Tokens in the bucket now. */
  readonly availableTokens: number;
}

const IDLE_SWEEP_EVERY = 10_000;

/**
 * The account's request-rate budgets (one emulator process = one account in one Region): smooth token buckets per
 * category shared by all pools, the separate allowances of challenge responses (3x UserAuthentication) and
 * authorization-code redemptions (1x) with spill-over into UserAuthentication,
 * per-user read/write buckets, per-pool per-operation buckets and per-user hourly limits. A call is admitted only
 * when every budget it is charged to has a token; then it takes one from each (a refused call takes none).
 */
export class QuotaLimiter {
  private readonly rates: Record<QuotaCategory, number>;
  private readonly categories = new Map<QuotaCategory, TokenBucket>();
  private readonly allowances: Record<Allowance, TokenBucket>;
  private readonly perUser = new Map<string, TokenBucket>();
  private readonly perPoolOperation = new Map<string, TokenBucket>();
  private readonly hourly = new HourlyLimits();
  private callsSinceSweep = 0;

  constructor(
    readonly profile: QuotaProfile,
    nowMs: number,
  ) {
    this.rates = { ...profile.ratePerSec };
    for (const c of QUOTA_CATEGORY_NAMES) this.categories.set(c, this.bucket(this.rates[c], nowMs));
    this.allowances = {
      challenge: this.bucket(this.allowanceRate('challenge'), nowMs),
      authorizationCode: this.bucket(this.allowanceRate('authorizationCode'), nowMs),
    };
  }

  private bucket(ratePerSec: number, nowMs: number): TokenBucket {
    return new TokenBucket(ratePerSec, capacityFor(ratePerSec, this.profile.burstSec), nowMs);
  }

  /** Rate of a separate allowance: its multiplier x the UserAuthentication rate. */
  allowanceRate(allowance: Allowance): number {
    const multiplier = allowance === 'challenge' ? this.profile.challengeResponseMultiplier : this.profile.authorizationCodeMultiplier;
    return multiplier === 0 ? 0 : this.rates.UserAuthentication * multiplier;
  }

  /** Decides whether a call is admitted at `nowMs`, charging every budget it counts toward when it is. */
  admit(charge: Charge, target: CallTarget, nowMs: number): Admission {
    if (++this.callsSinceSweep >= IDLE_SWEEP_EVERY) this.sweepIdle(nowMs);
    const take: TokenBucket[] = [];
    const categoryBucket = this.categories.get(charge.category) as TokenBucket;
    let drewOn: 'category' | Allowance = 'category';
    const own = charge.allowance ? this.allowances[charge.allowance] : undefined;
    if (charge.allowance && own?.canTake(nowMs)) {
      take.push(own);
      drewOn = charge.allowance;
    } else if (categoryBucket.canTake(nowMs)) {
      take.push(categoryBucket);
    } else {
      return { admitted: false, reason: charge.allowance ?? 'category' };
    }
    if (charge.perUser && target.userKey !== null) {
      const rate = charge.perUser === 'read' ? this.profile.perUserReadPerSec : this.profile.perUserWritePerSec;
      if (rate !== Number.POSITIVE_INFINITY) {
        const key = `${charge.perUser}\u0000${target.userKey}`;
        let b = this.perUser.get(key);
        if (!b) this.perUser.set(key, (b = this.bucket(rate, nowMs)));
        if (!b.canTake(nowMs)) return { admitted: false, reason: 'perUser' };
        take.push(b);
      }
    }
    if (charge.perPoolOperation && target.userPoolId !== null) {
      const rate = this.profile.perPoolPerOperationPerSec[charge.category];
      if (rate !== undefined && rate !== Number.POSITIVE_INFINITY) {
        const key = `${target.userPoolId}\u0000${target.operation}`;
        let b = this.perPoolOperation.get(key);
        if (!b) this.perPoolOperation.set(key, (b = this.bucket(rate, nowMs)));
        if (!b.canTake(nowMs)) return { admitted: false, reason: 'perPoolOperation' };
        take.push(b);
      }
    }
    for (const b of take) b.take(nowMs);
    return { admitted: true, drewOn };
  }

  /**
   * Counts a per-user hourly attempt (call after a rate admission); false when the user is over the hourly limit.
   * Calls without a user or an hourly limit always pass.
   */
  admitHourly(charge: Charge, target: CallTarget, nowMs: number): boolean {
    if (charge.hourlyKey === null || target.userKey === null) return true;
    const limit = this.profile.hourlyLimits[charge.hourlyKey];
    if (limit === undefined) return true;
    return this.hourly.tryAttempt(target.userKey, charge.hourlyKey, limit, nowMs);
  }

  /** The enforced rate of a category, requests/s. */
  ratePerSec(category: QuotaCategory): number {
    return this.rates[category];
  }

  /**
   * Sets a category's enforced rate from `nowMs` on (takes effect at once; tokens accrued so far are kept,
   * clamped to the new bucket size). Changing UserAuthentication also rescales the separate allowances.
   * Bounds (account maximum, adjustability) are the caller's business.
   */
  setRatePerSec(category: QuotaCategory, ratePerSec: number, nowMs: number): void {
    this.rates[category] = ratePerSec;
    (this.categories.get(category) as TokenBucket).reconfigure(ratePerSec, capacityFor(ratePerSec, this.profile.burstSec), nowMs);
    if (category === 'UserAuthentication') {
      for (const a of ['challenge', 'authorizationCode'] as const) {
        const r = this.allowanceRate(a);
        this.allowances[a].reconfigure(r, capacityFor(r, this.profile.burstSec), nowMs);
      }
    }
  }

  /** Every category's budget at `nowMs`. */
  budgets(nowMs: number): CategoryBudget[] {
    return QUOTA_CATEGORY_NAMES.map((category) => ({
      category,
      ratePerSec: this.rates[category],
      accountMaxPerSec: this.profile.accountMaxPerSec[category],
      availableTokens: (this.categories.get(category) as TokenBucket).available(nowMs),
    }));
  }

  /** Tokens left in a separate allowance at `nowMs`. */
  allowanceTokens(allowance: Allowance, nowMs: number): number {
    return this.allowances[allowance].available(nowMs);
  }

  /** Forgets per-user and per-pool buckets that are full again (they behave exactly like new ones). */
  private sweepIdle(nowMs: number): void {
    this.callsSinceSweep = 0;
    for (const map of [this.perUser, this.perPoolOperation]) for (const [k, b] of map) if (b.isFull(nowMs)) map.delete(k);
  }
}
