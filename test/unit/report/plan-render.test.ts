import { describe, expect, it } from 'vitest';
import { loadWorkload } from '../../../src/config/workload-load.js';
import { buildPlan, type Plan } from '../../../src/planner/plan.js';
import { defaultQuotaTable } from '../../../src/planner/quota-table.js';
import { runEvidence } from '../../../src/planner/run-evidence.js';
import { draftFiles, PLAN_RENDERERS } from '../../../src/report/plan-render.js';
import type { RunResult } from '../../../src/metrics/run-result.js';

async function b2bPlan(extra: Partial<Parameters<typeof buildPlan>[1]> = {}): Promise<Plan> {
  const w = await loadWorkload('scenarios/workload-b2b.yaml');
  return buildPlan(w, { quotas: defaultQuotaTable(), quotaSource: 'default', generatedAt: '2026-06-01T00:00:00.000Z', ...extra });
}

const latency = { count: 1, minUs: 1, meanUs: 1, p50Us: 1000, p90Us: 1000, p95Us: 1000, p99Us: 25_000, p999Us: 1, maxUs: 1 };
const fakeResult = {
  schema: 'cognito-capacity/run-result',
  runId: 'run-1',
  scenario: { name: 'b2b-saas-forecast-peak', hash: 'h', tags: {} },
  target: { kind: 'embedded' },
  startedAt: '2026-06-01T00:00:00.000Z',
  durationMs: 60_000,
  interrupted: false,
  generator: { saturated: false },
  categories: {
    UserAuthentication: {
      count: 9000, achievedRatePerSec: 150, peakRatePerSec: 172, throttleRate: 0.2, errorRate: 0, quotaRatePerSec: 120,
      latency: { intended: latency, service: latency },
    },
  },
} as unknown as RunResult;

describe('plan renderers', () => {
  it('markdown carries the derivations and every section', async () => {
    const md = PLAN_RENDERERS.md(await b2bPlan());
    for (const heading of ['## Per-quota summary', '## Basis', '## Demand by operation', '## Per-quota derivation', '## Projection', '## Cost of provisioned capacity', '## Quota increase drafts']) {
      expect(md).toContain(heading);
    }
    // UserAuthentication: direct 2.5 + 10 + 125 = 137.5; required max(137.5 × 1.25, (137.5 + 17.5) × 1.25 / 4, 29.1667 × 1.25) = 171.875
    expect(md).toContain('signIn.password.initiate 2.5 + signIn.srp.initiate 10 + session.refresh 125 = 137.5 req/s');
    expect(md).toContain('= 171.875 req/s');
    expect(md).toContain('| ClientAuthentication | 83.33 | 125.00 | 156.25 | 150.00 | 83.3 % | not adjustable |');
  });
  it('html is self-contained (no scripts, no external resources) and escapes text', async () => {
    const html = PLAN_RENDERERS.html(await b2bPlan());
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).not.toMatch(/<script|<link|src=|https?:\/\//);
    expect(html).toContain('<table>');
  });
  it('json round-trips the plan', async () => {
    const plan = await b2bPlan();
    expect(JSON.parse(PLAN_RENDERERS.json(plan))).toEqual(JSON.parse(JSON.stringify(plan)));
  });
  it('justifications cite calibration and run evidence when given', async () => {
    const plan = await b2bPlan({
      evidence: runEvidence(fakeResult),
      calibration: {
        days: 14,
        observed: {
          UserAuthentication: {
            category: 'UserAuthentication', periodSec: 60, windowSec: 14 * 86_400, totalCalls: 1e6, peakRatePerSec: 110, peakAt: '2026-05-20T09:01:00.000Z',
            avgRatePerSec: 0.83, peakToAverage: 132.5, totalThrottles: 40, throttledPeriods: 3, lastThrottleAt: '2026-05-20T09:02:00.000Z', peakThrottleRatePerSec: 0.5,
          },
        },
      },
    });
    const files = draftFiles(plan, plan.drafts.find((d) => d.name === 'UserAuthentication')!);
    const md = files['cognito-idp-UserAuthentication.justification.md']!;
    expect(md).toContain('peak 110.00 req/s (2026-05-20T09:01:00.000Z)');
    expect(md).toContain('40 throttled calls in 3 periods');
    expect(md).toContain('Run run-1');
    expect(md).toContain('throttle rate 20.0 %');
    expect(md).toContain('p99 25 ms');
    expect(plan.warnings.join('\n')).toContain('peak-to-average ratio of 132.50');
  });
  it('the terminal table lists statuses, run-out months and drafts', async () => {
    const t = PLAN_RENDERERS.table(await b2bPlan());
    expect(t).toMatch(/UserFederation\s+4\.05\s+29\.17\s+36\.46\s+25\.00\s+116\.7 %\s+increase needed/);
    expect(t).toContain('ClientAuthentication: not adjustable. Cache client-credentials access tokens');
    expect(t).toMatch(/UserUpdate\s+month 10\s+month 15/);
  });
});
