import { GetMetricDataCommand, ListMetricsCommand, type CloudWatchClient, type Dimension } from '@aws-sdk/client-cloudwatch';
import type { UsageSeries } from '../planner/calibration.js';
import { awsCallError } from './aws-error.js';

/** AWS/Usage `Service` dimension value of Cognito user pools. */
export const USAGE_SERVICE_USER_POOL = 'Cognito user pool';

/** One discovered AWS/Usage metric of a category (the exact dimension set CloudWatch reports). */
export interface UsageMetric {
  readonly category: string;
  readonly metricName: 'CallCount' | 'ThrottleCount';
  readonly dimensions: readonly Dimension[];
}

/** Discovers Cognito AWS/Usage CallCount and ThrottleCount metrics with ListMetrics (paginated), keyed by `Resource`. */
export async function discoverUsageMetrics(client: CloudWatchClient): Promise<UsageMetric[]> {
  const out: UsageMetric[] = [];
  for (const metricName of ['CallCount', 'ThrottleCount'] as const) {
    let token: string | undefined;
    do {
      let page;
      try {
        page = await client.send(
          new ListMetricsCommand({ Namespace: 'AWS/Usage', MetricName: metricName, Dimensions: [{ Name: 'Service', Value: USAGE_SERVICE_USER_POOL }], ...(token ? { NextToken: token } : {}) }),
        );
      } catch (err) {
        throw awsCallError(`CloudWatch ListMetrics(AWS/Usage ${metricName})`, err);
      }
      for (const m of page.Metrics ?? []) {
        const resource = m.Dimensions?.find((d) => d.Name === 'Resource')?.Value;
        if (resource) out.push({ category: resource, metricName, dimensions: m.Dimensions ?? [] });
      }
      token = page.NextToken || undefined;
    } while (token);
  }
  return out;
}

/**
 * Fetches Sum per period of every discovered metric between `start` and `end` with GetMetricData (paginated,
 * up to 500 queries per call) and groups them per category.
 */
export async function fetchUsageSeries(
  client: CloudWatchClient,
  metrics: readonly UsageMetric[],
  start: Date,
  end: Date,
  periodSec: number,
): Promise<UsageSeries[]> {
  const points = new Map<string, { timestampMs: number; sum: number }[]>();
  const ids = metrics.map((_, i) => `m${i}`);
  for (let offset = 0; offset < metrics.length; offset += 500) {
    const batch = metrics.slice(offset, offset + 500);
    let token: string | undefined;
    do {
      let page;
      try {
        page = await client.send(
          new GetMetricDataCommand({
            StartTime: start,
            EndTime: end,
            ScanBy: 'TimestampAscending',
            MetricDataQueries: batch.map((m, i) => ({
              Id: ids[offset + i]!,
              MetricStat: { Metric: { Namespace: 'AWS/Usage', MetricName: m.metricName, Dimensions: [...m.dimensions] }, Period: periodSec, Stat: 'Sum' },
              ReturnData: true,
            })),
            ...(token ? { NextToken: token } : {}),
          }),
        );
      } catch (err) {
        throw awsCallError('CloudWatch GetMetricData(AWS/Usage)', err);
      }
      for (const r of page.MetricDataResults ?? []) {
        const list = points.get(r.Id ?? '') ?? [];
        (r.Timestamps ?? []).forEach((t, j) => list.push({ timestampMs: new Date(t).getTime(), sum: r.Values?.[j] ?? 0 }));
        points.set(r.Id ?? '', list);
      }
      token = page.NextToken || undefined;
    } while (token);
  }
  const byCategory = new Map<string, { calls: { timestampMs: number; sum: number }[]; throttles: { timestampMs: number; sum: number }[] }>();
  metrics.forEach((m, i) => {
    const entry = byCategory.get(m.category) ?? { calls: [], throttles: [] };
    (m.metricName === 'CallCount' ? entry.calls : entry.throttles).push(...(points.get(ids[i]!) ?? []));
    byCategory.set(m.category, entry);
  });
  const windowSec = (end.getTime() - start.getTime()) / 1000;
  return [...byCategory].map(([category, e]) => ({
    category,
    requestedPeriodSec: periodSec,
    windowSec,
    callCounts: mergeSameTimestamp(e.calls),
    throttleCounts: mergeSameTimestamp(e.throttles),
  }));
}

/** Sums points with the same timestamp (several dimension sets of one category, e.g. Class variants). */
function mergeSameTimestamp(points: readonly { timestampMs: number; sum: number }[]): { timestampMs: number; sum: number }[] {
  const m = new Map<number, number>();
  for (const p of points) m.set(p.timestampMs, (m.get(p.timestampMs) ?? 0) + p.sum);
  return [...m].sort((a, b) => a[0] - b[0]).map(([timestampMs, sum]) => ({ timestampMs, sum }));
}
