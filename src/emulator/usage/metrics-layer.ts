import { CognitoServiceError } from '../../cognito/service-error.js';
import { IDENTITY_SERVICE } from '../identity-pools/identity-pool-quotas.js';
import type { Layer, OperationRequest, OperationResponse } from '../layer.js';
import { chargeOf } from '../quota/charge.js';
import { poolMetricKind, successOutcome } from './pool-metric-kind.js';
import type { UsageRecorder } from './usage-recorder.js';

function isThrottle(err: unknown): boolean {
  return err instanceof CognitoServiceError && err.type === 'TooManyRequestsException';
}

function errorTypeOf(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const t = (body as Record<string, unknown>).__type;
  return typeof t === 'string' ? t : undefined;
}

/**
 * The usage-metrics layer (outermost): counts every user-pool call in its category at its arrival time
 * (`receivedAtMs`), whether it succeeded, failed or was throttled (TooManyRequestsException, thrown or already
 * mapped to a response), and feeds the per pool sign-in / refresh / sign-up counts. Identity-pool calls
 * (`AWSCognitoIdentityService`) are counted in the `IdentityPool` category and per operation. Other services pass through.
 */
export function metricsLayer(usage: UsageRecorder): Layer {
  return async (req, next) => {
    if (req.service === IDENTITY_SERVICE) return countIdentityCall(usage, req, next);
    if (req.service !== 'AWSCognitoIdentityProviderService') return next(req);
    const { category } = chargeOf(req.operation, req.body);
    const kind = poolMetricKind(req.operation, req.body);
    const pool = req.userPoolId;
    try {
      const res = await next(req);
      const throttled = res.status >= 400 && errorTypeOf(res.body)?.includes('TooManyRequestsException') === true;
      usage.recordCall(category, req.receivedAtMs, throttled);
      if (kind && pool) {
        const outcome = throttled ? 'throttle' : successOutcome(kind, req.operation, res.status, res.body);
        if (outcome) usage.recordPool(pool, kind, outcome);
      }
      return res;
    } catch (err) {
      const throttled = isThrottle(err);
      usage.recordCall(category, req.receivedAtMs, throttled);
      if (kind && pool) usage.recordPool(pool, kind, throttled ? 'throttle' : 'failure');
      throw err;
    }
  };
}

async function countIdentityCall(usage: UsageRecorder, req: OperationRequest, next: (r: OperationRequest) => Promise<OperationResponse>): Promise<OperationResponse> {
  try {
    const res = await next(req);
    const throttled = res.status >= 400 && errorTypeOf(res.body)?.includes('TooManyRequestsException') === true;
    usage.recordCall('IdentityPool', req.receivedAtMs, throttled);
    usage.recordIdentityOperation(req.operation, throttled);
    return res;
  } catch (err) {
    const throttled = isThrottle(err);
    usage.recordCall('IdentityPool', req.receivedAtMs, throttled);
    usage.recordIdentityOperation(req.operation, throttled);
    throw err;
  }
}
