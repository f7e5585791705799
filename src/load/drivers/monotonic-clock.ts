import { performance } from 'node:perf_hooks';

/**
 * A monotonic clock in integer microseconds since `originMs` (a `performance.now()` reading, default: now).
 * The executor passes its own clock (µs since run start) to drivers; this is the default for stand-alone use.
 */
export function monotonicClockUs(originMs: number = performance.now()): () => number {
  return () => Math.round((performance.now() - originMs) * 1000);
}
