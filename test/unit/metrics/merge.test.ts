import { describe, expect, it } from 'vitest';
import { InputError } from '../../../src/errors.js';
import { decodeHistogram } from '../../../src/metrics/histogram.js';
import { mergeResults } from '../../../src/metrics/merge.js';
import type { RunResult } from '../../../src/metrics/run-result.js';
import { evaluateThresholds } from '../../../src/metrics/thresholds/evaluate-thresholds.js';
import { parseThreshold } from '../../../src/metrics/thresholds/parse-threshold.js';
import { buildResult, syntheticRun, type FixtureOptions } from '../../fixtures/metrics/build-result.js';

const EXPRESSIONS = ['p99 < 250ms', 'category:UserAuthentication p95 < 30ms', 'throttle_rate < 5%', 'dropped == 0', 'flow:srp-sign-in p50 < 1s'];

const memo = new Map<string, { whole: RunResult; parts: RunResult[] }>();
/** Splits a synthetic run into `n` shards the way the runner does (item k → shard k mod n); memoised (results are immutable). */
function shards(n: number, opts: Partial<FixtureOptions> = {}): { whole: RunResult; parts: RunResult[] } {
  const key = `${n} ${JSON.stringify(opts)}`;
  if (!memo.has(key)) memo.set(key, buildShards(n, opts));
  return memo.get(key)!;
}

function buildShards(n: number, opts: Partial<FixtureOptions>): { whole: RunResult; parts: RunResult[] } {
  const run = syntheticRun(500, 7, 4000);
  const quotas = { UserAuthentication: 120, UserRead: 120, UserCreation: 50 };
  const whole = buildResult(run.samples, { arrivals: run.arrivals, completions: run.completions, quotas, durationMs: 4000, ...opts });
  const parts = Array.from({ length: n }, (_, i) => {
    const pick = <T>(xs: readonly T[]): T[] => xs.filter((_, k) => k % n === i);
    const r = buildResult(pick(run.samples), {
      arrivals: pick(run.arrivals),
      completions: pick(run.completions),
      quotas,
      durationMs: 4000,
      shard: { index: i, count: n },
      runId: `run-shard-${i}`,
      ...opts,
    });
    return { ...r, thresholds: evaluateThresholds(r, EXPRESSIONS.map((e) => parseThreshold(e, 't'))) };
  });
  return { whole, parts };
}

/** Drops encodings (compared through their decoded summaries) and rounds float rates. */
function comparable(r: RunResult): unknown {
  return JSON.parse(
    JSON.stringify({ totals: r.totals, categories: r.categories, operations: r.operations, flows: r.flows, series: r.series, durationMs: r.durationMs }, (k, v) => {
      if (k === 'encoded' || k === 'encodedUs' || k === 'intendedUs' || k === 'serviceUs') return undefined;
      if (typeof v === 'number' && !Number.isInteger(v)) return Number(v.toFixed(9));
      return v;
    }),
  );
}

describe('mergeResults: proof that N shard results merge into the single result over the same samples', () => {
  it.each([2, 3])('%i shards', (n) => {
    const { whole, parts } = shards(n);
    const merged = mergeResults(parts);
    expect(comparable(merged)).toEqual(comparable(whole));
    // spelled out for the record: same counts, same histogram percentiles
    expect(merged.totals.count).toBe(500);
    expect(merged.totals.latency.intended).toEqual(whole.totals.latency.intended);
    expect(merged.categories.UserAuthentication!.latency.service).toEqual(whole.categories.UserAuthentication!.latency.service);
    expect(merged.flows['srp-sign-in']!.latency.summary).toEqual(whole.flows['srp-sign-in']!.latency.summary);
    const a = decodeHistogram(merged.totals.latency.encoded.intendedUs);
    const b = decodeHistogram(whole.totals.latency.encoded.intendedUs);
    for (const p of [10, 25, 50, 75, 90, 99, 99.9, 99.99]) expect(a.getValueAtPercentile(p)).toBe(b.getValueAtPercentile(p));
    // thresholds are re-evaluated on the merged figures, exactly as on the whole run
    expect(merged.thresholds).toEqual(evaluateThresholds(whole, EXPRESSIONS.map((e) => parseThreshold(e, 't'))));
    expect(merged.mergedShards).toEqual(parts.map((p, i) => ({ index: i, count: n, runId: p.runId })));
    expect(merged.shard).toBeUndefined();
    expect(merged.generator.warnings).toEqual([]);
  });

  it('is independent of input order and merges merged results', () => {
    const { whole, parts } = shards(4);
    const reversed = mergeResults([...parts].reverse());
    const nested = mergeResults([mergeResults(parts.slice(0, 2)), mergeResults(parts.slice(2))]);
    expect(comparable(reversed)).toEqual(comparable(whole));
    expect(comparable(nested)).toEqual(comparable(whole));
    expect(nested.mergedShards!.map((s) => s.runId)).toEqual(['run-shard-0', 'run-shard-1', 'run-shard-2', 'run-shard-3']);
    expect(reversed.runId).toBe(mergeResults(parts).runId);
  });

  it('keeps whole-run semantics for times: earliest start, latest end, longest duration', () => {
    const { parts } = shards(2);
    const late = { ...parts[1]!, startedAt: '2026-01-01T00:00:01.000Z', endedAt: '2026-01-01T00:00:05.500Z', durationMs: 4500 };
    const m = mergeResults([parts[0]!, late]);
    expect([m.startedAt, m.endedAt, m.durationMs]).toEqual(['2026-01-01T00:00:00.000Z', '2026-01-01T00:00:05.500Z', 4500]);
  });
});

describe('mergeResults: refusals', () => {
  const problemsOf = (f: () => unknown): string[] => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(InputError);
      return (e as InputError).problems.map((p) => `${p.file}: ${p.path}: ${p.message}`);
    }
    throw new Error('expected an InputError');
  };

  it('refuses shards of different scenarios', () => {
    const { parts } = shards(2);
    const other = { ...parts[1]!, scenario: { ...parts[1]!.scenario, name: 'other', hash: 'hash-b' } };
    expect(problemsOf(() => mergeResults([parts[0]!, other], { sources: ['a.json', 'b.json'] }))).toEqual([
      'b.json: scenario.hash: scenario "other" (hash hash-b) differs from a.json\'s "fixture" (hash hash-a): only shards of one scenario merge',
    ]);
  });

  it('refuses the same shard twice and two whole runs', () => {
    const { parts, whole } = shards(2);
    expect(problemsOf(() => mergeResults([parts[0]!, parts[1]!, parts[0]!], { sources: ['a', 'b', 'c'] }))).toEqual([
      'c: shard: overlapping slices: shard 0/2 is also in a; each shard may be merged once',
    ]);
    expect(problemsOf(() => mergeResults([whole, whole], { sources: ['a', 'b'] }))[0]).toMatch(/overlapping slices: whole run is also in a \(both are whole runs\)/);
    expect(problemsOf(() => mergeResults([mergeResults(parts), parts[1]!], { sources: ['m', 'b'] }))[0]).toMatch(/^b: shard: overlapping slices: shard 1\/2 is also in m/);
  });

  it('refuses different shard counts and intervals, and nothing at all', () => {
    const two = shards(2).parts;
    const three = shards(3).parts;
    expect(problemsOf(() => mergeResults([two[0]!, three[1]!], { sources: ['a', 'b'] }))[0]).toMatch(/b: shard.count: shard 1\/3 is of 3 shards, but a is of 2/);
    const other = { ...two[1]!, intervalMs: 5000 };
    expect(problemsOf(() => mergeResults([two[0]!, other], { sources: ['a', 'b'] }))[0]).toMatch(/b: intervalMs: series interval 5000 ms differs from a's 1000 ms/);
    expect(() => mergeResults([])).toThrow(InputError);
  });
});

describe('mergeResults: warnings, health and series', () => {
  it('warns about missing shards', () => {
    const { parts } = shards(3);
    const m = mergeResults([parts[0]!, parts[2]!]);
    expect(m.generator.warnings).toContain('merged 2 of 3 shards: missing 1/3; the totals cover only part of the schedule');
  });

  it('aggregates generator health and names the worker that lagged', () => {
    const { parts } = shards(2);
    const lagging = {
      ...parts[1]!,
      generator: { ...parts[1]!.generator, saturated: true, eventLoopLag: { p50Us: 900, p99Us: 38_000, maxUs: 90_000 }, cpuPercent: 99, warnings: ['event-loop lag p99 38 ms'] },
    };
    const m = mergeResults([parts[0]!, lagging]);
    expect(m.generator.saturated).toBe(true);
    expect(m.generator.eventLoopLag).toEqual({ p50Us: 900, p99Us: 38_000, maxUs: 90_000 });
    expect(m.generator.cpuPercent).toBe(99);
    expect(m.generator.workers).toEqual([
      { worker: 'shard 0/2', saturated: false, eventLoopLagP99Us: 1500, cpuPercent: 35 },
      { worker: 'shard 1/2', saturated: true, eventLoopLagP99Us: 38_000, cpuPercent: 99 },
    ]);
    expect(m.generator.warnings).toEqual([
      '[shard 1/2] event-loop lag p99 38 ms',
      'worker shard 1/2 lagged: event-loop lag p99 38.0 ms, CPU 99%: it, not the target, limited its share of the load',
    ]);
  });

  it('without per-interval histograms, interval percentiles are worst-shard upper bounds, flagged', () => {
    const { whole, parts } = shards(2, { noSeriesHistograms: true });
    const m = mergeResults(parts);
    expect(m.series.map((p) => p.requests)).toEqual(whole.series.map((p) => p.requests));
    m.series.forEach((p, i) => expect(p.p99Us).toBeGreaterThanOrEqual(Math.min(...parts.map((s) => s.series[i]!.p99Us))));
    expect(m.generator.warnings.some((w) => w.includes('upper bounds'))).toBe(true);
    expect(m.totals.latency.intended).toEqual(whole.totals.latency.intended);
  });

  it('carries interruptions and aborted thresholds', () => {
    const { parts } = shards(2);
    const aborted = {
      ...parts[0]!,
      interrupted: true,
      interruptReason: 'threshold aborted',
      thresholds: parts[0]!.thresholds.map((t, i) => (i === 2 ? { ...t, aborted: true, abortOnFail: true } : t)),
    };
    const m = mergeResults([aborted, parts[1]!]);
    expect(m.interrupted).toBe(true);
    expect(m.interruptReason).toBe('[shard 0/2] threshold aborted');
    expect(m.thresholds[2]).toMatchObject({ expression: 'throttle_rate < 5%', aborted: true, abortOnFail: true });
  });
});
