import {
  ListAWSDefaultServiceQuotasCommand,
  ListServiceQuotasCommand,
  RequestServiceQuotaIncreaseCommand,
  ListRequestedServiceQuotaChangeHistoryCommand,
  ServiceQuotasClient,
  TooManyRequestsException,
} from '@aws-sdk/client-service-quotas';
import { CognitoIdentityProviderClient, GetProvisionedLimitCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { TargetError } from '../../../src/errors.js';
import { listServiceQuotas, requestHistory, requestIncrease } from '../../../src/aws/service-quotas.js';
import { resolveQuotas } from '../../../src/aws/quota-sources.js';

const sq = mockClient(ServiceQuotasClient);
const cip = mockClient(CognitoIdentityProviderClient);
afterEach(() => {
  sq.reset();
  cip.reset();
});

const quota = (ServiceCode: string, QuotaCode: string, QuotaName: string, Value: number, Adjustable = true) => ({ ServiceCode, QuotaCode, QuotaName, Value, Adjustable });

describe('listServiceQuotas', () => {
  it('follows NextToken across pages', async () => {
    sq.on(ListServiceQuotasCommand, { ServiceCode: 'cognito-idp', MaxResults: 100 })
      .resolvesOnce({ Quotas: [quota('cognito-idp', 'L-026ADBA3', 'Rate of UserAuthentication requests', 400)], NextToken: 'p2' })
      .on(ListServiceQuotasCommand, { ServiceCode: 'cognito-idp', MaxResults: 100, NextToken: 'p2' })
      .resolvesOnce({ Quotas: [quota('cognito-idp', 'L-D6BD5178', 'Rate of UserRead requests', 120)] });
    const list = await listServiceQuotas(new ServiceQuotasClient({ region: 'us-east-1' }), 'cognito-idp', 'applied');
    expect(list.map((q) => [q.quotaCode, q.value])).toEqual([
      ['L-026ADBA3', 400],
      ['L-D6BD5178', 120],
    ]);
    expect(sq.commandCalls(ListServiceQuotasCommand)).toHaveLength(2);
  });
  it('turns a throttled API into a TargetError with a retry hint', async () => {
    sq.on(ListServiceQuotasCommand).rejects(new TooManyRequestsException({ message: 'Rate exceeded', $metadata: {} }));
    const err = await listServiceQuotas(new ServiceQuotasClient({ region: 'us-east-1' }), 'cognito-idp', 'applied').catch((e) => e);
    expect(err).toBeInstanceOf(TargetError);
    expect(err.message).toContain('ListServiceQuotas(cognito-idp) failed: TooManyRequestsException');
    expect(err.hint).toMatch(/throttled/);
  });
});

describe('resolveQuotas live', () => {
  it('uses applied values, falls back to AWS defaults, resolves identity codes by name, keeps defaults for missing quotas, applies provisioned limits', async () => {
    sq.on(ListServiceQuotasCommand, { ServiceCode: 'cognito-idp' }).resolves({
      Quotas: [quota('cognito-idp', 'L-026ADBA3', 'Rate of UserAuthentication requests', 500)],
    });
    sq.on(ListAWSDefaultServiceQuotasCommand, { ServiceCode: 'cognito-idp' }).resolves({
      Quotas: [
        quota('cognito-idp', 'L-026ADBA3', 'Rate of UserAuthentication requests', 120),
        quota('cognito-idp', 'L-D6BD5178', 'Rate of UserRead requests', 120),
      ],
    });
    sq.on(ListServiceQuotasCommand, { ServiceCode: 'cognito-identity' }).resolves({ Quotas: [] });
    sq.on(ListAWSDefaultServiceQuotasCommand, { ServiceCode: 'cognito-identity' }).resolves({
      // a region with a higher default and a code that differs from the catalogue: found by name
      Quotas: [quota('cognito-identity', 'L-NEWCODE1', 'Rate of GetId requests', 250)],
    });
    // general behaviour first, then the specific input (aws-sdk-client-mock: later, more specific matchers win)
    cip
      .on(GetProvisionedLimitCommand)
      .rejects(Object.assign(new Error('not available'), { name: 'UnknownOperationException' }))
      .on(GetProvisionedLimitCommand, { LimitDefinition: { LimitClass: 'API_CATEGORY', Attributes: { Category: 'UserAuthentication' } } })
      .resolves({ Limit: { LimitDefinition: { LimitClass: 'API_CATEGORY', Attributes: { Category: 'UserAuthentication' } }, ProvisionedLimitValue: 300, FreeLimitValue: 120 } });
    const sleeps: number[] = [];
    const { table, warnings } = await resolveQuotas({
      mode: 'live',
      clients: { serviceQuotas: new ServiceQuotasClient({ region: 'us-east-1' }), cognito: new CognitoIdentityProviderClient({ region: 'us-east-1' }) },
      sleep: async (ms) => {
        sleeps.push(ms);
      },
    });
    const ua = table['cognito-idp:UserAuthentication']!;
    expect(ua).toMatchObject({ appliedRatePerSec: 500, awsDefaultRatePerSec: 120, provisionedRatePerSec: 300, freeRatePerSec: 120, valueRatePerSec: 300, source: 'provisioned-limit' });
    expect(ua.notes.join(' ')).toContain('UpdateProvisionedLimit');
    expect(table['cognito-idp:UserRead']).toMatchObject({ valueRatePerSec: 120, appliedRatePerSec: null, source: 'service-quotas' });
    expect(table['cognito-identity:GetId']).toMatchObject({ valueRatePerSec: 250, quotaCode: 'L-NEWCODE1' });
    expect(table['cognito-identity:GetId']!.notes[0]).toContain('resolved by name');
    // not listed at all: documented default kept, with a warning
    expect(table['cognito-idp:UserFederation']).toMatchObject({ valueRatePerSec: 25, source: 'default' });
    expect(warnings.join('\n')).toContain('Rate of UserFederation requests');
    // GetProvisionedLimit: the second call failed and stopped the reads; pacing respected 1 req/s
    expect(warnings.join('\n')).toContain('GetProvisionedLimit(UserCreation) failed (UnknownOperationException)');
    expect(sleeps).toEqual([1100]);
  });
});

describe('requests', () => {
  it('files an increase and reads the history (paginated)', async () => {
    sq.on(RequestServiceQuotaIncreaseCommand).resolves({
      RequestedQuota: { Id: 'req-1', ServiceCode: 'cognito-idp', QuotaCode: 'L-026ADBA3', QuotaName: 'Rate of UserAuthentication requests', DesiredValue: 223, Status: 'PENDING' },
    });
    const client = new ServiceQuotasClient({ region: 'us-east-1' });
    const r = await requestIncrease(client, { ServiceCode: 'cognito-idp', QuotaCode: 'L-026ADBA3', DesiredValue: 223 });
    expect(r).toMatchObject({ requestId: 'req-1', status: 'PENDING', desiredValue: 223 });
    expect(sq.commandCalls(RequestServiceQuotaIncreaseCommand)[0]!.args[0].input).toEqual({ ServiceCode: 'cognito-idp', QuotaCode: 'L-026ADBA3', DesiredValue: 223 });
    sq.on(ListRequestedServiceQuotaChangeHistoryCommand, { ServiceCode: 'cognito-idp', MaxResults: 100 })
      .resolvesOnce({ RequestedQuotas: [{ Id: 'a', Status: 'APPROVED', Created: new Date('2026-01-01T00:00:00Z') }], NextToken: 't' })
      .on(ListRequestedServiceQuotaChangeHistoryCommand, { ServiceCode: 'cognito-idp', MaxResults: 100, NextToken: 't' })
      .resolvesOnce({ RequestedQuotas: [{ Id: 'b', Status: 'CASE_OPENED', Created: new Date('2026-02-01T00:00:00Z') }] });
    const h = await requestHistory(client, 'cognito-idp');
    expect(h.map((x) => [x.requestId, x.status])).toEqual([
      ['b', 'CASE_OPENED'],
      ['a', 'APPROVED'],
    ]);
  });
});
