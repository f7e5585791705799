import { GetProvisionedLimitCommand, type CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { QuotaTable, CurrentQuota } from '../planner/quota-table.js';
import { awsErrorType } from './aws-error.js';

/** Provisioned and free limits of one category (GetProvisionedLimit), req/s. */
export interface ProvisionedLimit {
  readonly category: string;
  readonly provisionedRatePerSec: number;
  readonly freeRatePerSec: number;
}

/** Spacing between GetProvisionedLimit calls: LimitManagement allows 1 req/s per account. */
export const PROVISIONED_LIMIT_SPACING_MS = 1100;

/**
 * Reads the enforced (provisioned) limit of each category with GetProvisionedLimit
 * (`{"LimitDefinition":{"LimitClass":"API_CATEGORY","Attributes":{"Category":...}}}`), one call per
 * {@link PROVISIONED_LIMIT_SPACING_MS} because LimitManagement allows 1 req/s. The API is new (mid-2026) and not in
 * every Region or account: the first failure stops the reads and becomes a warning, never an error.
 */
export async function fetchProvisionedLimits(
  client: CognitoIdentityProviderClient,
  categories: readonly string[],
  sleep: (ms: number) => Promise<void>,
): Promise<{ limits: ProvisionedLimit[]; warnings: string[] }> {
  const limits: ProvisionedLimit[] = [];
  for (const [i, category] of categories.entries()) {
    if (i > 0) await sleep(PROVISIONED_LIMIT_SPACING_MS);
    try {
      const out = await client.send(
        new GetProvisionedLimitCommand({ LimitDefinition: { LimitClass: 'API_CATEGORY', Attributes: { Category: category } } }),
      );
      const l = out.Limit;
      if (l && typeof l.ProvisionedLimitValue === 'number') {
        limits.push({ category, provisionedRatePerSec: l.ProvisionedLimitValue, freeRatePerSec: l.FreeLimitValue ?? l.ProvisionedLimitValue });
      }
    } catch (err) {
      return {
        limits,
        warnings: [`GetProvisionedLimit(${category}) failed (${awsErrorType(err)}): provisioned limits not read; Service Quotas values used`],
      };
    }
  }
  return { limits, warnings: [] };
}

/** Applies provisioned limits to a quota table (pure): the provisioned value is what Cognito enforces. */
export function applyProvisionedLimits(table: QuotaTable, limits: readonly ProvisionedLimit[]): QuotaTable {
  const out: Record<string, CurrentQuota> = { ...table };
  for (const l of limits) {
    const id = `cognito-idp:${l.category}`;
    const q = out[id];
    if (!q) continue;
    const notes = [...q.notes];
    if (q.appliedRatePerSec !== null && l.provisionedRatePerSec < q.appliedRatePerSec) {
      notes.push(`account maximum ${q.appliedRatePerSec} req/s is approved but only ${l.provisionedRatePerSec} req/s is provisioned: raise it with UpdateProvisionedLimit`);
    }
    out[id] = { ...q, valueRatePerSec: l.provisionedRatePerSec, provisionedRatePerSec: l.provisionedRatePerSec, freeRatePerSec: l.freeRatePerSec, source: 'provisioned-limit', notes };
  }
  return out;
}
