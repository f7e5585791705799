import { CognitoServiceError } from '../../cognito/service-error.js';
import type { TriggerInvoker, TriggerName } from '../layer.js';
import { sampleLatencyMs } from '../latency/latency-distribution.js';
import { sleepMs } from '../latency/latency-layer.js';
import { TRIGGER_MAX_ATTEMPTS, TRIGGER_TIMEOUT_MS, triggerSpecFor, type TriggerProfile } from './trigger-profile.js';

/** Counters per trigger, for the metrics endpoint. */
export interface TriggerStats {
  invocations: number;
  attempts: number;
  timeouts: number;
  functionErrors: number;
  invokeErrors: number;
  /** Sum of simulated time spent in the trigger, ms. */
  totalMs: number;
}

/** Options of {@link SimulatedTriggers}. */
export interface SimulatedTriggersOptions {
  readonly random: () => number;
  /** Timer-based wait (default: setTimeout); tests inject a recorder. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * Simulated Lambda triggers. Each attempt draws a duration from the trigger's distribution: above the fixed 5 s
 * timeout, Cognito waits 5 s and retries (at most 3 attempts), then answers UnexpectedLambdaException; otherwise it
 * waits the duration, and then the function may fail (UserLambdaValidationException "<Trigger> failed with error
 * ...") or the invocation may fail (UnexpectedLambdaException), neither retried. Messages follow the wording seen
 * in the wild ("PreSignUp failed with error ...", "... invocation failed due to error ..."); exact texts are not
 * documented. Waits are timers: the event loop is never blocked.
 */
export class SimulatedTriggers implements TriggerInvoker {
  private readonly stats = new Map<TriggerName, TriggerStats>();
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private profile: TriggerProfile,
    private readonly options: SimulatedTriggersOptions,
  ) {
    this.sleep = options.sleep ?? sleepMs;
  }

  /** Replaces the trigger profile (takes effect for the next invocation). */
  setProfile(profile: TriggerProfile): void {
    this.profile = profile;
  }

  private statsOf(trigger: TriggerName): TriggerStats {
    let s = this.stats.get(trigger);
    if (!s) this.stats.set(trigger, (s = { invocations: 0, attempts: 0, timeouts: 0, functionErrors: 0, invokeErrors: 0, totalMs: 0 }));
    return s;
  }

  async invoke(trigger: TriggerName, _userPoolId: string, _operation: string): Promise<void> {
    const spec = triggerSpecFor(this.profile, trigger);
    const s = this.statsOf(trigger);
    s.invocations += 1;
    for (let attempt = 1; attempt <= TRIGGER_MAX_ATTEMPTS; attempt++) {
      s.attempts += 1;
      const durationMs = sampleLatencyMs(spec.latency, this.options.random);
      if (durationMs > TRIGGER_TIMEOUT_MS) {
        s.timeouts += 1;
        s.totalMs += TRIGGER_TIMEOUT_MS;
        await this.sleep(TRIGGER_TIMEOUT_MS);
        continue;
      }
      s.totalMs += durationMs;
      if (durationMs > 0) await this.sleep(durationMs);
      const r = this.options.random();
      if (r < spec.invokeErrorRate) {
        s.invokeErrors += 1;
        throw new CognitoServiceError('UnexpectedLambdaException', `${trigger} invocation failed due to error TooManyRequestsException.`);
      }
      if (r < spec.invokeErrorRate + spec.errorRate) {
        s.functionErrors += 1;
        throw new CognitoServiceError('UserLambdaValidationException', `${trigger} failed with error Simulated trigger failure.`);
      }
      return;
    }
    throw new CognitoServiceError('UnexpectedLambdaException', `${trigger} invocation failed due to error Socket timeout while invoking Lambda function.`);
  }

  /** Counters per trigger since the last reset. */
  snapshot(): Record<string, TriggerStats> {
    return Object.fromEntries([...this.stats].map(([k, v]) => [k, { ...v }]));
  }

  /** Clears the counters. */
  reset(): void {
    this.stats.clear();
  }
}
