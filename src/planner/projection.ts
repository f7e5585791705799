import { keyRequirement, statusOf, type QuotaStatus } from './category-rollup.js';
import type { DemandLine } from './operation-demand.js';
import type { QuotaTable } from './quota-table.js';
import type { Workload } from './workload.js';

/** One key in one month of the projection. */
export interface ProjectionCell {
  /** Peak charged to the quota (with spill-over), req/s. */
  readonly peakRatePerSec: number;
  /** Required quota with headroom, req/s. */
  readonly requiredRatePerSec: number;
  readonly status: QuotaStatus;
}

/** One month of the projection. */
export interface ProjectionMonth {
  /** 0 = now (the workload as written). */
  readonly month: number;
  /** Growth factor applied to user-driven demand: `(1 + monthlyGrowthRate)^month`. */
  readonly growthFactor: number;
  readonly byKey: Readonly<Record<string, ProjectionCell>>;
}

/** When a key's quota runs out. */
export interface KeyRunOut {
  readonly keyId: string;
  /** First month whose required capacity (peak with headroom) exceeds the current quota; null within the horizon. */
  readonly headroomExhaustedMonth: number | null;
  /** First month whose forecast peak exceeds the current quota (throttling starts); null within the horizon. */
  readonly throttlingMonth: number | null;
}

/** Month-by-month projection. */
export interface Projection {
  /** `peak(m) = peak(0) × (1 + g)^m` for user-driven lines (and m2m/back-office lines that scale with users). */
  readonly formula: string;
  readonly monthlyGrowthRate: number;
  readonly months: readonly ProjectionMonth[];
  readonly runOut: readonly KeyRunOut[];
}

function scales(l: DemandLine, w: Workload): boolean {
  if (l.driver === 'users') return true;
  if (l.driver === 'm2m') return w.m2m?.scalesWithUsers ?? false;
  return w.backOffice.scalesWithUsers;
}

/**
 * Projects demand month by month over the workload's horizon against the current quotas (pure). Each month scales
 * the growing lines by `(1 + g)^m` and recomputes every key with the same rules as the plan ({@link keyRequirement}).
 */
export function project(w: Workload, lines: readonly DemandLine[], quotas: QuotaTable, keyIds: readonly string[]): Projection {
  const g = w.growth.monthlyRate;
  const months: ProjectionMonth[] = [];
  for (let m = 0; m <= w.growth.horizonMonths; m += 1) {
    const factor = (1 + g) ** m;
    const byKey: Record<string, ProjectionCell> = {};
    for (const keyId of keyIds) {
      const q = quotas[keyId];
      if (!q) continue;
      let D = 0;
      let C = 0;
      let R = 0;
      for (const l of lines) {
        if (l.quotaKeyId !== keyId) continue;
        const p = l.peakRatePerSec.value * (scales(l, w) ? factor : 1);
        if (l.budget === 'quota') D += p;
        else if (l.budget === 'challengeResponses') C += p;
        else R += p;
      }
      const r = keyRequirement(D, C, R, q.valueRatePerSec, w.headroom);
      byKey[keyId] = { peakRatePerSec: r.demandAtQuota, requiredRatePerSec: r.required, status: statusOf(r.required, q.valueRatePerSec, q.adjustable) };
    }
    months.push({ month: m, growthFactor: factor, byKey });
  }
  const runOut = keyIds.map((keyId): KeyRunOut => {
    const q = quotas[keyId]?.valueRatePerSec ?? Number.POSITIVE_INFINITY;
    const first = (pick: (c: ProjectionCell) => number): number | null => {
      const hit = months.find((mo) => (mo.byKey[keyId] ? pick(mo.byKey[keyId]) > q : false));
      return hit ? hit.month : null;
    };
    return { keyId, headroomExhaustedMonth: first((c) => c.requiredRatePerSec), throttlingMonth: first((c) => c.peakRatePerSec) };
  });
  return {
    formula: 'peak(m) = peak(0) × (1 + monthlyGrowthRate)^m for growing lines; required(m) by the same rules as month 0',
    monthlyGrowthRate: g,
    months,
    runOut,
  };
}
