import { describe, expect, it } from 'vitest';
import { fmtMs, renderTable, formatRunSummary } from '../../../src/metrics/summary.js';
import { Recorder } from '../../../src/metrics/recorder.js';
import { formatProgressLine } from '../../../src/load/run-progress.js';
import { newRunId } from '../../../src/load/run.js';

describe('summary formatting', () => {
  it.each([
    [0, '0'],
    [850, '0.85'],
    [12_340, '12.3'],
    [250_000, '250'],
    [1_250_000, '1,250'],
  ])('fmtMs(%d µs) = %s', (us, text) => {
    expect(fmtMs(us)).toBe(text);
  });

  it('aligns a table: first column left, others right', () => {
    expect(renderTable(['a', 'bb'], [['xyz', '1'], ['q', '22']])).toBe(['a    bb', '---  --', 'xyz   1', 'q    22'].join('\n'));
  });

  it('prints a per-category row with quota, throttles and percentiles, and the thresholds', () => {
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
    const text = formatRunSummary(result);
    expect(text).toContain('demo: 1.0 s, driver sdk (open model)');
    expect(text).toMatch(/UserAuthentication\s+120\s+4\s+4\s+4\s+1 \(25%\)\s+0 \(0%\)\s+1\s+1\s+1\s+1/);
    expect(text).toContain('errors and throttles by type: TooManyRequestsException 1');
    expect(text).toContain('thresholds: 0 passed, 1 failed');
    expect(text).toContain('  FAIL  p99 < 1ms  (measured 1 ms, limit < 1 ms)');
  });
});

describe('progress line', () => {
  it('shows the phase, time, start rate and per-category figures', () => {
    const line = formatProgressLine(
      {
        phase: 'steady',
        elapsedMs: 9000,
        durationMs: 20_000,
        startedPerSec: 29,
        targetPerSec: 30,
        inFlight: 12,
        dropped: 0,
        categories: [{ category: 'UserAuthentication', ratePerSec: 130, throttlesPerSec: 10, p99Us: 120_000 }],
      },
      { bar: true },
    );
    expect(line).toBe('[#########-----------] 45% steady  9s/20s  starts 29/30/s  in-flight 12  Auth 130/s p99 120ms thr 10/s');
  });
});

describe('newRunId', () => {
  it('is sortable by time and names the scenario', () => {
    expect(newRunId('Sign-in Storm!', new Date('2026-11-26T14:05:01Z'))).toMatch(/^20261126-140501-sign-in-storm-[0-9a-f]{4}$/);
  });
});
