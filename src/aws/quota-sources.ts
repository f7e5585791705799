import { calibrationPeriodSec, observeUsage, type ObservedUsage } from '../planner/calibration.js';
import { QUOTA_KEYS } from '../planner/quota-keys.js';
import { defaultQuotaTable, type QuotaTable } from '../planner/quota-table.js';
import type { PlannerAwsClients } from './aws-clients.js';
import { discoverUsageMetrics, fetchUsageSeries } from './cloudwatch-usage.js';
import { applyProvisionedLimits, fetchProvisionedLimits } from './provisioned-limit.js';
import { fetchServiceQuotaTable } from './service-quotas.js';

/** Options of {@link resolveQuotas}. */
export interface ResolveQuotasOptions {
  readonly mode: 'default' | 'live';
  /** Needed for `live`. */
  readonly clients?: Pick<PlannerAwsClients, 'serviceQuotas' | 'cognito'>;
  /** Read GetProvisionedLimit for the adjustable categories (default true with `live`). */
  readonly provisioned?: boolean;
  /** Injected sleep (pacing of GetProvisionedLimit). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/**
 * The quotas to plan against: catalogue defaults, or live Service Quotas values (both services, applied and
 * default, paginated) refined by GetProvisionedLimit where available. Keys Service Quotas does not list keep
 * their defaults, with a warning.
 */
export async function resolveQuotas(o: ResolveQuotasOptions): Promise<{ table: QuotaTable; warnings: string[] }> {
  if (o.mode === 'default') return { table: defaultQuotaTable(), warnings: [] };
  if (!o.clients) throw new Error('resolveQuotas: live mode needs AWS clients');
  const base = defaultQuotaTable();
  const sq = await fetchServiceQuotaTable(o.clients.serviceQuotas);
  let table: QuotaTable = { ...base, ...sq.table };
  const warnings = [...sq.warnings];
  if (o.provisioned ?? true) {
    const adjustable = QUOTA_KEYS.filter((k) => k.service === 'cognito-idp' && k.adjustable).map((k) => k.name);
    const pl = await fetchProvisionedLimits(o.clients.cognito, adjustable, o.sleep ?? ((ms) => new Promise((r) => setTimeout(r, ms))));
    table = applyProvisionedLimits(table, pl.limits);
    warnings.push(...pl.warnings);
  }
  return { table, warnings };
}

/**
 * CloudWatch calibration over the last `days` days ending at `now`: discovers the AWS/Usage metrics, fetches
 * per-period sums (60 s up to 14 days, else 300 s) and derives observed rates per category.
 */
export async function calibrate(
  cloudWatch: PlannerAwsClients['cloudWatch'],
  days: number,
  now: Date,
): Promise<{ days: number; observed: Record<string, ObservedUsage>; warnings: string[] }> {
  const metrics = await discoverUsageMetrics(cloudWatch);
  if (!metrics.length) {
    return { days, observed: {}, warnings: ['calibration: no AWS/Usage metrics for Cognito user pools in this account and Region'] };
  }
  const end = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const start = new Date(end.getTime() - days * 86_400_000);
  const series = await fetchUsageSeries(cloudWatch, metrics, start, end, calibrationPeriodSec(days));
  const observed: Record<string, ObservedUsage> = {};
  for (const s of series) observed[s.category] = observeUsage(s);
  return { days, observed, warnings: [] };
}
