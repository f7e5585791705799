import type { CategoryComparison, Comparison, MetricDelta } from './compare.js';
import { formatCount, formatLatencyUs, formatRatio } from './format.js';
import { displayName } from './redact.js';

/**
 * Text and Markdown renderings of a {@link Comparison} (pure).
 */

const value = (d: MetricDelta, v: number): string => (d.unit === 'us' ? formatLatencyUs(v) : formatRatio(v));

/** `312 ms → 401 ms (+28.5%)` or `0.2% → 3.1% (+2.9 pts)`. */
export function formatDelta(d: MetricDelta | undefined): string {
  if (!d) return '–';
  const change =
    d.unit === 'ratio'
      ? `${d.delta >= 0 ? '+' : ''}${Number((d.delta * 100).toFixed(2))} pts`
      : d.relative === null
        ? 'new'
        : `${d.relative >= 0 ? '+' : ''}${Number((d.relative * 100).toFixed(1))}%`;
  return `${value(d, d.baseline)} → ${value(d, d.current)} (${change})${d.regressed ? ' ▲' : ''}`;
}

const STATUS: Record<CategoryComparison['status'], string> = {
  pass: 'pass',
  regression: 'REGRESSION',
  'insufficient-data': 'insufficient data',
};

/** One line per category plus a verdict line, for terminals. */
export function renderComparisonText(c: Comparison): string {
  const head = ['Category', 'Calls (base → now)', 'p95', 'p99', 'Throttled', 'Result'];
  const rows = c.categories.map((x) => [
    x.category,
    `${formatCount(x.baselineCount)} → ${formatCount(x.currentCount)}`,
    formatDelta(x.deltas.find((d) => d.metric === 'p95')),
    formatDelta(x.deltas.find((d) => d.metric === 'p99')),
    formatDelta(x.deltas.find((d) => d.metric === 'throttle_rate')),
    STATUS[x.status],
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  const o = c.options;
  return [
    `Baseline ${displayName(c.baselineRunId)} → ${displayName(c.currentRunId)}: ${c.verdict === 'pass' ? 'PASS' : 'FAIL'} (${c.regressions} regression${c.regressions === 1 ? '' : 's'}, ${c.insufficient} with insufficient data)`,
    `Tolerance: latency +${formatRatio(o.tolerance)} and +${formatLatencyUs(o.minLatencyDeltaUs)}, throttle rate +${Number((o.throttleTolerance * 100).toFixed(2))} pts; at least ${o.minSamples} calls per category`,
    ...(c.sameScenario ? [] : ['warning: the two results come from different scenarios (scenario hash differs)']),
    '',
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
  ].join('\n');
}

const md = (s: string): string => s.replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A Markdown section (heading, notes, table). */
export function renderComparisonMarkdown(c: Comparison): string {
  const o = c.options;
  const rows = c.categories.map(
    (x) =>
      `| ${x.category} | ${formatCount(x.baselineCount)} → ${formatCount(x.currentCount)} | ${md(formatDelta(x.deltas.find((d) => d.metric === 'p95')))} | ${md(formatDelta(x.deltas.find((d) => d.metric === 'p99')))} | ${md(formatDelta(x.deltas.find((d) => d.metric === 'throttle_rate')))} | ${x.status === 'regression' ? '❌ regression' : x.status === 'pass' ? '✅ pass' : '⚪ insufficient data'} |`,
  );
  return [
    `### Baseline comparison: ${c.verdict === 'pass' ? '✅ no regression' : `❌ ${c.regressions} regression${c.regressions === 1 ? '' : 's'}`}`,
    '',
    `Baseline \`${md(displayName(c.baselineRunId))}\` → \`${md(displayName(c.currentRunId))}\`. Regression: latency above +${md(formatRatio(o.tolerance))} and +${md(formatLatencyUs(o.minLatencyDeltaUs))}, or throttle rate above +${Number((o.throttleTolerance * 100).toFixed(2))} points; categories with fewer than ${o.minSamples} calls in either run are not judged.${c.sameScenario ? '' : ' **Warning: the two results come from different scenarios.**'}`,
    '',
    '| Category | Calls (base → now) | p95 | p99 | Throttled | Result |',
    '|---|---:|---:|---:|---:|---|',
    ...rows,
    '',
  ].join('\n');
}
