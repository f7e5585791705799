/** Options of {@link pacedLoop}. */
export interface PacedLoopOptions {
  /** Task starts per second. */
  readonly ratePerSec: number;
  /** Most tasks running at once (default 16); further starts wait (pacing is not measured here). */
  readonly maxInFlight?: number;
  readonly signal?: AbortSignal;
  /** Clock, ms (default `performance.now()`). */
  readonly nowMs?: () => number;
  /** Sleep, ms (default a timer that ends early on abort). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** A timer sleep that resolves early when `signal` aborts. */
export function abortableSleep(signal?: AbortSignal): (ms: number) => Promise<void> {
  return (ms) =>
    new Promise<void>((resolve) => {
      if (signal?.aborted || ms <= 0) return resolve();
      const t = setTimeout(done, ms);
      function done(): void {
        clearTimeout(t);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    });
}

/**
 * Runs `task(0..count-1)` with start i due at `start + i / ratePerSec` (no drift), at most `maxInFlight` at once.
 * Stops starting new tasks on abort or after the first task error (which is rethrown once running tasks end).
 * Returns how many tasks were started.
 */
export async function pacedLoop(count: number, options: PacedLoopOptions, task: (index: number) => Promise<void>): Promise<number> {
  const nowMs = options.nowMs ?? (() => performance.now());
  const sleep = options.sleep ?? abortableSleep(options.signal);
  const max = Math.max(1, options.maxInFlight ?? 16);
  const intervalMs = 1000 / Math.max(1e-9, options.ratePerSec);
  const running = new Set<Promise<void>>();
  let failure: { err: unknown } | undefined;
  const start = nowMs();
  let started = 0;
  for (let i = 0; i < count; i += 1) {
    if (options.signal?.aborted || failure) break;
    const wait = start + i * intervalMs - nowMs();
    if (wait > 0) await sleep(wait);
    while (running.size >= max && !failure) await Promise.race(running);
    if (options.signal?.aborted || failure) break;
    const p: Promise<void> = task(i)
      .catch((err: unknown) => {
        failure ??= { err };
      })
      .finally(() => running.delete(p));
    running.add(p);
    started += 1;
  }
  await Promise.all(running);
  if (failure) throw failure.err;
  return started;
}
