import { CATEGORY_QUOTAS, PER_USER_READ_RATE_PER_SEC, PER_USER_WRITE_RATE_PER_SEC, isQuotaCategory } from '../cognito/categories.js';
import type { KeyPlan } from './category-rollup.js';
import type { ObservedUsage } from './calibration.js';
import type { DemandLine } from './operation-demand.js';
import { USER_POOL_SERVICE_CODE } from './quota-keys.js';
import type { Workload } from './workload.js';

/** MAU below which AWS says accounts can operate within the default quotas. */
export const AWS_DEFAULTS_SUFFICE_BELOW_MAU = 2_000_000;

/**
 * Rule-based warnings of a plan (pure): per-user limits (10 read-profile and 10 write-profile operations per user per
 * second, not adjustable), the 5 req/s per-pool per-operation limits, calibration that contradicts the assumed peak
 * ratio, and the SNS/SES reminder when sign-up or recovery traffic grows.
 */
export function planWarnings(
  w: Workload,
  lines: readonly DemandLine[],
  plans: readonly KeyPlan[],
  observed: Readonly<Record<string, ObservedUsage>> | null,
): string[] {
  const out: string[] = [];
  const { peakReadsPerSec, peakWritesPerSec } = w.perUser;
  if (peakReadsPerSec !== null && peakReadsPerSec > PER_USER_READ_RATE_PER_SEC) {
    out.push(
      `per-user limit: the app declares ${peakReadsPerSec} read-profile calls per user per second (GetUser, GetDevice, InitiateAuth, RespondToAuthChallenge, AdminInitiateAuth); Cognito allows ${PER_USER_READ_RATE_PER_SEC}/s per user and this cannot be raised: cache profiles and tokens per user`,
    );
  }
  if (peakWritesPerSec !== null && peakWritesPerSec > PER_USER_WRITE_RATE_PER_SEC) {
    out.push(
      `per-user limit: the app declares ${peakWritesPerSec} write-profile calls per user per second (UpdateUserAttributes, SetUserSettings, AdminLinkProviderForUser); Cognito allows ${PER_USER_WRITE_RATE_PER_SEC}/s per user and this cannot be raised: batch attribute updates`,
    );
  }
  if (peakReadsPerSec === null && peakWritesPerSec === null) {
    out.push(
      `per-user limits (${PER_USER_READ_RATE_PER_SEC} read-profile and ${PER_USER_WRITE_RATE_PER_SEC} write-profile calls per user per second, not adjustable) cannot be checked from aggregate demand: declare perUser.peakReadsPerSec / peakWritesPerSec to check them`,
    );
  }
  const perOp = new Map<string, number>();
  for (const l of lines) {
    if (l.service !== USER_POOL_SERVICE_CODE) continue;
    const cat = l.quotaKeyId.slice(USER_POOL_SERVICE_CODE.length + 1);
    if (!isQuotaCategory(cat) || CATEGORY_QUOTAS[cat].perPoolPerOperationRatePerSec === null) continue;
    perOp.set(`${cat}|${l.operation}`, (perOp.get(`${cat}|${l.operation}`) ?? 0) + l.peakRatePerSec.value);
  }
  for (const [k, peak] of perOp) {
    const [cat, op] = k.split('|') as [keyof typeof CATEGORY_QUOTAS, string];
    const limit = CATEGORY_QUOTAS[cat].perPoolPerOperationRatePerSec!;
    if (peak > limit) {
      out.push(`per-pool limit: ${op} peaks at ${peak.toFixed(2)} req/s but ${cat} allows ${limit} req/s per user pool per operation (not adjustable): spread it over time or pools`);
    }
  }
  if (observed) {
    const assumed = lines.find((l) => l.driver === 'users')?.peakRatePerSec.inputs.peakToAverageUsers?.value;
    for (const o of Object.values(observed)) {
      if (assumed !== undefined && o.peakToAverage > assumed * 1.25 && o.totalCalls > 0) {
        out.push(
          `calibration: ${o.category} was observed at a peak-to-average ratio of ${o.peakToAverage.toFixed(2)} over the last ${(o.windowSec / 86400).toFixed(0)} days, above the workload's assumed ${assumed.toFixed(2)}: the forecast peak may be low`,
        );
      }
      if (o.totalThrottles > 0) {
        out.push(`calibration: ${o.category} was throttled ${o.totalThrottles} times in ${o.throttledPeriods} periods (last ${o.lastThrottleAt ?? 'n/a'})`);
      }
    }
  }
  const messaging = plans.some(
    (p) => (p.key.name === 'UserCreation' || p.key.name === 'UserAccountRecovery') && p.status !== 'ok',
  );
  if (messaging) {
    out.push('sign-up and recovery traffic above the defaults also needs SNS (SMS) and SES (email) sending quotas to match: check them before launch');
  }
  if (w.monthlyActiveUsers < AWS_DEFAULTS_SUFFICE_BELOW_MAU && plans.some((p) => p.status !== 'ok')) {
    out.push(`AWS says accounts under ${AWS_DEFAULTS_SUFFICE_BELOW_MAU.toLocaleString('en-US')} MAU can operate within the defaults: double-check the peak assumptions before requesting increases`);
  }
  return out;
}
