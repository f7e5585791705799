import type { QuotaCategory } from '../cognito/categories.js';
import type { PlannerAwsClients } from '../aws/aws-clients.js';
import { calibrate, resolveQuotas } from '../aws/quota-sources.js';
import { quotaKeyId, USER_POOL_SERVICE_CODE } from '../planner/quota-keys.js';
import { assessPreflight, type PreflightAssessment, type RatesByCategory } from './preflight.js';

/**
 * The AWS edge of the preflight: reads the quotas in force (Service Quotas refined by GetProvisionedLimit, via the
 * planner's adapters in src/aws) and the account's recent peak usage (CloudWatch AWS/Usage CallCount / period),
 * then runs the pure {@link assessPreflight}. Makes only control-plane reads; no user-pool calls.
 */

/** Default look-back of the usage read: one day, so the daily peak of other pools is counted. */
export const DEFAULT_USAGE_LOOKBACK_HOURS = 24;

/** Options of {@link runAwsPreflight}. */
export interface AwsPreflightOptions {
  readonly clients: Pick<PlannerAwsClients, 'serviceQuotas' | 'cognito' | 'cloudWatch'>;
  /** Peak planned calls/s per category of the whole run (all shards together), challenge responses apart. */
  readonly plannedPeakRatePerSecByCategory: RatesByCategory;
  /** Peak planned challenge responses/s (their own allowance; see assessPreflight). */
  readonly plannedPeakChallengeResponseRatePerSec?: number;
  /** Share of each quota planned + current usage may reach; default 0.8. */
  readonly maxShare?: number;
  /** Hours of AWS/Usage history whose peak counts as current usage; default 24. */
  readonly usageLookbackHours?: number;
  /** Read GetProvisionedLimit too (default true). */
  readonly provisioned?: boolean;
  readonly now: Date;
  /** Injected sleep (pacing of GetProvisionedLimit). */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** What the AWS preflight found. */
export interface AwsPreflightResult {
  readonly assessment: PreflightAssessment;
  /** Quota in force per planned category, requests/s. */
  readonly quotas: RatesByCategory;
  /** Recent peak usage per category, requests/s. */
  readonly usage: RatesByCategory;
  /** A line naming the sources, for the dry-run heading. */
  readonly source: string;
  readonly warnings: readonly string[];
}

/** Reads quotas and recent usage, and assesses the planned peak against them. AWS failures throw TargetError. */
export async function runAwsPreflight(o: AwsPreflightOptions): Promise<AwsPreflightResult> {
  const lookbackHours = o.usageLookbackHours ?? DEFAULT_USAGE_LOOKBACK_HOURS;
  const { table, warnings: quotaWarnings } = await resolveQuotas({
    mode: 'live',
    clients: o.clients,
    ...(o.provisioned !== undefined ? { provisioned: o.provisioned } : {}),
    ...(o.sleep ? { sleep: o.sleep } : {}),
  });
  const calibration = await calibrate(o.clients.cloudWatch, lookbackHours / 24, o.now);
  const quotas: Partial<Record<QuotaCategory, number>> = {};
  const usage: Partial<Record<QuotaCategory, number>> = {};
  const assessed = Object.keys(o.plannedPeakRatePerSecByCategory) as QuotaCategory[];
  if ((o.plannedPeakChallengeResponseRatePerSec ?? 0) > 0 && !assessed.includes('UserAuthentication')) assessed.push('UserAuthentication');
  for (const c of assessed) {
    quotas[c] = c === 'Uncategorized' || c === 'IdentityPool' ? Number.POSITIVE_INFINITY : table[quotaKeyId(USER_POOL_SERVICE_CODE, c)]?.valueRatePerSec;
    usage[c] = calibration.observed[c]?.peakRatePerSec ?? 0;
  }
  const assessment = assessPreflight({
    plannedPeakRatePerSecByCategory: o.plannedPeakRatePerSecByCategory,
    ...(o.plannedPeakChallengeResponseRatePerSec !== undefined ? { plannedPeakChallengeResponseRatePerSec: o.plannedPeakChallengeResponseRatePerSec } : {}),
    quotas,
    recentUsagePeakRatePerSecByCategory: usage,
    ...(o.maxShare !== undefined ? { maxShare: o.maxShare } : {}),
  });
  return {
    assessment,
    quotas,
    usage,
    source: `Service Quotas${o.provisioned === false ? '' : ' and provisioned limits'}; usage: AWS/Usage peak of the last ${lookbackHours} h`,
    warnings: [...quotaWarnings, ...calibration.warnings],
  };
}
