import { CATEGORY_QUOTAS, QUOTA_CATEGORY_NAMES, type QuotaCategory } from '../cognito/categories.js';
import { IDENTITY_OPERATION_QUOTAS, IDENTITY_SERVICE_CODE, identityQuotaName } from './identity-pool-quotas.js';

/** Service Quotas service code of user pools. */
export const USER_POOL_SERVICE_CODE = 'cognito-idp';

/** The two Service Quotas services the planner covers. */
export type QuotaService = typeof USER_POOL_SERVICE_CODE | typeof IDENTITY_SERVICE_CODE;

/**
 * One request-rate quota the planner checks demand against: a user-pool category (`cognito-idp`) or an
 * identity-pool operation (`cognito-identity`). Built from the catalogues, never from copied numbers.
 */
export interface QuotaKey {
  /** `cognito-idp:UserAuthentication`, `cognito-identity:GetId`. */
  readonly id: string;
  readonly service: QuotaService;
  /** Category name (user pools) or operation name (identity pools). */
  readonly name: string;
  /** Documented default, requests per second per account per Region. */
  readonly defaultRatePerSec: number;
  readonly adjustable: boolean;
  /** Service Quotas code from the catalogue, or null when unknown. */
  readonly quotaCode: string | null;
  /** Service Quotas quota names that identify this quota at run time (first is the usual one). */
  readonly quotaNames: readonly string[];
}

/** The quota key id of a service and name. */
export function quotaKeyId(service: QuotaService, name: string): string {
  return `${service}:${name}`;
}

function userPoolKey(category: QuotaCategory): QuotaKey {
  const c = CATEGORY_QUOTAS[category];
  return {
    id: quotaKeyId(USER_POOL_SERVICE_CODE, category),
    service: USER_POOL_SERVICE_CODE,
    name: category,
    defaultRatePerSec: c.defaultRatePerSec,
    adjustable: c.adjustable,
    quotaCode: c.quotaCode,
    quotaNames: [`Rate of ${category} requests`, `Rate of ${category} requests per account`],
  };
}

/** Every quota key: the user-pool categories with a budget (not `Uncategorized` nor the `IdentityPool` group), then identity-pool operations. */
export const QUOTA_KEYS: readonly QuotaKey[] = [
  ...QUOTA_CATEGORY_NAMES.filter((c) => c !== 'Uncategorized' && c !== 'IdentityPool').map(userPoolKey),
  ...Object.values(IDENTITY_OPERATION_QUOTAS).map(
    (o): QuotaKey => ({
      id: quotaKeyId(IDENTITY_SERVICE_CODE, o.operation),
      service: IDENTITY_SERVICE_CODE,
      name: o.operation,
      defaultRatePerSec: o.defaultRatePerSec,
      adjustable: o.adjustable,
      quotaCode: o.quotaCode,
      quotaNames: [identityQuotaName(o.operation)],
    }),
  ),
];

/** Quota key by id (`cognito-idp:UserAuthentication`). */
export function quotaKey(id: string): QuotaKey | undefined {
  return QUOTA_KEYS.find((k) => k.id === id);
}

/** Quota key of a user-pool category (throws for `Uncategorized`, which has no budget). */
export function userPoolQuotaKey(category: QuotaCategory): QuotaKey {
  const k = quotaKey(quotaKeyId(USER_POOL_SERVICE_CODE, category));
  if (!k) throw new Error(`no quota key for category ${category}`);
  return k;
}
