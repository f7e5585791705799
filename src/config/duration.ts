/**
 * Duration strings in scenario files: one or more `<number><unit>` parts, units `ms`, `s`, `m`, `h`
 * (e.g. `500ms`, `30s`, `2m`, `1h`, `1m30s`, `1.5s`). Plain numbers are not accepted: the unit is always written.
 */

/** Pattern of a duration string, also used by the JSON Schema. */
export const DURATION_PATTERN = '^\\s*(?:\\d+(?:\\.\\d+)?\\s*(?:ms|s|m|h)\\s*)+$';

const PART = /(\d+(?:\.\d+)?)\s*(ms|s|m|h)/g;
const WHOLE = new RegExp(DURATION_PATTERN);
const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Parses a duration string into milliseconds; returns undefined when it is not a valid duration. */
export function parseDurationMs(text: string): number | undefined {
  if (!WHOLE.test(text)) return undefined;
  let totalMs = 0;
  for (const m of text.matchAll(PART)) totalMs += Number(m[1]) * UNIT_MS[m[2]!]!;
  return totalMs;
}

/** Formats milliseconds compactly for people: `250ms`, `1.5s`, `2m`, `1m30s`, `1h5m`. */
export function formatDurationMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1))}s`;
  const totalSec = Math.round(ms / 1000);
  const h = Math.floor(totalSec / 3600);
  const m = Math.floor((totalSec % 3600) / 60);
  const s = totalSec % 60;
  return `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}` || '0s';
}
