import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { CloudWatchClient, GetMetricDataCommand, ListMetricsCommand } from '@aws-sdk/client-cloudwatch';
import { ListAWSDefaultServiceQuotasCommand, ListServiceQuotasCommand, ServiceQuotasClient } from '@aws-sdk/client-service-quotas';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../src/cli/main.js';
import { awsStandInEnv, BYSTANDER, CLIENT_ID, CLIENT_SECRET, SECRET_CLIENT_ID, startAwsStandIn, TEST_CREDENTIALS, writeAwsScenario, type AwsStandIn } from './aws-world.js';

// The AWS code path end to end (issue 7): an `aws:` target whose regional endpoint is the emulator behind a recording
// proxy (AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER), static test credentials through the standard provider chain,
// SigV4-signed admin calls; Service Quotas and CloudWatch through aws-sdk-client-mock.

const sq = mockClient(ServiceQuotasClient);
const cw = mockClient(CloudWatchClient);
let standIn: AwsStandIn;

beforeAll(async () => {
  standIn = await startAwsStandIn();
});
afterAll(async () => standIn?.close());
beforeEach(() => {
  for (const [k, v] of Object.entries(awsStandInEnv(standIn))) vi.stubEnv(k, v);
  sq.on(ListServiceQuotasCommand).resolves({ Quotas: [] });
  sq.on(ListAWSDefaultServiceQuotasCommand).resolves({ Quotas: [] });
  cw.on(ListMetricsCommand).resolves({ Metrics: [] });
  cw.on(GetMetricDataCommand).resolves({ MetricDataResults: [] });
});
afterEach(() => {
  vi.unstubAllEnvs();
  sq.reset();
  cw.reset();
  standIn.calls.length = 0;
});

async function cli(args: string[], env: Record<string, string> = {}) {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (c) => (stdout += c));
  err.on('data', (c) => (stderr += c));
  const code = await runCli(args, { stdout: out, stderr: err, env: { ...process.env, ...env }, cwd: process.cwd(), signal: new AbortController().signal });
  return { code, stdout, stderr };
}

const ACK = '--i-understand-quotas-are-account-wide';
const userCalls = () => standIn.calls.filter((c) => c.operation !== 'GetProvisionedLimit');
const journalOf = (dir: string): string => {
  const name = readdirSync(dir).find((f) => f.startsWith('journal-'));
  if (!name) throw new Error(`no journal in ${dir}`);
  return join(dir, name);
};
const seededUsers = (names: string[]) => names.filter((n) => n !== BYSTANDER);

describe('aws: target against the emulator standing in for the regional endpoint', () => {
  it('without the acknowledgement: exit 3, says why, makes no calls', async () => {
    const { file, dir } = writeAwsScenario({ clientId: CLIENT_ID, count: 5, seedRatePerSec: 40 });
    const r = await cli(['run', file, '--out', join(dir, 'out')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('refusing to run against a real user pool without acknowledging that Cognito quotas are account-wide');
    expect(r.stderr).toContain(ACK);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(standIn.calls).toEqual([]);
    expect(sq.calls()).toEqual([]);
    expect(cw.calls()).toEqual([]);
  });

  it('--dry-run prints the planned calls per category per second and their share of each quota; makes no calls', async () => {
    const { file } = writeAwsScenario({ clientId: CLIENT_ID, count: 5, seedRatePerSec: 40, ratePerSec: 12 });
    const r = await cli(['run', file, '--dry-run']);
    expect(r.code).toBe(0);
    // password-sign-in = one InitiateAuth (UserAuthentication) per arrival: 12/s of the default 120/s = 10%.
    expect(r.stdout).toMatch(/UserAuthentication/);
    expect(r.stdout).toMatch(/\b12\b/);
    expect(r.stdout).toMatch(/10(\.0)?%/);
    expect(standIn.calls).toEqual([]);
    expect(sq.calls()).toEqual([]);
    expect(cw.calls()).toEqual([]);
  });

  it('with the acknowledgement: the preflight prints the quota shares, the run completes with signed calls and cleans up', async () => {
    // UserAuthentication raised to 200/s in Service Quotas; no recent usage.
    sq.on(ListServiceQuotasCommand, { ServiceCode: 'cognito-idp' }).resolves({
      Quotas: [{ ServiceCode: 'cognito-idp', QuotaCode: 'L-026ADBA3', QuotaName: 'Rate of UserAuthentication requests', Value: 200, Adjustable: true }],
    });
    const { file, dir } = writeAwsScenario({ clientId: CLIENT_ID, count: 6, seedRatePerSec: 40, ratePerSec: 5, durationSec: 2 });
    const out = join(dir, 'out');
    const r = await cli(['run', file, ACK, '--out', out]);
    expect(r.stderr).not.toMatch(/Error:|\n\s+at /);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('preflight UserAuthentication: planned 5/s + current 0/s = 2.5% of 200/s');
    expect(r.stderr).toMatch(/seeding 6\/6 \(100%\) done/);
    const result = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8'));
    expect(result.target).toMatchObject({ kind: 'aws', region: 'us-east-1', clientId: CLIENT_ID });
    const ops = new Set(standIn.calls.map((c) => c.operation));
    for (const op of ['AdminCreateUser', 'InitiateAuth', 'AdminDeleteUser']) expect(ops).toContain(op);
    // Admin calls are SigV4-signed with the credentials of the standard chain (here: the environment).
    const admin = standIn.calls.filter((c) => c.operation.startsWith('Admin'));
    expect(admin.length).toBeGreaterThan(0);
    for (const c of admin) expect(c.authorization).toMatch(new RegExp(`^AWS4-HMAC-SHA256 Credential=${TEST_CREDENTIALS.accessKeyId}/\\d{8}/us-east-1/cognito-idp/aws4_request, SignedHeaders=.*, Signature=[0-9a-f]{64}$`));
    expect(sq.commandCalls(ListServiceQuotasCommand).length).toBeGreaterThan(0);
    expect(cw.commandCalls(ListMetricsCommand).length).toBeGreaterThan(0);
    // Every seeded user is gone; the bystander is untouched.
    expect(await standIn.listUsernames()).toEqual([BYSTANDER]);
    expect(statSync(journalOf(out)).mode & 0o777).toBe(0o600);
  });

  it('usage near the quota: exit 3 naming the category and the figures, no user calls', async () => {
    cw.on(ListMetricsCommand, { MetricName: 'CallCount' }).resolves({
      Metrics: [
        {
          Namespace: 'AWS/Usage',
          MetricName: 'CallCount',
          Dimensions: [
            { Name: 'Service', Value: 'Cognito user pool' },
            { Name: 'Type', Value: 'API' },
            { Name: 'Resource', Value: 'UserAuthentication' },
            { Name: 'Class', Value: 'None' },
          ],
        },
      ],
    });
    const end = new Date(Math.floor(Date.now() / 60_000) * 60_000);
    // 5,400 calls in one minute = 90/s of the default 120/s; planned 10/s → 100/s = 83% > 80%.
    cw.on(GetMetricDataCommand).resolves({ MetricDataResults: [{ Id: 'm0', Timestamps: [new Date(end.getTime() - 60_000)], Values: [5400] }] });
    const { file, dir } = writeAwsScenario({ clientId: CLIENT_ID, count: 5, seedRatePerSec: 40, ratePerSec: 10 });
    const r = await cli(['run', file, ACK, '--out', join(dir, 'out')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toContain('UserAuthentication: planned 10/s + current usage 90/s = 100/s, 83.3% of the quota 120/s (limit 80% = 96/s)');
    expect(userCalls()).toEqual([]);
    expect(await standIn.listUsernames()).toEqual([BYSTANDER]);
  });

  it.each([
    { name: 'a wrong client secret: every sign-in NotAuthorizedException', clientId: SECRET_CLIENT_ID, secret: 'not-the-secret-0000', signal: 'NotAuthorizedException' },
    { name: 'an unknown app client: every sign-in ResourceNotFoundException', clientId: 'nosuchclient1234', secret: undefined, signal: 'ResourceNotFoundException' },
  ])('circuit breaker, $name: exit 3 with partial results, users cleaned up', async ({ clientId, secret, signal }) => {
    const { file, dir } = writeAwsScenario({
      clientId,
      ...(secret ? { clientSecretEnv: 'COGCAP_TEST_CLIENT_SECRET' } : {}),
      count: 5,
      seedRatePerSec: 40,
      ratePerSec: 8,
      durationSec: 20,
    });
    const out = join(dir, 'out');
    const r = await cli(['run', file, ACK, '--out', out], secret ? { COGCAP_TEST_CLIENT_SECRET: secret } : {});
    expect(r.code).toBe(3);
    expect(r.stderr).toContain(signal);
    const result = JSON.parse(readFileSync(join(out, 'result.json'), 'utf8'));
    expect(result.interrupted).toBe(true);
    expect(result.durationMs).toBeLessThan(20_000); // stopped before the 20 s schedule ended (schedule time)
    expect(r.stdout).toContain(`result: ${join(out, 'result.json')}`);
    expect(await standIn.listUsernames()).toEqual([BYSTANDER]); // cleaned up after the stop
  });

  it('a client with a secret: neither the secret, a password nor a token appears in stdout, stderr, result.json or the journal', async () => {
    const { file, dir } = writeAwsScenario({
      clientId: SECRET_CLIENT_ID,
      clientSecretEnv: 'COGCAP_TEST_CLIENT_SECRET',
      count: 5,
      seedRatePerSec: 40,
      ratePerSec: 5,
      durationSec: 2,
      flows: ['password-sign-in', 'token-refresh'],
    });
    const out = join(dir, 'out');
    const r = await cli(['run', file, ACK, '--out', out], { COGCAP_TEST_CLIENT_SECRET: CLIENT_SECRET });
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(0);
    const signIns = standIn.calls.filter((c) => c.operation === 'InitiateAuth' && c.responseBody.includes('AccessToken'));
    expect(signIns.length).toBeGreaterThan(0); // the secret hash was right: sign-ins succeeded
    const secrets = [CLIENT_SECRET, ...standIn.secretsSeen()];
    expect(secrets.length).toBeGreaterThan(5); // passwords and tokens were captured at the endpoint
    const texts = { stdout: r.stdout, stderr: r.stderr, result: readFileSync(join(out, 'result.json'), 'utf8'), journal: readFileSync(journalOf(out), 'utf8') };
    for (const [where, text] of Object.entries(texts)) for (const s of secrets) expect(text.includes(s), `${where} contains a secret`).toBe(false);
    expect(await standIn.listUsernames()).toEqual([BYSTANDER]);
  });
});
