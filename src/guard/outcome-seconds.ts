import type { Sample } from '../metrics/sample.js';
import type { SecondOutcomes } from './circuit-breaker.js';

/**
 * Buckets samples by the second they completed in (`sentUs + serviceTimeUs`), so that at time t every second
 * before `floor(t)` is complete and can be fed to the circuit breaker. Pure state; time is passed in.
 */
export class OutcomeSeconds {
  private readonly buckets = new Map<number, { calls: number; throttled: number; errorsByType: Record<string, number> }>();
  private nextSec = 0;

  /** Adds one sample. Samples of seconds already drained are counted in the next second to drain. */
  add(sample: Sample): void {
    const sec = Math.max(this.nextSec, Math.floor((sample.sentUs + sample.serviceTimeUs) / 1_000_000));
    let b = this.buckets.get(sec);
    if (!b) {
      b = { calls: 0, throttled: 0, errorsByType: {} };
      this.buckets.set(sec, b);
    }
    b.calls += 1;
    if (sample.outcome === 'throttled') b.throttled += 1;
    if (sample.outcome !== 'ok') {
      const type = sample.errorType ?? sample.outcome;
      b.errorsByType[type] = (b.errorsByType[type] ?? 0) + 1;
    }
  }

  /** Every complete second before `nowUs` not drained yet, in order (seconds without calls included). */
  drainCompleted(nowUs: number): SecondOutcomes[] {
    const untilSec = Math.floor(nowUs / 1_000_000);
    const out: SecondOutcomes[] = [];
    for (; this.nextSec < untilSec; this.nextSec += 1) {
      const b = this.buckets.get(this.nextSec);
      this.buckets.delete(this.nextSec);
      out.push({ tSec: this.nextSec, calls: b?.calls ?? 0, throttled: b?.throttled ?? 0, errorsByType: b?.errorsByType ?? {} });
    }
    return out;
  }
}
