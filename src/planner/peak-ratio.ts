import { derive, inp, type Figure } from './figure.js';
import type { PeakShape } from './workload.js';

/** Seconds in a day: daily counts are turned into a 24-hour average rate with it. */
export const SECONDS_PER_DAY = 86_400;

/**
 * Peak-to-average ratio of user-driven traffic (peak req/s over the 24-hour average req/s).
 * Given directly, or `busiestHourShare × 24 × burstFactor`: the busiest hour carries `busiestHourShare` of the day,
 * so its average rate is `perDay × share / 3600`, which is `share × 24` times the 24-hour average `perDay / 86400`;
 * the burst factor lifts the busiest hour's average to its peak second.
 */
export function userPeakRatio(shape: PeakShape): Figure {
  if (shape.peakToAverage !== null) {
    return derive(shape.peakToAverage, 'ratio', 'peakToAverage (given)', { peakToAverage: inp(shape.peakToAverage, 'ratio') });
  }
  const share = shape.busiestHourShare ?? 1 / 24;
  return derive(share * 24 * shape.burstFactor, 'ratio', 'busiestHourShare × 24 × burstFactor', {
    busiestHourShare: inp(share, `share of day (${shape.source})`),
    burstFactor: inp(shape.burstFactor, 'ratio'),
  });
}

/** Busiest-hour share of a 24-value hourly profile (relative weights): `max / sum`. */
export function busiestHourShareOfProfile(weights: readonly number[]): number {
  const sum = weights.reduce((a, b) => a + b, 0);
  return sum > 0 ? Math.max(...weights) / sum : 1 / 24;
}

/** Busiest-hour share when activity is spread evenly over `activeHours` hours of the day: `1 / activeHours`. */
export function busiestHourShareOfWindows(activeHours: number): number {
  return 1 / activeHours;
}
