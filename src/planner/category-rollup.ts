import { CATEGORY_QUOTAS, CHALLENGE_RESPONSE_QUOTA_MULTIPLIER, isQuotaCategory } from '../cognito/categories.js';
import { derive, inp, type Figure } from './figure.js';
import { mitigationFor } from './mitigations.js';
import type { DemandLine } from './operation-demand.js';
import { quotaKey, USER_POOL_SERVICE_CODE, type QuotaKey } from './quota-keys.js';
import { defaultQuota, type CurrentQuota, type QuotaTable } from './quota-table.js';

/** Status of one quota key against the forecast. */
export type QuotaStatus = 'ok' | 'increase needed' | 'not adjustable';

/** A separate allowance inside a quota key (challenge responses: 3× the quota; code redemptions: 1× the quota). */
export interface AllowancePlan {
  readonly budget: 'challengeResponses' | 'codeRedemptions';
  readonly avgRatePerSec: Figure;
  readonly peakRatePerSec: Figure;
  /** The allowance at the current quota, req/s. */
  readonly allowanceRatePerSec: Figure;
  /** Peak demand beyond the allowance that spills into the quota itself (challenge responses only), req/s. */
  readonly spillRatePerSec: Figure;
}

/** The plan of one quota key. */
export interface KeyPlan {
  readonly key: QuotaKey;
  /** Demand line ids charged to this key (any budget). */
  readonly lineIds: readonly string[];
  /** 24-hour average charged to the quota itself, req/s. */
  readonly avgRatePerSec: Figure;
  /** Forecast peak charged to the quota itself (including spill-over at the current quota), req/s. */
  readonly peakRatePerSec: Figure;
  /** Quota needed to carry the peak with headroom, req/s (unrounded). */
  readonly requiredRatePerSec: Figure;
  readonly quota: CurrentQuota;
  /** `peakRatePerSec / quota`. */
  readonly utilisation: Figure;
  readonly status: QuotaStatus;
  /** Concrete mitigation (always set for `not adjustable`; offered as an alternative otherwise). */
  readonly mitigation: string | null;
  readonly allowances: readonly AllowancePlan[];
}

const sumFigure = (lines: readonly DemandLine[], pick: (l: DemandLine) => Figure, label: string): Figure => {
  const inputs: Record<string, Figure> = {};
  for (const l of lines) inputs[l.id] = pick(l);
  const value = lines.reduce((a, l) => a + pick(l).value, 0);
  return derive(value, 'req/s', lines.length ? `Σ ${label} of: ${lines.map((l) => l.id).join(' + ')}` : '0 (no demand)', inputs);
};

/**
 * The numbers behind a key's requirement, shared by the plan and the month-by-month projection.
 * With h = 1 + headroom, D = peak charged directly, C = challenge-response peak, R = code-redemption peak, Q = quota:
 * - spill at Q = max(0, C − 3Q); demand at Q = D + spill.
 * - required Q* is the least Q with D·h + max(0, C·h − 3Q) ≤ Q and R·h ≤ Q, i.e.
 *   Q* = max(D·h, (D + C)·h / 4, R·h)  (if C·h ≤ 3Q the first term binds; otherwise D·h + C·h − 3Q ≤ Q ⇔ Q ≥ (D + C)·h / 4).
 */
export function keyRequirement(
  directPeak: number,
  challengePeak: number,
  redemptionPeak: number,
  quota: number,
  headroom: number,
): { spill: number; demandAtQuota: number; required: number } {
  const h = 1 + headroom;
  const spill = Math.max(0, challengePeak - CHALLENGE_RESPONSE_QUOTA_MULTIPLIER * quota);
  const required = Math.max(directPeak * h, ((directPeak + challengePeak) * h) / (CHALLENGE_RESPONSE_QUOTA_MULTIPLIER + 1), redemptionPeak * h);
  return { spill, demandAtQuota: directPeak + spill, required };
}

/** Status from the required value, the quota and adjustability. */
export function statusOf(required: number, quota: number, adjustable: boolean): QuotaStatus {
  if (required <= quota) return 'ok';
  return adjustable ? 'increase needed' : 'not adjustable';
}

/**
 * Rolls demand lines up per quota key with the reference's rules (pure): challenge responses against their 3×
 * allowance with spill-over, code redemptions against their 1× allowance, everything else against the quota.
 * Keys appear in catalogue order; only keys with demand are returned.
 */
export function rollUp(lines: readonly DemandLine[], quotas: QuotaTable, headroom: number): KeyPlan[] {
  const byKey = new Map<string, DemandLine[]>();
  for (const l of lines) {
    const list = byKey.get(l.quotaKeyId) ?? [];
    list.push(l);
    byKey.set(l.quotaKeyId, list);
  }
  const plans: KeyPlan[] = [];
  for (const [keyId, keyLines] of byKey) {
    const key = quotaKey(keyId);
    if (!key) continue;
    const quota = quotas[keyId] ?? defaultQuota(key);
    const Q = quota.valueRatePerSec;
    const direct = keyLines.filter((l) => l.budget === 'quota');
    const challenges = keyLines.filter((l) => l.budget === 'challengeResponses');
    const redemptions = keyLines.filter((l) => l.budget === 'codeRedemptions');
    const D = sumFigure(direct, (l) => l.peakRatePerSec, 'peak');
    const Davg = sumFigure(direct, (l) => l.avgRatePerSec, 'avg');
    const C = sumFigure(challenges, (l) => l.peakRatePerSec, 'peak');
    const Cavg = sumFigure(challenges, (l) => l.avgRatePerSec, 'avg');
    const R = sumFigure(redemptions, (l) => l.peakRatePerSec, 'peak');
    const Ravg = sumFigure(redemptions, (l) => l.avgRatePerSec, 'avg');
    const quotaFig = inp(Q, 'req/s');
    const headroomFig = inp(headroom, 'share');
    const r = keyRequirement(D.value, C.value, R.value, Q, headroom);
    const allowances: AllowancePlan[] = [];
    let peak: Figure = D;
    let avg: Figure = Davg;
    if (challenges.length) {
      const allowance = derive(CHALLENGE_RESPONSE_QUOTA_MULTIPLIER * Q, 'req/s', '3 × quota', { quota: quotaFig });
      const spill = derive(r.spill, 'req/s', 'max(0, challengePeak − 3 × quota)', { challengePeak: C, quota: quotaFig });
      const avgSpill = Math.max(0, Cavg.value - CHALLENGE_RESPONSE_QUOTA_MULTIPLIER * Q);
      allowances.push({ budget: 'challengeResponses', avgRatePerSec: Cavg, peakRatePerSec: C, allowanceRatePerSec: allowance, spillRatePerSec: spill });
      peak = derive(r.demandAtQuota, 'req/s', 'directPeak + challengeSpill', { directPeak: D, challengeSpill: spill });
      avg = derive(Davg.value + avgSpill, 'req/s', 'directAvg + max(0, challengeAvg − 3 × quota)', { directAvg: Davg, challengeAvg: Cavg, quota: quotaFig });
    }
    if (redemptions.length) {
      allowances.push({
        budget: 'codeRedemptions',
        avgRatePerSec: Ravg,
        peakRatePerSec: R,
        allowanceRatePerSec: derive(Q, 'req/s', '1 × quota', { quota: quotaFig }),
        spillRatePerSec: derive(0, 'req/s', '0 (no documented spill-over: redemptions beyond the allowance are throttled)', {}),
      });
    }
    const required =
      challenges.length || redemptions.length
        ? derive(r.required, 'req/s', 'max(directPeak × (1 + headroom), (directPeak + challengePeak) × (1 + headroom) / 4, redemptionPeak × (1 + headroom))', {
            directPeak: D,
            challengePeak: C,
            redemptionPeak: R,
            headroom: headroomFig,
          })
        : derive(r.required, 'req/s', 'peak × (1 + headroom)', { peak: D, headroom: headroomFig });
    const status = statusOf(r.required, Q, quota.adjustable);
    plans.push({
      key,
      lineIds: keyLines.map((l) => l.id),
      avgRatePerSec: avg,
      peakRatePerSec: peak,
      requiredRatePerSec: required,
      quota,
      utilisation: derive(Q > 0 ? peak.value / Q : Number.POSITIVE_INFINITY, 'ratio', 'peak / quota', { peak, quota: quotaFig }),
      status,
      mitigation: status === 'ok' ? null : mitigationFor(key.name),
      allowances,
    });
  }
  const order = (k: QuotaKey): number => (k.service === USER_POOL_SERVICE_CODE ? 0 : 1000);
  const idx = new Map<string, number>(Object.keys(CATEGORY_QUOTAS).map((c, i) => [c, i]));
  return plans.sort(
    (a, b) =>
      order(a.key) + (isQuotaCategory(a.key.name) && a.key.service === USER_POOL_SERVICE_CODE ? idx.get(a.key.name)! : 500) -
      (order(b.key) + (isQuotaCategory(b.key.name) && b.key.service === USER_POOL_SERVICE_CODE ? idx.get(b.key.name)! : 500)),
  );
}
