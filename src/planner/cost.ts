import { ceilWhole, derive, inp, type Figure } from './figure.js';
import type { Projection } from './projection.js';
import { USER_POOL_SERVICE_CODE } from './quota-keys.js';
import type { KeyPlan } from './category-rollup.js';
import type { PricingTable } from './workload.js';

/** Provisioned-capacity cost of one user-pool category. */
export interface KeyCost {
  readonly keyId: string;
  /** Capacity to provision (the increase draft's DesiredValue): `ceil(required)`, req/s. */
  readonly provisionedRatePerSec: Figure;
  /** Billable capacity above the free quota, req/s. */
  readonly billableRatePerSec: Figure;
  /** Cost of one full month at month 0. */
  readonly fullMonth: Figure;
  /** Cost of a part month at month 0 (provisioned mid-month). */
  readonly partMonth: Figure;
  /** Sum over the projection months of `max(0, ceil(required(m)) − free) × fullMonthPerRps`. */
  readonly horizonTotal: Figure;
}

/** Cost summary of a plan. */
export interface CostPlan {
  readonly pricing: PricingTable;
  readonly byKey: readonly KeyCost[];
  readonly totalFullMonth: Figure;
  readonly totalHorizon: Figure;
}

/**
 * Cost of provisioned capacity (pure): for adjustable user-pool categories whose requirement exceeds the free quota
 * (GetProvisionedLimit's FreeLimitValue when known, else the default), `max(0, ceil(required) − free)` RPS at the
 * full-month and part-month prices. Identity-pool quotas are not billed this way.
 */
export function computeCost(plans: readonly KeyPlan[], projection: Projection, pricing: PricingTable): CostPlan {
  const unit = `${pricing.currency}`;
  const byKey: KeyCost[] = [];
  for (const p of plans) {
    if (p.key.service !== USER_POOL_SERVICE_CODE || !p.key.adjustable) continue;
    const free = p.quota.freeRatePerSec ?? p.quota.catalogueDefaultRatePerSec;
    const provisioned = ceilWhole(p.requiredRatePerSec.value);
    if (provisioned <= free) continue;
    const prov = derive(provisioned, 'req/s', 'ceil(required)', { required: p.requiredRatePerSec });
    const billable = derive(provisioned - free, 'req/s', 'provisioned − freeQuota', { provisioned: prov, freeQuota: inp(free, 'req/s') });
    const full = derive(billable.value * pricing.fullMonthPerRps, `${unit}/month`, 'billable × fullMonthPerRps', {
      billable,
      fullMonthPerRps: inp(pricing.fullMonthPerRps, `${unit}/RPS-month`),
    });
    const part = derive(billable.value * pricing.partMonthPerRps, `${unit}/month`, 'billable × partMonthPerRps', {
      billable,
      partMonthPerRps: inp(pricing.partMonthPerRps, `${unit}/RPS-month`),
    });
    let horizon = 0;
    for (const m of projection.months) {
      const cell = m.byKey[p.key.id];
      if (cell) horizon += Math.max(0, ceilWhole(cell.requiredRatePerSec) - free) * pricing.fullMonthPerRps;
    }
    const months = projection.months.length;
    byKey.push({
      keyId: p.key.id,
      provisionedRatePerSec: prov,
      billableRatePerSec: billable,
      fullMonth: full,
      partMonth: part,
      horizonTotal: derive(horizon, unit, `Σ over months 0..${months - 1} of max(0, ceil(required(m)) − freeQuota) × fullMonthPerRps`, {
        freeQuota: inp(free, 'req/s'),
        fullMonthPerRps: inp(pricing.fullMonthPerRps, `${unit}/RPS-month`),
      }),
    });
  }
  const sum = (pick: (c: KeyCost) => Figure, u: string, label: string): Figure =>
    derive(
      byKey.reduce((a, c) => a + pick(c).value, 0),
      u,
      byKey.length ? `Σ ${label} over ${byKey.map((c) => c.keyId).join(', ')}` : '0 (nothing to provision)',
      Object.fromEntries(byKey.map((c) => [c.keyId, pick(c)])),
    );
  return { pricing, byKey, totalFullMonth: sum((c) => c.fullMonth, `${unit}/month`, 'fullMonth'), totalHorizon: sum((c) => c.horizonTotal, unit, 'horizonTotal') };
}
