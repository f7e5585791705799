import type { QuotaCategory } from '../cognito/categories.js';
import { CallGroup } from './call-group.js';
import { createLatencyHistogram, encodeHistogram, recordLatencyUs, summarizeHistogram, type LatencyHistogram } from './histogram.js';
import { IntervalSeries } from './interval-series.js';
import {
  RUN_RESULT_SCHEMA,
  RUN_RESULT_VERSION,
  type CategoryStats,
  type FlowStats,
  type GeneratorHealth,
  type OperationStats,
  type ResultTarget,
  type RunResult,
  type ThresholdResult,
} from './run-result.js';
import type { ArrivalEvent, FlowCompletion, Sample } from './sample.js';

/** How the recorder groups and labels what it sees. */
export interface RecorderOptions {
  /** Series interval, ms (default 1000). */
  readonly intervalMs?: number;
  /** Flow names of the mix, in scenario order (flows seen later are added too). */
  readonly flows?: readonly string[];
  /** Quota in force per category (requests/s), or null when unknown or unlimited. */
  readonly quotaRatePerSec?: (category: QuotaCategory) => number | null;
  /** Series intervals older than this are sealed to keep memory flat, ms (default 60000). */
  readonly sealAfterMs?: number;
  /**
   * Per-operation quota (requests/s) for operations that have one (identity-pool operations), undefined for the
   * others. Operations with one get `quotaRatePerSec` and `peakRatePerSec` in their stats.
   */
  readonly operationQuotaRatePerSec?: (operation: string, category: QuotaCategory) => number | null | undefined;
}

/** Everything about a run that the recorder does not measure itself. */
export interface RunMeta {
  readonly runId: string;
  readonly toolVersion: string;
  readonly scenario: RunResult['scenario'];
  readonly target: ResultTarget;
  readonly startedAt: string;
  readonly endedAt: string;
  /** Measured duration, ms (rates are per second of it). */
  readonly durationMs: number;
  readonly interrupted: boolean;
  readonly interruptReason?: string;
  readonly driver: RunResult['driver'];
  readonly generator: GeneratorHealth;
  readonly thresholds?: readonly ThresholdResult[];
  readonly shard?: RunResult['shard'];
}

interface FlowAcc {
  planned: number;
  started: number;
  late: number;
  dropped: number;
  completed: number;
  succeeded: number;
  failed: number;
  latency: LatencyHistogram;
}

/**
 * Turns samples, arrival events and flow completions into a {@link RunResult}: HDR histograms per operation, per
 * quota category, per flow and for the whole run (intended-start and service time), outcome counts by error type,
 * start lag, and the per-interval series. Metrics flow one way: the recorder never calls back.
 */
export class Recorder {
  private readonly total = new CallGroup();
  private readonly categories = new Map<QuotaCategory, CallGroup>();
  private readonly operations = new Map<string, { category: QuotaCategory; group: CallGroup; perInterval?: Map<number, number> }>();
  private readonly flows = new Map<string, FlowAcc>();
  private readonly startLag: LatencyHistogram = createLatencyHistogram();
  readonly series: IntervalSeries;
  private readonly quota: (category: QuotaCategory) => number | null;
  private readonly sealAfterUs: number;
  private arrivals = { planned: 0, started: 0, late: 0, dropped: 0 };

  constructor(readonly options: RecorderOptions = {}) {
    this.series = new IntervalSeries((options.intervalMs ?? 1000) * 1000);
    this.quota = options.quotaRatePerSec ?? (() => null);
    this.sealAfterUs = (options.sealAfterMs ?? 60_000) * 1000;
    for (const f of options.flows ?? []) this.flow(f);
  }

  private flow(name: string): FlowAcc {
    let f = this.flows.get(name);
    if (!f) {
      f = { planned: 0, started: 0, late: 0, dropped: 0, completed: 0, succeeded: 0, failed: 0, latency: createLatencyHistogram() };
      this.flows.set(name, f);
    }
    return f;
  }

  /** Records one call. */
  recordSample(sample: Sample): void {
    this.total.add(sample);
    let c = this.categories.get(sample.category);
    if (!c) this.categories.set(sample.category, (c = new CallGroup()));
    c.add(sample);
    let op = this.operations.get(sample.operation);
    if (!op) {
      const quoted = this.options.operationQuotaRatePerSec?.(sample.operation, sample.category) !== undefined;
      this.operations.set(sample.operation, (op = { category: sample.category, group: new CallGroup(), ...(quoted ? { perInterval: new Map() } : {}) }));
    }
    op.group.add(sample);
    if (op.perInterval) {
      const i = Math.floor(sample.sentUs / ((this.options.intervalMs ?? 1000) * 1000));
      op.perInterval.set(i, (op.perInterval.get(i) ?? 0) + 1);
    }
    this.series.addSample(sample);
  }

  /**
   * Records what happened to one planned arrival of `flow` due at `intendedStartUs`; `startLagUs` is the actual
   * start minus the intended start (started and late arrivals).
   */
  recordArrival(flow: string, event: ArrivalEvent, intendedStartUs: number, startLagUs = 0): void {
    const f = this.flow(flow);
    f.planned += 1;
    this.arrivals.planned += 1;
    if (event === 'dropped') {
      f.dropped += 1;
      this.arrivals.dropped += 1;
    } else {
      f.started += 1;
      this.arrivals.started += 1;
      if (event === 'late') {
        f.late += 1;
        this.arrivals.late += 1;
      }
      recordLatencyUs(this.startLag, startLagUs);
    }
    this.series.addArrival(intendedStartUs, event !== 'dropped');
  }

  /** Records the end of one flow execution. */
  recordFlowEnd(completion: FlowCompletion): void {
    const f = this.flow(completion.flow);
    f.completed += 1;
    if (completion.ok) f.succeeded += 1;
    else f.failed += 1;
    recordLatencyUs(f.latency, completion.latencyUs);
  }

  /** Seals old series intervals (call periodically with the current time, µs since run start). */
  tick(nowUs: number): void {
    this.series.seal(nowUs - this.sealAfterUs);
  }

  /** Start lag of started arrivals so far, µs. */
  startLagSummary(): { p50Us: number; p99Us: number; maxUs: number; count: number } {
    const s = summarizeHistogram(this.startLag);
    return { p50Us: s.p50Us, p99Us: s.p99Us, maxUs: s.maxUs, count: s.count };
  }

  /** Arrival counters so far. */
  arrivalCounts(): { planned: number; started: number; late: number; dropped: number } {
    return { ...this.arrivals };
  }

  /** Calls so far (all outcomes) and throttles. */
  callCounts(): { count: number; throttled: number; errors: number } {
    return { count: this.total.count, throttled: this.total.throttled, errors: this.total.clientErrors + this.total.serverErrors + this.total.timeouts };
  }

  /** Builds the result. The generator's start-lag figures are taken from the recorder's own histogram. */
  build(meta: RunMeta): RunResult {
    const durationSec = meta.durationMs / 1000;
    const intervalSec = (this.options.intervalMs ?? 1000) / 1000;
    const series = this.series.points(meta.durationMs * 1000);
    const categories: Partial<Record<QuotaCategory, CategoryStats>> = {};
    for (const [category, group] of [...this.categories.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const peak = series.reduce((m, p) => Math.max(m, p.byCategory[category]?.requests ?? 0), 0) / intervalSec;
      categories[category] = { category, ...group.stats(durationSec), quotaRatePerSec: this.quota(category), peakRatePerSec: peak };
    }
    const operations: Record<string, OperationStats> = {};
    for (const [operation, { category, group, perInterval }] of [...this.operations.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const quota = perInterval
        ? { quotaRatePerSec: this.options.operationQuotaRatePerSec?.(operation, category) ?? null, peakRatePerSec: Math.max(0, ...perInterval.values()) / intervalSec }
        : {};
      operations[operation] = { operation, category, ...group.stats(durationSec), ...quota };
    }
    const flows: Record<string, FlowStats> = {};
    for (const [flow, f] of this.flows) {
      flows[flow] = {
        flow,
        planned: f.planned,
        started: f.started,
        late: f.late,
        dropped: f.dropped,
        completed: f.completed,
        succeeded: f.succeeded,
        failed: f.failed,
        achievedRatePerSec: durationSec > 0 ? f.started / durationSec : 0,
        targetRatePerSec: durationSec > 0 ? f.planned / durationSec : 0,
        latency: { summary: summarizeHistogram(f.latency), encodedUs: encodeHistogram(f.latency) },
      };
    }
    const lag = this.startLagSummary();
    return {
      schema: RUN_RESULT_SCHEMA,
      version: RUN_RESULT_VERSION,
      runId: meta.runId,
      toolVersion: meta.toolVersion,
      scenario: meta.scenario,
      target: meta.target,
      ...(meta.shard ? { shard: meta.shard } : {}),
      startedAt: meta.startedAt,
      endedAt: meta.endedAt,
      durationMs: meta.durationMs,
      interrupted: meta.interrupted,
      ...(meta.interruptReason !== undefined ? { interruptReason: meta.interruptReason } : {}),
      driver: meta.driver,
      intervalMs: this.options.intervalMs ?? 1000,
      totals: {
        ...this.total.stats(durationSec),
        plannedArrivals: this.arrivals.planned,
        startedArrivals: this.arrivals.started,
        droppedArrivals: this.arrivals.dropped,
        lateArrivals: this.arrivals.late,
        targetRatePerSec: durationSec > 0 ? this.arrivals.planned / durationSec : 0,
      },
      categories,
      operations,
      flows,
      series,
      generator: { ...meta.generator, startLag: { p50Us: lag.p50Us, p99Us: lag.p99Us, maxUs: lag.maxUs } },
      thresholds: meta.thresholds ?? [],
    };
  }
}
