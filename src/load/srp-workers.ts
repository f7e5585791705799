import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ClientSignatureParams } from '../cognito/srp.js';
import { IN_THREAD_SRP, type SrpEngine } from './srp-engine.js';
import type { SrpAnswer, SrpTask } from './srp-worker.js';

/** How to start SRP workers: the compiled entry (dist) or the TypeScript source through tsx (tests, dev). */
export interface SrpWorkerEntry {
  readonly kind: 'compiled' | 'tsx';
  /** Worker constructor arguments. */
  readonly spec: string | URL;
  readonly eval: boolean;
}

/**
 * Finds the worker entry next to this module: `srp-worker.js` when running compiled (dist/); otherwise
 * `srp-worker.ts` loaded through tsx's ESM hooks when tsx is installed (vitest and tsx runs of the sources).
 * Undefined when neither works: callers fall back to in-thread maths.
 */
export function resolveSrpWorkerEntry(baseUrl: string = import.meta.url): SrpWorkerEntry | undefined {
  const js = new URL('./srp-worker.js', baseUrl);
  if (existsSync(fileURLToPath(js))) return { kind: 'compiled', spec: js, eval: false };
  const ts = new URL('./srp-worker.ts', baseUrl);
  if (!existsSync(fileURLToPath(ts))) return undefined;
  const api = resolveTsxApi(baseUrl);
  if (!api) return undefined;
  const code =
    `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(ts.href)}); })` +
    `.catch((e) => { setImmediate(() => { throw e; }); });`;
  return { kind: 'tsx', spec: code, eval: true };
}

function resolveTsxApi(baseUrl: string): string | undefined {
  try {
    const resolve = (import.meta as { resolve?: (s: string) => string }).resolve;
    if (typeof resolve === 'function') return resolve('tsx/esm/api');
  } catch {
    // fall through to a package-relative lookup
  }
  try {
    const pkg = createRequire(baseUrl).resolve('tsx/package.json');
    const mjs = join(dirname(pkg), 'dist', 'esm', 'api', 'index.mjs');
    return existsSync(mjs) ? pathToFileURL(mjs).href : undefined;
  } catch {
    return undefined;
  }
}

/** Options of {@link createSrpWorkerPool}. */
export interface SrpWorkerPoolOptions {
  /** Worker threads (default: available cores − 1, at least 1, at most 4). */
  readonly size?: number;
  /** Worker entry (default {@link resolveSrpWorkerEntry} next to `baseUrl`). */
  readonly entry?: SrpWorkerEntry;
  /** Module URL the entry is resolved next to (default this module's URL). */
  readonly baseUrl?: string;
}

interface Slot {
  readonly worker: Worker;
  pending: number;
  alive: boolean;
}

/**
 * SRP maths in a small pool of worker threads, so that 3072-bit modPows never delay the generator's arrival clock.
 * Tasks go to the least-busy live worker; if every worker has died, calls fall back to in-thread maths.
 * Workers keep the process alive only while tasks are pending. Undefined entry → returns undefined.
 */
export function createSrpWorkerPool(options: SrpWorkerPoolOptions = {}): SrpEngine | undefined {
  const entry = options.entry ?? resolveSrpWorkerEntry(options.baseUrl);
  if (!entry) return undefined;
  const size = Math.max(1, options.size ?? Math.min(4, availableParallelism() - 1));
  const waiting = new Map<number, { slot: Slot; resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  let closed = false;

  const slots: Slot[] = Array.from({ length: size }, () => {
    const worker = new Worker(entry.spec, { eval: entry.eval });
    const slot: Slot = { worker, pending: 0, alive: true };
    worker.unref();
    worker.on('message', (answer: SrpAnswer) => {
      const w = waiting.get(answer.id);
      if (!w) return;
      waiting.delete(answer.id);
      settle(slot);
      if (answer.ok) w.resolve(answer.value);
      else w.reject(new Error(answer.error));
    });
    const die = (err: Error): void => {
      if (!slot.alive) return;
      slot.alive = false;
      for (const [id, w] of waiting) {
        if (w.slot === slot) {
          waiting.delete(id);
          w.reject(err);
        }
      }
    };
    worker.on('error', die);
    worker.on('exit', (code) => die(new Error(`SRP worker exited (code ${code})`)));
    return slot;
  });

  function settle(slot: Slot): void {
    slot.pending -= 1;
    if (slot.pending === 0) slot.worker.unref();
  }

  function dispatch<T>(task: Omit<SrpTask, 'id'>, fallback: () => Promise<T>): Promise<T> {
    let best: Slot | undefined;
    for (const s of slots) if (s.alive && (!best || s.pending < best.pending)) best = s;
    if (!best || closed) return fallback();
    const slot = best;
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      waiting.set(id, { slot, resolve: resolve as (v: unknown) => void, reject });
      if (slot.pending === 0) slot.worker.ref();
      slot.pending += 1;
      slot.worker.postMessage({ ...task, id } as SrpTask);
    });
  }

  return {
    mode: 'workers',
    start: () => dispatch<{ aHex: string; AHex: string }>({ op: 'start' }, IN_THREAD_SRP.start),
    signature: (params: ClientSignatureParams) =>
      dispatch<string>({ op: 'sign', params } as Omit<SrpTask, 'id'>, () => IN_THREAD_SRP.signature(params)),
    async close(): Promise<void> {
      closed = true;
      await Promise.all(slots.map((s) => s.worker.terminate()));
    },
  };
}

/** When SRP maths leaves the timing thread: always, never, or `auto` (by the planned SRP sign-in rate). */
export type SrpInWorkers = 'auto' | boolean;

/** Options of {@link createSrpEngine}. */
export interface SrpEngineOptions {
  /** Default `auto`. */
  readonly srpInWorkers?: SrpInWorkers;
  /** Peak planned SRP sign-ins per second (used by `auto`). */
  readonly srpRatePerSec?: number;
  /**
   * `auto` moves the maths to workers from this SRP rate on (default 10/s: at ~3 ms of modPows per sign-in, about
   * 3% of the timing thread, enough to push start lag over a millisecond at bursts).
   */
  readonly autoThresholdPerSec?: number;
  readonly workers?: SrpWorkerPoolOptions;
}

/**
 * The SRP engine a run should use: a worker pool when `srpInWorkers` is true, or `auto` and the planned SRP rate
 * reaches the threshold; in-thread maths otherwise, or when no worker entry can be resolved.
 */
export function createSrpEngine(options: SrpEngineOptions = {}): SrpEngine {
  const mode = options.srpInWorkers ?? 'auto';
  const wanted = mode === 'auto' ? (options.srpRatePerSec ?? 0) >= (options.autoThresholdPerSec ?? 10) : mode;
  if (!wanted) return IN_THREAD_SRP;
  return createSrpWorkerPool(options.workers) ?? IN_THREAD_SRP;
}
