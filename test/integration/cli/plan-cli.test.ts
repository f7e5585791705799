import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import {
  ListAWSDefaultServiceQuotasCommand,
  ListRequestedServiceQuotaChangeHistoryCommand,
  GetRequestedServiceQuotaChangeCommand,
  ListServiceQuotasCommand,
  RequestServiceQuotaIncreaseCommand,
  ServiceQuotasClient,
} from '@aws-sdk/client-service-quotas';
import { CloudWatchClient, GetMetricDataCommand, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { CognitoIdentityProviderClient, GetProvisionedLimitCommand } from '@aws-sdk/client-cognito-identity-provider';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPlannerAwsClients } from '../../../src/aws/aws-clients.js';
import type { CliIo } from '../../../src/cli/command.js';
import { createPlanCommand } from '../../../src/cli/commands/plan.js';
import { runCli } from '../../../src/cli/main.js';
import type { PlanDeps } from '../../../src/cli/plan-deps.js';
import { parseScenarioText } from '../../../src/config/load-scenario.js';
import { FLOWS } from '../../../src/load/flows/flow-registry.js';

const LAUNCH = resolve('scenarios/workload-launch.yaml');
const B2B = resolve('scenarios/workload-b2b.yaml');
const sq = mockClient(ServiceQuotasClient);
const cw = mockClient(CloudWatchClient);
const cip = mockClient(CognitoIdentityProviderClient);
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cogcap-plan-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
afterEach(() => {
  sq.reset();
  cw.reset();
  cip.reset();
});

function capture(): { io: Partial<CliIo>; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let o = '';
  let e = '';
  stdout.on('data', (c) => (o += String(c)));
  stderr.on('data', (c) => (e += String(c)));
  return { io: { stdout, stderr, cwd: dir, env: {}, signal: new AbortController().signal }, out: () => o, err: () => e };
}

describe('cogcap plan (CLI)', () => {
  it('bad workload: every problem with file and field path, exit 2, no stack trace', async () => {
    const bad = join(dir, 'bad.yaml');
    await writeFile(bad, 'name: bad\nusers:\n  monthlyActive: -5\n  dailyActiveShare: 0.5\npeak:\n  peakToAverage: 0.5\nsessions:\n  lengthMinutes: 30\n');
    const c = capture();
    const code = await runCli(['plan', bad], c.io);
    expect(code).toBe(2);
    const err = c.err();
    expect(err).toContain('error: invalid workload');
    expect(err).toMatch(/bad\.yaml: users\.monthlyActive: .*>0/);
    expect(err).toMatch(/bad\.yaml: peak\.peakToAverage: .*>=1/);
    expect(err).toMatch(/bad\.yaml: sessions\.lengthMinutes: unknown key/);
    expect(err).not.toMatch(/at .*\.ts:\d+/);
  });
  it('missing workload file: exit 2', async () => {
    const c = capture();
    expect(await runCli(['plan', join(dir, 'nope.yaml')], c.io)).toBe(2);
    expect(c.err()).toContain('cannot read workload');
  });
  it('prints the table and writes md, drafts and a valid emitted scenario', async () => {
    const c = capture();
    const code = await runCli(['plan', LAUNCH, '--drafts', 'drafts', '--emit-scenario', 'peak.yaml', '--scale', '0.05'], c.io);
    expect(code).toBe(0);
    expect(c.out()).toMatch(/UserAuthentication\s+39\.67\s+171\.36\s+222\.77\s+120\.00\s+142\.8 %\s+increase needed/);
    expect(c.out()).toContain('--quota-code L-026ADBA3 --desired-value 223 --region us-east-1');
    const files = (await readdir(join(dir, 'drafts'))).sort();
    expect(files).toEqual(
      [
        'cognito-idp-UserAuthentication.justification.html',
        'cognito-idp-UserAuthentication.justification.md',
        'cognito-idp-UserAuthentication.request.json',
        'cognito-idp-UserRead.justification.html',
        'cognito-idp-UserRead.justification.md',
        'cognito-idp-UserRead.request.json',
        'drafts.json',
      ].sort(),
    );
    expect(JSON.parse(await readFile(join(dir, 'drafts', 'cognito-idp-UserRead.request.json'), 'utf8'))).toEqual({ ServiceCode: 'cognito-idp', QuotaCode: 'L-D6BD5178', DesiredValue: 236 });
    const md = await readFile(join(dir, 'drafts', 'cognito-idp-UserRead.justification.md'), 'utf8');
    expect(md).toContain('DesiredValue = ceil(required) = 236 req/s');
    expect(md).toContain('SNS');
    const text = await readFile(join(dir, 'peak.yaml'), 'utf8');
    const scenario = await parseScenarioText(text, 'peak.yaml');
    expect(scenario.name).toBe('consumer-launch-forecast-peak');
  });
  it.each([
    ['md', 'plan.md', '## Per-quota derivation'],
    ['html', 'plan.html', '<!doctype html>'],
    ['json', 'plan.json', '"schema": "cognito-capacity/plan"'],
  ])('--format from the --out extension (%s)', async (_f, out, marker) => {
    const c = capture();
    expect(await runCli(['plan', B2B, '--out', out], c.io)).toBe(0);
    expect(await readFile(join(dir, out), 'utf8')).toContain(marker);
  });
  it('--result must be a run result (exit 2)', async () => {
    await writeFile(join(dir, 'notresult.json'), '{"hello":1}');
    const c = capture();
    expect(await runCli(['plan', B2B, '--result', 'notresult.json'], c.io)).toBe(2);
    expect(c.err()).toContain('schema: expected "cognito-capacity/run-result"');
  });
});

describe('cogcap plan --submit', () => {
  const deps = (over: Partial<PlanDeps>): PlanDeps => ({
    awsClients: (region) => createPlannerAwsClients(region ?? 'us-east-1'),
    now: () => new Date('2026-06-01T00:00:00Z'),
    sleep: async () => {},
    isInteractive: () => false,
    confirm: async () => false,
    flowNames: () => [...FLOWS.keys()],
    ...over,
  });
  const args = { workload: B2B, quotas: 'default' as const, provisioned: true, submit: true, yes: false, emitDuration: '2m' };
  it('refuses without a terminal unless --yes (exit 2), and files nothing', async () => {
    const c = capture();
    const err = await createPlanCommand(deps({})).run(args, c.io as CliIo).catch((e) => e);
    expect(err.exitCode).toBe(2);
    expect(err.message).toContain('--yes');
    expect(sq.commandCalls(RequestServiceQuotaIncreaseCommand)).toHaveLength(0);
  });
  it('asks, and files nothing when the answer is no', async () => {
    const questions: string[] = [];
    const c = capture();
    const code = await createPlanCommand(deps({ isInteractive: () => true, confirm: async (q) => (questions.push(q), false) })).run(args, c.io as CliIo);
    expect(code).toBe(0);
    expect(questions).toHaveLength(1);
    expect(c.err()).toContain('cancelled, nothing filed');
    expect(sq.commandCalls(RequestServiceQuotaIncreaseCommand)).toHaveLength(0);
  });
  it('files every ready draft after a yes, and records them', async () => {
    sq.on(RequestServiceQuotaIncreaseCommand).callsFake((input) => ({
      RequestedQuota: { Id: `req-${input.QuotaCode}`, ServiceCode: input.ServiceCode, QuotaCode: input.QuotaCode, DesiredValue: input.DesiredValue, Status: 'PENDING' },
    }));
    const c = capture();
    const code = await createPlanCommand(deps({ isInteractive: () => true, confirm: async () => true })).run({ ...args, drafts: 'sub' }, c.io as CliIo);
    expect(code).toBe(0);
    const sent = sq.commandCalls(RequestServiceQuotaIncreaseCommand).map((x) => x.args[0].input);
    // b2b: UserAuthentication 171.875 → 172; UserFederation 36.458 → 37 (ClientAuthentication is not adjustable: never filed)
    expect(sent).toEqual([
      { ServiceCode: 'cognito-idp', QuotaCode: 'L-026ADBA3', DesiredValue: 172 },
      { ServiceCode: 'cognito-idp', QuotaCode: 'L-BB3E7CCF', DesiredValue: 37 },
    ]);
    const recorded = JSON.parse(await readFile(join(dir, 'sub', 'submitted.json'), 'utf8'));
    expect(recorded.map((r: { requestId: string }) => r.requestId)).toEqual(['req-L-026ADBA3', 'req-L-BB3E7CCF']);
    expect(c.err()).toContain('cogcap quotas status --region eu-west-1 --from sub/submitted.json');
    // follow them: quotas status --from the recorded file
    sq.on(GetRequestedServiceQuotaChangeCommand).callsFake((input) => ({ RequestedQuota: { Id: input.RequestId, ServiceCode: 'cognito-idp', QuotaCode: 'L-026ADBA3', DesiredValue: 172, Status: 'APPROVED' } }));
    const s = capture();
    expect(await runCli(['quotas', 'status', '--region', 'eu-west-1', '--from', 'sub/submitted.json', '--format', 'json'], s.io)).toBe(0);
    expect(JSON.parse(s.out()).map((r: { requestId: string; status: string }) => [r.requestId, r.status])).toEqual([
      ['req-L-026ADBA3', 'APPROVED'],
      ['req-L-BB3E7CCF', 'APPROVED'],
    ]);
  });
});

describe('cogcap quotas (CLI)', () => {
  it('shows the documented defaults', async () => {
    const c = capture();
    expect(await runCli(['quotas'], c.io)).toBe(0);
    expect(c.out()).toMatch(/UserAuthentication\s+cognito-idp\s+L-026ADBA3\s+120\.00\s+yes\s+default/);
    expect(c.out()).toMatch(/GetId \(identity pool\)\s+cognito-identity\s+L-A38ADA84\s+25\.00/);
  });
  it('--live reads Service Quotas (json)', async () => {
    sq.on(ListServiceQuotasCommand).resolves({ Quotas: [] });
    sq.on(ListAWSDefaultServiceQuotasCommand).resolves({ Quotas: [{ ServiceCode: 'cognito-idp', QuotaCode: 'L-026ADBA3', QuotaName: 'Rate of UserAuthentication requests', Value: 200, Adjustable: true }] });
    const c = capture();
    expect(await runCli(['quotas', '--live', '--no-provisioned', '--region', 'us-east-1', '--format', 'json'], c.io)).toBe(0);
    const doc = JSON.parse(c.out());
    expect(doc.quotas['cognito-idp:UserAuthentication']).toMatchObject({ valueRatePerSec: 200, source: 'service-quotas' });
  });
  it('status lists requests of both services', async () => {
    sq.on(ListRequestedServiceQuotaChangeHistoryCommand, { ServiceCode: 'cognito-idp' }).resolves({
      RequestedQuotas: [{ Id: 'r1', ServiceCode: 'cognito-idp', QuotaCode: 'L-026ADBA3', QuotaName: 'Rate of UserAuthentication requests', DesiredValue: 172, Status: 'CASE_OPENED', Created: new Date('2026-06-01T00:00:00Z') }],
    });
    sq.on(ListRequestedServiceQuotaChangeHistoryCommand, { ServiceCode: 'cognito-identity' }).resolves({ RequestedQuotas: [] });
    const c = capture();
    expect(await runCli(['quotas', 'status', '--region', 'us-east-1'], c.io)).toBe(0);
    expect(c.out()).toMatch(/r1\s+cognito-idp\s+L-026ADBA3\s+Rate of UserAuthentication requests\s+172\s+CASE_OPENED/);
  });
  it('a throttled Service Quotas API is exit 3 with a hint', async () => {
    sq.on(ListServiceQuotasCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException' }));
    const c = capture();
    expect(await runCli(['quotas', '--live', '--no-provisioned', '--region', 'us-east-1'], c.io)).toBe(3);
    expect(c.err()).toContain('hint: The API throttled the request');
  });
});

describe('cogcap plan --quotas live --calibrate-days', () => {
  it('plans against live values and shows observed usage', async () => {
    sq.on(ListServiceQuotasCommand).resolves({ Quotas: [] });
    sq.on(ListServiceQuotasCommand, { ServiceCode: 'cognito-idp' }).resolves({
      Quotas: [{ ServiceCode: 'cognito-idp', QuotaCode: 'L-BB3E7CCF', QuotaName: 'Rate of UserFederation requests', Value: 100, Adjustable: true }],
    });
    sq.on(ListAWSDefaultServiceQuotasCommand).resolves({ Quotas: [] });
    cip.on(GetProvisionedLimitCommand).rejects(Object.assign(new Error('no'), { name: 'AccessDeniedException' }));
    cw.on(ListMetricsCommand, { MetricName: 'CallCount' }).resolves({
      Metrics: [{ Namespace: 'AWS/Usage', MetricName: 'CallCount', Dimensions: [{ Name: 'Service', Value: 'Cognito user pool' }, { Name: 'Type', Value: 'API' }, { Name: 'Resource', Value: 'UserFederation' }, { Name: 'Class', Value: 'None' }] }],
    });
    cw.on(ListMetricsCommand, { MetricName: 'ThrottleCount' }).resolves({ Metrics: [] });
    // 1,200 calls in the busiest minute = 20 req/s
    cw.on(GetMetricDataCommand).resolves({ MetricDataResults: [{ Id: 'm0', Timestamps: [new Date('2026-05-30T09:00:00Z'), new Date('2026-05-30T09:01:00Z')], Values: [600, 1200] }] });
    const c = capture();
    const code = await runCli(['plan', B2B, '--quotas', 'live', '--calibrate-days', '7', '--format', 'md'], c.io);
    expect(code).toBe(0);
    const md = c.out();
    // UserFederation now has 100 req/s applied: 36.46 required → ok
    expect(md).toMatch(/\| UserFederation \| 4\.05 \| 29\.17 \| 36\.46 \| 100\.00 \| 29\.2 % \| ok \|/);
    expect(md).toContain('## Observed usage (CloudWatch AWS/Usage, last 7 days)');
    expect(md).toMatch(/\| UserFederation \| 60 \| 20\.00 \|/);
    expect(md).toContain('GetProvisionedLimit(UserAuthentication) failed (AccessDeniedException)');
  });
  it('rejects a bad --calibrate-days with exit 2', async () => {
    const c = capture();
    expect(await runCli(['plan', B2B, '--calibrate-days', '0.5'], c.io)).toBe(2);
    expect(c.err()).toContain('--calibrate-days: expected a whole number of days from 1 to 63');
  });
});
