import { addHistogram, createLatencyHistogram, decodeHistogram, encodeHistogram, summarizeHistogram, type LatencySummary } from './histogram.js';
import type { CallStats, FlowStats, LatencyStats } from './run-result.js';

/**
 * Lossless merging of the statistics of one group across shard results: counters summed, histograms decoded,
 * added and re-encoded, summaries recomputed from the merged histogram (never averaged), ratios recomputed from
 * the summed counters, rates per second summed (each shard's rate is its share of the whole).
 */

/**
 * Adds encoded histograms and returns the merged encoding and its summary. An encoding keeps bucket counts only,
 * so a decoded histogram knows its min and max to bucket precision; when the parts' summaries are given, the
 * merged `minUs`/`maxUs` are taken exactly from them (min of mins, max of maxes) as a single run would report.
 */
export function mergeEncodedHistograms(
  encoded: readonly string[],
  summaries?: readonly LatencySummary[],
): { encoded: string; summary: LatencySummary } {
  const into = createLatencyHistogram();
  for (const e of encoded) addHistogram(into, decodeHistogram(e));
  const summary = summarizeHistogram(into);
  const seen = summaries?.filter((s) => s.count > 0) ?? [];
  if (summary.count === 0 || seen.length === 0) return { encoded: encodeHistogram(into), summary };
  return {
    encoded: encodeHistogram(into),
    summary: { ...summary, minUs: Math.min(...seen.map((s) => s.minUs)), maxUs: Math.max(...seen.map((s) => s.maxUs)) },
  };
}

/** Sums `{ name: count }` maps. */
export function sumCounts(maps: readonly Readonly<Record<string, number>>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of maps) for (const [k, v] of Object.entries(m)) out[k] = (out[k] ?? 0) + v;
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}

const sum = <T>(items: readonly T[], f: (t: T) => number): number => items.reduce((acc, t) => acc + f(t), 0);

function mergeLatency(parts: readonly LatencyStats[]): LatencyStats {
  const intended = mergeEncodedHistograms(parts.map((p) => p.encoded.intendedUs), parts.map((p) => p.intended));
  const service = mergeEncodedHistograms(parts.map((p) => p.encoded.serviceUs), parts.map((p) => p.service));
  return {
    intended: intended.summary,
    service: service.summary,
    encoded: { intendedUs: intended.encoded, serviceUs: service.encoded },
  };
}

/** Merges the call statistics of one group (an operation, a category or the whole run). */
export function mergeCallStats(parts: readonly CallStats[]): CallStats {
  const count = sum(parts, (p) => p.count);
  const throttled = sum(parts, (p) => p.throttled);
  const clientErrors = sum(parts, (p) => p.clientErrors);
  const serverErrors = sum(parts, (p) => p.serverErrors);
  const timeouts = sum(parts, (p) => p.timeouts);
  return {
    count,
    ok: sum(parts, (p) => p.ok),
    throttled,
    clientErrors,
    serverErrors,
    timeouts,
    errorsByType: sumCounts(parts.map((p) => p.errorsByType)),
    achievedRatePerSec: sum(parts, (p) => p.achievedRatePerSec),
    throttleRate: count ? throttled / count : 0,
    errorRate: count ? (clientErrors + serverErrors + timeouts) / count : 0,
    latency: mergeLatency(parts.map((p) => p.latency)),
  };
}

/** Merges one flow's statistics. */
export function mergeFlowStats(flow: string, parts: readonly FlowStats[]): FlowStats {
  const latency = mergeEncodedHistograms(parts.map((p) => p.latency.encodedUs), parts.map((p) => p.latency.summary));
  return {
    flow,
    planned: sum(parts, (p) => p.planned),
    started: sum(parts, (p) => p.started),
    late: sum(parts, (p) => p.late),
    dropped: sum(parts, (p) => p.dropped),
    completed: sum(parts, (p) => p.completed),
    succeeded: sum(parts, (p) => p.succeeded),
    failed: sum(parts, (p) => p.failed),
    achievedRatePerSec: sum(parts, (p) => p.achievedRatePerSec),
    targetRatePerSec: sum(parts, (p) => p.targetRatePerSec),
    latency: { summary: latency.summary, encodedUs: latency.encoded },
  };
}
