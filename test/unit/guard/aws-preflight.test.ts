import { CloudWatchClient, GetMetricDataCommand, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { ListAWSDefaultServiceQuotasCommand, ListServiceQuotasCommand, ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { runAwsPreflight } from '../../../src/guard/aws-preflight.js';
import { TargetError } from '../../../src/errors.js';

const sq = mockClient(ServiceQuotasClient);
const cw = mockClient(CloudWatchClient);
afterEach(() => {
  sq.reset();
  cw.reset();
});

const region = 'eu-west-1';
const clients = {
  serviceQuotas: new ServiceQuotasClient({ region }),
  cloudWatch: new CloudWatchClient({ region }),
  cognito: new CognitoIdentityProviderClient({ region }),
};
const dims = (category: string) => [
  { Name: 'Service', Value: 'Cognito user pool' },
  { Name: 'Type', Value: 'API' },
  { Name: 'Resource', Value: category },
  { Name: 'Class', Value: 'None' },
];
const NOW = new Date('2026-11-26T14:00:30Z');

function mockAccount(): void {
  // UserAuthentication raised to 200/s; UserRead at its default of 120/s.
  sq.on(ListServiceQuotasCommand).resolves({ Quotas: [] });
  sq.on(ListServiceQuotasCommand, { ServiceCode: 'cognito-idp' }).resolves({
    Quotas: [{ ServiceCode: 'cognito-idp', QuotaCode: 'L-026ADBA3', QuotaName: 'Rate of UserAuthentication requests', Value: 200, Adjustable: true }],
  });
  sq.on(ListAWSDefaultServiceQuotasCommand).resolves({ Quotas: [] });
  // Production used at most 3600 UserAuthentication calls in one minute (60/s) in the last day.
  cw.on(ListMetricsCommand).resolves({ Metrics: [] });
  cw.on(ListMetricsCommand, { MetricName: 'CallCount' }).resolves({
    Metrics: [{ Namespace: 'AWS/Usage', MetricName: 'CallCount', Dimensions: dims('UserAuthentication') }],
  });
  const end = new Date('2026-11-26T14:00:00Z');
  cw.on(GetMetricDataCommand).resolves({
    MetricDataResults: [{ Id: 'm0', Timestamps: [new Date(end.getTime() - 120_000), new Date(end.getTime() - 60_000)], Values: [1200, 3600] }],
  });
}

describe('runAwsPreflight', () => {
  it('assesses planned + recent peak usage against the quotas in force', async () => {
    mockAccount();
    // Planned 110/s: 110 + 60 = 170 > 0.8 × 200 = 160 → refused. UserRead 50/s: 50 + 0 ≤ 96 → ok.
    const r = await runAwsPreflight({
      clients,
      plannedPeakRatePerSecByCategory: { UserAuthentication: 110, UserRead: 50 },
      provisioned: false,
      now: NOW,
    });
    expect(r.quotas).toEqual({ UserAuthentication: 200, UserRead: 120 });
    expect(r.usage.UserAuthentication).toBeCloseTo(60, 9);
    expect(r.usage.UserRead).toBe(0);
    expect(r.assessment.ok).toBe(false);
    expect(r.assessment.refusals.map((x) => x.reason)).toEqual([
      'UserAuthentication: planned 110/s + current usage 60/s = 170/s, 85% of the quota 200/s (limit 80% = 160/s)',
    ]);
    // The usage window is the last 24 h, per minute.
    const q = cw.commandCalls(GetMetricDataCommand)[0]!.args[0].input;
    expect(q.EndTime).toEqual(new Date('2026-11-26T14:00:00Z'));
    expect(q.StartTime).toEqual(new Date('2026-11-25T14:00:00Z'));
    expect(q.MetricDataQueries![0]!.MetricStat!.Period).toBe(60);
  });

  it('passes with a larger share and a shorter look-back', async () => {
    mockAccount();
    const r = await runAwsPreflight({
      clients,
      plannedPeakRatePerSecByCategory: { UserAuthentication: 110 },
      maxShare: 0.9,
      usageLookbackHours: 1,
      provisioned: false,
      now: NOW,
    });
    expect(r.assessment.ok).toBe(true);
    expect(r.source).toBe('Service Quotas; usage: AWS/Usage peak of the last 1 h');
  });

  it('turns an AWS failure into a TargetError', async () => {
    sq.on(ListServiceQuotasCommand).rejects(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }));
    await expect(
      runAwsPreflight({ clients, plannedPeakRatePerSecByCategory: { UserAuthentication: 1 }, provisioned: false, now: NOW }),
    ).rejects.toBeInstanceOf(TargetError);
  });
});
