/**
 * A smooth token bucket: tokens refill continuously at `ratePerSec` up to `capacity`; a request takes one token.
 * Pure state driven by the caller's clock (ms). `ratePerSec = Infinity` never refuses; `0` always refuses.
 */
export class TokenBucket {
  private tokens: number;
  private lastMs: number;
  private rate: number;
  private cap: number;

  /**
   * @param ratePerSec refill rate, tokens per second
   * @param capacity bucket size in tokens (the burst a full bucket allows); the bucket starts full
   * @param nowMs clock at creation, ms
   */
  constructor(ratePerSec: number, capacity: number, nowMs: number) {
    this.rate = ratePerSec;
    this.cap = capacity;
    this.tokens = capacity;
    this.lastMs = nowMs;
  }

  /** Refill rate, tokens per second. */
  get ratePerSec(): number {
    return this.rate;
  }

  /** Bucket size, tokens. */
  get capacity(): number {
    return this.cap;
  }

  private refill(nowMs: number): void {
    if (nowMs > this.lastMs) {
      if (Number.isFinite(this.rate)) this.tokens = Math.min(this.cap, this.tokens + ((nowMs - this.lastMs) * this.rate) / 1000);
      this.lastMs = nowMs;
    }
  }

  /** Tokens available at `nowMs` (Infinity when unlimited). */
  available(nowMs: number): number {
    if (this.rate === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
    this.refill(nowMs);
    return this.tokens;
  }

  /** True when `count` tokens are available at `nowMs` (a 1e-9 tolerance absorbs float rounding of the refill). */
  canTake(nowMs: number, count = 1): boolean {
    return this.available(nowMs) >= count - 1e-9;
  }

  /** Takes `count` tokens (call after {@link canTake}); never below zero. */
  take(nowMs: number, count = 1): void {
    if (this.rate === Number.POSITIVE_INFINITY) return;
    this.refill(nowMs);
    this.tokens = Math.max(0, this.tokens - count);
  }

  /** True when the bucket is full at `nowMs` (an idle bucket that can be forgotten). */
  isFull(nowMs: number): boolean {
    return this.available(nowMs) >= this.cap;
  }

  /**
   * Changes rate and capacity from `nowMs` on (takes effect at once): tokens accrued so far are kept, clamped to
   * the new capacity; a bucket that was unlimited starts full.
   */
  reconfigure(ratePerSec: number, capacity: number, nowMs: number): void {
    const wasUnlimited = this.rate === Number.POSITIVE_INFINITY;
    this.refill(nowMs);
    this.rate = ratePerSec;
    this.cap = capacity;
    this.tokens = wasUnlimited ? capacity : Math.min(this.tokens, capacity);
    this.lastMs = nowMs;
  }
}

/**
 * Bucket capacity for a rate and a burst allowance: `ratePerSec * burstSec` tokens, at least one token so that a
 * rate below 1/burstSec still admits a request; Infinity for an unlimited rate.
 */
export function capacityFor(ratePerSec: number, burstSec: number): number {
  if (ratePerSec === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
  if (ratePerSec <= 0) return 0;
  return Math.max(1, ratePerSec * burstSec);
}
