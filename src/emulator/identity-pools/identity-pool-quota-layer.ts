import { rateExceeded } from '../../cognito/service-error.js';
import type { Layer } from '../layer.js';
import { capacityFor, TokenBucket } from '../quota/token-bucket.js';
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
 * Enforces the identity-pool per-operation quotas (reference section 8) as account-wide token buckets (the quota
 * module's TokenBucket), one per operation, on requests whose service is `AWSCognitoIdentityService`; other requests pass through untouched.
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
      bucket = new TokenBucket(rate, capacityFor(rate, burstSec), req.receivedAtMs);
      buckets.set(req.operation, bucket);
    }
    if (!bucket.canTake(req.receivedAtMs)) throw rateExceeded(options.throttleStatus ?? 400);
    bucket.take(req.receivedAtMs);
    return next(req);
  };
}
