/** Number formatting of plans (presentation only: the plan keeps full precision). */

/** Requests per second with 2 decimals (`12.35`), `∞` for unlimited. */
export function fmtRate(x: number): string {
  if (!Number.isFinite(x)) return '∞';
  return x.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** A ratio as a percentage with one decimal (`0.3009` → `30.1 %`). */
export function fmtPct(x: number): string {
  if (!Number.isFinite(x)) return '∞';
  return `${(x * 100).toLocaleString('en-US', { maximumFractionDigits: 1, minimumFractionDigits: 1 })} %`;
}

/** A money amount, no decimals (`4,380 USD`). */
export function fmtMoney(x: number, currency: string): string {
  return `${Math.round(x).toLocaleString('en-US')} ${currency}`;
}

/** A count with thousands separators and at most 2 decimals. */
export function fmtCount(x: number): string {
  return x.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

/** Month index to text: `now`, `month 3`, or `beyond horizon`. */
export function fmtMonth(m: number | null): string {
  if (m === null) return 'beyond horizon';
  return m === 0 ? 'now' : `month ${m}`;
}
