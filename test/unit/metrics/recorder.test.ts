import { describe, expect, it } from 'vitest';
import { Recorder, type RunMeta } from '../../../src/metrics/recorder.js';
import { decodeHistogram } from '../../../src/metrics/histogram.js';
import { mergeResults } from '../../../src/metrics/merge.js';
import type { Sample } from '../../../src/metrics/sample.js';
import type { QuotaCategory } from '../../../src/cognito/categories.js';

const sample = (p: Partial<Sample> & { sentUs: number }): Sample => ({
  operation: 'InitiateAuth',
  category: 'UserAuthentication',
  flow: 'password-sign-in',
  outcome: 'ok',
  intendedStartUs: p.sentUs,
  latencyUs: 1000,
  serviceTimeUs: 1000,
  ...p,
});

const meta: RunMeta = {
  runId: 'r1',
  toolVersion: '0.0.0',
  scenario: { name: 's', hash: 'h', tags: {} },
  target: { kind: 'embedded', quotaProfile: 'aws-default' },
  startedAt: '2026-01-01T00:00:00.000Z',
  endedAt: '2026-01-01T00:00:02.000Z',
  durationMs: 2000,
  interrupted: false,
  driver: { name: 'sdk', model: 'open' },
  generator: { eventLoopLag: { p50Us: 0, p99Us: 0, maxUs: 0 }, startLag: { p50Us: 0, p99Us: 0, maxUs: 0 }, cpuPercent: 0, maxRssBytes: 0, saturated: false, warnings: [] },
};

describe('Recorder', () => {
  const quotas: Partial<Record<QuotaCategory, number>> = { UserAuthentication: 120, UserRead: 120 };
  const r = new Recorder({ intervalMs: 1000, flows: ['password-sign-in', 'profile'], quotaRatePerSec: (c) => quotas[c] ?? null });
  r.recordArrival('password-sign-in', 'started', 0, 200);
  r.recordArrival('password-sign-in', 'late', 500_000, 20_000);
  r.recordArrival('profile', 'dropped', 1_200_000);
  r.recordSample(sample({ sentUs: 100, latencyUs: 2000, serviceTimeUs: 1500 }));
  r.recordSample(sample({ sentUs: 600_000, outcome: 'throttled', errorType: 'TooManyRequestsException', latencyUs: 4000, serviceTimeUs: 3000 }));
  r.recordSample(sample({ sentUs: 700_000, outcome: 'client_error', errorType: 'NotAuthorizedException' }));
  r.recordSample(sample({ sentUs: 1_500_000, operation: 'GetUser', category: 'UserRead', flow: 'profile', outcome: 'timeout', errorType: 'Timeout' }));
  r.recordFlowEnd({ flow: 'password-sign-in', ok: true, intendedStartUs: 0, latencyUs: 3000 });
  r.recordFlowEnd({ flow: 'password-sign-in', ok: false, intendedStartUs: 500_000, latencyUs: 5000 });
  const res = r.build(meta);

  it('counts totals and arrivals', () => {
    expect(res.totals).toMatchObject({
      count: 4,
      ok: 1,
      throttled: 1,
      clientErrors: 1,
      serverErrors: 0,
      timeouts: 1,
      errorsByType: { NotAuthorizedException: 1, Timeout: 1, TooManyRequestsException: 1 },
      achievedRatePerSec: 2,
      throttleRate: 0.25,
      errorRate: 0.5,
      plannedArrivals: 3,
      startedArrivals: 2,
      droppedArrivals: 1,
      lateArrivals: 1,
      targetRatePerSec: 1.5,
    });
    expect(res.schema).toBe('cognito-capacity/run-result');
    expect(res.version).toBe(1);
  });
  it('keeps both latencies, encoded losslessly', () => {
    const c = res.categories.UserAuthentication!;
    expect(c.count).toBe(3);
    expect(c.latency.intended.maxUs).toBe(4000);
    expect(c.latency.service.maxUs).toBe(3000);
    expect(decodeHistogram(c.latency.encoded.intendedUs).totalCount).toBe(3);
    expect(c.quotaRatePerSec).toBe(120);
    expect(c.peakRatePerSec).toBe(3);
    expect(res.categories.UserRead).toMatchObject({ count: 1, timeouts: 1, peakRatePerSec: 1, quotaRatePerSec: 120 });
  });
  it('groups by operation with its category', () => {
    expect(Object.keys(res.operations)).toEqual(['GetUser', 'InitiateAuth']);
    expect(res.operations.GetUser).toMatchObject({ operation: 'GetUser', category: 'UserRead', count: 1 });
  });
  it('accounts flows', () => {
    expect(res.flows['password-sign-in']).toMatchObject({ planned: 2, started: 2, late: 1, dropped: 0, completed: 2, succeeded: 1, failed: 1, achievedRatePerSec: 1, targetRatePerSec: 1 });
    expect(res.flows['password-sign-in']!.latency.summary.maxUs).toBe(5000);
    expect(res.flows.profile).toMatchObject({ planned: 1, started: 0, dropped: 1, completed: 0 });
  });
  it('builds the per-interval series by send time (calls) and intended start (arrivals)', () => {
    expect(res.series).toHaveLength(2);
    expect(res.series[0]).toMatchObject({ tSec: 0, plannedArrivals: 2, startedArrivals: 2, droppedArrivals: 0, requests: 3, throttles: 1, errors: 1, p99Us: 4001 }); // HDR: 4000 µs is in a 2 µs bucket (3 significant digits) reported by its highest value
    expect(res.series[0]!.byCategory).toEqual({ UserAuthentication: { requests: 3, throttles: 1, errors: 1, p50Us: 2000, p99Us: 4001, encodedUs: expect.any(String) } });
    expect(res.series[1]).toMatchObject({ tSec: 1, plannedArrivals: 1, startedArrivals: 0, droppedArrivals: 1, requests: 1, errors: 1 });
  });
  it('reports start lag of started arrivals', () => {
    expect(res.generator.startLag.maxUs).toBeGreaterThanOrEqual(20_000);
    expect(res.generator.startLag.maxUs).toBeLessThan(20_100);
  });
  it('keeps percentiles after sealing old intervals', () => {
    r.tick(100_000_000);
    const again = r.build(meta);
    expect(again.series[0]!.byCategory.UserAuthentication).toEqual(res.series[0]!.byCategory.UserAuthentication);
  });
  it('writes each interval\'s encoded histogram (whole interval and per category), also once sealed', () => {
    const point = r.build(meta).series[0]!;
    expect(decodeHistogram(point.encodedUs!).totalCount).toBe(3);
    const auth = decodeHistogram(point.byCategory.UserAuthentication!.encodedUs!);
    expect([auth.totalCount, auth.minNonZeroValue, auth.maxValue]).toEqual([3, 1000, 4001]);
  });
});

describe('Recorder series histograms and merges', () => {
  it('merged per-interval percentiles of recorder shards are exact, without the upper-bound warning', () => {
    // Shard 0: fast calls, shard 1: slow calls, both in second 0; the whole run sees all 200.
    const build = (latencies: number[], shardIndex: number | undefined) => {
      const rec = new Recorder({ intervalMs: 1000 });
      latencies.forEach((latencyUs, i) => {
        rec.recordArrival('password-sign-in', 'started', i * 1000);
        rec.recordSample(sample({ sentUs: i * 1000, latencyUs }));
      });
      return rec.build({ ...meta, durationMs: 1000, ...(shardIndex !== undefined ? { shard: { index: shardIndex, count: 2 } } : {}) });
    };
    const fast = Array.from({ length: 100 }, (_, i) => 1000 + i);
    const slow = Array.from({ length: 100 }, (_, i) => 50_000 + i * 10);
    const whole = build([...fast, ...slow], undefined);
    const merged = mergeResults([build(fast, 0), build(slow, 1)]);
    expect(merged.generator.warnings.some((w) => w.includes('upper bounds'))).toBe(false);
    expect(merged.series[0]!.p50Us).toBe(whole.series[0]!.p50Us);
    expect(merged.series[0]!.p99Us).toBe(whole.series[0]!.p99Us);
    expect(merged.series[0]!.byCategory.UserAuthentication!.p50Us).toBe(whole.series[0]!.byCategory.UserAuthentication!.p50Us);
    // p50 of the union sits at the top of the fast calls, not at the slow shard's p50 (the old upper bound).
    expect(merged.series[0]!.p50Us).toBeLessThan(2000);
  });
});
