/**
 * Rates in scenario files: a plain number is arrivals per second; a string names its unit: `20/s`, `20/sec`,
 * `1200/m`, `1200/min`, `3600/h` (spaces allowed around `/`).
 */

/** Pattern of a rate string, also used by the JSON Schema. */
export const RATE_PATTERN = '^\\s*\\d+(?:\\.\\d+)?\\s*/\\s*(?:s|sec|m|min|h|hour)\\s*$';

const RATE = /^\s*(\d+(?:\.\d+)?)\s*\/\s*(s|sec|m|min|h|hour)\s*$/;
const PER_SEC: Readonly<Record<string, number>> = { s: 1, sec: 1, m: 1 / 60, min: 1 / 60, h: 1 / 3600, hour: 1 / 3600 };

/** Parses a rate (number per second, or a string with a unit) into arrivals per second; undefined when invalid. */
export function parseRatePerSec(value: number | string): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) && value >= 0 ? value : undefined;
  const m = RATE.exec(value);
  if (!m) return undefined;
  return Number(m[1]) * PER_SEC[m[2]!]!;
}
