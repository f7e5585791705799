import { describe, expect, it } from 'vitest';
import { Recorder, type RunMeta } from '../../../src/metrics/recorder.js';
import type { Sample } from '../../../src/metrics/sample.js';
import { buildReportModel } from '../../../src/report/report-model.js';
import { identityOperationQuotaLookup } from '../../../src/load/oauth-run-setup.js';
import type { Scenario } from '../../../src/config/scenario.js';

const sample = (p: Partial<Sample> & { sentUs: number }): Sample => ({
  operation: 'GetId',
  category: 'IdentityPool',
  flow: 'identity-pool-exchange',
  outcome: 'ok',
  intendedStartUs: p.sentUs,
  latencyUs: 1000,
  serviceTimeUs: 1000,
  ...p,
});

const meta: RunMeta = {
  runId: 'r1',
  toolVersion: '0.0.0',
  scenario: { name: 's', hash: 'h', tags: {} },
  target: { kind: 'embedded', quotaProfile: 'aws-default' },
  startedAt: '2026-01-01T00:00:00.000Z',
  endedAt: '2026-01-01T00:00:02.000Z',
  durationMs: 2000,
  interrupted: false,
  driver: { name: 'sdk', model: 'open' },
  generator: { eventLoopLag: { p50Us: 0, p99Us: 0, maxUs: 0 }, startLag: { p50Us: 0, p99Us: 0, maxUs: 0 }, cpuPercent: 0, maxRssBytes: 0, saturated: false, warnings: [] },
};

const embedded = { target: { kind: 'embedded', quotas: 'aws-default', latency: 'zero', throttleStatus: 400 } } as unknown as Scenario;

describe('identity-pool operations in results and reports', () => {
  const r = new Recorder({ intervalMs: 1000, quotaRatePerSec: () => null, operationQuotaRatePerSec: identityOperationQuotaLookup(embedded) });
  // GetId: 3 calls in second 0, 1 in second 1 → peak 3/s; GetCredentialsForIdentity: 1 + 2 → peak 2/s.
  for (const t of [100, 200_000, 900_000, 1_100_000]) r.recordSample(sample({ sentUs: t }));
  for (const t of [500_000, 1_200_000, 1_300_000]) r.recordSample(sample({ sentUs: t, operation: 'GetCredentialsForIdentity' }));
  // A user-pool TagResource shares its name with an identity-pool operation: no per-operation quota for it.
  r.recordSample(sample({ sentUs: 10, operation: 'TagResource', category: 'UserPoolUpdate' }));
  r.recordSample(sample({ sentUs: 10, operation: 'InitiateAuth', category: 'UserAuthentication' }));
  const res = r.build(meta);

  it('keeps identity-pool calls in the IdentityPool group, each operation with its own quota and peak', () => {
    expect(res.categories.IdentityPool).toMatchObject({ count: 7, quotaRatePerSec: null });
    expect(res.operations['GetId']).toMatchObject({ category: 'IdentityPool', count: 4, quotaRatePerSec: 25, peakRatePerSec: 3 });
    expect(res.operations['GetCredentialsForIdentity']).toMatchObject({ quotaRatePerSec: 200, peakRatePerSec: 2 });
    expect(res.operations['TagResource']!.quotaRatePerSec).toBeUndefined();
    expect(res.operations['InitiateAuth']!.peakRatePerSec).toBeUndefined();
    expect(res.categories.Uncategorized).toBeUndefined();
  });

  it('reports one IdentityPool:<operation> row per operation with its quota use instead of the group row', () => {
    const rows = buildReportModel(res).categories;
    const byName = Object.fromEntries(rows.map((c) => [c.name, c]));
    expect(byName['IdentityPool']).toBeUndefined();
    expect(byName['IdentityPool:GetId']).toMatchObject({ category: 'IdentityPool', calls: 4, quotaRatePerSec: 25, peakRatePerSec: 3, peakQuotaUse: 0.12 });
    expect(byName['IdentityPool:GetCredentialsForIdentity']).toMatchObject({ quotaRatePerSec: 200, peakQuotaUse: 0.01 });
  });

  it('knows the quotas for the embedded emulator and AWS, not with unlimited quotas or a running emulator', () => {
    const lookup = (target: unknown) => identityOperationQuotaLookup({ target } as Scenario);
    expect(lookup({ kind: 'aws' })('GetId', 'IdentityPool')).toBe(25);
    expect(lookup({ kind: 'embedded', quotas: 'unlimited' })('GetId', 'IdentityPool')).toBeNull();
    expect(lookup({ kind: 'emulator', url: 'http://x' })('GetOpenIdToken', 'IdentityPool')).toBeNull();
    expect(lookup({ kind: 'aws' })('InitiateAuth', 'UserAuthentication')).toBeUndefined();
  });
});
