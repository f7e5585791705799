import type { ThresholdUnit } from './threshold-types.js';

/**
 * Formats threshold values for people: `us` → `850 µs` / `312 ms` / `1.25 s`, `ratio` → `0.8%`, `count` → `3`,
 * `per_sec` → `12.5/s`. At most 3 significant digits for fractions.
 */

const sig = (n: number): string => (Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(3))));

/** Formats a latency in µs with a fitting unit. */
export function formatLatencyUs(us: number): string {
  if (us < 1000) return `${Math.round(us)} µs`;
  if (us < 1_000_000) return `${sig(us / 1000)} ms`;
  return `${sig(us / 1_000_000)} s`;
}

/** Formats a ratio (0-1) as a percentage. */
export function formatRatio(ratio: number): string {
  return `${sig(ratio * 100)}%`;
}

/** Formats a value of `unit`. */
export function formatMeasure(value: number, unit: ThresholdUnit | string): string {
  switch (unit) {
    case 'us':
      return formatLatencyUs(value);
    case 'ratio':
      return formatRatio(value);
    case 'per_sec':
      return `${sig(value)}/s`;
    default:
      return sig(value);
  }
}
