import type { RunResult } from '../metrics/run-result.js';
import { renderComparisonMarkdown } from './compare-render.js';
import { formatCount, formatLatencyUs, formatRatePerSec, formatRatio } from './format.js';
import { buildReportModel, type ReportModel, type ThresholdRow } from './report-model.js';

/**
 * Markdown report for a pull-request comment: verdict first, then failed thresholds, the per-category table,
 * arrivals, the baseline comparison, every threshold (folded) and generator warnings. Pure.
 */

const md = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/`/g, "'");
/** Inside a code span entities are not decoded: only backticks and table pipes need care. */
const code = (s: string): string => `\`${s.replace(/`/g, "'").replace(/\|/g, '\\|')}\``;
const icon = (t: ThresholdRow): string => (t.status === 'pass' ? '✅' : t.status === 'fail' ? '❌' : '⚪');

function thresholdTable(rows: readonly ThresholdRow[]): string[] {
  return [
    '| | Threshold | Measured | Limit | Note |',
    '|---|---|---:|---:|---|',
    ...rows.map(
      (t) =>
        `| ${icon(t)} | ${code(t.expression)} | ${md(t.measured)} | ${md(t.limit)} | ${t.aborted ? 'aborted the run' : t.status === 'no-data' ? 'no samples: cannot be judged (counts as failed)' : ''} |`,
    ),
  ];
}

function categoryTable(m: ReportModel): string[] {
  if (m.categories.length === 0) return ['_No calls were made._'];
  return [
    '| Category | Calls | Avg rate | Peak rate | Quota | Peak / quota | Throttled | Errors | p50 | p95 | p99 | max |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...m.categories.map((c) => {
      const use = c.peakQuotaUse === null ? '–' : `${c.peakQuotaUse > 1 ? '⚠️ ' : ''}${formatRatio(c.peakQuotaUse)}`;
      return `| ${c.name} | ${formatCount(c.calls)} | ${formatRatePerSec(c.ratePerSec)} | ${formatRatePerSec(c.peakRatePerSec)} | ${c.quotaRatePerSec === null ? '–' : formatRatePerSec(c.quotaRatePerSec)} | ${use} | ${formatRatio(c.throttleRate)} | ${formatRatio(c.errorRate)} | ${formatLatencyUs(c.p50Us)} | ${formatLatencyUs(c.p95Us)} | ${formatLatencyUs(c.p99Us)} | ${formatLatencyUs(c.maxUs)} |`;
    }),
    `| **All** | **${formatCount(m.totals.calls)}** | ${formatRatePerSec(m.totals.ratePerSec)} | | | | ${formatRatio(m.totals.throttleRate)} | ${formatRatio(m.totals.errorRate)} | ${formatLatencyUs(m.totals.p50Us)} | ${formatLatencyUs(m.totals.p95Us)} | ${formatLatencyUs(m.totals.p99Us)} | ${formatLatencyUs(m.totals.maxUs)} |`,
  ];
}

/** Renders the Markdown report of a result. */
export function renderMarkdown(result: RunResult): string {
  const m = buildReportModel(result);
  const failed = m.thresholds.filter((t) => t.status !== 'pass');
  const t = m.totals;
  const out: string[] = [
    `## ${m.verdict.passed ? '✅' : '❌'} ${m.verdict.label}: ${md(m.run.scenario)}`,
    '',
    `**${md(m.verdict.summary)}.**`,
    '',
  ];
  if (failed.length) out.push('### Failed thresholds', '', ...thresholdTable(failed), '');
  out.push('### Quota categories', '', ...categoryTable(m), '');
  out.push(
    '### Arrivals',
    '',
    `Planned ${formatCount(t.planned)} (target ${formatRatePerSec(t.targetRatePerSec)}) · started ${formatCount(t.started)} (${formatRatio(t.achievedRatio)}) · dropped ${formatCount(t.dropped)} · late ${formatCount(t.late)}`,
    '',
  );
  if (m.flows.length) {
    out.push(
      '| Flow | Planned | Started | Dropped | Failed | p50 | p99 |',
      '|---|---:|---:|---:|---:|---:|---:|',
      ...m.flows.map(
        (f) => `| ${md(f.name)} | ${formatCount(f.planned)} | ${formatCount(f.started)} | ${formatCount(f.dropped)} | ${formatCount(f.failed)} | ${formatLatencyUs(f.p50Us)} | ${formatLatencyUs(f.p99Us)} |`,
      ),
      '',
    );
  }
  if (m.errorsByType.length) {
    out.push(`Errors by type: ${m.errorsByType.map((e) => `${md(e.type)} ${formatCount(e.count)}`).join(', ')}`, '');
  }
  if (m.comparison) out.push(renderComparisonMarkdown(m.comparison));
  if (m.thresholds.length) {
    out.push(`<details><summary>All thresholds (${m.thresholds.length})</summary>`, '', ...thresholdTable(m.thresholds), '', '</details>', '');
  }
  if (m.warnings.length) out.push('### Generator warnings', '', ...m.warnings.map((w) => `- ${md(w)}`), '');
  const r = m.run;
  out.push(
    `<sub>Run ${code(r.runId)}${r.scenarioFile ? ` · ${md(r.scenarioFile)}` : ''} · ${md(r.target)} · ${md(r.driver)} · ${md(r.duration)} from ${md(r.startedAt)}${r.shards ? ` · ${md(r.shards)}` : ''}${r.interrupted ? ` · interrupted: ${md(r.interrupted)}` : ''} · cogcap ${md(r.toolVersion)}</sub>`,
    '',
  );
  return out.join('\n');
}
