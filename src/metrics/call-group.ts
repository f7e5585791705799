import {
  createLatencyHistogram,
  encodeHistogram,
  recordLatencyUs,
  summarizeHistogram,
  type LatencyHistogram,
} from './histogram.js';
import type { CallStats, OutcomeCounts } from './run-result.js';
import type { Sample } from './sample.js';

/** Accumulates the outcome counts and both latency histograms of a group of calls (an operation, a category, the run). */
export class CallGroup {
  count = 0;
  ok = 0;
  throttled = 0;
  clientErrors = 0;
  serverErrors = 0;
  timeouts = 0;
  readonly errorsByType = new Map<string, number>();
  readonly intended: LatencyHistogram = createLatencyHistogram();
  readonly service: LatencyHistogram = createLatencyHistogram();

  /** Adds one sample. */
  add(sample: Sample): void {
    this.count += 1;
    switch (sample.outcome) {
      case 'ok':
        this.ok += 1;
        break;
      case 'throttled':
        this.throttled += 1;
        break;
      case 'client_error':
        this.clientErrors += 1;
        break;
      case 'server_error':
        this.serverErrors += 1;
        break;
      case 'timeout':
        this.timeouts += 1;
        break;
    }
    if (sample.outcome !== 'ok') {
      const type = sample.errorType ?? sample.outcome;
      this.errorsByType.set(type, (this.errorsByType.get(type) ?? 0) + 1);
    }
    recordLatencyUs(this.intended, sample.latencyUs);
    recordLatencyUs(this.service, sample.serviceTimeUs);
  }

  /** Outcome counts, error types sorted by name. */
  counts(): OutcomeCounts {
    return {
      count: this.count,
      ok: this.ok,
      throttled: this.throttled,
      clientErrors: this.clientErrors,
      serverErrors: this.serverErrors,
      timeouts: this.timeouts,
      errorsByType: Object.fromEntries([...this.errorsByType.entries()].sort(([a], [b]) => a.localeCompare(b))),
    };
  }

  /** The group's result figures over `durationSec` (rates are 0 for a zero duration). */
  stats(durationSec: number): CallStats {
    const errors = this.clientErrors + this.serverErrors + this.timeouts;
    return {
      ...this.counts(),
      achievedRatePerSec: durationSec > 0 ? this.count / durationSec : 0,
      throttleRate: this.count > 0 ? this.throttled / this.count : 0,
      errorRate: this.count > 0 ? errors / this.count : 0,
      latency: {
        intended: summarizeHistogram(this.intended),
        service: summarizeHistogram(this.service),
        encoded: { intendedUs: encodeHistogram(this.intended), serviceUs: encodeHistogram(this.service) },
      },
    };
  }
}
