/**
 * Test oracle: how many of these arrivals (ms, in the order the server saw them) a token bucket of `ratePerSec`
 * holding `capacity` tokens, full at the first arrival, admits. Written independently of src/emulator/quota.
 */
export function bucketAdmits(arrivalsMs: readonly number[], ratePerSec: number, capacity: number): number {
  let tokens = capacity;
  let last = arrivalsMs[0] ?? 0;
  let admitted = 0;
  for (const t of arrivalsMs) {
    tokens = Math.min(capacity, tokens + (Math.max(0, t - last) * ratePerSec) / 1000);
    last = Math.max(last, t);
    if (tokens >= 1 - 1e-9) {
      tokens -= 1;
      admitted++;
    }
  }
  return admitted;
}
