import { QUOTA_KEYS, type QuotaKey } from './quota-keys.js';

/** Where a current quota value came from. */
export type QuotaValueSource = 'default' | 'service-quotas' | 'provisioned-limit';

/** The quota in force for one quota key, with what each source said. */
export interface CurrentQuota {
  readonly keyId: string;
  /** The value the planner compares demand with (req/s): provisioned limit, else applied, else default. */
  readonly valueRatePerSec: number;
  readonly source: QuotaValueSource;
  /** Catalogue default (req/s). */
  readonly catalogueDefaultRatePerSec: number;
  /** AWS default from ListAWSDefaultServiceQuotas (req/s), when fetched. */
  readonly awsDefaultRatePerSec: number | null;
  /** Applied account value from ListServiceQuotas (req/s), when fetched. */
  readonly appliedRatePerSec: number | null;
  /** Enforced provisioned limit from GetProvisionedLimit (req/s), when fetched. */
  readonly provisionedRatePerSec: number | null;
  /** Free (not billed) part of the limit from GetProvisionedLimit, when fetched. */
  readonly freeRatePerSec: number | null;
  /** Quota code (catalogue, or resolved by name at run time). */
  readonly quotaCode: string | null;
  readonly adjustable: boolean;
  /** How the value was resolved (e.g. "code resolved by name at run time", "not listed by Service Quotas: default used"). */
  readonly notes: readonly string[];
}

/** Current quotas by quota key id. */
export type QuotaTable = Readonly<Record<string, CurrentQuota>>;

/** The catalogue default of one key as a current quota. */
export function defaultQuota(key: QuotaKey): CurrentQuota {
  return {
    keyId: key.id,
    valueRatePerSec: key.defaultRatePerSec,
    source: 'default',
    catalogueDefaultRatePerSec: key.defaultRatePerSec,
    awsDefaultRatePerSec: null,
    appliedRatePerSec: null,
    provisionedRatePerSec: null,
    freeRatePerSec: null,
    quotaCode: key.quotaCode,
    adjustable: key.adjustable,
    notes: [],
  };
}

/** Built-in defaults for every quota key (from src/cognito/categories.ts and the identity-pool table). */
export function defaultQuotaTable(): QuotaTable {
  return Object.fromEntries(QUOTA_KEYS.map((k) => [k.id, defaultQuota(k)]));
}
