import { CognitoServiceError, rateExceeded } from '../../cognito/service-error.js';
import type { Layer } from '../layer.js';
import { chargeOf } from './charge.js';
import type { QuotaLimiter } from './quota-limiter.js';

/** Options of {@link quotaLayer}. */
export interface QuotaLayerOptions {
  /** HTTP status of TooManyRequestsException (default 400, as observed on the wire; the API model says 429). */
  readonly throttleStatus?: number;
  /** Emulator clock, ms. */
  readonly now: () => number;
}

/** LimitExceededException of the per-user hourly limits (message as Cognito words it). */
export function attemptLimitExceeded(): CognitoServiceError {
  return new CognitoServiceError('LimitExceededException', 'Attempt limit exceeded, please try after some time.');
}

/**
 * The quota layer: charges each call to its budgets (see {@link chargeOf}); throws TooManyRequestsException
 * "Rate exceeded" when a rate budget is empty, then LimitExceededException when the user is over an hourly limit
 * (a throttled call does not count as an attempt). Calls to other services (identity pools) pass through.
 */
export function quotaLayer(limiter: QuotaLimiter, options: QuotaLayerOptions): Layer {
  const status = options.throttleStatus ?? 400;
  return async (req, next) => {
    if (req.service !== 'AWSCognitoIdentityProviderService') return next(req);
    const charge = chargeOf(req.operation, req.body);
    const nowMs = options.now();
    const admission = limiter.admit(charge, req, nowMs);
    if (!admission.admitted) throw rateExceeded(status);
    if (!limiter.admitHourly(charge, req, nowMs)) throw attemptLimitExceeded();
    return next(req);
  };
}
