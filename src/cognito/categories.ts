/**
 * Cognito user-pool request-rate quota categories: the single source of truth shared by the emulator, the runner
 * and the planner. Source: ../shared/reference/cognito.md section 1 (AWS developer guide, "Quotas in Amazon
 * Cognito"; Service Quotas codes from ListAWSDefaultServiceQuotas dumps for service code `cognito-idp`).
 */

/**
 * Every quota category name, plus `Uncategorized` for operations whose category AWS does not document, and
 * `IdentityPool`: the group of identity-pool (Cognito Identity) operations, whose quotas are per operation
 * (`IDENTITY_OPERATION_QUOTAS` in src/planner/identity-pool-quotas.ts), so the group itself has no single budget.
 */
export const QUOTA_CATEGORY_NAMES = [
  'UserAuthentication',
  'UserCreation',
  'UserFederation',
  'UserAccountRecovery',
  'UserRead',
  'UserUpdate',
  'UserToken',
  'UserResourceRead',
  'UserResourceUpdate',
  'UserList',
  'UserPoolRead',
  'UserPoolUpdate',
  'UserPoolResourceRead',
  'UserPoolResourceUpdate',
  'UserPoolClientRead',
  'UserPoolClientUpdate',
  'ClientAuthentication',
  'LimitManagement',
  'IdentityPool',
  'Uncategorized',
] as const;

/** A quota category name. */
export type QuotaCategory = (typeof QUOTA_CATEGORY_NAMES)[number];

/** What is known about one category's quota. */
export interface CategoryQuota {
  /** Category name as used in CloudWatch AWS/Usage `Resource` and the Service Quotas quota name. */
  readonly category: QuotaCategory;
  /** Default account-wide quota in requests per second (per account per Region, all pools summed). */
  readonly defaultRatePerSec: number;
  /** Whether an increase can be requested through Service Quotas. */
  readonly adjustable: boolean;
  /** Service Quotas code (service `cognito-idp`), or null when none is known. */
  readonly quotaCode: string | null;
  /** Per-pool per-operation limit in requests per second (only the four pool/client resource categories). */
  readonly perPoolPerOperationRatePerSec: number | null;
  /** Service Quotas code of the per-pool quota, when there is one. */
  readonly perPoolQuotaCode: string | null;
}

const row = (
  category: QuotaCategory,
  defaultRatePerSec: number,
  adjustable: boolean,
  quotaCode: string | null,
  perPoolPerOperationRatePerSec: number | null = null,
  perPoolQuotaCode: string | null = null,
): CategoryQuota => ({ category, defaultRatePerSec, adjustable, quotaCode, perPoolPerOperationRatePerSec, perPoolQuotaCode });

/**
 * The documented defaults, keyed by category. `Uncategorized` has no documented budget and `IdentityPool` has
 * per-operation budgets only (both Infinity here).
 */
export const CATEGORY_QUOTAS: Readonly<Record<QuotaCategory, CategoryQuota>> = {
  UserAuthentication: row('UserAuthentication', 120, true, 'L-026ADBA3'),
  UserCreation: row('UserCreation', 50, true, 'L-5987B8A0'),
  UserFederation: row('UserFederation', 25, true, 'L-BB3E7CCF'),
  UserAccountRecovery: row('UserAccountRecovery', 30, false, 'L-7D6E8ED3'),
  UserRead: row('UserRead', 120, true, 'L-D6BD5178'),
  UserUpdate: row('UserUpdate', 25, false, 'L-6621E65D'),
  UserToken: row('UserToken', 120, true, 'L-F21F8BB4'),
  UserResourceRead: row('UserResourceRead', 50, true, 'L-55545DC8'),
  UserResourceUpdate: row('UserResourceUpdate', 25, false, 'L-574C86AE'),
  UserList: row('UserList', 30, false, 'L-259E3368'),
  UserPoolRead: row('UserPoolRead', 15, false, 'L-CFFBE34A'),
  UserPoolUpdate: row('UserPoolUpdate', 15, false, 'L-60A0B411'),
  UserPoolResourceRead: row('UserPoolResourceRead', 20, false, 'L-A01C9633', 5, 'L-181E40D0'),
  UserPoolResourceUpdate: row('UserPoolResourceUpdate', 15, false, 'L-B7575496', 5, 'L-BC27731B'),
  UserPoolClientRead: row('UserPoolClientRead', 15, false, 'L-A412573D', 5, 'L-F122EFFD'),
  UserPoolClientUpdate: row('UserPoolClientUpdate', 15, false, 'L-12C4D74A', 5, 'L-04F7DFB8'),
  ClientAuthentication: row('ClientAuthentication', 150, false, 'L-74D3DD04'),
  LimitManagement: row('LimitManagement', 1, false, null),
  IdentityPool: row('IdentityPool', Number.POSITIVE_INFINITY, false, null),
  Uncategorized: row('Uncategorized', Number.POSITIVE_INFINITY, false, null),
};

/** Categories without a user-pool budget of their own (no Service Quotas code under `cognito-idp`). */
export const UNBUDGETED_CATEGORIES: readonly QuotaCategory[] = ['IdentityPool', 'Uncategorized'];

/** Multiplier of the UserAuthentication quota that challenge responses get as their own budget (spill-over beyond). */
export const CHALLENGE_RESPONSE_QUOTA_MULTIPLIER = 3;

/** Per-user per-second limits (not adjustable). */
export const PER_USER_READ_RATE_PER_SEC = 10;
/** Per-user write-profile operations per second (not adjustable). */
export const PER_USER_WRITE_RATE_PER_SEC = 10;

/** True when `name` is a known category name. */
export function isQuotaCategory(name: string): name is QuotaCategory {
  return (QUOTA_CATEGORY_NAMES as readonly string[]).includes(name);
}
