import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseScenarioText } from '../../../src/config/load-scenario.js';
import { loadWorkload, parseWorkload } from '../../../src/config/workload-load.js';
import { FLOWS } from '../../../src/load/flows/flow-registry.js';
import { isOAuthFlowName } from '../../../src/load/flows/oauth-flow-setup.js';
import { buildPlan } from '../../../src/planner/plan.js';
import { defaultQuotaTable } from '../../../src/planner/quota-table.js';
import { emitScenario } from '../../../src/planner/scenario-emit.js';
import type { Workload } from '../../../src/planner/workload.js';

const planOf = (w: Workload) => buildPlan(w, { quotas: defaultQuotaTable(), quotaSource: 'default', generatedAt: '2026-01-01T00:00:00Z' });
// The registry without the issue-10 flows (added explicitly where a test wants them).
const flowNames = [...FLOWS.keys()].filter((n) => !isOAuthFlowName(n));

describe('emitScenario', () => {
  it('reproduces the forecast peak mix: one flow per line at its peak rate', () => {
    // 86,400 sign-ins/day, ratio 2: SRP 0.5 → 1 req/s peak; password 0.5 → 1 req/s; refresh 0 (30 min sessions);
    // 1 GetUser per session → 86,400/day × 2 / 86,400 = 2 req/s
    const w = parseWorkload({
      name: 'mix',
      users: { monthlyActive: 86_400, dailyActive: 86_400 },
      peak: { peakToAverage: 2 },
      sessions: { profileReadsPerSession: 1 },
      signIn: { mix: { srp: 0.5, password: 0.5 } },
    });
    const e = emitScenario(planOf(w), { flowNames });
    expect(e.scale).toBe(1);
    expect(Object.fromEntries(e.flows.map((f) => [f.flow, f.ratePerSec]))).toEqual({
      'password-sign-in': expect.closeTo(1, 9),
      'srp-sign-in': expect.closeTo(1, 9),
      'profile-read': expect.closeTo(2, 9),
    });
    expect(e.totalRatePerSec).toBeCloseTo(4, 9);
    expect(e.document.target).toEqual({ embedded: { quotas: 'aws-default' } });
  });
  it('scales down automatically above 300 arrivals/s and uses unlimited quotas', async () => {
    const plan = planOf(await loadWorkload('scenarios/workload-launch.yaml'));
    const e = emitScenario(plan, { flowNames });
    expect(e.totalRatePerSec).toBeCloseTo(300, 6);
    expect(e.scale).toBeLessThan(1);
    expect(e.document.target).toEqual({ embedded: { quotas: 'unlimited' } });
    expect(e.notReproduced.map((n) => n.lineId)).toContain('identityPool.GetCredentialsForIdentity');
  });
  it.each(['scenarios/workload-launch.yaml', 'scenarios/workload-b2b.yaml'])('emits a valid scenario for %s (scenario validator)', async (file) => {
    const plan = planOf(await loadWorkload(file));
    for (const scale of [undefined, 0.01]) {
      const e = emitScenario(plan, { flowNames, ...(scale ? { scale } : {}) });
      const scenario = await parseScenarioText(stringify(e.document), 'emitted.yaml');
      expect(scenario.name).toBe(`${plan.workload.name}-forecast-peak`);
    }
  });
  it('uses the issue-10 flows once they are registered, and lists carried lines only when their carrier is missing', async () => {
    const plan = planOf(await loadWorkload('scenarios/workload-b2b.yaml'));
    const withOauth = emitScenario(plan, { flowNames: [...flowNames, 'federated-sign-in', 'client-credentials'] });
    const flows = Object.fromEntries(withOauth.flows.map((f) => [f.flow, f.forecastRatePerSec]));
    // federation 350,000/day × 7.2 / 86,400 = 29.1667/s; m2m 7,200,000/day × 1.5 / 86,400 = 125/s
    expect(flows['federated-sign-in']).toBeCloseTo(29.1666667, 6);
    expect(flows['client-credentials']).toBeCloseTo(125, 9);
    expect(withOauth.notReproduced.map((n) => n.lineId)).not.toContain('federation.redeem');
    const without = emitScenario(plan, { flowNames });
    expect(without.notReproduced.map((n) => n.lineId)).toEqual(expect.arrayContaining(['federation.idpResponse', 'federation.redeem', 'm2m.clientCredentials']));
  });
});
