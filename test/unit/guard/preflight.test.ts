import { describe, expect, it } from 'vitest';
import { assessPreflight } from '../../../src/guard/preflight.js';

describe('assessPreflight', () => {
  it.each([
    // planned, current, quota, maxShare, ok, share (projected / quota)
    { planned: 50, current: 0, quota: 120, maxShare: undefined, ok: true, share: 50 / 120 },
    { planned: 96, current: 0, quota: 120, maxShare: undefined, ok: true, share: 0.8 }, // exactly 80% passes
    { planned: 80, current: 20, quota: 120, maxShare: undefined, ok: false, share: 100 / 120 },
    { planned: 60, current: 30, quota: 100, maxShare: 0.9, ok: true, share: 0.9 },
    { planned: 61, current: 30, quota: 100, maxShare: 0.9, ok: false, share: 0.91 },
    { planned: 10, current: 0, quota: 10, maxShare: 1, ok: true, share: 1 },
  ])('planned $planned + current $current vs quota $quota at share $maxShare → ok=$ok', (t) => {
    const a = assessPreflight({
      plannedPeakRatePerSecByCategory: { UserAuthentication: t.planned },
      quotas: { UserAuthentication: t.quota },
      recentUsagePeakRatePerSecByCategory: { UserAuthentication: t.current },
      maxShare: t.maxShare,
    });
    expect(a.ok).toBe(t.ok);
    expect(a.rows).toHaveLength(1);
    expect(a.rows[0]!.projectedShare).toBeCloseTo(t.share, 9);
    expect(a.rows[0]!.allowedRatePerSec).toBeCloseTo((t.maxShare ?? 0.8) * t.quota, 9);
    expect(a.refusals.length).toBe(t.ok ? 0 : 1);
  });

  it('names the category and every figure in a refusal', () => {
    const a = assessPreflight({
      plannedPeakRatePerSecByCategory: { UserAuthentication: 100, UserRead: 10 },
      quotas: { UserAuthentication: 120, UserRead: 120 },
      recentUsagePeakRatePerSecByCategory: { UserAuthentication: 20 },
    });
    expect(a.ok).toBe(false);
    expect(a.refusals).toEqual([
      {
        category: 'UserAuthentication',
        reason: 'UserAuthentication: planned 100/s + current usage 20/s = 120/s, 100% of the quota 120/s (limit 80% = 96/s)',
      },
    ]);
    expect(a.rows.map((r) => [r.category, r.ok])).toEqual([
      ['UserAuthentication', false],
      ['UserRead', true],
    ]);
  });

  it('refuses an unknown quota, passes an unlimited one, skips unplanned categories', () => {
    const a = assessPreflight({
      plannedPeakRatePerSecByCategory: { UserCreation: 5, Uncategorized: 1000, UserRead: 0 },
      quotas: { Uncategorized: Number.POSITIVE_INFINITY },
      recentUsagePeakRatePerSecByCategory: {},
    });
    expect(a.rows.map((r) => [r.category, r.ok])).toEqual([
      ['UserCreation', false],
      ['Uncategorized', true],
    ]);
    expect(a.refusals[0]!.reason).toBe(
      'UserCreation: planned 5/s + current usage 0/s = 5/s, but the quota is unknown (cannot show the run is safe)',
    );
  });

  it('refuses any planned call against a zero quota', () => {
    const a = assessPreflight({
      plannedPeakRatePerSecByCategory: { UserList: 0.5 },
      quotas: { UserList: 0 },
      recentUsagePeakRatePerSecByCategory: {},
    });
    expect(a.refusals[0]!.reason).toBe('UserList: planned 0.5/s + current usage 0/s = 0.5/s, all of the quota 0/s (limit 80% = 0/s)');
  });

  it.each([0, -0.1, 1.5, Number.NaN])('rejects maxShare %s', (maxShare) => {
    expect(() =>
      assessPreflight({ plannedPeakRatePerSecByCategory: {}, quotas: {}, recentUsagePeakRatePerSecByCategory: {}, maxShare }),
    ).toThrow(RangeError);
  });
});

describe('assessPreflight: challenge responses', () => {
  it.each([
    // challenge, direct UA, UA quota, allowance, spill, planned UA after spill, ok
    { challenge: 300, direct: 50, quota: 120, allowance: 360, spill: 0, planned: 50, ok: true },
    { challenge: 400, direct: 50, quota: 120, allowance: 360, spill: 40, planned: 90, ok: true },
    { challenge: 400, direct: 60, quota: 120, allowance: 360, spill: 40, planned: 100, ok: false },
    { challenge: 10, direct: 0, quota: 120, allowance: 360, spill: 0, planned: undefined, ok: true },
  ])('$challenge responses/s with $direct direct/s against $quota/s', (t) => {
    const a = assessPreflight({
      plannedPeakRatePerSecByCategory: t.direct > 0 ? { UserAuthentication: t.direct } : {},
      plannedPeakChallengeResponseRatePerSec: t.challenge,
      quotas: { UserAuthentication: t.quota },
      recentUsagePeakRatePerSecByCategory: {},
    });
    expect(a.challenge).toEqual({ plannedRatePerSec: t.challenge, allowanceRatePerSec: t.allowance, spillRatePerSec: t.spill });
    expect(a.rows.find((r) => r.category === 'UserAuthentication')?.plannedRatePerSec).toBe(t.planned);
    expect(a.ok).toBe(t.ok);
  });

  it('charges every challenge response to UserAuthentication when its quota is unknown (and refuses)', () => {
    const a = assessPreflight({
      plannedPeakRatePerSecByCategory: {},
      plannedPeakChallengeResponseRatePerSec: 10,
      quotas: {},
      recentUsagePeakRatePerSecByCategory: {},
    });
    expect(a.challenge).toEqual({ plannedRatePerSec: 10, allowanceRatePerSec: 0, spillRatePerSec: 10 });
    expect(a.ok).toBe(false);
  });
});
