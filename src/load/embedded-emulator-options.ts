import type { StartEmulatorOptions } from '../emulator/start-emulator.js';
import { BUILT_IN_LATENCY_PROFILES } from '../emulator/latency/latency-profile.js';
import { latencyLayer } from '../emulator/latency/latency-layer.js';
import { loadQuotaProfile } from '../emulator/quota/quota-profile-file.js';
import { quotaLayer } from '../emulator/quota/quota-layer.js';
import { QuotaLimiter } from '../emulator/quota/quota-limiter.js';
import { InputError } from '../errors.js';

/** What the run asks of its embedded emulator (plain data: it crosses the process boundary). */
export interface EmbeddedEmulatorSpec {
  /** `aws-default`, `unlimited`, or a quota profile file path. */
  readonly quotas: string;
  /** `realistic` or `zero`. */
  readonly latency: string;
  /** HTTP status of throttles. */
  readonly throttleStatus: number;
  /** Region of pool ids (default us-east-1). */
  readonly region?: string;
}

/**
 * Options for `startEmulator` from the run's spec: 127.0.0.1, a free port, and the pipeline layers that enforce the
 * quota profile (token buckets, TooManyRequestsException) and add the latency profile, outermost first.
 * (Adapter: composes the emulator's own quota and latency layers until `startEmulator` takes profile names.)
 */
export async function embeddedEmulatorOptions(spec: EmbeddedEmulatorSpec): Promise<StartEmulatorOptions> {
  const now = (): number => Date.now();
  const quotas = await loadQuotaProfile(spec.quotas);
  const latency = BUILT_IN_LATENCY_PROFILES[spec.latency];
  if (!latency) {
    throw new InputError(`unknown latency profile ${spec.latency}`, [
      { path: 'target.embedded.latency', message: `expected one of ${Object.keys(BUILT_IN_LATENCY_PROFILES).join(', ')}` },
    ]);
  }
  const limiter = new QuotaLimiter(quotas, now());
  return {
    port: 0,
    host: '127.0.0.1',
    now,
    ...(spec.region ? { region: spec.region } : {}),
    layers: [quotaLayer(limiter, { throttleStatus: spec.throttleStatus, now }), latencyLayer(latency, { random: Math.random })],
  };
}
