import type { Layer } from '../layer.js';
import { chargeOf } from '../quota/charge.js';
import { sampleLatencyMs } from './latency-distribution.js';
import { latencyFor, type LatencyProfile } from './latency-profile.js';

/** Waits `ms` on a timer (never blocks the event loop). */
export function sleepMs(ms: number): Promise<void> {
  return ms <= 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, ms));
}

/** Options of {@link latencyLayer}. */
export interface LatencyLayerOptions {
  /** Uniform random source in [0, 1) (seeded for reproducible runs). */
  readonly random: () => number;
  /** Timer-based wait (default {@link sleepMs}); tests inject a recorder. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * The latency layer: after the handler answers (or fails), waits a sample of the operation's distribution, so
 * successes and errors both take the service's time. Innermost layer (inside quota: throttles answer at once).
 */
export function latencyLayer(profile: LatencyProfile, options: LatencyLayerOptions): Layer {
  const sleep = options.sleep ?? sleepMs;
  return async (req, next) => {
    const delayMs = sampleLatencyMs(latencyFor(profile, req.operation, chargeOf(req.operation, req.body).category), options.random);
    try {
      return await next(req);
    } finally {
      if (delayMs > 0) await sleep(delayMs);
    }
  };
}
