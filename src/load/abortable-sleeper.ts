/**
 * Sleeps that end early when a signal aborts, with ONE abort listener on the signal however many sleeps are
 * pending (a listener per sleep passes Node's limit of 10 listeners per signal as soon as more than 10 flows think
 * at once, and Node prints a `MaxListenersExceededWarning`). A sleep whose timer fires leaves no trace behind.
 */

/** A sleep function bound to one signal, and how many sleeps are pending (for tests). */
export interface AbortableSleeper {
  /** Resolves after `ms` milliseconds, or at once when the signal is (or becomes) aborted. */
  sleep(ms: number): Promise<void>;
  /** Sleeps not yet resolved. */
  readonly pending: number;
}

/** Creates an {@link AbortableSleeper} for `signal`. */
export function createAbortableSleeper(signal: AbortSignal): AbortableSleeper {
  const waiters = new Map<NodeJS.Timeout, () => void>();
  signal.addEventListener(
    'abort',
    () => {
      for (const [timer, wake] of waiters) {
        clearTimeout(timer);
        wake();
      }
      waiters.clear();
    },
    { once: true },
  );
  return {
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        if (ms <= 0 || signal.aborted) return resolve();
        const timer = setTimeout(() => {
          waiters.delete(timer);
          resolve();
        }, ms);
        waiters.set(timer, resolve);
      }),
    get pending() {
      return waiters.size;
    },
  };
}
