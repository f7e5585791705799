import type { RunResult } from '../metrics/run-result.js';
import { formatCount, formatLatencyUs, formatRatePerSec, formatRatio } from './format.js';
import { buildReportModel } from './report-model.js';

/**
 * Terminal summary of a result, the ONE summary `cogcap run` (single, `--workers`) and `cogcap merge` print: the
 * driver and its model (a closed-loop load is said so), a per-category table, totals, arrivals and flows, error
 * types, generator health, thresholds, warnings and the verdict. Pure: returns a string; colour (ANSI) only when
 * asked.
 */

/** Options of {@link renderTerminalSummary}. */
export interface TerminalSummaryOptions {
  /** ANSI colours for the verdict and threshold marks. Default false. */
  readonly color?: boolean;
  /** Compact form for CI logs: verdict, totals line, closed-loop note, category table, generator line and warnings, failed thresholds only. Default false. */
  readonly compact?: boolean;
  /** Report files to list at the end (e.g. written by the runner). */
  readonly reportPaths?: readonly string[];
}

const paint = (on: boolean, code: number, s: string): string => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

function table(head: readonly string[], rows: readonly (readonly string[])[], rightAlignFrom = 1): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i >= rightAlignFrom ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(head), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)];
}

/** Renders the terminal summary of a result. */
export function renderTerminalSummary(result: RunResult, options: TerminalSummaryOptions = {}): string {
  const m = buildReportModel(result);
  const color = options.color ?? false;
  const t = m.totals;
  const verdict = paint(color, m.verdict.passed ? 32 : 31, m.verdict.label);
  const out: string[] = [];
  const callsLine = `${formatCount(t.calls)} calls, ${formatRatePerSec(t.ratePerSec)}, throttled ${formatRatio(t.throttleRate)}, errors ${formatRatio(t.errorRate)}, p99 ${formatLatencyUs(t.p99Us)}`;
  const totalsLine = m.run.closedLoop ? callsLine : `${callsLine}; arrivals ${formatCount(t.started)}/${formatCount(t.planned)} started, ${formatCount(t.dropped)} dropped`;
  const mark = (s: string): string => (s === 'pass' ? paint(color, 32, '✓') : s === 'fail' ? paint(color, 31, '✗') : paint(color, 33, '?'));
  const thresholdLines = (all: boolean): string[] =>
    m.thresholds
      .filter((x) => all || x.status !== 'pass')
      .map((x) => `  ${mark(x.status)} ${x.expression}  (${x.status === 'no-data' ? x.detail : `measured ${x.measured}, limit ${x.limit}`})${x.aborted ? ' [aborted the run]' : ''}`);
  const g = m.generator;
  const generatorLine =
    `generator: start lag p99 ${formatLatencyUs(g.startLagP99Us)}, event-loop lag p99 ${formatLatencyUs(g.eventLoopLagP99Us)}, ` +
    `CPU ${Math.round(g.cpuPercent)}%, max RSS ${Math.round(g.maxRssBytes / 1048576)} MiB${g.saturated ? ' (SATURATED)' : ''}`;
  const driverLine = m.run.closedLoop
    ? `driver ${m.run.driver}: CLOSED-LOOP load, each connection sends its next request only after the answer; rates are what the target allowed, not a schedule, and latency is from the send`
    : `driver ${m.run.driver}: arrivals on schedule, latency from the intended start (includes any wait in the generator)`;
  const categoryLines = (): string[] =>
    m.categories.length
      ? table(
          ['Category', 'Calls', 'Rate', 'Peak', 'Quota', 'Throttled', 'Errors', 'p50', 'p95', 'p99', 'max'],
          m.categories.map((c) => [
            c.name,
            formatCount(c.calls),
            formatRatePerSec(c.ratePerSec),
            formatRatePerSec(c.peakRatePerSec),
            c.quotaRatePerSec === null ? '–' : formatRatePerSec(c.quotaRatePerSec),
            formatRatio(c.throttleRate),
            formatRatio(c.errorRate),
            formatLatencyUs(c.p50Us),
            formatLatencyUs(c.p95Us),
            formatLatencyUs(c.p99Us),
            formatLatencyUs(c.maxUs),
          ]),
        )
      : ['No calls were made.'];
  if (options.compact) {
    out.push(`${verdict} ${m.run.scenario}: ${m.verdict.summary}`, `  ${totalsLine}`);
    if (m.run.closedLoop) out.push(`  ${driverLine}`);
    out.push(...categoryLines().map((l) => `  ${l}`), `  ${generatorLine}`, ...m.warnings.map((w) => `  ! ${w}`), ...thresholdLines(false));
  } else {
    out.push(`${m.run.scenario} · ${m.run.target} · ${m.run.duration}${m.run.shards ? ` · ${m.run.shards}` : ''}`, driverLine);
    if (m.run.interrupted) out.push(`interrupted: ${m.run.interrupted}`);
    out.push('');
    out.push(...categoryLines(), '');
    out.push(`Total: ${callsLine}`);
    if (!m.run.closedLoop) {
      out.push(
        `Arrivals: ${formatCount(t.planned)} planned, ${formatCount(t.started)} started (${formatCount(t.late)} late), ` +
          `${formatCount(t.dropped)} dropped; target ${formatRatePerSec(t.targetRatePerSec)}`,
      );
    }
    for (const f of m.flows) {
      out.push(
        `  flow ${f.name}: ${formatCount(f.started)} started, ${formatCount(f.completed - f.failed)} succeeded, ${formatCount(f.failed)} failed, ` +
          `${formatCount(f.dropped)} dropped, p99 ${formatLatencyUs(f.p99Us)}`,
      );
    }
    if (m.errorsByType.length) out.push(`Errors and throttles by type: ${m.errorsByType.map((e) => `${e.type} ${formatCount(e.count)}`).join(', ')}`);
    out.push(`${generatorLine.charAt(0).toUpperCase()}${generatorLine.slice(1)}`);
    if (m.thresholds.length) out.push('', 'Thresholds:', ...thresholdLines(true));
    if (m.warnings.length) out.push('', 'Generator warnings:', ...m.warnings.map((w) => `  ! ${w}`));
    out.push('', `${verdict}: ${m.verdict.summary}`);
  }
  if (options.reportPaths?.length) out.push(`Reports: ${options.reportPaths.join(', ')}`);
  return `${out.join('\n')}\n`;
}
