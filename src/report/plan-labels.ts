import type { KeyPlan } from '../planner/category-rollup.js';
import type { QuotaKey } from '../planner/quota-keys.js';

/** Display label of a quota key: the category, or `<Operation> (identity pool)`. */
export function keyLabel(k: Pick<QuotaKey, 'service' | 'name'>): string {
  return k.service === 'cognito-identity' ? `${k.name} (identity pool)` : k.name;
}

/** Label of a quota key id such as `cognito-identity:GetId`. */
export function keyIdLabel(id: string): string {
  const [service, name] = id.split(':') as [string, string];
  return keyLabel({ service: service as QuotaKey['service'], name });
}

/** Where a key's current value came from, e.g. `Service Quotas (applied)`. */
export function quotaSourceLabel(p: KeyPlan): string {
  const q = p.quota;
  if (q.source === 'provisioned-limit') return 'GetProvisionedLimit';
  if (q.source === 'service-quotas') return q.appliedRatePerSec !== null ? 'Service Quotas (applied)' : 'Service Quotas (AWS default)';
  return 'documented default';
}

/** Short label of an allowance. */
export function allowanceLabel(budget: 'challengeResponses' | 'codeRedemptions'): string {
  return budget === 'challengeResponses' ? 'challenge responses (3× allowance)' : 'authorization-code redemptions (1× allowance)';
}
