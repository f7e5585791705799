import { formatRate } from './preflight.js';

/**
 * A hard ceiling on the total call rate of a run, whatever the quotas say: checked before the run (refusal) and
 * enforced during it (calls beyond the ceiling in a one-second window are not sent).
 */

/** Default ceiling for runs against AWS, calls/s over all categories; raise it explicitly (`--max-rate`). */
export const DEFAULT_AWS_RATE_CEILING_PER_SEC = 500;

/**
 * Returns a refusal reason when the planned peak total rate exceeds the ceiling, undefined otherwise.
 * `ceilingRatePerSec` Infinity disables the check.
 */
export function checkRateCeiling(plannedPeakTotalRatePerSec: number, ceilingRatePerSec: number): string | undefined {
  if (!(ceilingRatePerSec > 0)) throw new RangeError(`the rate ceiling must be above 0, got ${ceilingRatePerSec}`);
  if (plannedPeakTotalRatePerSec <= ceilingRatePerSec * (1 + 1e-9)) return undefined;
  return (
    `the planned peak of ${formatRate(plannedPeakTotalRatePerSec)} calls/s exceeds the hard rate ceiling of ` +
    `${formatRate(ceilingRatePerSec)} calls/s`
  );
}

/**
 * Runtime enforcement of the ceiling: fixed one-second windows aligned on the run start (window k covers
 * [k s, k+1 s)). At most `floor(ceilingRatePerSec)` calls are admitted per window. Pure state; time is passed in.
 */
export class RateCeilingGate {
  readonly ceilingRatePerSec: number;
  private windowSec = Number.NEGATIVE_INFINITY;
  private admittedInWindow = 0;
  private deniedTotal = 0;

  constructor(ceilingRatePerSec: number) {
    if (!(ceilingRatePerSec > 0)) throw new RangeError(`the rate ceiling must be above 0, got ${ceilingRatePerSec}`);
    this.ceilingRatePerSec = ceilingRatePerSec;
  }

  /** True when a call may be sent at `nowUs` (µs since run start), and counts it; false when it must not. */
  tryAcquire(nowUs: number): boolean {
    const windowSec = Math.floor(nowUs / 1_000_000);
    if (windowSec !== this.windowSec) {
      this.windowSec = windowSec;
      this.admittedInWindow = 0;
    }
    if (this.admittedInWindow + 1 > this.ceilingRatePerSec) {
      this.deniedTotal += 1;
      return false;
    }
    this.admittedInWindow += 1;
    return true;
  }

  /** Calls refused since the gate was created. */
  get denied(): number {
    return this.deniedTotal;
  }
}
