import type { TriggerName } from '../layer.js';
import { NO_LATENCY, type LatencyDistribution } from '../latency/latency-distribution.js';

/** All trigger names of `LambdaConfig` that the emulator simulates. */
export const TRIGGER_NAMES: readonly TriggerName[] = [
  'PreSignUp',
  'PostConfirmation',
  'PreAuthentication',
  'PostAuthentication',
  'PreTokenGeneration',
  'CustomMessage',
  'DefineAuthChallenge',
  'CreateAuthChallenge',
  'VerifyAuthChallengeResponse',
  'UserMigration',
];

/** How one simulated Lambda trigger behaves. */
export interface TriggerSpec {
  /** Duration of one invocation, ms; a sample above the timeout is a timed-out attempt. */
  readonly latency: LatencyDistribution;
  /** Probability (0-1) that the function itself fails: UserLambdaValidationException, no retry. */
  readonly errorRate: number;
  /** Probability (0-1) that the invocation fails (throttled or faulty Lambda): UnexpectedLambdaException, no retry. */
  readonly invokeErrorRate: number;
}

/** Trigger behaviour per trigger name, with a default for unnamed ones. */
export interface TriggerProfile {
  readonly name: string;
  readonly default: TriggerSpec;
  readonly triggers: Readonly<Partial<Record<TriggerName, TriggerSpec>>>;
}

/** Cognito waits 5 s for a trigger (fixed). */
export const TRIGGER_TIMEOUT_MS = 5000;
/** Attempts on timeout (older docs: up to three); invoke errors are not retried. */
export const TRIGGER_MAX_ATTEMPTS = 3;

/** The spec that applies to `trigger`. */
export function triggerSpecFor(profile: TriggerProfile, trigger: TriggerName): TriggerSpec {
  return profile.triggers[trigger] ?? profile.default;
}

/** Instant triggers that never fail. */
export const ZERO_TRIGGERS: TriggerProfile = { name: 'zero', default: { latency: NO_LATENCY, errorRate: 0, invokeErrorRate: 0 }, triggers: {} };

/**
 * ESTIMATES: a warm Node.js Lambda doing light work answers in a few tens of ms as seen by the caller; the p99
 * carries occasional cold starts (several hundred ms). Custom message and pre token generation are typically the
 * heaviest. No failures by default; set errorRate / invokeErrorRate in a `--latency` file to rehearse them.
 */
export const REALISTIC_TRIGGERS: TriggerProfile = {
  name: 'realistic',
  default: { latency: { kind: 'lognormal', medianMs: 25, p99Ms: 400 }, errorRate: 0, invokeErrorRate: 0 },
  triggers: {
    PreTokenGeneration: { latency: { kind: 'lognormal', medianMs: 35, p99Ms: 450 }, errorRate: 0, invokeErrorRate: 0 },
    CustomMessage: { latency: { kind: 'lognormal', medianMs: 35, p99Ms: 450 }, errorRate: 0, invokeErrorRate: 0 },
    UserMigration: { latency: { kind: 'lognormal', medianMs: 120, p99Ms: 900 }, errorRate: 0, invokeErrorRate: 0 },
  },
};

/** Built-in trigger profiles by name (paired with the latency profiles of the same name). */
export const BUILT_IN_TRIGGER_PROFILES: Readonly<Record<string, TriggerProfile>> = { zero: ZERO_TRIGGERS, realistic: REALISTIC_TRIGGERS };
