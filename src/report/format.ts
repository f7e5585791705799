/**
 * Number formatting shared by the renderers (latency in µs in, human units out).
 */
export { formatLatencyUs, formatMeasure, formatRatio } from '../metrics/thresholds/format-measure.js';

/** `1234567` → `1,234,567`. */
export function formatCount(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}

/** Calls per second with at most one decimal: `12.5/s`. */
export function formatRatePerSec(rate: number): string {
  return `${rate >= 100 ? Math.round(rate) : Number(rate.toFixed(1))}/s`;
}

/** Milliseconds as `1m 05s`, `12.3 s` or `850 ms`. */
export function formatDurationMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${Number((ms / 1000).toFixed(1))} s`;
  const s = Math.round(ms / 1000);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h ? `${h}h ${String(m).padStart(2, '0')}m ${sec}s` : `${m}m ${sec}s`;
}
