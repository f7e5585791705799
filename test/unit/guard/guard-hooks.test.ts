import { CloudWatchClient, GetMetricDataCommand, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { ListAWSDefaultServiceQuotasCommand, ListServiceQuotasCommand, ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TargetError, type CogcapError } from '../../../src/errors.js';
import { createGuardHooks, type GuardHookContext } from '../../../src/guard/guard-hooks.js';
import type { Outcome, Sample } from '../../../src/metrics/sample.js';

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
  sq.on(ListAWSDefaultServiceQuotasCommand).resolves({ Quotas: [] });
  cw.on(ListMetricsCommand).resolves({ Metrics: [] });
  cw.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });
});
afterEach(() => {
  sq.reset();
  cw.reset();
});

function context(kind: 'aws' | 'emulator'): GuardHookContext & { stops: { reason: string; error?: CogcapError }[] } {
  const stops: { reason: string; error?: CogcapError }[] = [];
  return {
    stops,
    scenario: {
      target: { kind, region, acknowledgeAccountWideQuotas: true },
      phases: [{ name: 'steady', durationMs: 10_000, segments: [{ durationMs: 10_000, fromRatePerSec: 20, toRatePerSec: 20 }] }],
      flows: [{ name: 'password-sign-in', builtin: 'password-sign-in', weight: 1 }],
    },
    stop: (reason, error) => void stops.push({ reason, ...(error ? { error } : {}) }),
  };
}

const sample = (doneUs: number, outcome: Outcome): Sample => ({
  operation: 'InitiateAuth',
  category: 'UserAuthentication',
  flow: 'password-sign-in',
  outcome,
  ...(outcome === 'throttled' ? { errorType: 'TooManyRequestsException' } : {}),
  intendedStartUs: doneUs - 20_000,
  sentUs: doneUs - 20_000,
  latencyUs: 20_000,
  serviceTimeUs: 20_000,
});

describe('createGuardHooks', () => {
  it('emulator runs: plan only, the breaker is not armed', async () => {
    const hooks = createGuardHooks();
    const ctx = context('emulator');
    await hooks.beforeLoad(ctx);
    expect(hooks.guards()!.plan.peakRatePerSecByCategory).toEqual({ UserAuthentication: 20 });
    for (let t = 0; t < 5; t += 1) for (let i = 0; i < 10; i += 1) hooks.onSample(sample(t * 1e6 + i * 1000 + 30_000, 'throttled'), ctx);
    expect(ctx.stops).toEqual([]);
  });

  it('AWS runs: prints the preflight, then stops the run when throttling persists', async () => {
    const lines: string[] = [];
    const hooks = createGuardHooks({ clients, provisioned: false, say: (l) => lines.push(l) });
    const ctx = context('aws');
    await hooks.beforeLoad(ctx);
    expect(lines).toContain('preflight UserAuthentication: planned 20/s + current 0/s = 16.7% of 120/s');
    // Second 0 healthy, seconds 1-3 fully throttled; the breaker sees second 3 once a sample of second 4 arrives.
    for (let t = 0; t <= 4; t += 1) {
      for (let i = 0; i < 10; i += 1) hooks.onSample(sample(t * 1e6 + 50_000 + i * 1000, t === 0 ? 'ok' : 'throttled'), ctx);
    }
    expect(ctx.stops).toHaveLength(1);
    expect(ctx.stops[0]!.reason).toBe(
      "circuit breaker: throttle rate reached 100% (threshold 50%) for 3 consecutive seconds (t=1..3 s): the account's quota is exhausted",
    );
    expect(ctx.stops[0]!.error).toBeInstanceOf(TargetError);
    expect(lines.at(-1)).toBe(ctx.stops[0]!.reason);
  });

  it('AWS runs: a refusal throws before the load', async () => {
    const hooks = createGuardHooks({ clients, provisioned: false, maxShare: 0.1 });
    await expect(hooks.beforeLoad(context('aws'))).rejects.toThrow(/UserAuthentication: planned 20\/s/);
  });
});
