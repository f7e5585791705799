import { describe, expect, it } from 'vitest';
import { parseWorkload } from '../../../src/config/workload-load.js';
import { calibrationPeriodSec } from '../../../src/planner/calibration.js';
import { buildPlan } from '../../../src/planner/plan.js';
import { defaultQuotaTable } from '../../../src/planner/quota-table.js';

const base = { name: 'w', users: { monthlyActive: 10, dailyActive: 10 }, peak: { peakToAverage: 1 }, sessions: { signInShare: 0 } };
const warningsOf = (doc: Record<string, unknown>) =>
  buildPlan(parseWorkload(doc), { quotas: defaultQuotaTable(), quotaSource: 'default', generatedAt: 'now' }).warnings.join('\n');

describe('plan warnings', () => {
  it('per-user limits: declared bursts above 10/s are flagged, not adjustable', () => {
    const w = warningsOf({ ...base, perUser: { peakReadsPerSec: 12, peakWritesPerSec: 3 } });
    expect(w).toContain('12 read-profile calls per user per second');
    expect(w).not.toContain('write-profile calls per user per second (UpdateUserAttributes');
  });
  it('per-user limits: undeclared → a reminder', () => {
    expect(warningsOf(base)).toContain('cannot be checked from aggregate demand');
  });
  it('per-pool 5 req/s per operation in the pool resource categories', () => {
    // 864,000 ListGroups/day = 10 req/s > 5 per pool (UserPoolResourceRead)
    expect(warningsOf({ ...base, backOffice: { perDay: { ListGroups: 864_000 } } })).toContain('ListGroups peaks at 10.00 req/s but UserPoolResourceRead allows 5 req/s per user pool');
  });
  it('SNS/SES reminder when sign-up or recovery traffic needs attention', () => {
    // 8,640,000 sign-ups/day = 100/s SignUp + 100/s ConfirmSignUp > 50
    expect(warningsOf({ ...base, signUps: { perDay: 8_640_000 } })).toContain('SNS (SMS) and SES (email)');
  });
});

describe('calibration period', () => {
  it.each([
    [1, 60],
    [14, 60],
    [15, 300],
    [63, 300],
  ])('%d days → %d s', (days, period) => {
    expect(calibrationPeriodSec(days)).toBe(period);
  });
});
