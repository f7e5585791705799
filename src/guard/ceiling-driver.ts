import type { CallMeta, CallResult, Driver } from '../load/flow.js';
import type { RateCeilingGate } from './rate-ceiling.js';

/**
 * Enforces the hard rate ceiling at the transport: a call the gate refuses in the current one-second window waits
 * for the next window instead of being sent (its latency from the intended start grows, so the delay is measured,
 * not hidden). Wrap the run's driver with it when {@link RateCeilingGate} is in force.
 */
export function withRateCeiling(
  driver: Driver,
  gate: RateCeilingGate,
  nowUs: () => number,
  sleepMs: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
  signal?: AbortSignal,
): Driver {
  return {
    name: driver.name,
    model: driver.model,
    async call(operation: string, input: Record<string, unknown>, meta: CallMeta): Promise<CallResult> {
      for (;;) {
        const now = nowUs();
        if (gate.tryAcquire(now) || signal?.aborted) break;
        const nextWindowUs = (Math.floor(now / 1_000_000) + 1) * 1_000_000;
        await sleepMs(Math.max(1, Math.ceil((nextWindowUs - now) / 1000)));
      }
      return driver.call(operation, input, meta);
    },
    close: () => driver.close(),
  };
}
