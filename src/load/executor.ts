import type { ArrivalEvent } from '../metrics/sample.js';
import type { PlannedArrival } from './schedule.js';

/** Timer functions the executor uses (injected: tests pass a manual clock's timers). */
export interface ExecutorTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** What the executor needs from the run. */
export interface ExecutorOptions {
  /** Planned arrivals in time order (e.g. {@link planArrivals}); pulled lazily. */
  readonly arrivals: Iterator<PlannedArrival>;
  /** Monotonic clock, µs since run start (the same origin as the arrival offsets). */
  readonly nowUs: () => number;
  /** Default: the global setTimeout/clearTimeout. */
  readonly timers?: ExecutorTimers;
  /** Flows running at once; a due arrival beyond it is dropped and counted, never queued. */
  readonly maxInFlight: number;
  /** A start more than this after its due time counts as late, µs (default 10000). */
  readonly lateAfterUs?: number;
  /** Most arrivals started in one timer turn before yielding to I/O (default 256). */
  readonly maxBatch?: number;
  /** Starts one flow; resolves true when all its steps succeeded. A throw or rejection counts as a failed flow. */
  readonly start: (arrival: PlannedArrival) => Promise<boolean>;
  /** Called once per due arrival: started, late or dropped, with the start lag in µs (0 for dropped). */
  readonly onArrival?: (arrival: PlannedArrival, event: ArrivalEvent, startLagUs: number) => void;
  /** Called when a started flow ends. `error` is set when the flow threw (a bug in a flow, not a call outcome). */
  readonly onFlowEnd?: (arrival: PlannedArrival, ok: boolean, endUs: number, error?: unknown) => void;
  /** Stops starting arrivals; in-flight flows are then drained. */
  readonly signal?: AbortSignal;
  /** After the last arrival (or a stop), how long to wait for in-flight flows, ms (default 30000). */
  readonly drainTimeoutMs?: number;
}

/** Counters of one executor run. */
export interface ExecutorStats {
  /** Arrivals that came due (started + dropped). */
  readonly due: number;
  readonly started: number;
  readonly late: number;
  readonly dropped: number;
  readonly completed: number;
  readonly failed: number;
  /** Flows that threw instead of returning false. */
  readonly flowErrors: number;
  /** Highest number of flows running at once. */
  readonly peakInFlight: number;
  /** Flows still running when the drain timeout passed. */
  readonly abandoned: number;
  /** True when the signal stopped the run before every arrival came due. */
  readonly stopped: boolean;
  /** Clock reading when the last arrival came due or the stop was seen, µs. */
  readonly endOfArrivalsUs: number;
}

/**
 * The open-model executor. A timer loop reads the monotonic clock and starts every arrival whose offset has come
 * (offsets are from the run start, so no drift accumulates however long the run); it then sleeps until the next one
 * is due. When `maxInFlight` flows are running, a due arrival is dropped and counted. Resolves when every arrival has
 * come due (or the signal stopped the run) and the in-flight flows have ended or the drain timeout has passed.
 */
export function runExecutor(options: ExecutorOptions): Promise<ExecutorStats> {
  const timers = options.timers ?? { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout) };
  const lateAfterUs = options.lateAfterUs ?? 10_000;
  const maxBatch = options.maxBatch ?? 256;
  const drainTimeoutMs = options.drainTimeoutMs ?? 30_000;
  const s = { due: 0, started: 0, late: 0, dropped: 0, completed: 0, failed: 0, flowErrors: 0, peakInFlight: 0, abandoned: 0, stopped: false, endOfArrivalsUs: 0 };
  let inFlight = 0;
  let next = options.arrivals.next();
  let timer: unknown;
  let draining = false;
  let finished = false;

  return new Promise<ExecutorStats>((resolve) => {
    let drainTimer: unknown;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      if (timer !== undefined) timers.clearTimeout(timer);
      if (drainTimer !== undefined) timers.clearTimeout(drainTimer);
      options.signal?.removeEventListener('abort', onAbort);
      s.abandoned = inFlight;
      resolve({ ...s });
    };
    const startDrain = (): void => {
      if (draining) return;
      draining = true;
      s.endOfArrivalsUs = options.nowUs();
      if (timer !== undefined) timers.clearTimeout(timer);
      timer = undefined;
      if (inFlight === 0) finish();
      else drainTimer = timers.setTimeout(finish, drainTimeoutMs);
    };
    const onAbort = (): void => {
      if (!draining) {
        s.stopped = true;
        startDrain();
      }
    };

    const end = (arrival: PlannedArrival, ok: boolean, error?: unknown): void => {
      inFlight -= 1;
      s.completed += 1;
      if (!ok) s.failed += 1;
      if (error !== undefined) s.flowErrors += 1;
      options.onFlowEnd?.(arrival, ok, options.nowUs(), error);
      if (draining && inFlight === 0) finish();
    };

    const dispatch = (arrival: PlannedArrival, nowUs: number): void => {
      s.due += 1;
      if (inFlight >= options.maxInFlight) {
        s.dropped += 1;
        options.onArrival?.(arrival, 'dropped', 0);
        return;
      }
      const lagUs = Math.max(0, nowUs - arrival.offsetUs);
      const event: ArrivalEvent = lagUs > lateAfterUs ? 'late' : 'started';
      s.started += 1;
      if (event === 'late') s.late += 1;
      inFlight += 1;
      if (inFlight > s.peakInFlight) s.peakInFlight = inFlight;
      options.onArrival?.(arrival, event, lagUs);
      let promise: Promise<boolean>;
      try {
        promise = options.start(arrival);
      } catch (err) {
        promise = Promise.reject(err);
      }
      promise.then(
        (ok) => end(arrival, ok === true),
        (err: unknown) => end(arrival, false, err ?? new Error('flow failed')),
      );
    };

    const tick = (): void => {
      timer = undefined;
      if (draining) return;
      const nowUs = options.nowUs();
      let handled = 0;
      while (!next.done && next.value.offsetUs <= nowUs && handled < maxBatch) {
        dispatch(next.value, nowUs);
        next = options.arrivals.next();
        handled += 1;
      }
      if (next.done) {
        startDrain();
        return;
      }
      // Sleep until the next arrival is due (floor: waking early only costs a re-check; 0 when a batch was cut short).
      const delayMs = Math.max(0, Math.floor((next.value.offsetUs - nowUs) / 1000));
      timer = timers.setTimeout(tick, handled >= maxBatch ? 0 : delayMs);
    };

    if (options.signal?.aborted) {
      s.stopped = true;
      startDrain();
      return;
    }
    options.signal?.addEventListener('abort', onAbort, { once: true });
    tick();
  });
}
