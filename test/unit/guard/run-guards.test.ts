import { CloudWatchClient, GetMetricDataCommand, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { ListAWSDefaultServiceQuotasCommand, ListServiceQuotasCommand, ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TargetError } from '../../../src/errors.js';
import { prepareRunGuards, renderDryRunReport, type GuardedScenario } from '../../../src/guard/run-guards.js';

const sq = mockClient(ServiceQuotasClient);
const cw = mockClient(CloudWatchClient);
const region = 'eu-west-1';
const clients = {
  serviceQuotas: new ServiceQuotasClient({ region }),
  cloudWatch: new CloudWatchClient({ region }),
  cognito: new CognitoIdentityProviderClient({ region }),
};
beforeEach(() => {
  sq.on(ListServiceQuotasCommand).resolves({ Quotas: [] });
  sq.on(ListAWSDefaultServiceQuotasCommand).resolves({ Quotas: [] }); // defaults apply: UserAuthentication 120/s
  cw.on(ListMetricsCommand).resolves({ Metrics: [] });
  cw.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });
});
afterEach(() => {
  sq.reset();
  cw.reset();
});

const scenario = (kind: 'aws' | 'emulator', ratePerSec: number, flow = 'srp-sign-in', acknowledgeAccountWideQuotas?: boolean): GuardedScenario => ({
  target: { kind, ...(acknowledgeAccountWideQuotas !== undefined ? { acknowledgeAccountWideQuotas } : {}) },
  phases: [{ name: 'steady', durationMs: 10_000, segments: [{ durationMs: 10_000, fromRatePerSec: ratePerSec, toRatePerSec: ratePerSec }] }],
  flows: [{ name: flow, builtin: flow, weight: 1 }],
});
const NOW = new Date('2026-11-26T14:00:00Z');

async function refusal(p: Promise<unknown>): Promise<TargetError> {
  const err = await p.catch((e: unknown) => e);
  expect(err).toBeInstanceOf(TargetError);
  return err as TargetError;
}

describe('prepareRunGuards', () => {
  it('emulator targets get the plan only, without AWS calls', async () => {
    const g = await prepareRunGuards({ scenario: scenario('emulator', 1000), now: NOW });
    expect(g.plan.peakRatePerSecByCategory).toEqual({ UserAuthentication: 1000 });
    expect(g.plan.peakChallengeResponseRatePerSec).toBe(1000);
    expect(g.gate).toBeUndefined();
    expect(g.breaker).toBeUndefined();
    expect(sq.calls()).toHaveLength(0);
  });

  it('refuses AWS without the acknowledgement, before any AWS call', async () => {
    const err = await refusal(prepareRunGuards({ scenario: scenario('aws', 10), clients, now: NOW }));
    expect(err.message).toMatch(/account-wide/);
    expect(sq.calls()).toHaveLength(0);
  });

  it('refuses flows whose calls are unknown', async () => {
    const err = await refusal(prepareRunGuards({ scenario: scenario('aws', 10, 'mystery', true), clients, now: NOW }));
    expect(err.message).toContain('calls per arrival of mystery are unknown');
  });

  it('refuses a plan above the hard ceiling', async () => {
    // 300 SRP sign-ins/s = 600 calls/s > 500.
    const err = await refusal(prepareRunGuards({ scenario: scenario('aws', 300), acknowledgeFlag: true, clients, now: NOW }));
    expect(err.message).toBe('refusing to run: the planned peak of 600 calls/s exceeds the hard rate ceiling of 500 calls/s');
  });

  it('refuses a plan above the share of the quota, naming the figures', async () => {
    // 100 SRP sign-ins/s = 100 InitiateAuth/s > 0.8 × 120 = 96 (the 100 challenge responses/s fit their 360/s allowance).
    const err = await refusal(prepareRunGuards({ scenario: scenario('aws', 100, 'srp-sign-in', true), clients, provisioned: false, now: NOW }));
    expect(err.message).toContain('UserAuthentication: planned 100/s + current usage 0/s = 100/s, 83.3% of the quota 120/s (limit 80% = 96/s)');
  });

  it('charges challenge responses beyond their allowance to UserAuthentication', async () => {
    // A custom flow with 5 SRP sign-ins per arrival at 80/s: 400 responses/s, allowance 360/s, spill 40/s;
    // UserAuthentication 80 + 40 = 120/s > 96/s.
    const s: GuardedScenario = {
      ...scenario('aws', 80, 'srp-sign-in', true),
      flows: [{ name: 'mfa-heavy', weight: 1, steps: [{ step: 'passwordSignIn' }, { step: 'srpSignIn', params: { repeat: 5 } }] }],
    };
    const err = await refusal(prepareRunGuards({ scenario: s, clients, provisioned: false, maxRatePerSec: 1000, now: NOW }));
    // passwordSignIn 80 + 5 × 80 InitiateAuth = 480/s direct, plus 40/s spill.
    expect(err.message).toContain('UserAuthentication: planned 520/s + current usage 0/s = 520/s');
  });

  it('passes a safe plan and returns the gate (per shard) and the breaker', async () => {
    const g = await prepareRunGuards({
      scenario: scenario('aws', 80, 'srp-sign-in', true),
      clients,
      provisioned: false,
      maxRatePerSec: 200,
      shardCount: 4,
      now: NOW,
    });
    expect(g.preflight!.assessment.rows.map((r) => [r.category, r.plannedRatePerSec, r.quotaRatePerSec])).toEqual([['UserAuthentication', 80, 120]]);
    expect(g.preflight!.assessment.challenge).toEqual({ plannedRatePerSec: 80, allowanceRatePerSec: 360, spillRatePerSec: 0 });
    expect(g.ceilingRatePerSec).toBe(50);
    expect(g.gate!.ceilingRatePerSec).toBe(50);
    expect(g.breaker!.state.tripped).toBe(false);
    expect(g.outcomeSeconds).toBeDefined();
  });
});

describe('renderDryRunReport', () => {
  it('compares with the documented defaults and checks a ceiling', () => {
    const text = renderDryRunReport({ scenario: scenario('aws', 100), maxRatePerSec: 190 });
    expect(text).toContain('Quotas: documented defaults (no AWS calls made); share limit 80%.');
    expect(text).toContain('REFUSED UserAuthentication: planned 100/s');
    expect(text).toContain('Challenge responses: peak 100/s against their own allowance of 360/s');
    expect(text).toContain('REFUSED the planned peak of 200 calls/s exceeds the hard rate ceiling of 190 calls/s');
  });
});
