/** Small statistics and formatting helpers shared by the benchmarks. */

/** Median of a non-empty list (mean of the two middle values for an even count); NaN when empty. */
export function median(xs: readonly number[]): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Nearest-rank percentile `p` (0–100) of a list; NaN when empty. */
export function percentile(xs: readonly number[], p: number): number {
  if (xs.length === 0) return Number.NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/** `n` with thousands separators and `d` decimals (en-US); `n/a` for NaN or infinities. */
export function fmt(n: number, d = 0): string {
  if (!Number.isFinite(n)) return 'n/a';
  return n.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
}

/** `a / b` formatted as `12.3x`, or `n/a` when either side is missing or zero. */
export function ratio(a: number, b: number, d = 1): string {
  return Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${fmt(a / b, d)}x` : 'n/a';
}
