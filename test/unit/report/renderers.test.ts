import { beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../../../src/metrics/run-result.js';
import { compareResults } from '../../../src/report/compare.js';
import { buildChartData } from '../../../src/report/html-chart-data.js';
import { renderHtml } from '../../../src/report/html.js';
import { renderJunit } from '../../../src/report/junit.js';
import { renderMarkdown } from '../../../src/report/markdown.js';
import { renderTerminalSummary } from '../../../src/report/terminal.js';
import { Recorder } from '../../../src/metrics/recorder.js';
import { buildResult, sample } from '../../fixtures/metrics/build-result.js';
import { launchDayResult } from '../../fixtures/metrics/launch-day.js';

let launch: RunResult;
let passing: RunResult;
beforeAll(() => {
  launch = launchDayResult();
  const r = buildResult([sample('InitiateAuth', 'ok', 1000), sample('InitiateAuth', 'ok', 2000)], { scenarioName: 'tiny', quotas: { UserAuthentication: 120 } });
  passing = { ...r, thresholds: [{ expression: 'p99 < 250ms', metric: 'p99', measured: 2000, limit: 250_000, unit: 'us', passed: true, status: 'pass' }] };
});

describe('renderMarkdown', () => {
  it('puts the verdict first, then failed thresholds, then the category table', () => {
    const md = renderMarkdown(launch);
    const lines = md.split('\n');
    expect(lines[0]).toBe('## ❌ FAIL: launch-day');
    expect(lines[2]).toBe('**2 of 7 thresholds failed; 1 threshold without data.**');
    const failed = md.indexOf('### Failed thresholds');
    const table = md.indexOf('### Quota categories');
    expect(failed).toBeGreaterThan(0);
    expect(table).toBeGreaterThan(failed);
    expect(md).toContain('| ❌ | `category:UserAuthentication throttle_rate < 1%` | 17.2% | &lt; 1% |  |');
    expect(md).toContain('| ⚪ | `category:UserAccountRecovery p99 < 1s` | no data | &lt; 1 s | no samples: cannot be judged (counts as failed) |');
    expect(md).toContain('| UserAuthentication | 3,600 | 120/s | 200/s | 120/s | ⚠️ 167% | 17.2% |');
    expect(md).toContain('<details><summary>All thresholds (7)</summary>');
  });

  it('a passing run says so and lists no failed thresholds', () => {
    const md = renderMarkdown(passing);
    expect(md.startsWith('## ✅ PASS: tiny\n\n**all 1 thresholds passed.**')).toBe(true);
    expect(md).not.toContain('### Failed thresholds');
  });

  it('includes the baseline comparison when the result carries one', () => {
    const md = renderMarkdown({ ...launch, comparison: compareResults(launch, launch) });
    expect(md).toContain('### Baseline comparison: ✅ no regression');
  });

  it('escapes table-breaking characters in names', () => {
    const r = { ...passing, scenario: { ...passing.scenario, name: 'a|b<script>' } };
    expect(renderMarkdown(r)).toContain('## ✅ PASS: a\\|b&lt;script&gt;');
  });
});

describe('renderJunit', () => {
  it('has one testcase per threshold; failures carry the expression and the measured value', () => {
    const xml = renderJunit(launch);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(xml).toContain('<testsuite name="thresholds: launch-day" tests="7" failures="3" errors="0" skipped="0">');
    expect(xml.match(/<testcase /g)).toHaveLength(7);
    expect(xml).toContain('<failure message="category:UserAuthentication throttle_rate &lt; 1%: measured 17.2%, limit &lt; 1%" type="ThresholdFailed"/>');
    expect(xml).toContain('<failure message="dropped == 0: measured 35, limit == 0" type="ThresholdFailed"/>');
    expect(xml).toMatch(/<failure message="category:UserAccountRecovery p99 &lt; 1s: no data: no calls in category UserAccountRecovery[^"]*" type="ThresholdNoData"\/>/);
  });

  it('adds a baseline suite: regression = failure, insufficient data = skipped', () => {
    const slower = launchDayResult();
    const scaled = { ...slower, categories: { ...slower.categories, UserAuthentication: { ...slower.categories.UserAuthentication!, latency: { ...slower.categories.UserAuthentication!.latency, intended: { ...slower.categories.UserAuthentication!.latency.intended, p99Us: 900_000 } } } } };
    const xml = renderJunit({ ...scaled, comparison: compareResults(launch, scaled) });
    expect(xml).toMatch(/<testsuite name="baseline: launch-day-20260101" tests="3" failures="1" errors="0" skipped="1">/);
    expect(xml).toMatch(/<failure message="UserAuthentication regressed: [^"]*p99 50.9 ms → 900 ms/);
    expect(xml).toContain('<skipped/>');
  });

  it('escapes and strips characters XML cannot carry', () => {
    const r = { ...passing, thresholds: [{ ...passing.thresholds[0]!, expression: 'p99 < 1s & "x" \u0001', passed: false, status: 'fail' as const }] };
    const xml = renderJunit(r);
    expect(xml).toContain('name="p99 &lt; 1s &amp; &quot;x&quot; "');
    expect(xml).not.toContain('\u0001');
  });

  it('a run without thresholds gives an empty suite', () => {
    expect(renderJunit({ ...passing, thresholds: [] })).toContain('tests="0" failures="0"');
  });
});

describe('renderTerminalSummary', () => {
  it('prints a per-category table, the thresholds and the verdict', () => {
    const out = renderTerminalSummary(launch);
    expect(out).toMatch(/^Category\s+Calls\s+Rate\s+Peak\s+Quota\s+Throttled\s+Errors\s+p50\s+p95\s+p99\s+max$/m);
    expect(out).toMatch(/^UserAuthentication\s+3,600\s+120\/s\s+200\/s\s+120\/s\s+17.2%/m);
    expect(out).toContain('  ✗ dropped == 0  (measured 35, limit == 0)');
    expect(out).toContain('  ? category:UserAccountRecovery p99 < 1s  (no data: no calls in category UserAccountRecovery');
    expect(out.trimEnd().split('\n').at(-1)).toBe('FAIL: 2 of 7 thresholds failed; 1 threshold without data');
    expect(out).not.toContain('\u001b[');
  });

  it('compact mode for CI: verdict line, totals, failed thresholds, report paths', () => {
    const out = renderTerminalSummary(launch, { compact: true, reportPaths: ['reports/x/report.html'] });
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toBe('FAIL launch-day: 2 of 7 thresholds failed; 1 threshold without data');
    expect(lines[1]).toMatch(/^ {2}4,590 calls, 153\/s, throttled 13.5%/);
    expect(lines.filter((l) => l.startsWith('  ✓'))).toHaveLength(0);
    expect(lines.at(-1)).toBe('Reports: reports/x/report.html');
  });

  it('keeps what the run summary showed: driver and model, flows, arrivals, error types, generator health, thresholds', () => {
    const r = new Recorder({ quotaRatePerSec: (c) => (c === 'UserAuthentication' ? 120 : null) });
    r.recordArrival('f', 'started', 0);
    for (let i = 0; i < 4; i++) {
      r.recordSample({ operation: 'InitiateAuth', category: 'UserAuthentication', flow: 'f', outcome: i === 0 ? 'throttled' : 'ok', ...(i === 0 ? { errorType: 'TooManyRequestsException' } : {}), intendedStartUs: i * 1000, sentUs: i * 1000, latencyUs: 1000, serviceTimeUs: 1000 });
    }
    const result = r.build({
      runId: 'x',
      toolVersion: '0',
      scenario: { name: 'demo', hash: 'h', tags: {} },
      target: { kind: 'embedded' },
      startedAt: '',
      endedAt: '',
      durationMs: 1000,
      interrupted: false,
      driver: { name: 'sdk', model: 'open' },
      generator: { eventLoopLag: { p50Us: 0, p99Us: 0, maxUs: 0 }, startLag: { p50Us: 0, p99Us: 0, maxUs: 0 }, cpuPercent: 5, maxRssBytes: 0, saturated: false, warnings: [] },
      thresholds: [{ expression: 'p99 < 1ms', metric: 'p99', measured: 1000, limit: 1000, unit: 'us', passed: false, status: 'fail', detail: 'measured 1 ms, limit < 1 ms' }],
    });
    const text = renderTerminalSummary(result);
    expect(text).toContain('demo · embedded emulator · 1 s\ndriver sdk (open model): arrivals on schedule');
    expect(text).toMatch(/^UserAuthentication\s+4\s+4\/s\s+4\/s\s+120\/s\s+25%\s+0%\s+1 ms\s+1 ms\s+1 ms\s+1 ms$/m);
    expect(text).toContain('Total: 4 calls, 4/s, throttled 25%, errors 0%, p99 1 ms\n');
    expect(text).toContain('Arrivals: 1 planned, 1 started (0 late), 0 dropped; target 1/s');
    expect(text).toContain('  flow f: 1 started, 0 succeeded, 0 failed, 0 dropped, p99 0 µs');
    expect(text).toContain('Errors and throttles by type: TooManyRequestsException 1');
    expect(text).toContain('Generator: start lag p99 1 µs, event-loop lag p99 0 µs, CPU 5%, max RSS 0 MiB');
    expect(text).toContain('  ✗ p99 < 1ms  (measured 1 ms, limit < 1 ms)');
    const closed = renderTerminalSummary({ ...result, driver: { name: 'autocannon', model: 'closed' } });
    expect(closed).toContain('driver autocannon (closed-loop): CLOSED-LOOP load');
    expect(renderTerminalSummary({ ...result, driver: { name: 'autocannon', model: 'closed' } }, { compact: true })).toContain('CLOSED-LOOP');
  });

  it('colours only when asked', () => {
    expect(renderTerminalSummary(passing, { color: true })).toContain('\u001b[32mPASS\u001b[0m');
  });
});

describe('renderHtml', () => {
  it('is one self-contained file: CSP without network, Chart.js inlined, data embedded, no external references', () => {
    const html = renderHtml(launch);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">`);
    expect(html).not.toMatch(/<script[^>]+src=/);
    expect(html).not.toMatch(/<link[^>]+href=/);
    expect(html).toMatch(/Chart\.js v4\.\d+\.\d+/);
    expect(html).toContain('<script type="application/json" id="cogcap-data">');
    for (const id of ['rate-UserAuthentication', 'rate-UserRead', 'rate-UserCreation', 'throttles', 'latency', 'distribution', 'arrivals']) {
      expect(html).toContain(`<canvas id="${id}"`);
    }
    expect(html).toContain('<div class="verdict fail" id="verdict"><strong>FAIL</strong>');
  });

  it('embedded JSON cannot close its script element', () => {
    const r = { ...passing, scenario: { ...passing.scenario, name: '</script><script>alert(1)</script>' } };
    const html = renderHtml(r, { chartLibrary: '/* lib */' });
    expect(html).not.toContain('<script>alert(1)');
    expect(html).toContain('&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });
});

describe('buildChartData', () => {
  it('gives per-category rates with the quota, throttles, latency and distributions', () => {
    const d = buildChartData(launch);
    const auth = d.categories.find((c) => c.category === 'UserAuthentication')!;
    expect(auth.quotaRatePerSec).toBe(120);
    expect(auth.ratePerSec[0]).toEqual([0, 40]);
    expect(auth.ratePerSec.at(-1)).toEqual([29, 200]);
    expect(auth.throttlesPerSec.at(-1)).toEqual([29, 80]);
    expect(auth.ratePerSec.filter(([, v]) => v > 120).length).toBeGreaterThan(10);
    const dist = d.distributions.find((x) => x.category === 'UserAuthentication')!;
    expect(dist.count).toBe(3600);
    expect(dist.points[0]![0]).toBe(1);
    expect(dist.points.map((p) => p[1])).toEqual([...dist.points.map((p) => p[1])].sort((a, b) => a - b));
    expect(d.arrivals.planned.length).toBe(30);
  });
});

describe('verdict', () => {
  it('says when the load generator was saturated (pass/fail unchanged)', () => {
    const r = { ...passing, generator: { ...passing.generator, saturated: true } };
    expect(renderMarkdown(r).split('\n')[2]).toBe(
      '**all 1 thresholds passed; the load generator was saturated, so the figures may understate the target (see generator warnings).**',
    );
    expect(renderMarkdown(r).startsWith('## ✅ PASS')).toBe(true);
  });
});
