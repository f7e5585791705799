import { monitorEventLoopDelay, performance, type IntervalHistogram } from 'node:perf_hooks';
import type { GeneratorHealth } from '../metrics/run-result.js';

/** Limits beyond which the generator, not the target, is taken to limit the run. */
export const SATURATION_LIMITS = {
  /** Event-loop lag p99, µs. */
  eventLoopLagP99Us: 20_000,
  /** Start lag p99, µs. */
  startLagP99Us: 20_000,
  /** CPU of the generator process, percent of one core. */
  cpuPercent: 90,
  /** Share of started arrivals that started late. */
  lateShare: 0.05,
} as const;

/** Figures the saturation verdict is made from. */
export interface SaturationInput {
  readonly eventLoopLagP99Us: number;
  readonly startLagP99Us: number;
  readonly cpuPercent: number;
  readonly started: number;
  readonly late: number;
  readonly dropped: number;
  readonly due: number;
  readonly maxInFlight: number;
}

/** Decides (pure) whether the generator was the bottleneck and explains why, plus other notable conditions. */
export function assessSaturation(x: SaturationInput): { saturated: boolean; warnings: string[] } {
  const warnings: string[] = [];
  const ms = (us: number): string => `${(us / 1000).toFixed(1)} ms`;
  if (x.eventLoopLagP99Us > SATURATION_LIMITS.eventLoopLagP99Us) {
    warnings.push(`event-loop lag p99 ${ms(x.eventLoopLagP99Us)}: the generator is the bottleneck (lower the rate or split it with --workers)`);
  }
  if (x.startLagP99Us > SATURATION_LIMITS.startLagP99Us) {
    warnings.push(`start lag p99 ${ms(x.startLagP99Us)}: arrivals started late because the generator was busy`);
  }
  if (x.cpuPercent > SATURATION_LIMITS.cpuPercent) {
    warnings.push(`generator CPU ${x.cpuPercent.toFixed(0)}% of a core: the generator is the bottleneck`);
  }
  if (x.started > 0 && x.late / x.started > SATURATION_LIMITS.lateShare) {
    warnings.push(`${((100 * x.late) / x.started).toFixed(1)}% of starts were late`);
  }
  const saturated = warnings.length > 0;
  if (x.dropped > 0) {
    warnings.push(
      `${x.dropped} of ${x.due} arrivals dropped at the in-flight cap (${x.maxInFlight}): the target answered too slowly for the arrival rate`,
    );
  }
  return { saturated, warnings };
}

/** Shortest wall-clock window over which the generator's CPU share is reported, ms. */
export const MIN_CPU_WINDOW_MS = 1000;

/**
 * Watches the generator process: event-loop lag (perf_hooks monitorEventLoopDelay), CPU (process.cpuUsage) and
 * peak RSS. Call {@link sample} periodically (RSS), {@link stop} at the end.
 */
export class GeneratorMonitor {
  private readonly loop: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  private readonly cpuStart = process.cpuUsage();
  private readonly wallStartMs = performance.now();
  private maxRssBytes = process.memoryUsage.rss();
  private stopped: { eventLoopLag: GeneratorHealth['eventLoopLag']; cpuPercent: number } | undefined;

  constructor() {
    this.loop.enable();
  }

  /** Records the current RSS. */
  sample(): void {
    this.maxRssBytes = Math.max(this.maxRssBytes, process.memoryUsage.rss());
  }

  /**
   * CPU use since start, percent of one core; 0 until {@link MIN_CPU_WINDOW_MS} have passed, since a ratio over a
   * few milliseconds (a run stopped before its load began) says nothing about saturation.
   */
  cpuPercent(): number {
    const cpu = process.cpuUsage(this.cpuStart);
    const wallMs = performance.now() - this.wallStartMs;
    return wallMs >= MIN_CPU_WINDOW_MS ? (100 * (cpu.user + cpu.system)) / (wallMs * 1000) : 0;
  }

  /** Event-loop lag so far, µs (the histogram is in ns; the timer resolution of 10 ms is subtracted by Node). */
  eventLoopLag(): GeneratorHealth['eventLoopLag'] {
    if (this.loop.count === 0) return { p50Us: 0, p99Us: 0, maxUs: 0 };
    return {
      p50Us: Math.round(this.loop.percentile(50) / 1000),
      p99Us: Math.round(this.loop.percentile(99) / 1000),
      maxUs: Math.round(this.loop.max / 1000),
    };
  }

  /** Stops watching; later calls return the same figures. */
  stop(): { eventLoopLag: GeneratorHealth['eventLoopLag']; cpuPercent: number; maxRssBytes: number } {
    if (!this.stopped) {
      this.sample();
      this.stopped = { eventLoopLag: this.eventLoopLag(), cpuPercent: this.cpuPercent() };
      this.loop.disable();
    }
    return { ...this.stopped, maxRssBytes: this.maxRssBytes };
  }
}
