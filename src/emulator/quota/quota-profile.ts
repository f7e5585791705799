import {
  CATEGORY_QUOTAS,
  CHALLENGE_RESPONSE_QUOTA_MULTIPLIER,
  PER_USER_READ_RATE_PER_SEC,
  PER_USER_WRITE_RATE_PER_SEC,
  QUOTA_CATEGORY_NAMES,
  type QuotaCategory,
} from '../../cognito/categories.js';
import { PER_USER_HOURLY_LIMITS } from '../../cognito/operations.js';

/**
 * The quotas one emulator process (one AWS account in one Region) enforces. Rates are requests per second;
 * `Infinity` means unlimited (still counted in usage metrics). Source of the defaults: src/cognito (the catalogue).
 */
export interface QuotaProfile {
  /** `aws-default`, `unlimited`, or the file the profile came from. */
  readonly name: string;
  /** Enforced (provisioned) account-wide rate per category, shared by every pool. */
  readonly ratePerSec: Readonly<Record<QuotaCategory, number>>;
  /**
   * Account maximum per category (the Service Quotas value): the cap of UpdateProvisionedLimit. Default: 10x the
   * AWS default for adjustable categories (an account whose increases were approved), the enforced rate otherwise.
   */
  readonly accountMaxPerSec: Readonly<Record<QuotaCategory, number>>;
  /** Challenge responses' own budget, as a multiple of the UserAuthentication rate (AWS: 3). */
  readonly challengeResponseMultiplier: number;
  /** Authorization-code redemptions' own allocation, as a multiple of the UserAuthentication rate (AWS: 1). */
  readonly authorizationCodeMultiplier: number;
  /** Read-profile operations per user per second (AWS: 10). */
  readonly perUserReadPerSec: number;
  /** Write-profile operations per user per second (AWS: 10). */
  readonly perUserWritePerSec: number;
  /** Per pool per operation rate of the pool/client resource categories (AWS: 5); absent = no such limit. */
  readonly perPoolPerOperationPerSec: Readonly<Partial<Record<QuotaCategory, number>>>;
  /** Per-user hourly limits of code operations, keyed by operation (ConfirmForgotPassword shares ForgotPassword's). */
  readonly hourlyLimits: Readonly<Record<string, number>>;
  /**
   * Burst allowance in seconds of rate: each bucket holds `rate * burstSec` tokens (at least 1). Cognito does not
   * publish its burst; the default of 1 s lets a client that keeps to the quota on average absorb sub-second
   * jitter without throttles, while any window of T seconds admits at most rate * (T + 1) requests, so a
   * CloudWatch minute shows at most 61/60 of the quota.
   */
  readonly burstSec: number;
}

/** Default burst allowance, seconds of rate (see {@link QuotaProfile.burstSec}). */
export const DEFAULT_BURST_SEC = 1;

/** Default account maximum of an adjustable category, as a multiple of its AWS default. */
export const DEFAULT_ACCOUNT_MAX_MULTIPLIER = 10;

/** Operations whose hourly limit is shared with another operation's (ForgotPassword + ConfirmForgotPassword). */
export const HOURLY_LIMIT_GROUP: Readonly<Record<string, string>> = { ConfirmForgotPassword: 'ForgotPassword' };

const perCategory = (f: (c: QuotaCategory) => number): Record<QuotaCategory, number> =>
  Object.fromEntries(QUOTA_CATEGORY_NAMES.map((c) => [c, f(c)])) as Record<QuotaCategory, number>;

function defaultAccountMax(category: QuotaCategory): number {
  const q = CATEGORY_QUOTAS[category];
  return q.adjustable ? q.defaultRatePerSec * DEFAULT_ACCOUNT_MAX_MULTIPLIER : q.defaultRatePerSec;
}

const hourly = (): Record<string, number> => {
  const out: Record<string, number> = {};
  for (const [op, limit] of Object.entries(PER_USER_HOURLY_LIMITS)) if (!(op in HOURLY_LIMIT_GROUP)) out[op] = limit;
  return out;
};

/** The documented AWS defaults (reference section 1); Uncategorized unlimited but counted. */
export const AWS_DEFAULT_QUOTAS: QuotaProfile = {
  name: 'aws-default',
  ratePerSec: perCategory((c) => CATEGORY_QUOTAS[c].defaultRatePerSec),
  accountMaxPerSec: perCategory(defaultAccountMax),
  challengeResponseMultiplier: CHALLENGE_RESPONSE_QUOTA_MULTIPLIER,
  authorizationCodeMultiplier: 1,
  perUserReadPerSec: PER_USER_READ_RATE_PER_SEC,
  perUserWritePerSec: PER_USER_WRITE_RATE_PER_SEC,
  perPoolPerOperationPerSec: Object.fromEntries(
    QUOTA_CATEGORY_NAMES.flatMap((c) => {
      const r = CATEGORY_QUOTAS[c].perPoolPerOperationRatePerSec;
      return r === null ? [] : [[c, r]];
    }),
  ),
  hourlyLimits: hourly(),
  burstSec: DEFAULT_BURST_SEC,
};

/** No rate or hourly limit at all (every call still counted); the failed-sign-in lockout stays on. */
export const UNLIMITED_QUOTAS: QuotaProfile = {
  name: 'unlimited',
  ratePerSec: perCategory(() => Number.POSITIVE_INFINITY),
  accountMaxPerSec: perCategory(() => Number.POSITIVE_INFINITY),
  challengeResponseMultiplier: CHALLENGE_RESPONSE_QUOTA_MULTIPLIER,
  authorizationCodeMultiplier: 1,
  perUserReadPerSec: Number.POSITIVE_INFINITY,
  perUserWritePerSec: Number.POSITIVE_INFINITY,
  perPoolPerOperationPerSec: {},
  hourlyLimits: {},
  burstSec: DEFAULT_BURST_SEC,
};

/** Built-in quota profiles by name. */
export const BUILT_IN_QUOTA_PROFILES: Readonly<Record<string, QuotaProfile>> = {
  'aws-default': AWS_DEFAULT_QUOTAS,
  unlimited: UNLIMITED_QUOTAS,
};
