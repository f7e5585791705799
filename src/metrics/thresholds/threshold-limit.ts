import type { ThresholdUnit } from './threshold-types.js';

/**
 * Limit values of threshold expressions, by unit:
 * - `us` (latency): a number with a unit `us`/`µs`, `ms`, `s` or `m` (`250ms`, `1.5s`); bare numbers are refused.
 * - `ratio`: a percentage (`1%`, `0.5%`) or a fraction from 0 to 1 (`0.01`).
 * - `count`: a whole number (`0`, `10`).
 * - `per_sec`: a number, optionally followed by `/s` (`100`, `12.5/s`).
 */

const DURATION = /^(\d+(?:\.\d+)?)\s*(us|µs|ms|s|m)$/;
const UNIT_US: Readonly<Record<string, number>> = { us: 1, µs: 1, ms: 1000, s: 1_000_000, m: 60_000_000 };
const NUMBER = /^\d+(?:\.\d+)?$/;

/** Parses a duration with a unit into µs; undefined when it is not one. */
export function parseDurationUs(text: string): number | undefined {
  const m = DURATION.exec(text.trim());
  return m ? Number(m[1]) * UNIT_US[m[2]!]! : undefined;
}

/** Parses a limit for `unit`: the value, or an error message saying what was expected. */
export function parseThresholdLimit(text: string, unit: ThresholdUnit): { value: number } | { error: string } {
  const t = text.trim();
  switch (unit) {
    case 'us': {
      const us = parseDurationUs(t);
      if (us !== undefined) return { value: us };
      if (NUMBER.test(t)) return { error: `latency limit "${t}" has no unit: expected a duration such as 250ms, 1.5s or 800us` };
      return { error: `latency limit "${t}" is not a duration: expected e.g. 250ms, 1.5s or 800us` };
    }
    case 'ratio': {
      if (t.endsWith('%')) {
        const n = t.slice(0, -1).trim();
        if (NUMBER.test(n) && Number(n) <= 100) return { value: Number(n) / 100 };
        return { error: `rate limit "${t}" is not a percentage from 0% to 100%` };
      }
      if (NUMBER.test(t) && Number(t) <= 1) return { value: Number(t) };
      return { error: `rate limit "${t}" is not a rate: expected a percentage such as 1% or a fraction from 0 to 1 such as 0.01` };
    }
    case 'count': {
      if (/^\d+$/.test(t)) return { value: Number(t) };
      return { error: `count limit "${t}" is not a whole number: expected e.g. 0 or 10` };
    }
    case 'per_sec': {
      const n = t.replace(/\s*\/\s*s$/, '');
      if (NUMBER.test(n)) return { value: Number(n) };
      return { error: `rate limit "${t}" is not a number per second: expected e.g. 100 or 12.5/s` };
    }
  }
}
