import type { RunResult } from '../metrics/run-result.js';

/** Capacity-test evidence for one category, taken from a run result. */
export interface CategoryEvidence {
  readonly category: string;
  readonly calls: number;
  readonly achievedRatePerSec: number;
  readonly peakRatePerSec: number;
  readonly throttleRate: number;
  readonly errorRate: number;
  /** Service-time p99, µs. */
  readonly p99Us: number;
  readonly quotaRatePerSec: number | null;
}

/** Evidence of a capacity-test run, for the increase justification. */
export interface RunEvidence {
  readonly runId: string;
  readonly scenario: string;
  readonly target: string;
  readonly startedAt: string;
  readonly durationMs: number;
  readonly interrupted: boolean;
  readonly generatorSaturated: boolean;
  readonly categories: Readonly<Record<string, CategoryEvidence>>;
}

/** Extracts the evidence a justification cites from a run result (pure). */
export function runEvidence(r: RunResult): RunEvidence {
  const categories: Record<string, CategoryEvidence> = {};
  for (const [name, c] of Object.entries(r.categories)) {
    if (!c) continue;
    categories[name] = {
      category: name,
      calls: c.count,
      achievedRatePerSec: c.achievedRatePerSec,
      peakRatePerSec: c.peakRatePerSec,
      throttleRate: c.throttleRate,
      errorRate: c.errorRate,
      p99Us: c.latency.service.p99Us,
      quotaRatePerSec: c.quotaRatePerSec,
    };
  }
  return {
    runId: r.runId,
    scenario: r.scenario.name,
    target: r.target.kind + (r.target.region ? ` (${r.target.region})` : ''),
    startedAt: r.startedAt,
    durationMs: r.durationMs,
    interrupted: r.interrupted,
    generatorSaturated: r.generator.saturated,
    categories,
  };
}
