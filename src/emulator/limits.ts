import type { HttpRoute } from './http-route.js';
import type { Layer, OperationRequest, OperationResponse } from './layer.js';
import { latencyLayer } from './latency/latency-layer.js';
import { ZERO_LATENCY, type LatencyProfile } from './latency/latency-profile.js';
import { FailedSignInLockout, type LockoutOptions } from './quota/lockout.js';
import { provisionedLimitHandlers } from './quota/provisioned-limit-handlers.js';
import { QuotaLimiter } from './quota/quota-limiter.js';
import { quotaLayer } from './quota/quota-layer.js';
import { AWS_DEFAULT_QUOTAS, type QuotaProfile } from './quota/quota-profile.js';
import { SimulatedTriggers } from './triggers/simulated-triggers.js';
import { ZERO_TRIGGERS, type TriggerProfile } from './triggers/trigger-profile.js';
import { metricsLayer } from './usage/metrics-layer.js';
import { metricsRoute } from './usage/metrics-route.js';
import { UsageRecorder } from './usage/usage-recorder.js';

/** Options of {@link createLimits}. */
export interface LimitsOptions {
  /** Quota profile (default `aws-default`); see `loadQuotaProfile` for `--quotas`. */
  readonly quotas?: QuotaProfile;
  /** Service latency (default zero); see `loadLatencySettings` for `--latency`. */
  readonly latency?: LatencyProfile;
  /** Simulated Lambda triggers (default instant, never failing). */
  readonly triggers?: TriggerProfile;
  /** HTTP status of TooManyRequestsException (default 400). */
  readonly throttleStatus?: number;
  /** Burst allowance in seconds of rate; overrides the profile's (default 1). */
  readonly burstSec?: number;
  /** Failed sign-in lockout parameters (default 5 failures, 1 s doubling up to 15 min). */
  readonly lockout?: LockoutOptions;
  /** Emulator clock, ms since the epoch. */
  readonly now: () => number;
  /** Uniform random source in [0, 1) for latency and trigger outcomes (seed it for reproducible runs). */
  readonly random: () => number;
  /** Timer-based wait (default setTimeout); tests inject a recorder. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** Everything the emulator app needs to enforce quotas, add latency, simulate triggers and report usage. */
export interface Limits {
  /** Pipeline layers, outermost first: usage metrics, quota, latency. Compose them around the handlers. */
  readonly layers: Layer[];
  /** HTTP routes: `GET /_cogcap/metrics[?format=prometheus]`, `POST /_cogcap/metrics/reset`. */
  readonly routes: HttpRoute[];
  /** Simulated Lambda triggers (handlers call `invoke` for triggers named in the pool's LambdaConfig). */
  readonly triggers: SimulatedTriggers;
  /** Failed sign-in lockout for the sign-in handlers. */
  readonly lockout: FailedSignInLockout;
  /** Operation handlers: GetProvisionedLimit, UpdateProvisionedLimit. */
  readonly handlers: Record<string, (req: OperationRequest) => Promise<OperationResponse>>;
  /** The account's budgets (inspection, tests). */
  readonly limiter: QuotaLimiter;
  /** The usage counters (inspection, tests). */
  readonly usage: UsageRecorder;
}

/**
 * Builds the emulator's limits. Wiring, in the app: `compose([...limits.layers], dispatch)` with
 * `limits.handlers` registered by operation name, `limits.routes` added to the HTTP routes, and
 * `limits.triggers` / `limits.lockout` passed to the handlers' context.
 */
export function createLimits(options: LimitsOptions): Limits {
  const base = options.quotas ?? AWS_DEFAULT_QUOTAS;
  const profile: QuotaProfile = options.burstSec === undefined ? base : { ...base, burstSec: options.burstSec };
  const limiter = new QuotaLimiter(profile, options.now());
  const usage = new UsageRecorder(options.now());
  const triggers = new SimulatedTriggers(options.triggers ?? ZERO_TRIGGERS, { random: options.random, ...(options.sleep ? { sleep: options.sleep } : {}) });
  const lockout = new FailedSignInLockout(options.lockout);
  const latency = options.latency ?? ZERO_LATENCY;
  const layers: Layer[] = [
    metricsLayer(usage),
    quotaLayer(limiter, { now: options.now, ...(options.throttleStatus !== undefined ? { throttleStatus: options.throttleStatus } : {}) }),
    latencyLayer(latency, { random: options.random, ...(options.sleep ? { sleep: options.sleep } : {}) }),
  ];
  const h = provisionedLimitHandlers(limiter, options.now);
  return {
    layers,
    routes: [metricsRoute({ usage, now: options.now, budgets: (nowMs) => limiter.budgets(nowMs), triggers })],
    triggers,
    lockout,
    handlers: { GetProvisionedLimit: h.GetProvisionedLimit, UpdateProvisionedLimit: h.UpdateProvisionedLimit },
    limiter,
    usage,
  };
}
