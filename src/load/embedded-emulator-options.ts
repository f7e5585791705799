import type { StartEmulatorOptions } from '../emulator/start-emulator.js';
import { limitsAppOptions, limitsFromSpec } from '../emulator/limits-app-options.js';

/** What the run asks of its embedded emulator (plain data: it crosses the process boundary). */
export interface EmbeddedEmulatorSpec {
  /** `aws-default`, `unlimited`, or a quota profile file path. */
  readonly quotas: string;
  /** `realistic`, `zero`, or a latency profile file path. */
  readonly latency: string;
  /** HTTP status of throttles. */
  readonly throttleStatus: number;
  /** Region of pool ids (default us-east-1). */
  readonly region?: string;
}

/**
 * Options for `startEmulator` from the run's spec: 127.0.0.1, a free port, and the emulator's limits (usage
 * metrics, quota token buckets, latency, triggers, lockout, provisioned limits) built from the named profiles.
 */
export async function embeddedEmulatorOptions(spec: EmbeddedEmulatorSpec): Promise<StartEmulatorOptions> {
  const now = (): number => Date.now();
  const limits = await limitsFromSpec({ quotas: spec.quotas, latency: spec.latency, throttleStatus: spec.throttleStatus }, { now });
  return {
    port: 0,
    host: '127.0.0.1',
    now,
    ...(spec.region ? { region: spec.region } : {}),
    ...limitsAppOptions(limits),
  };
}
