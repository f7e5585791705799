/**
 * Per-user hourly attempt limits of the code operations (reference section 1): a sliding window of one hour per
 * (user, operation group). Pure state driven by the caller's clock.
 */
export class HourlyLimits {
  private readonly attempts = new Map<string, number[]>();
  private operationsSincePrune = 0;

  /** @param windowMs window length, ms (default one hour) */
  constructor(private readonly windowMs = 3_600_000) {}

  /**
   * Records an attempt at `nowMs` when fewer than `limit` attempts fall in the window ending now; returns false
   * (and records nothing) otherwise. An infinite limit always admits without recording.
   */
  tryAttempt(userKey: string, hourlyKey: string, limit: number, nowMs: number): boolean {
    if (limit === Number.POSITIVE_INFINITY) return true;
    this.maybePrune(nowMs);
    const key = `${hourlyKey}\u0000${userKey}`;
    const since = nowMs - this.windowMs;
    const times = (this.attempts.get(key) ?? []).filter((t) => t > since);
    if (times.length >= limit) {
      this.attempts.set(key, times);
      return false;
    }
    times.push(nowMs);
    this.attempts.set(key, times);
    return true;
  }

  /** Forgets every attempt. */
  clear(): void {
    this.attempts.clear();
  }

  private maybePrune(nowMs: number): void {
    if (++this.operationsSincePrune < 10_000) return;
    this.operationsSincePrune = 0;
    for (const [key, times] of this.attempts) if ((times.at(-1) ?? 0) <= nowMs - this.windowMs) this.attempts.delete(key);
  }
}
