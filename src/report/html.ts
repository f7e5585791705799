import type { RunResult } from '../metrics/run-result.js';
import { loadChartLibrary } from './chart-library.js';
import { formatDelta } from './compare-render.js';
import { formatCount, formatLatencyUs, formatRatePerSec, formatRatio } from './format.js';
import { buildChartData } from './html-chart-data.js';
import { HTML_CHARTS_SCRIPT } from './html-charts-script.js';
import { buildReportModel, type ReportModel } from './report-model.js';

/**
 * A single self-contained HTML report: inline CSS, Chart.js inlined (no CDN), chart data embedded as JSON, and a
 * Content-Security-Policy that forbids any network request, so it works offline and from an artifact store.
 * Charts: achieved rate vs quota per category (area above the quota shaded), throttles, latency percentiles over
 * time, latency distribution per category, arrivals; tables: thresholds, categories, flows, baseline comparison.
 */

/** Options of {@link renderHtml}. */
export interface HtmlOptions {
  /** Chart library source to inline. Default: Chart.js from node_modules ({@link loadChartLibrary}). */
  readonly chartLibrary?: string;
}

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** JSON safe inside a `<script>` element. */
const scriptJson = (v: unknown): string => JSON.stringify(v).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

const STYLE = `
:root { --fg: #0f172a; --muted: #64748b; --line: #e2e8f0; --ok: #15803d; --bad: #b91c1c; --warn: #a16207; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: #f8fafc; }
main { max-width: 1200px; margin: 0 auto; padding: 24px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 17px; margin: 28px 0 10px; }
.meta { color: var(--muted); margin: 0 0 16px; }
.verdict { display: flex; gap: 14px; align-items: center; padding: 14px 18px; border-radius: 8px; font-size: 16px; }
.verdict.pass, .verdict.fail { color: #fff; font-weight: 400; }
.verdict.pass { background: var(--ok); } .verdict.fail { background: var(--bad); }
.verdict strong { font-size: 22px; letter-spacing: .04em; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 10px; margin-top: 14px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 12px; }
.card .k { color: var(--muted); font-size: 12px; } .card .v { font-size: 18px; font-weight: 600; }
table { border-collapse: collapse; width: 100%; background: #fff; border: 1px solid var(--line); }
th, td { padding: 6px 10px; border-bottom: 1px solid var(--line); text-align: right; white-space: nowrap; }
th:first-child, td:first-child, td.l, th.l { text-align: left; } th { background: #f1f5f9; font-weight: 600; white-space: normal; }
td.note { text-align: left; white-space: normal; color: var(--muted); }
td.expr { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; text-align: left; white-space: normal; }
.pass { color: var(--ok); } .fail { color: var(--bad); font-weight: 600; } .nodata { color: var(--warn); }
.over { color: var(--bad); font-weight: 600; }
.grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 14px; }
.chart { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px; height: 300px; position: relative; }
.chart.wide { grid-column: 1 / -1; }
ul.warn li { color: var(--warn); }
footer { color: var(--muted); margin-top: 28px; font-size: 12px; }
`;

function thresholdTable(m: ReportModel): string {
  if (!m.thresholds.length) return '<p class="meta">No thresholds defined.</p>';
  const rows = m.thresholds
    .map((t) => {
      const cls = t.status === 'pass' ? 'pass' : t.status === 'fail' ? 'fail' : 'nodata';
      const label = t.status === 'pass' ? '✓ pass' : t.status === 'fail' ? '✗ fail' : '? no data';
      return `<tr><td class="${cls}">${label}${t.aborted ? ' (aborted run)' : ''}</td><td class="expr">${esc(t.expression)}</td><td>${esc(t.measured)}</td><td>${esc(t.limit)}</td><td class="note">${t.status === 'no-data' ? esc(t.detail) : ''}</td></tr>`;
    })
    .join('\n');
  return `<table id="thresholds"><thead><tr><th>Result</th><th class="l">Threshold</th><th>Measured</th><th>Limit</th><th class="l">Note</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

function categoryTable(m: ReportModel): string {
  if (!m.categories.length) return '<p class="meta">No calls were made.</p>';
  const rows = m.categories
    .map((c) => {
      const over = c.peakQuotaUse !== null && c.peakQuotaUse > 1;
      return `<tr><td>${esc(c.name)}</td><td>${formatCount(c.calls)}</td><td>${formatRatePerSec(c.ratePerSec)}</td><td${over ? ' class="over"' : ''}>${formatRatePerSec(c.peakRatePerSec)}</td><td>${c.quotaRatePerSec === null ? '–' : formatRatePerSec(c.quotaRatePerSec)}</td><td${over ? ' class="over"' : ''}>${c.peakQuotaUse === null ? '–' : formatRatio(c.peakQuotaUse)}</td><td>${formatRatio(c.throttleRate)}</td><td>${formatRatio(c.errorRate)}</td><td>${formatLatencyUs(c.p50Us)}</td><td>${formatLatencyUs(c.p95Us)}</td><td>${formatLatencyUs(c.p99Us)}</td><td>${formatLatencyUs(c.maxUs)}</td><td>${formatLatencyUs(c.serviceP99Us)}</td></tr>`;
    })
    .join('\n');
  return `<table id="categories"><thead><tr><th>Category</th><th>Calls</th><th>Avg rate</th><th>Peak rate</th><th>Quota</th><th>Peak / quota</th><th>Throttled</th><th>Errors</th><th>p50</th><th>p95</th><th>p99</th><th>max</th><th>service p99</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

function flowTable(m: ReportModel): string {
  if (!m.flows.length) return '';
  const rows = m.flows
    .map((f) => `<tr><td>${esc(f.name)}</td><td>${formatCount(f.planned)}</td><td>${formatCount(f.started)}</td><td>${formatRatio(f.achievedRatio)}</td><td>${formatCount(f.dropped)}</td><td>${formatCount(f.late)}</td><td>${formatCount(f.completed)}</td><td>${formatCount(f.failed)}</td><td>${formatLatencyUs(f.p50Us)}</td><td>${formatLatencyUs(f.p99Us)}</td></tr>`)
    .join('\n');
  return `<h2>Flows</h2><table id="flows"><thead><tr><th>Flow</th><th>Planned</th><th>Started</th><th>Achieved</th><th>Dropped</th><th>Late</th><th>Completed</th><th>Failed</th><th>p50</th><th>p99</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

function comparisonTable(m: ReportModel): string {
  const c = m.comparison;
  if (!c) return '';
  const rows = c.categories
    .map((x) => {
      const d = (k: string): string => esc(formatDelta(x.deltas.find((y) => y.metric === k)));
      const cls = x.status === 'regression' ? 'fail' : x.status === 'pass' ? 'pass' : 'nodata';
      return `<tr><td>${esc(x.category)}</td><td>${formatCount(x.baselineCount)} → ${formatCount(x.currentCount)}</td><td>${d('p95')}</td><td>${d('p99')}</td><td>${d('throttle_rate')}</td><td class="l ${cls}">${esc(x.status === 'insufficient-data' ? `insufficient data (${x.note ?? ''})` : x.status)}</td></tr>`;
    })
    .join('\n');
  return `<h2>Baseline comparison: ${c.verdict === 'pass' ? '<span class="pass">no regression</span>' : `<span class="fail">${c.regressions} regression(s)</span>`}</h2>
<p class="meta">Baseline ${esc(c.baselineRunId)}; tolerance +${esc(formatRatio(c.options.tolerance))} latency (and +${esc(formatLatencyUs(c.options.minLatencyDeltaUs))}), +${Number((c.options.throttleTolerance * 100).toFixed(2))} points throttle rate; at least ${c.options.minSamples} calls per category.${c.sameScenario ? '' : ' <strong>The results come from different scenarios.</strong>'}</p>
<table id="comparison"><thead><tr><th>Category</th><th>Calls (base → now)</th><th>p95</th><th>p99</th><th>Throttled</th><th class="l">Result</th></tr></thead><tbody>\n${rows}\n</tbody></table>`;
}

/** Renders the HTML report of a result. */
export function renderHtml(result: RunResult, options: HtmlOptions = {}): string {
  const m = buildReportModel(result);
  const data = buildChartData(result);
  const lib = options.chartLibrary ?? loadChartLibrary();
  const t = m.totals;
  const card = (k: string, v: string): string => `<div class="card"><div class="k">${esc(k)}</div><div class="v">${esc(v)}</div></div>`;
  const rateCharts = data.categories
    .map((c) => `<div class="chart"><canvas id="rate-${esc(c.category)}" aria-label="${esc(c.category)} achieved rate vs quota"></canvas></div>`)
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(`${m.verdict.label} · ${m.run.scenario} · cogcap`)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
<h1>Capacity report: ${esc(m.run.scenario)}</h1>
<p class="meta">Run ${esc(m.run.runId)} · ${esc(m.run.target)} · ${esc(m.run.driver)} · ${esc(m.run.duration)} from ${esc(m.run.startedAt)}${m.run.shards ? ` · ${esc(m.run.shards)}` : ''}</p>
<div class="verdict ${m.verdict.passed ? 'pass' : 'fail'}" id="verdict"><strong>${m.verdict.label}</strong><span>${esc(m.verdict.summary)}</span></div>
${m.run.interrupted ? `<p class="fail">Interrupted: ${esc(m.run.interrupted)}</p>` : ''}
<div class="cards">
${card('Calls', formatCount(t.calls))}${card('Avg rate', formatRatePerSec(t.ratePerSec))}${card('Throttled', formatRatio(t.throttleRate))}${card('Errors', formatRatio(t.errorRate))}${card('p99 latency', formatLatencyUs(t.p99Us))}${card('Arrivals started', `${formatCount(t.started)} / ${formatCount(t.planned)}`)}${card('Dropped', formatCount(t.dropped))}
</div>
<h2>Thresholds</h2>
${thresholdTable(m)}
<h2>Quota categories</h2>
${categoryTable(m)}
<h2>Achieved rate vs quota</h2>
<p class="meta">Calls per second in each ${data.intervalSec} s interval; the dashed red line is the quota in force, and the area above it is shaded red.</p>
<div class="grid">
${rateCharts || '<p class="meta">No calls were made.</p>'}
</div>
<h2>Throttles and latency over time</h2>
<div class="grid">
<div class="chart"><canvas id="throttles" aria-label="throttles per second"></canvas></div>
<div class="chart"><canvas id="latency" aria-label="latency percentiles over time"></canvas></div>
</div>
<h2>Latency distribution and arrivals</h2>
<div class="grid">
<div class="chart"><canvas id="distribution" aria-label="latency distribution per category"></canvas></div>
<div class="chart"><canvas id="arrivals" aria-label="arrivals per second"></canvas></div>
</div>
${flowTable(m)}
${comparisonTable(m)}
${m.errorsByType.length ? `<h2>Errors by type</h2><p>${m.errorsByType.map((e) => `${esc(e.type)}: ${formatCount(e.count)}`).join(' · ')}</p>` : ''}
${m.warnings.length ? `<h2>Generator warnings</h2><ul class="warn">${m.warnings.map((w) => `<li>${esc(w)}</li>`).join('')}</ul>` : ''}
<footer>cogcap ${esc(m.run.toolVersion)}${m.run.scenarioFile ? ` · ${esc(m.run.scenarioFile)}` : ''} · latency from the intended start unless marked "service" · charts by Chart.js (MIT), inlined</footer>
</main>
<script type="application/json" id="cogcap-data">${scriptJson(data)}</script>
<script>${lib}</script>
<script>${HTML_CHARTS_SCRIPT}</script>
</body>
</html>
`;
}
