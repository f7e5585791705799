import type { RunResult } from './run-result.js';

/**
 * The terminal summary of a result (pure): a table per quota category (quota, calls, achieved and peak rate,
 * throttles, errors, intended-start latency percentiles), arrivals, generator health and thresholds.
 */

/** Latency in ms with up to 3 significant digits (`0.85`, `12.3`, `250`, `1,250`). */
export function fmtMs(us: number): string {
  const ms = us / 1000;
  if (ms === 0) return '0';
  if (ms >= 100) return Math.round(ms).toLocaleString('en-US');
  return String(Number(ms.toPrecision(3)));
}

const fmtRate = (r: number): string => (r >= 100 ? Math.round(r).toLocaleString('en-US') : String(Number(r.toFixed(1))));
const pct = (x: number): string => (x === 0 ? '0%' : x < 0.001 ? '<0.1%' : `${Number((x * 100).toPrecision(3))}%`);

/** Renders rows as an aligned text table (first column left-aligned, others right-aligned). */
export function renderTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]): string =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

/** The per-category table. */
export function categoryTable(result: RunResult): string {
  const rows = Object.values(result.categories).map((c) => [
    c!.category,
    c!.quotaRatePerSec === null ? '-' : fmtRate(c!.quotaRatePerSec),
    c!.count.toLocaleString('en-US'),
    fmtRate(c!.achievedRatePerSec),
    fmtRate(c!.peakRatePerSec),
    `${c!.throttled.toLocaleString('en-US')} (${pct(c!.throttleRate)})`,
    `${(c!.clientErrors + c!.serverErrors + c!.timeouts).toLocaleString('en-US')} (${pct(c!.errorRate)})`,
    fmtMs(c!.latency.intended.p50Us),
    fmtMs(c!.latency.intended.p95Us),
    fmtMs(c!.latency.intended.p99Us),
    fmtMs(c!.latency.intended.maxUs),
  ]);
  const t = result.totals;
  rows.push([
    'all',
    '',
    t.count.toLocaleString('en-US'),
    fmtRate(t.achievedRatePerSec),
    '',
    `${t.throttled.toLocaleString('en-US')} (${pct(t.throttleRate)})`,
    `${(t.clientErrors + t.serverErrors + t.timeouts).toLocaleString('en-US')} (${pct(t.errorRate)})`,
    fmtMs(t.latency.intended.p50Us),
    fmtMs(t.latency.intended.p95Us),
    fmtMs(t.latency.intended.p99Us),
    fmtMs(t.latency.intended.maxUs),
  ]);
  return renderTable(['category', 'quota/s', 'calls', 'rate/s', 'peak/s', 'throttled', 'errors', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'], rows);
}

/** Error types seen, most frequent first (`NotAuthorizedException 3, Timeout 1`). */
export function errorTypesLine(result: RunResult): string | undefined {
  const entries = Object.entries(result.totals.errorsByType).sort(([, a], [, b]) => b - a);
  if (entries.length === 0) return undefined;
  return entries.map(([type, n]) => `${type} ${n.toLocaleString('en-US')}`).join(', ');
}

/** The whole summary; `compact` (CI) leaves out the per-flow lines. */
export function formatRunSummary(result: RunResult, options: { compact?: boolean } = {}): string {
  const t = result.totals;
  const out: string[] = [];
  out.push(
    `${result.scenario.name}: ${(result.durationMs / 1000).toFixed(1)} s${result.interrupted ? ` (interrupted${result.interruptReason ? `: ${result.interruptReason}` : ''})` : ''}, ` +
      `driver ${result.driver.name} (${result.driver.model} model)`,
  );
  out.push('');
  out.push(categoryTable(result));
  out.push('latency from the intended start (includes any wait in the generator); quota = requests/s for the target');
  const errors = errorTypesLine(result);
  if (errors) out.push(`errors and throttles by type: ${errors}`);
  out.push(
    `arrivals: ${t.plannedArrivals.toLocaleString('en-US')} planned, ${t.startedArrivals.toLocaleString('en-US')} started ` +
      `(${t.lateArrivals.toLocaleString('en-US')} late), ${t.droppedArrivals.toLocaleString('en-US')} dropped; ` +
      `target ${fmtRate(t.targetRatePerSec)}/s`,
  );
  if (!options.compact) {
    for (const f of Object.values(result.flows)) {
      out.push(
        `  flow ${f.flow}: ${f.started} started, ${f.succeeded} succeeded, ${f.failed} failed, ${f.dropped} dropped, ` +
          `p99 ${fmtMs(f.latency.summary.p99Us)} ms`,
      );
    }
  }
  const g = result.generator;
  out.push(
    `generator: start lag p99 ${fmtMs(g.startLag.p99Us)} ms, event-loop lag p99 ${fmtMs(g.eventLoopLag.p99Us)} ms, ` +
      `CPU ${g.cpuPercent.toFixed(0)}%, max RSS ${Math.round(g.maxRssBytes / 1048576)} MiB${g.saturated ? ' (SATURATED)' : ''}`,
  );
  for (const w of g.warnings) out.push(`warning: ${w}`);
  if (result.thresholds.length > 0) {
    const failed = result.thresholds.filter((r) => !r.passed).length;
    out.push(`thresholds: ${result.thresholds.length - failed} passed, ${failed} failed`);
    for (const r of result.thresholds) {
      const status = r.status ?? (r.passed ? 'pass' : 'fail');
      out.push(`  ${status === 'pass' ? 'PASS' : status === 'no-data' ? 'NO DATA' : 'FAIL'}  ${r.expression}${r.detail ? `  (${r.detail})` : ''}${r.aborted ? ' [aborted the run]' : ''}`);
    }
  }
  return out.join('\n');
}
