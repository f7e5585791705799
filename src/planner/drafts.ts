import type { KeyPlan } from './category-rollup.js';
import { ceilWhole, type Figure } from './figure.js';

/** The RequestServiceQuotaIncrease payload (Service Quotas API). */
export interface IncreasePayload {
  readonly ServiceCode: string;
  /** Null when no code is known: resolve it with ListServiceQuotas by quota name before sending. */
  readonly QuotaCode: string | null;
  readonly DesiredValue: number;
}

/** A quota increase request draft for one key. */
export interface QuotaIncreaseDraft {
  readonly keyId: string;
  readonly service: string;
  /** Category or identity-pool operation. */
  readonly name: string;
  /** Service Quotas quota name (for lookups by name and for the justification). */
  readonly quotaName: string;
  readonly payload: IncreasePayload;
  /** The equivalent AWS CLI command. */
  readonly cli: string;
  readonly currentRatePerSec: number;
  /** Required capacity (unrounded) the desired value comes from. */
  readonly required: Figure;
  /** Problems a reviewer must fix before sending (e.g. unknown quota code). */
  readonly blockers: readonly string[];
}

/**
 * Drafts for every key with status `increase needed` (pure). DesiredValue = ceil(required): Service Quotas takes
 * whole requests per second, and rounding up keeps the headroom.
 */
export function buildDrafts(plans: readonly KeyPlan[], region: string): QuotaIncreaseDraft[] {
  return plans
    .filter((p) => p.status === 'increase needed')
    .map((p): QuotaIncreaseDraft => {
      const desired = ceilWhole(p.requiredRatePerSec.value);
      const code = p.quota.quotaCode;
      const blockers: string[] = [];
      if (!code) {
        blockers.push(
          `no quota code is known for "${p.key.quotaNames[0]}": find it with aws service-quotas list-service-quotas --service-code ${p.key.service} --region ${region} (or run cogcap plan with --quotas live)`,
        );
      }
      return {
        keyId: p.key.id,
        service: p.key.service,
        name: p.key.name,
        quotaName: p.key.quotaNames[0]!,
        payload: { ServiceCode: p.key.service, QuotaCode: code, DesiredValue: desired },
        cli:
          `aws service-quotas request-service-quota-increase --service-code ${p.key.service} ` +
          `--quota-code ${code ?? '<QUOTA_CODE>'} --desired-value ${desired} --region ${region}`,
        currentRatePerSec: p.quota.valueRatePerSec,
        required: p.requiredRatePerSec,
        blockers,
      };
    });
}
