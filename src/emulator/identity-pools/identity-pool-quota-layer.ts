import { rateExceeded } from '../../cognito/service-error.js';
import type { Layer } from '../layer.js';
import { IDENTITY_POOL_QUOTAS, IDENTITY_SERVICE } from './identity-pool-quotas.js';

/** Options of {@link identityPoolQuotaLayer}. */
export interface IdentityPoolQuotaOptions {
  /** Per-operation overrides of the default rate, requests per second (e.g. `{ GetId: 50 }`). */
  readonly ratePerSec?: Readonly<Record<string, number>>;
  /** Burst capacity as a multiple of the rate (default 1: one second of requests). */
  readonly burstSec?: number;
  /** Throttle answers' HTTP status (default 400, as observed on the wire). */
  readonly throttleStatus?: number;
}

/**
 * A token bucket: `capacity` tokens, refilled continuously at `ratePerSec`. Pure arithmetic on the caller's clock.
 */
export class TokenBucket {
  private tokens: number;
  private lastMs: number | undefined;
  constructor(
    readonly ratePerSec: number,
    readonly capacity: number,
  ) {
    this.tokens = capacity;
  }

  /** Takes one token at `nowMs`; false (and nothing taken) when the bucket is empty. */
  take(nowMs: number): boolean {
    if (this.lastMs !== undefined && nowMs > this.lastMs) {
      this.tokens = Math.min(this.capacity, this.tokens + ((nowMs - this.lastMs) * this.ratePerSec) / 1000);
    }
    if (this.lastMs === undefined || nowMs > this.lastMs) this.lastMs = nowMs;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

/**
 * Enforces the identity-pool per-operation quotas (reference section 8) as account-wide token buckets, one per
 * operation, on requests whose service is `AWSCognitoIdentityService`; other requests pass through untouched.
 * Over quota: TooManyRequestsException "Rate exceeded". Place it where the user-pool quota layer sits (after usage
 * metrics, before latency), so throttled calls are still counted.
 */
export function identityPoolQuotaLayer(options: IdentityPoolQuotaOptions = {}): Layer {
  const buckets = new Map<string, TokenBucket>();
  const burstSec = options.burstSec ?? 1;
  return async (req, next) => {
    if (req.service !== IDENTITY_SERVICE) return next(req);
    const rate = options.ratePerSec?.[req.operation] ?? IDENTITY_POOL_QUOTAS[req.operation]?.defaultRatePerSec;
    if (rate === undefined || !Number.isFinite(rate)) return next(req);
    let bucket = buckets.get(req.operation);
    if (!bucket) {
      bucket = new TokenBucket(rate, Math.max(1, rate * burstSec));
      buckets.set(req.operation, bucket);
    }
    if (!bucket.take(req.receivedAtMs)) throw rateExceeded(options.throttleStatus ?? 400);
    return next(req);
  };
}
