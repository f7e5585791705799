import { describe, expect, it } from 'vitest';
import { parseWorkload } from '../../../src/config/workload-load.js';
import { keyRequirement, rollUp } from '../../../src/planner/category-rollup.js';
import { computeDemand } from '../../../src/planner/operation-demand.js';
import { busiestHourShareOfProfile, userPeakRatio } from '../../../src/planner/peak-ratio.js';
import { defaultQuotaTable, type QuotaTable } from '../../../src/planner/quota-table.js';
import { buildDrafts } from '../../../src/planner/drafts.js';
import { project } from '../../../src/planner/projection.js';
import { computeCost } from '../../../src/planner/cost.js';
import { buildPlan } from '../../../src/planner/plan.js';

describe('keyRequirement: challenge allowance (3× quota) with spill-over', () => {
  // required = max(D·h, (D + C)·h / 4, R·h); spill = max(0, C − 3Q)
  const table: [D: number, C: number, R: number, Q: number, headroom: number, spill: number, demand: number, required: number][] = [
    [100, 200, 0, 120, 0, 0, 100, 100], // 200 ≤ 360: no spill; max(100, 300/4 = 75) = 100
    [100, 500, 0, 120, 0, 140, 240, 150], // spill 500 − 360 = 140; max(100, 600/4 = 150) = 150 (at 150: 500 − 450 = 50 spill, 100 + 50 = 150 ✓)
    [10, 30, 50, 20, 0.5, 0, 10, 75], // max(15, 40 × 1.5 / 4 = 15, 50 × 1.5 = 75) = 75: code redemptions bind
    [0, 0, 0, 1, 0.3, 0, 0, 0],
    [40, 600, 0, 100, 0.25, 300, 340, 200], // spill 600 − 300; max(50, 640 × 1.25 / 4 = 200) = 200
  ];
  it.each(table)('D=%d C=%d R=%d Q=%d h=%d', (D, C, R, Q, h, spill, demand, required) => {
    const r = keyRequirement(D, C, R, Q, h);
    expect(r.spill).toBeCloseTo(spill, 9);
    expect(r.demandAtQuota).toBeCloseTo(demand, 9);
    expect(r.required).toBeCloseTo(required, 9);
  });
});

describe('peak ratio', () => {
  const table: [peak: Record<string, unknown>, ratio: number][] = [
    [{ peakToAverage: 3 }, 3],
    [{ peakHourShare: 0.12, burstFactor: 1.5 }, 4.32], // 0.12 × 24 × 1.5
    [{ hourlyProfile: [...Array(23).fill(1), 3] }, (3 / 26) * 24], // max/sum = 3/26 → × 24 = 2.769231
    [{ activeWindows: [{ startHour: 8, endHour: 18 }], burstFactor: 3 }, 7.2], // 1/10 × 24 × 3
    [{ activeWindows: [{ startHour: 0, endHour: 6 }, { startHour: 18, endHour: 24 }] }, 2], // 12 h: 24/12
  ];
  it.each(table)('%j → %d', (peak, ratio) => {
    const w = parseWorkload({ name: 'p', users: { monthlyActive: 1, dailyActive: 1 }, peak });
    expect(userPeakRatio(w.peak).value).toBeCloseTo(ratio, 9);
  });
  it('busiest hour share of a flat profile is 1/24', () => {
    expect(busiestHourShareOfProfile(Array(24).fill(5))).toBeCloseTo(1 / 24, 12);
  });
});

/**
 * Workload with exactly 1 sign-in per second on average (86,400/day), SRP, peak ratio 1:
 * InitiateAuth 1 req/s (UserAuthentication), PASSWORD_VERIFIER answers 1 req/s (challenge allowance).
 */
const srpDoc = (n: number) => ({
  name: 'srp',
  users: { monthlyActive: 86_400 * n, dailyActive: 86_400 * n },
  peak: { peakToAverage: 1 },
  signIn: { mix: { srp: 1 }, newPasswordRequiredShare: 0.5 },
  headroom: 0,
});

function withQuota(keyId: string, value: number, adjustable?: boolean): QuotaTable {
  const t = { ...defaultQuotaTable() };
  t[keyId] = { ...t[keyId]!, valueRatePerSec: value, ...(adjustable === undefined ? {} : { adjustable }) };
  return t;
}

describe('rollUp', () => {
  it('challenge responses within 3× stay out of UserAuthentication; beyond spill into it', () => {
    // n = 100: D = 100 req/s InitiateAuth, C = 100 req/s answers; quota 30 → allowance 90, spill 10, demand 110
    const w = parseWorkload(srpDoc(100));
    const [ua] = rollUp(computeDemand(w).lines, withQuota('cognito-idp:UserAuthentication', 30), w.headroom);
    expect(ua!.key.name).toBe('UserAuthentication');
    const ch = ua!.allowances.find((a) => a.budget === 'challengeResponses')!;
    expect(ch.allowanceRatePerSec.value).toBeCloseTo(90, 9);
    expect(ch.spillRatePerSec.value).toBeCloseTo(10, 9);
    expect(ua!.peakRatePerSec.value).toBeCloseTo(110, 9);
    // required = max(100, (100 + 100) / 4 = 50) = 100
    expect(ua!.requiredRatePerSec.value).toBeCloseTo(100, 9);
    expect(ua!.utilisation.value).toBeCloseTo(110 / 30, 9);
    expect(ua!.status).toBe('increase needed');
  });
  it('NEW_PASSWORD_REQUIRED answers go to UserAccountRecovery, not the challenge allowance', () => {
    // n = 100: 50 req/s NPR answers; UserAccountRecovery quota 30, not adjustable → not adjustable with mitigation
    const w = parseWorkload(srpDoc(100));
    const plans = rollUp(computeDemand(w).lines, defaultQuotaTable(), 0);
    const rec = plans.find((p) => p.key.name === 'UserAccountRecovery')!;
    expect(rec.peakRatePerSec.value).toBeCloseTo(50, 9);
    expect(rec.status).toBe('not adjustable');
    expect(rec.mitigation).toMatch(/password-reset|NEW_PASSWORD_REQUIRED/);
  });
  it('ClientAuthentication above 150 is not adjustable and says to cache tokens', () => {
    // 5,000 clients × 60/h × 24 = 7,200,000/day = 83.333 req/s × 1.5 = 125; × 1.25 = 156.25 > 150
    const w = parseWorkload({
      name: 'm2m',
      users: { monthlyActive: 1, dailyActive: 1 },
      peak: { peakToAverage: 1 },
      sessions: { signInShare: 0 },
      m2m: { clients: 5000, tokenRequestsPerClientPerHour: 60, peakToAverage: 1.5 },
      headroom: 0.25,
    });
    const ca = rollUp(computeDemand(w).lines, defaultQuotaTable(), w.headroom).find((p) => p.key.name === 'ClientAuthentication')!;
    expect(ca.peakRatePerSec.value).toBeCloseTo(125, 9);
    expect(ca.requiredRatePerSec.value).toBeCloseTo(156.25, 9);
    expect(ca.status).toBe('not adjustable');
    expect(ca.mitigation).toMatch(/Cache client-credentials access tokens/);
  });
  it('UserRead mitigation says verify JWTs locally instead of GetUser', () => {
    // 1 session/user/day, 2 GetUser/session, 8,640,000 users → 17,280,000/day = 200 req/s
    const w = parseWorkload({
      name: 'read',
      users: { monthlyActive: 8_640_000, dailyActiveShare: 1 },
      peak: { peakToAverage: 1 },
      sessions: { profileReadsPerSession: 2, signInShare: 0 },
      headroom: 0,
    });
    const ur = rollUp(computeDemand(w).lines, defaultQuotaTable(), 0).find((p) => p.key.name === 'UserRead')!;
    expect(ur.peakRatePerSec.value).toBeCloseTo(200, 9);
    expect(ur.status).toBe('increase needed');
    expect(ur.mitigation).toMatch(/Verify JWTs locally/);
  });
});

describe('projection, cost, drafts', () => {
  // n = 100 SRP sign-ins/s, no NPR: D = 100, C = 100; headroom 0.3 → required 130 at month 0; growth 10 %
  const doc = { ...srpDoc(100), signIn: { mix: { srp: 1 } }, headroom: 0.3, growth: { monthlyRate: 0.1, horizonMonths: 3 } };
  const w = parseWorkload(doc);
  const demand = computeDemand(w);
  const quotas = defaultQuotaTable();
  const keys = rollUp(demand.lines, quotas, w.headroom);
  const projection = project(w, demand.lines, quotas, keys.map((k) => k.key.id));
  it('projects (1 + g)^m and finds the run-out months', () => {
    const ua = 'cognito-idp:UserAuthentication';
    // peaks: 100, 110, 121, 133.1; required = 1.3 × peak: 130, 143, 157.3, 173.03
    expect(projection.months.map((m) => m.byKey[ua]!.peakRatePerSec)).toEqual([100, 110, 121, 133.1].map((x) => expect.closeTo(x, 6)));
    expect(projection.months[3]!.byKey[ua]!.requiredRatePerSec).toBeCloseTo(173.03, 6);
    // quota 120: required 130 > 120 already at month 0; the peak passes 120 at month 2 (121)
    expect(projection.runOut.find((r) => r.keyId === ua)).toEqual({ keyId: ua, headroomExhaustedMonth: 0, throttlingMonth: 2 });
  });
  it('costs provisioned capacity above the free quota', () => {
    const cost = computeCost(keys, projection, w.pricing);
    const ua = cost.byKey[0]!;
    // ceil(130) = 130 − 120 free = 10 RPS: 10 × $20 = $200 full month, 10 × $45 = $450 part month
    expect(ua.billableRatePerSec.value).toBe(10);
    expect(ua.fullMonth.value).toBe(200);
    expect(ua.partMonth.value).toBe(450);
    // horizon: ceil(130, 143, 157.3, 173.03) = 130, 143, 158, 174 → (10 + 23 + 38 + 54) × 20 = 2,500
    expect(ua.horizonTotal.value).toBe(2500);
  });
  it('drafts the increase with ceil(required), the payload and the CLI command', () => {
    const [d] = buildDrafts(keys, 'eu-west-1');
    expect(d!.payload).toEqual({ ServiceCode: 'cognito-idp', QuotaCode: 'L-026ADBA3', DesiredValue: 130 });
    expect(d!.cli).toBe(
      'aws service-quotas request-service-quota-increase --service-code cognito-idp --quota-code L-026ADBA3 --desired-value 130 --region eu-west-1',
    );
  });
  it('drafts identity-pool increases with the cognito-identity service code; unknown codes are blockers', () => {
    // 8,640,000 GetId/day = 100 req/s > 25
    const w2 = parseWorkload({
      name: 'ip',
      users: { monthlyActive: 1, dailyActive: 1 },
      peak: { peakToAverage: 1 },
      sessions: { signInShare: 0 },
      backOffice: { perDay: { GetId: 8_640_000, 'cognito-identity:DeleteIdentities': 8_640_000 } },
      headroom: 0,
    });
    const plan = buildPlan(w2, { quotas: defaultQuotaTable(), quotaSource: 'default', generatedAt: '2026-01-01T00:00:00Z' });
    const getId = plan.drafts.find((d) => d.name === 'GetId')!;
    expect(getId.payload).toEqual({ ServiceCode: 'cognito-identity', QuotaCode: 'L-A38ADA84', DesiredValue: 100 });
    const del = plan.drafts.find((d) => d.name === 'DeleteIdentities')!;
    expect(del.payload.QuotaCode).toBeNull();
    expect(del.blockers[0]).toContain('list-service-quotas --service-code cognito-identity');
  });
});

describe('keyRequirement oracle: closed form vs the least quota found by bisection', () => {
  // Slow exact version: the least Q with D·h + max(0, C·h − 3Q) ≤ Q and R·h ≤ Q (both sides monotone in Q).
  const fits = (D: number, C: number, R: number, h: number, Q: number) => D * h + Math.max(0, C * h - 3 * Q) <= Q + 1e-9 && R * h <= Q + 1e-9;
  const leastQuota = (D: number, C: number, R: number, h: number): number => {
    let lo = 0;
    let hi = (D + C + R + 1) * h * 2;
    for (let i = 0; i < 200; i += 1) {
      const mid = (lo + hi) / 2;
      if (fits(D, C, R, h, mid)) hi = mid;
      else lo = mid;
    }
    return hi;
  };
  let seed = 12345;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  it('agrees on 500 seeded random cases', () => {
    for (let i = 0; i < 500; i += 1) {
      const D = rnd() * 500;
      const C = rnd() < 0.3 ? 0 : rnd() * 3000;
      const R = rnd() < 0.5 ? 0 : rnd() * 400;
      const headroom = rnd();
      expect(keyRequirement(D, C, R, 1, headroom).required).toBeCloseTo(leastQuota(D, C, R, 1 + headroom), 6);
    }
  });
});
