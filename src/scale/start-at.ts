import { InputError } from '../errors.js';

/**
 * `--start-at <ISO time>`: the wall-clock instant at which every shard starts its schedule, so that split runs
 * add their rates at the same moment. Pure: the current time is passed in.
 */

/** A start this far in the past is still accepted (clock skew, process start-up), ms. */
export const DEFAULT_START_AT_MAX_PAST_MS = 2_000;
/**
 * Environment variable a `--workers` coordinator sets for its own children: how late (ms) a child may reach the
 * shared start and still run (it then starts at once). Local children can be slow to start on a loaded machine;
 * shards on other machines keep the strict default.
 */
export const START_AT_TOLERANCE_ENV = 'COGCAP_START_AT_MAX_PAST_MS';

/** The tolerance set by {@link START_AT_TOLERANCE_ENV}, or undefined when unset or not a number >= 0. */
export function startAtToleranceFromEnv(env: Readonly<Record<string, string | undefined>>): number | undefined {
  const v = env[START_AT_TOLERANCE_ENV];
  if (v === undefined || v.trim() === '') return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

/** A start further in the future is refused as a likely typo, ms (24 h). */
export const DEFAULT_START_AT_MAX_FUTURE_MS = 86_400_000;

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** Options of {@link parseStartAt}. */
export interface StartAtOptions {
  readonly maxPastMs?: number;
  readonly maxFutureMs?: number;
  /** Field name for errors, default `--start-at`. */
  readonly path?: string;
}

/**
 * Parses an ISO 8601 date-time with an explicit zone (`Z` or `±hh:mm`) into epoch ms. Refuses text without a
 * zone (ambiguous across machines), a time more than `maxPastMs` (default 2 s) before `nowMs`, and one more than
 * `maxFutureMs` (default 24 h) after it. Throws {@link InputError}.
 */
export function parseStartAt(text: string, nowMs: number, options: StartAtOptions = {}): number {
  const path = options.path ?? '--start-at';
  const maxPastMs = options.maxPastMs ?? DEFAULT_START_AT_MAX_PAST_MS;
  const maxFutureMs = options.maxFutureMs ?? DEFAULT_START_AT_MAX_FUTURE_MS;
  const fail = (message: string, hint?: string): never => {
    throw new InputError(`invalid start time "${text}"`, [{ path, message }], hint);
  };
  const trimmed = text.trim();
  const ms = ISO_WITH_ZONE.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(ms)) {
    return fail('expected an ISO 8601 date-time with a zone, e.g. "2026-11-26T14:05:00Z"');
  }
  if (ms < nowMs - maxPastMs) {
    return fail(
      `the start time is ${formatSeconds(nowMs - ms)} in the past (at most ${formatSeconds(maxPastMs)} accepted)`,
      'pick a time a little in the future, the same for every shard, and check the machines\' clocks (NTP)',
    );
  }
  if (ms > nowMs + maxFutureMs) {
    return fail(`the start time is ${formatSeconds(ms - nowMs)} in the future (at most ${formatSeconds(maxFutureMs)})`);
  }
  return ms;
}

/** A start time `leadMs` from now, rounded up to a whole second (what coordinators hand to every shard). */
export function plannedStartAt(nowMs: number, leadMs: number): number {
  return Math.ceil((nowMs + leadMs) / 1000) * 1000;
}

/** Milliseconds to wait before the shared start (0 when it has passed). */
export function msUntilStart(startAtMs: number, nowMs: number): number {
  return Math.max(0, startAtMs - nowMs);
}

/** ISO text of a start time, e.g. `2026-11-26T14:05:00.000Z`. */
export function formatStartAt(startAtMs: number): string {
  return new Date(startAtMs).toISOString();
}

function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} s`;
}
