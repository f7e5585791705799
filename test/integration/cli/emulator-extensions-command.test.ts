import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main.js';
import { createEmulatorOAuthFixtures } from '../../../src/load/flows/emulator-oauth-fixtures.js';

async function json(url: string, service: string, operation: string, body: Record<string, unknown>): Promise<{ status: number; body: Record<string, any> }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `${service}.${operation}` },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

describe('cogcap emulator with the extensions mounted', () => {
  it('serves /oauth2/token, identity-pool operations and counts them in the usage metrics', { timeout: 30_000 }, async () => {
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (c: Buffer) => (out += c.toString()));
    const stderr = new PassThrough();
    stderr.resume();
    const controller = new AbortController();
    const done = runCli(['emulator', '--port', '0'], { stdout, stderr, cwd: '/', env: {}, signal: controller.signal });
    try {
      const deadline = Date.now() + 20_000;
      while (!out.includes('\n') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(out)![0];
      const pool = await json(url, 'AWSCognitoIdentityProviderService', 'CreateUserPool', { PoolName: 'ext' });
      const f = await createEmulatorOAuthFixtures({ endpoint: url, userPoolId: pool.body['UserPool'].Id });
      const token = await fetch(`${url}/oauth2/token`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          authorization: `Basic ${Buffer.from(`${f.m2m.clientId}:${f.m2m.clientSecret}`).toString('base64')}`,
        },
        body: 'grant_type=client_credentials',
      });
      expect(token.status).toBe(200);
      expect(((await token.json()) as { token_type: string }).token_type).toBe('Bearer');
      const described = await json(url, 'AWSCognitoIdentityService', 'DescribeIdentityPool', { IdentityPoolId: f.identityPoolId });
      expect(described.status).toBe(200);
      expect(described.body['IdentityPoolName']).toBe('cogcap_identity_pool');
      const unknown = await json(url, 'AWSCognitoIdentityService', 'GetId', { IdentityPoolId: 'us-east-1:00000000-0000-0000-0000-000000000000', Logins: {} });
      expect(unknown.status).toBe(400);
      const metrics = (await (await fetch(`${url}/_cogcap/metrics`)).json()) as Record<string, any>;
      expect(metrics['categories']['ClientAuthentication'].callCount).toBe(1);
      expect(metrics['categories']['IdentityPool'].callCount).toBeGreaterThanOrEqual(4); // create, set roles, describe, get id
      expect(metrics['identityPoolOperations']['DescribeIdentityPool']).toEqual({ callCount: 1, throttleCount: 0 });
      expect(metrics['identityPoolOperations']['GetId']).toEqual({ callCount: 1, throttleCount: 0 });
    } finally {
      controller.abort();
      expect(await done).toBe(0);
    }
  });
});
