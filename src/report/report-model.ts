import { QUOTA_CATEGORY_NAMES, type QuotaCategory } from '../cognito/categories.js';
import type { CallStats, RunResult, ThresholdResult } from '../metrics/run-result.js';
import { isComparison, type Comparison } from './compare.js';
import { formatDurationMs, formatMeasure } from './format.js';
import { displayErrorType, displayName, displayUrl, redactSecrets } from './redact.js';

/**
 * The view every renderer draws from: built from a RunResult, it holds ONLY the documented report fields, with
 * free text redacted ({@link redactSecrets}). Renderers never read the RunResult itself, so a field that is not
 * listed here (scenario tags, client ids, raw encodings, anything a future version adds) can never reach a report.
 *
 * Documented fields: run id, scenario name and file, tool version, start time, duration, target kind, region, user
 * pool id, endpoint URL (scheme, host and path only), quota and latency profiles, driver, shards, interruption
 * reason; per category/operation/flow figures; threshold expressions and results; baseline comparison; error type
 * names; generator warnings.
 */

/** Figures of one group of calls for tables. */
export interface CallRow {
  readonly name: string;
  readonly calls: number;
  readonly ratePerSec: number;
  readonly throttleRate: number;
  readonly errorRate: number;
  readonly p50Us: number;
  readonly p95Us: number;
  readonly p99Us: number;
  readonly maxUs: number;
  readonly serviceP99Us: number;
}

/** One quota category row. */
export interface CategoryRow extends CallRow {
  readonly category: QuotaCategory;
  readonly quotaRatePerSec: number | null;
  readonly peakRatePerSec: number;
  /** Peak rate / quota, or null when the quota is unknown. */
  readonly peakQuotaUse: number | null;
}

/** One flow row. */
export interface FlowRow {
  readonly name: string;
  readonly planned: number;
  readonly started: number;
  readonly dropped: number;
  readonly late: number;
  readonly completed: number;
  readonly failed: number;
  readonly achievedRatio: number;
  readonly p50Us: number;
  readonly p99Us: number;
}

/** One threshold row. */
export interface ThresholdRow {
  readonly expression: string;
  readonly status: 'pass' | 'fail' | 'no-data';
  /** Measured value with unit, or `no data`. */
  readonly measured: string;
  /** Operator and limit with unit, e.g. `< 250 ms`. */
  readonly limit: string;
  readonly detail: string;
  readonly aborted: boolean;
}

/** The overall verdict, first thing every report shows. */
export interface Verdict {
  readonly passed: boolean;
  readonly label: 'PASS' | 'FAIL';
  /** One line: what decided the verdict. */
  readonly summary: string;
}

/** The view model (see module doc). */
export interface ReportModel {
  readonly verdict: Verdict;
  readonly run: {
    readonly runId: string;
    readonly scenario: string;
    readonly scenarioFile?: string;
    readonly toolVersion: string;
    readonly startedAt: string;
    readonly duration: string;
    readonly durationMs: number;
    readonly target: string;
    readonly driver: string;
    /** True for a closed-loop load (each connection waits for its answer): rates are what the target allowed. */
    readonly closedLoop: boolean;
    readonly shards?: string;
    readonly interrupted?: string;
  };
  readonly totals: CallRow & {
    readonly planned: number;
    readonly started: number;
    readonly dropped: number;
    readonly late: number;
    readonly achievedRatio: number;
    readonly targetRatePerSec: number;
  };
  readonly categories: readonly CategoryRow[];
  readonly operations: readonly (CallRow & { readonly category: QuotaCategory })[];
  readonly flows: readonly FlowRow[];
  readonly errorsByType: readonly { readonly type: string; readonly count: number }[];
  readonly thresholds: readonly ThresholdRow[];
  readonly comparison?: Comparison;
  /** Load-generator health (figures only; its warnings are in `warnings`). */
  readonly generator: {
    readonly startLagP99Us: number;
    readonly eventLoopLagP99Us: number;
    readonly cpuPercent: number;
    readonly maxRssBytes: number;
    readonly saturated: boolean;
  };
  readonly warnings: readonly string[];
}

/**
 * HDR percentiles report the top of their bucket (within 0.1%), so a p99 can read 1 µs above the exact max:
 * tables show percentiles capped at the max.
 */
const capped = (pUs: number, maxUs: number): number => (maxUs > 0 ? Math.min(pUs, maxUs) : pUs);

const callRow = (name: string, s: CallStats): CallRow => {
  const i = s.latency.intended;
  return {
    name,
    calls: s.count,
    ratePerSec: s.achievedRatePerSec,
    throttleRate: s.throttleRate,
    errorRate: s.errorRate,
    p50Us: capped(i.p50Us, i.maxUs),
    p95Us: capped(i.p95Us, i.maxUs),
    p99Us: capped(i.p99Us, i.maxUs),
    maxUs: i.maxUs,
    serviceP99Us: capped(s.latency.service.p99Us, s.latency.service.maxUs),
  };
};

function thresholdRow(t: ThresholdResult): ThresholdRow {
  const status = t.status ?? (t.passed ? 'pass' : 'fail');
  return {
    expression: redactSecrets(t.expression),
    status,
    measured: status === 'no-data' ? 'no data' : formatMeasure(t.measured, t.unit),
    limit: `${/(<=|>=|==|!=|<|>)/.exec(t.expression)?.[1] ?? ''} ${formatMeasure(t.limit, t.unit)}`.trim(),
    detail: redactSecrets(t.detail ?? ''),
    aborted: t.aborted === true,
  };
}

function describeTarget(r: RunResult): string {
  const t = r.target;
  const parts: string[] = [];
  if (t.kind === 'embedded') parts.push('embedded emulator');
  else if (t.kind === 'emulator') parts.push(`emulator${t.url ? ` at ${displayUrl(t.url)}` : ''}`);
  else parts.push(`AWS${t.region ? ` ${displayName(t.region)}` : ''}`);
  if (t.userPoolId) parts.push(`pool ${displayName(t.userPoolId)}`);
  if (t.quotaProfile) parts.push(`quota profile ${displayName(t.quotaProfile)}`);
  if (t.latencyProfile) parts.push(`latency profile ${displayName(t.latencyProfile)}`);
  return parts.join(', ');
}

function verdictOf(
  thresholds: readonly ThresholdRow[],
  comparison: Comparison | undefined,
  interrupted: string | undefined,
  saturated: boolean,
): Verdict {
  const v = judge(thresholds, comparison, interrupted);
  return saturated ? { ...v, summary: `${v.summary}; the load generator was saturated, so the figures may understate the target (see generator warnings)` } : v;
}

function judge(thresholds: readonly ThresholdRow[], comparison: Comparison | undefined, interrupted: string | undefined): Verdict {
  const failed = thresholds.filter((t) => t.status === 'fail').length;
  const noData = thresholds.filter((t) => t.status === 'no-data').length;
  const reasons: string[] = [];
  if (failed) reasons.push(`${failed} of ${thresholds.length} thresholds failed`);
  if (noData) reasons.push(`${noData} threshold${noData > 1 ? 's' : ''} without data`);
  if (comparison?.verdict === 'fail') reasons.push(`${comparison.regressions} regression${comparison.regressions > 1 ? 's' : ''} against the baseline`);
  if (interrupted) reasons.push(`run interrupted (${interrupted})`);
  if (reasons.length) return { passed: false, label: 'FAIL', summary: reasons.join('; ') };
  const ok: string[] = [];
  ok.push(thresholds.length ? `all ${thresholds.length} thresholds passed` : 'no thresholds defined');
  if (comparison) ok.push(`no regression against the baseline${comparison.insufficient ? ` (${comparison.insufficient} categories with insufficient data)` : ''}`);
  return { passed: true, label: 'PASS', summary: ok.join('; ') };
}

/** Builds the view model of a result. Pure. */
export function buildReportModel(r: RunResult): ReportModel {
  const thresholds = r.thresholds.map(thresholdRow);
  const comparison = isComparison(r.comparison) ? r.comparison : undefined;
  const interrupted = r.interrupted ? redactSecrets(r.interruptReason ?? 'stopped early') : undefined;
  const shards = r.mergedShards?.length
    ? `merged ${r.mergedShards.length} of ${r.mergedShards[0]!.count} shards`
    : r.shard
      ? `shard ${r.shard.index}/${r.shard.count}`
      : undefined;
  const categories = QUOTA_CATEGORY_NAMES.flatMap((c): CategoryRow[] => {
    const s = r.categories[c];
    if (!s) return [];
    if (c === 'IdentityPool') return identityPoolRows(r, s);
    return [
      {
        ...callRow(c, s),
        category: c,
        quotaRatePerSec: s.quotaRatePerSec,
        peakRatePerSec: s.peakRatePerSec,
        peakQuotaUse: s.quotaRatePerSec ? s.peakRatePerSec / s.quotaRatePerSec : null,
      },
    ];
  });
  const errors = new Map<string, number>();
  for (const [type, n] of Object.entries(r.totals.errorsByType)) {
    const name = displayErrorType(type);
    errors.set(name, (errors.get(name) ?? 0) + n);
  }
  return {
    verdict: verdictOf(thresholds, comparison, interrupted, r.generator.saturated),
    run: {
      runId: displayName(r.runId),
      scenario: displayName(r.scenario.name),
      ...(r.scenario.file ? { scenarioFile: displayName(r.scenario.file) } : {}),
      toolVersion: displayName(r.toolVersion),
      startedAt: displayName(r.startedAt),
      duration: formatDurationMs(r.durationMs),
      durationMs: r.durationMs,
      target: describeTarget(r),
      driver: `${displayName(r.driver.name)} (${r.driver.model === 'open' ? 'open model' : 'closed-loop'})`,
      closedLoop: r.driver.model === 'closed',
      ...(shards ? { shards } : {}),
      ...(interrupted ? { interrupted } : {}),
    },
    totals: {
      ...callRow('all', r.totals),
      planned: r.totals.plannedArrivals,
      started: r.totals.startedArrivals,
      dropped: r.totals.droppedArrivals,
      late: r.totals.lateArrivals,
      achievedRatio: r.totals.plannedArrivals ? r.totals.startedArrivals / r.totals.plannedArrivals : 0,
      targetRatePerSec: r.totals.targetRatePerSec,
    },
    categories,
    operations: Object.values(r.operations)
      .map((o) => ({ ...callRow(displayName(o.operation), o), category: o.category }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    flows: Object.values(r.flows)
      .map((f) => ({
        name: displayName(f.flow),
        planned: f.planned,
        started: f.started,
        dropped: f.dropped,
        late: f.late,
        completed: f.completed,
        failed: f.failed,
        achievedRatio: f.planned ? f.started / f.planned : 0,
        p50Us: capped(f.latency.summary.p50Us, f.latency.summary.maxUs),
        p99Us: capped(f.latency.summary.p99Us, f.latency.summary.maxUs),
      }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    errorsByType: [...errors.entries()].map(([type, count]) => ({ type, count })).sort((a, b) => b.count - a.count || a.type.localeCompare(b.type)),
    thresholds,
    ...(comparison ? { comparison: sanitizeComparison(comparison) } : {}),
    generator: {
      startLagP99Us: r.generator.startLag.p99Us,
      eventLoopLagP99Us: r.generator.eventLoopLag.p99Us,
      cpuPercent: r.generator.cpuPercent,
      maxRssBytes: r.generator.maxRssBytes,
      saturated: r.generator.saturated,
    },
    warnings: r.generator.warnings.map(redactSecrets),
  };
}

/**
 * The identity-pool group has per-operation quotas only: one row per operation (`IdentityPool:GetId`, ...) with the
 * operation's quota and peak, or the group's own row when the result carries no per-operation quotas (older results).
 */
function identityPoolRows(r: RunResult, group: CallStats & { readonly quotaRatePerSec: number | null; readonly peakRatePerSec: number }): CategoryRow[] {
  const ops = Object.values(r.operations).filter((o) => o.category === 'IdentityPool' && o.peakRatePerSec !== undefined);
  if (ops.length === 0) {
    return [{ ...callRow('IdentityPool', group), category: 'IdentityPool', quotaRatePerSec: null, peakRatePerSec: group.peakRatePerSec, peakQuotaUse: null }];
  }
  return ops
    .sort((a, b) => a.operation.localeCompare(b.operation))
    .map((o) => {
      const quota = o.quotaRatePerSec ?? null;
      const peak = o.peakRatePerSec ?? 0;
      return { ...callRow(`IdentityPool:${displayName(o.operation)}`, o), category: 'IdentityPool', quotaRatePerSec: quota, peakRatePerSec: peak, peakQuotaUse: quota ? peak / quota : null };
    });
}

function sanitizeComparison(c: Comparison): Comparison {
  return { ...c, baselineRunId: displayName(c.baselineRunId), currentRunId: displayName(c.currentRunId), categories: c.categories.filter((x) => (QUOTA_CATEGORY_NAMES as readonly string[]).includes(x.category)) };
}
