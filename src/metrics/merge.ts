import { createHash } from 'node:crypto';
import type { QuotaCategory } from '../cognito/categories.js';
import { InputError, type InputProblem } from '../errors.js';
import { mergeCallStats, mergeFlowStats } from './merge-stats.js';
import { mergeSeries } from './merge-series.js';
import type { CategoryStats, GeneratorHealth, OperationStats, RunResult, ThresholdResult } from './run-result.js';
import { evaluateThresholds } from './thresholds/evaluate-thresholds.js';
import { markAborted } from './thresholds/live-evaluator.js';
import { parseThreshold } from './thresholds/parse-threshold.js';
import type { ParsedThreshold } from './thresholds/threshold-types.js';

/**
 * `cogcap merge`: N shard results → one result of the same schema, as if one process had run the whole schedule.
 * Histograms are added (decode, add, re-encode, re-summarise), counters summed, per-second series aligned by
 * `tSec`, flows summed, generator health aggregated per worker, thresholds re-evaluated on the merged figures.
 *
 * Refuses (InputError): results of different scenarios (`scenario.hash`), different series intervals, different
 * shard counts, and overlapping slices (the same shard twice, or two whole runs). A missing shard is allowed and
 * reported as a generator warning (the totals then cover only part of the schedule).
 *
 * Time: `startedAt` is the earliest start, `endedAt` the latest end, `durationMs` the longest shard's duration
 * (shards start together and run the same schedule); per-second rates are the sums of the shards' rates.
 */

/** Options of {@link mergeResults}. */
export interface MergeOptions {
  /** File names of the inputs, for error messages (same order). Default `results[i]`. */
  readonly sources?: readonly string[];
  /** Run id of the merged result. Default `merged-` + a hash of the input run ids. */
  readonly runId?: string;
  /** Tool version to record. Default the first input's. */
  readonly toolVersion?: string;
  /** Thresholds to evaluate. Default: the distinct expressions recorded in the inputs, re-parsed. */
  readonly thresholds?: readonly ParsedThreshold[];
}

interface Slice {
  readonly index: number;
  readonly count: number;
  readonly runId: string;
}

/** The slices a result covers: its shard, the shards it merged, or the whole run (0 of 1). */
export function slicesOf(r: RunResult): Slice[] {
  if (r.mergedShards?.length) return r.mergedShards.map((s) => ({ ...s }));
  const shard = r.shard ?? { index: 0, count: 1 };
  return [{ index: shard.index, count: shard.count, runId: r.runId }];
}

const label = (s: { index: number; count: number }): string => (s.count === 1 ? 'whole run' : `shard ${s.index}/${s.count}`);
const resultLabel = (r: RunResult): string => slicesOf(r).map(label).join('+');

function validate(results: readonly RunResult[], src: (i: number) => string): Slice[] {
  const problems: InputProblem[] = [];
  if (results.length === 0) throw new InputError('nothing to merge', [{ path: '', message: 'expected at least one result file' }]);
  const first = results[0]!;
  results.forEach((r, i) => {
    if (r.scenario.hash !== first.scenario.hash) {
      problems.push({
        file: src(i),
        path: 'scenario.hash',
        message: `scenario "${r.scenario.name}" (hash ${r.scenario.hash.slice(0, 12)}) differs from ${src(0)}'s "${first.scenario.name}" (hash ${first.scenario.hash.slice(0, 12)}): only shards of one scenario merge`,
      });
    }
    if (r.intervalMs !== first.intervalMs) {
      problems.push({ file: src(i), path: 'intervalMs', message: `series interval ${r.intervalMs} ms differs from ${src(0)}'s ${first.intervalMs} ms` });
    }
  });
  const seen = new Map<number, number>();
  const count = slicesOf(first)[0]!.count;
  const slices: Slice[] = [];
  results.forEach((r, i) => {
    for (const s of slicesOf(r)) {
      if (s.count !== count) {
        problems.push({ file: src(i), path: 'shard.count', message: `${label(s)} is of ${s.count} shards, but ${src(0)} is of ${count}: shards of one split run share the count` });
        continue;
      }
      const prev = seen.get(s.index);
      if (prev !== undefined) {
        problems.push({
          file: src(i),
          path: r.shard ? 'shard' : r.mergedShards ? 'mergedShards' : 'shard',
          message: `overlapping slices: ${label(s)} is also in ${src(prev)}${count === 1 ? ' (both are whole runs)' : ''}; each shard may be merged once`,
        });
        continue;
      }
      seen.set(s.index, i);
      slices.push(s);
    }
  });
  if (problems.length) throw new InputError(`cannot merge ${results.length} results`, problems, 'Merge the result files of one split run, each shard once.');
  return slices.sort((a, b) => a.index - b.index);
}

function mergeGenerator(results: readonly RunResult[], extraWarnings: readonly string[]): GeneratorHealth {
  const gs = results.map((r) => r.generator);
  const max = (f: (g: GeneratorHealth) => number): number => Math.max(0, ...gs.map(f));
  const workers: NonNullable<GeneratorHealth['workers']>[number][] = [];
  const warnings: string[] = [...extraWarnings];
  results.forEach((r) => {
    const who = resultLabel(r);
    const g = r.generator;
    if (g.workers?.length) for (const w of g.workers) workers.push({ ...w, worker: `${who} ${w.worker}` });
    else workers.push({ worker: who, saturated: g.saturated, eventLoopLagP99Us: g.eventLoopLag.p99Us, cpuPercent: g.cpuPercent });
    for (const w of g.warnings) warnings.push(`[${who}] ${w}`);
  });
  const lagging = workers.filter((w) => w.saturated);
  for (const w of lagging) {
    warnings.push(`worker ${w.worker} lagged: event-loop lag p99 ${(w.eventLoopLagP99Us / 1000).toFixed(1)} ms, CPU ${Math.round(w.cpuPercent)}%: it, not the target, limited its share of the load`);
  }
  return {
    eventLoopLag: { p50Us: max((g) => g.eventLoopLag.p50Us), p99Us: max((g) => g.eventLoopLag.p99Us), maxUs: max((g) => g.eventLoopLag.maxUs) },
    startLag: { p50Us: max((g) => g.startLag.p50Us), p99Us: max((g) => g.startLag.p99Us), maxUs: max((g) => g.startLag.maxUs) },
    cpuPercent: max((g) => g.cpuPercent),
    maxRssBytes: max((g) => g.maxRssBytes),
    saturated: gs.some((g) => g.saturated),
    warnings,
    workers,
  };
}

function recordedThresholds(results: readonly RunResult[], src: (i: number) => string): ParsedThreshold[] {
  const out = new Map<string, ParsedThreshold>();
  results.forEach((r, i) =>
    r.thresholds.forEach((t, j) => {
      if (!out.has(t.expression)) {
        out.set(t.expression, parseThreshold(t.expression, `${src(i)}: thresholds[${j}].expression`, { abortOnFail: t.abortOnFail ?? false }));
      }
    }),
  );
  return [...out.values()];
}

/**
 * Merges shard results into one result of the same schema (see module doc).
 * @throws InputError when the inputs cannot be merged (every problem listed, with the file and field)
 */
export function mergeResults(results: readonly RunResult[], options: MergeOptions = {}): RunResult {
  const src = (i: number): string => options.sources?.[i] ?? `results[${i}]`;
  const slices = validate(results, src);
  const first = results[0]!;
  const count = slices[0]!.count;
  const warnings: string[] = [];
  if (slices.length < count) {
    const have = new Set(slices.map((s) => s.index));
    const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !have.has(i));
    warnings.push(`merged ${slices.length} of ${count} shards: missing ${missing.map((i) => `${i}/${count}`).join(', ')}; the totals cover only part of the schedule`);
  }

  const { series, approximate } = mergeSeries(results.map((r) => r.series));
  if (approximate) warnings.push('per-interval latency percentiles are the worst shard\'s (upper bounds): the shard results carried no per-interval histograms');
  const intervalSec = first.intervalMs / 1000;

  const categoryNames = [...new Set(results.flatMap((r) => Object.keys(r.categories) as QuotaCategory[]))].sort();
  const categories: Partial<Record<QuotaCategory, CategoryStats>> = {};
  for (const c of categoryNames) {
    const parts = results.map((r) => r.categories[c]).filter((x): x is CategoryStats => x !== undefined);
    const inSeries = series.some((p) => p.byCategory[c] !== undefined);
    categories[c] = {
      ...mergeCallStats(parts),
      category: c,
      quotaRatePerSec: parts.find((p) => p.quotaRatePerSec !== null)?.quotaRatePerSec ?? null,
      peakRatePerSec: inSeries
        ? Math.max(0, ...series.map((p) => (p.byCategory[c]?.requests ?? 0) / intervalSec))
        : parts.reduce((a, p) => a + p.peakRatePerSec, 0),
    };
  }
  const operations: Record<string, OperationStats> = {};
  for (const o of [...new Set(results.flatMap((r) => Object.keys(r.operations)))].sort()) {
    const parts = results.map((r) => r.operations[o]).filter((x): x is OperationStats => x !== undefined);
    operations[o] = { ...mergeCallStats(parts), operation: o, category: parts[0]!.category };
  }
  const flows: RunResult['flows'] = Object.fromEntries(
    [...new Set(results.flatMap((r) => Object.keys(r.flows)))]
      .sort()
      .map((f) => [f, mergeFlowStats(f, results.map((r) => r.flows[f]).filter((x) => x !== undefined))]),
  );
  const t = results.map((r) => r.totals);
  const sum = (f: (x: RunResult['totals']) => number): number => t.reduce((a, x) => a + f(x), 0);
  const totals: RunResult['totals'] = {
    ...mergeCallStats(t),
    plannedArrivals: sum((x) => x.plannedArrivals),
    startedArrivals: sum((x) => x.startedArrivals),
    droppedArrivals: sum((x) => x.droppedArrivals),
    lateArrivals: sum((x) => x.lateArrivals),
    targetRatePerSec: sum((x) => x.targetRatePerSec),
  };

  const reasons = results.filter((r) => r.interrupted).map((r) => `[${resultLabel(r)}] ${r.interruptReason ?? 'interrupted'}`);
  const runId =
    options.runId ??
    `merged-${createHash('sha256').update(results.map((r) => r.runId).sort().join('\n')).digest('hex').slice(0, 12)}`;
  const merged: RunResult = {
    schema: first.schema,
    version: first.version,
    runId,
    toolVersion: options.toolVersion ?? first.toolVersion,
    scenario: first.scenario,
    target: first.target,
    mergedShards: slices.map((s) => ({ index: s.index, count: s.count, runId: s.runId })),
    startedAt: results.map((r) => r.startedAt).sort()[0]!,
    endedAt: results.map((r) => r.endedAt).sort().at(-1)!,
    durationMs: Math.max(...results.map((r) => r.durationMs)),
    interrupted: reasons.length > 0,
    ...(reasons.length ? { interruptReason: reasons.join('; ') } : {}),
    driver: first.driver,
    intervalMs: first.intervalMs,
    totals,
    categories,
    operations,
    flows,
    series,
    generator: mergeGenerator(results, warnings),
    thresholds: [],
  };
  const parsed = options.thresholds ?? recordedThresholds(results, src);
  const aborted = results.flatMap((r) => r.thresholds.filter((x) => x.aborted));
  return { ...merged, thresholds: markAborted(evaluateThresholds(merged, parsed), aborted) };
}
