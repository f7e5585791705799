import { describe, expect, it } from 'vitest';
import { renderDryRun } from '../../../src/guard/dry-run-table.js';
import { planCallsByCategory } from '../../../src/guard/planned-calls.js';
import { assessPreflight } from '../../../src/guard/preflight.js';

describe('renderDryRun', () => {
  it('shows per-category peaks, quota shares, phases and refusals', () => {
    const plan = planCallsByCategory({
      phases: [
        { name: 'warm-up', durationMs: 2000, segments: [{ durationMs: 2000, fromRatePerSec: 10, toRatePerSec: 10 }] },
        { name: 'peak', durationMs: 1000, segments: [{ durationMs: 1000, fromRatePerSec: 60, toRatePerSec: 60 }] },
      ],
      flows: [
        { name: 'srp-sign-in', weight: 1 },
        { name: 'profile-read', weight: 1 },
      ],
    });
    const assessment = assessPreflight({
      plannedPeakRatePerSecByCategory: plan.peakRatePerSecByCategory,
      plannedPeakChallengeResponseRatePerSec: plan.peakChallengeResponseRatePerSec,
      quotas: { UserAuthentication: 120, UserRead: 120 },
      recentUsagePeakRatePerSecByCategory: {},
    });
    const text = renderDryRun(plan, assessment, { perSecond: true });
    // Peak 60 arrivals/s, half srp-sign-in (InitiateAuth + a challenge response), half profile-read (GetUser, and
    // the sign-in it may need first): UserAuthentication 30 + 30, UserRead 30, challenge responses 30.
    expect(text).toBe(
      [
        'Dry run: no calls were made. Planned calls per quota category (expected values).',
        'Quotas: documented defaults; share limit 80%.',
        '',
        'Category            Peak calls/s  Current usage/s  Quota/s  Share at peak  Limit 80%/s  Verdict',
        '------------------  ------------  ---------------  -------  -------------  -----------  -------',
        'UserAuthentication            60                0      120            50%           96  ok',
        'UserRead                      30                0      120            25%           96  ok',
        'Challenge responses: peak 30/s against their own allowance of 360/s (3 × the UserAuthentication quota); spill-over into UserAuthentication: 0/s.',
        'Peak total: 120 calls/s.',
        '',
        'Per phase (peak calls/s per category):',
        'Phase    Duration  Peak arrivals/s  UserAuthentication  UserRead  Challenge responses',
        '-------  --------  ---------------  ------------------  --------  -------------------',
        'warm-up        2s               10                  10         5                    5',
        'peak           1s               60                  60        30                   30',
        '',
        'Per second (expected calls per category):',
        't (s)  Arrivals  UserAuthentication  UserRead  Challenge responses',
        '-----  --------  ------------------  --------  -------------------',
        '    0        10                  10         5                    5',
        '    1        10                  10         5                    5',
        '    2        60                  60        30                   30',
        '',
      ].join('\n'),
    );
  });

  it('lists refusals and unknown flows', () => {
    const plan = planCallsByCategory({
      phases: [{ name: 'p', durationMs: 1000, segments: [{ durationMs: 1000, fromRatePerSec: 100, toRatePerSec: 100 }] }],
      flows: [
        { name: 'password-sign-in', weight: 1 },
        { name: 'mystery', weight: 1 },
      ],
    });
    const assessment = assessPreflight({
      plannedPeakRatePerSecByCategory: plan.peakRatePerSecByCategory,
      quotas: { UserAuthentication: 50 },
      recentUsagePeakRatePerSecByCategory: { UserAuthentication: 5 },
    });
    const text = renderDryRun(plan, assessment, { shard: { index: 1, count: 4 }, quotaSource: 'Service Quotas (eu-west-1)' });
    expect(text).toContain('Dry run (shard 1/4)');
    expect(text).toContain('Quotas: Service Quotas (eu-west-1)');
    expect(text).toContain('Not counted (calls per arrival unknown): mystery.');
    expect(text).toContain('REFUSED UserAuthentication: planned 50/s + current usage 5/s = 55/s, 110% of the quota 50/s (limit 80% = 40/s)');
  });
});
