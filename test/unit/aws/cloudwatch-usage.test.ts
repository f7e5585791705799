import { CloudWatchClient, GetMetricDataCommand, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { calibrate } from '../../../src/aws/quota-sources.js';
import { observeUsage } from '../../../src/planner/calibration.js';

const cw = mockClient(CloudWatchClient);
afterEach(() => cw.reset());

const dims = (resource: string) => [
  { Name: 'Service', Value: 'Cognito user pool' },
  { Name: 'Type', Value: 'API' },
  { Name: 'Resource', Value: resource },
  { Name: 'Class', Value: 'None' },
];

describe('observeUsage (pure)', () => {
  const t0 = Date.UTC(2026, 0, 1);
  const table: [name: string, requested: number, spacingSec: number, counts: number[], windowSec: number, period: number, peak: number, avg: number][] = [
    // 60 s data: peak 1200 / 60 = 20 req/s; avg 2100 / 180 s = 11.6667
    ['1-minute data', 60, 60, [600, 1200, 300], 180, 60, 20, 2100 / 180],
    // 5-minute data asked at 60 s: counts cover 300 s each → peak 6000 / 300 = 20 (not 100)
    ['5-minute data', 60, 300, [3000, 6000], 600, 300, 20, 9000 / 600],
    // 300 s asked and delivered
    ['5-minute asked', 300, 300, [300], 86_400, 300, 1, 300 / 86_400],
  ];
  it.each(table)('%s', (_n, requested, spacingSec, counts, windowSec, period, peak, avg) => {
    const o = observeUsage({
      category: 'UserAuthentication',
      requestedPeriodSec: requested,
      windowSec,
      callCounts: counts.map((sum, i) => ({ timestampMs: t0 + i * spacingSec * 1000, sum })),
      throttleCounts: [{ timestampMs: t0, sum: 0 }, { timestampMs: t0 + spacingSec * 1000, sum: 7 }],
    });
    expect(o.periodSec).toBe(period);
    expect(o.peakRatePerSec).toBeCloseTo(peak, 9);
    expect(o.avgRatePerSec).toBeCloseTo(avg, 9);
    expect(o.peakToAverage).toBeCloseTo(peak / avg, 9);
    expect(o.totalThrottles).toBe(7);
    expect(o.throttledPeriods).toBe(1);
    expect(o.lastThrottleAt).toBe(new Date(t0 + spacingSec * 1000).toISOString());
  });
});

describe('calibrate', () => {
  it('discovers dimensions with ListMetrics (paginated), fetches sums and divides by the period', async () => {
    cw.on(ListMetricsCommand, { MetricName: 'CallCount' })
      .resolvesOnce({ Metrics: [{ Namespace: 'AWS/Usage', MetricName: 'CallCount', Dimensions: dims('UserAuthentication') }], NextToken: 'n' })
      .resolvesOnce({ Metrics: [{ Namespace: 'AWS/Usage', MetricName: 'CallCount', Dimensions: dims('UserRead') }] });
    cw.on(ListMetricsCommand, { MetricName: 'ThrottleCount' }).resolves({
      Metrics: [{ Namespace: 'AWS/Usage', MetricName: 'ThrottleCount', Dimensions: dims('UserAuthentication') }],
    });
    const end = new Date('2026-03-02T00:00:00Z');
    const ts = (min: number) => new Date(end.getTime() - min * 60_000);
    cw.on(GetMetricDataCommand)
      .resolvesOnce({
        MetricDataResults: [
          { Id: 'm0', Timestamps: [ts(3), ts(2)], Values: [600, 6000] },
          { Id: 'm1', Timestamps: [ts(3)], Values: [60] },
        ],
        NextToken: 'more',
      })
      .resolvesOnce({ MetricDataResults: [{ Id: 'm2', Timestamps: [ts(2)], Values: [12] }] });
    const r = await calibrate(new CloudWatchClient({ region: 'us-east-1' }), 1, new Date('2026-03-02T00:00:30Z'));
    const query = cw.commandCalls(GetMetricDataCommand)[0]!.args[0].input;
    expect(query.MetricDataQueries![0]!.MetricStat).toMatchObject({ Period: 60, Stat: 'Sum', Metric: { Namespace: 'AWS/Usage', MetricName: 'CallCount', Dimensions: dims('UserAuthentication') } });
    expect(query.EndTime).toEqual(end);
    // UserAuthentication: peak 6000 / 60 = 100 req/s; avg 6600 / 86400; 12 throttles
    expect(r.observed.UserAuthentication!.peakRatePerSec).toBeCloseTo(100, 9);
    expect(r.observed.UserAuthentication!.avgRatePerSec).toBeCloseTo(6600 / 86_400, 9);
    expect(r.observed.UserAuthentication!.totalThrottles).toBe(12);
    expect(r.observed.UserRead!.peakRatePerSec).toBeCloseTo(1, 9);
  });
  it('reports an account without metrics as a warning', async () => {
    cw.on(ListMetricsCommand).resolves({ Metrics: [] });
    const r = await calibrate(new CloudWatchClient({ region: 'us-east-1' }), 7, new Date());
    expect(r.warnings[0]).toContain('no AWS/Usage metrics');
  });
});
