import { CHALLENGE_RESPONSE_QUOTA_MULTIPLIER, type QuotaCategory } from '../cognito/categories.js';

/**
 * Preflight of a run against a real pool (pure): for every category the run will call, planned peak rate plus the
 * account's current usage must stay within a share of the category's quota. Cognito quotas are per account and
 * Region, summed over every pool, so a test that ignores current usage can throttle production traffic.
 */

/** Default share of a quota that planned plus current usage may reach. */
export const DEFAULT_MAX_QUOTA_SHARE = 0.8;

/** Rates in requests per second, keyed by category (absent = 0 for rates, unknown for quotas). */
export type RatesByCategory = Readonly<Partial<Record<QuotaCategory, number>>>;

/** Inputs of {@link assessPreflight}. */
export interface PreflightInput {
  /** Peak planned calls per second of the run, per category (challenge responses apart). */
  readonly plannedPeakRatePerSecByCategory: RatesByCategory;
  /**
   * Peak planned challenge responses per second: they have their own allowance of 3× the UserAuthentication quota;
   * only their excess (spill-over) is charged to UserAuthentication. Default 0.
   */
  readonly plannedPeakChallengeResponseRatePerSec?: number;
  /** Quota in force per category, requests/s (Service Quotas value or provisioned limit). Infinity = unlimited. */
  readonly quotas: RatesByCategory;
  /** Recent peak usage of the account (CloudWatch AWS/Usage CallCount / period), requests/s. Absent = 0. */
  readonly recentUsagePeakRatePerSecByCategory: RatesByCategory;
  /** Share of each quota that planned + current usage may reach, in (0, 1]; default {@link DEFAULT_MAX_QUOTA_SHARE}. */
  readonly maxShare?: number;
}

/** One category's figures. */
export interface PreflightRow {
  readonly category: QuotaCategory;
  readonly plannedRatePerSec: number;
  readonly currentUsageRatePerSec: number;
  /** planned + current usage, requests/s. */
  readonly projectedRatePerSec: number;
  /** Quota in force, requests/s; null when unknown. */
  readonly quotaRatePerSec: number | null;
  /** `maxShare × quota`, requests/s; null when the quota is unknown. */
  readonly allowedRatePerSec: number | null;
  /** projected / quota (0 for an unlimited quota); null when the quota is unknown. */
  readonly projectedShare: number | null;
  readonly ok: boolean;
}

/** One refusal: the category and a sentence with the figures. */
export interface PreflightRefusal {
  readonly category: QuotaCategory;
  readonly reason: string;
}

/** Challenge responses against their own allowance. */
export interface ChallengeAllowance {
  readonly plannedRatePerSec: number;
  /** 3 × the UserAuthentication quota, requests/s (0 when that quota is unknown: everything spills). */
  readonly allowanceRatePerSec: number;
  /** max(0, planned − allowance): charged to UserAuthentication, requests/s. */
  readonly spillRatePerSec: number;
}

/** Outcome of {@link assessPreflight}. */
export interface PreflightAssessment {
  /** True when no category is refused. */
  readonly ok: boolean;
  readonly maxShare: number;
  /** Present when challenge responses are planned. */
  readonly challenge?: ChallengeAllowance;
  /** Every category with planned calls, in the order of the planned map. */
  readonly rows: readonly PreflightRow[];
  readonly refusals: readonly PreflightRefusal[];
}

/** Formats a rate for messages: integers as is, otherwise up to 2 decimals. */
export function formatRate(ratePerSec: number): string {
  if (!Number.isFinite(ratePerSec)) return 'unlimited';
  return Number.isInteger(ratePerSec) ? String(ratePerSec) : String(Math.round(ratePerSec * 100) / 100);
}

/** Formats a share as a percentage with at most one decimal. */
export function formatShare(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/**
 * Compares planned plus current usage with `maxShare` of each quota; challenge responses beyond their allowance
 * of 3× the UserAuthentication quota are added to UserAuthentication first. Only categories with a planned rate above 0
 * are assessed. A category whose quota is unknown is refused (we cannot show it is safe); an unlimited quota
 * (Infinity) always passes. Refusal reasons name the category and every figure, e.g.
 * `UserAuthentication: planned 100/s + current usage 20/s = 120/s, 100% of the quota 120/s (limit 80% = 96/s)`.
 */
export function assessPreflight(input: PreflightInput): PreflightAssessment {
  const maxShare = input.maxShare ?? DEFAULT_MAX_QUOTA_SHARE;
  if (!(maxShare > 0 && maxShare <= 1)) throw new RangeError(`maxShare must be in (0, 1], got ${maxShare}`);
  const rows: PreflightRow[] = [];
  const refusals: PreflightRefusal[] = [];
  // Challenge responses: their own allowance; the excess is charged to UserAuthentication.
  const plannedByCategory: Partial<Record<QuotaCategory, number>> = { ...input.plannedPeakRatePerSecByCategory };
  const challengeRate = input.plannedPeakChallengeResponseRatePerSec ?? 0;
  let challenge: ChallengeAllowance | undefined;
  if (challengeRate > 0) {
    const authQuota = input.quotas.UserAuthentication;
    const allowance = authQuota !== undefined && !Number.isNaN(authQuota) ? CHALLENGE_RESPONSE_QUOTA_MULTIPLIER * authQuota : 0;
    const spill = Math.max(0, challengeRate - allowance);
    challenge = { plannedRatePerSec: challengeRate, allowanceRatePerSec: allowance, spillRatePerSec: spill };
    if (spill > 0) plannedByCategory.UserAuthentication = (plannedByCategory.UserAuthentication ?? 0) + spill;
  }
  for (const [cat, planned] of Object.entries(plannedByCategory)) {
    const category = cat as QuotaCategory;
    if (planned === undefined || !(planned > 0)) continue;
    const current = Math.max(0, input.recentUsagePeakRatePerSecByCategory[category] ?? 0);
    const projected = planned + current;
    const quota = input.quotas[category];
    const figures = `planned ${formatRate(planned)}/s + current usage ${formatRate(current)}/s = ${formatRate(projected)}/s`;
    if (quota === undefined || Number.isNaN(quota)) {
      rows.push(row(category, planned, current, null, null, null, false));
      refusals.push({ category, reason: `${category}: ${figures}, but the quota is unknown (cannot show the run is safe)` });
      continue;
    }
    if (quota === Number.POSITIVE_INFINITY) {
      rows.push(row(category, planned, current, quota, quota, 0, true));
      continue;
    }
    const allowed = maxShare * quota;
    const share = quota > 0 ? projected / quota : Number.POSITIVE_INFINITY;
    // Compare with a relative epsilon so that exactly reaching the allowed rate passes despite float rounding.
    const ok = projected <= allowed * (1 + 1e-9);
    rows.push(row(category, planned, current, quota, allowed, share, ok));
    if (!ok) {
      refusals.push({
        category,
        reason:
          `${category}: ${figures}, ${quota > 0 ? formatShare(share) : 'all'} of the quota ${formatRate(quota)}/s ` +
          `(limit ${formatShare(maxShare)} = ${formatRate(allowed)}/s)`,
      });
    }
  }
  return { ok: refusals.length === 0, maxShare, ...(challenge ? { challenge } : {}), rows, refusals };
}

function row(
  category: QuotaCategory,
  plannedRatePerSec: number,
  currentUsageRatePerSec: number,
  quotaRatePerSec: number | null,
  allowedRatePerSec: number | null,
  projectedShare: number | null,
  ok: boolean,
): PreflightRow {
  return {
    category,
    plannedRatePerSec,
    currentUsageRatePerSec,
    projectedRatePerSec: plannedRatePerSec + currentUsageRatePerSec,
    quotaRatePerSec,
    allowedRatePerSec,
    projectedShare,
    ok,
  };
}
