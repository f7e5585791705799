import { describe, expect, it } from 'vitest';
import { CognitoServiceError } from '../../../../src/cognito/service-error.js';
import { identityPoolQuotaLayer } from '../../../../src/emulator/identity-pools/identity-pool-quota-layer.js';
import type { OperationRequest } from '../../../../src/emulator/layer.js';

const req = (operation: string, receivedAtMs: number, service = 'AWSCognitoIdentityService'): OperationRequest => ({
  operation, service, body: {}, requestId: 'r', receivedAtMs, userPoolId: null, userKey: null,
});
const ok = async () => ({ status: 200, body: {} });

async function admitted(layer: ReturnType<typeof identityPoolQuotaLayer>, op: string, count: number, atMs: number, service?: string): Promise<number> {
  let n = 0;
  for (let i = 0; i < count; i += 1) {
    try {
      await layer(req(op, atMs, service), ok);
      n += 1;
    } catch (e) {
      expect(e).toBeInstanceOf(CognitoServiceError);
      expect((e as CognitoServiceError).type).toBe('TooManyRequestsException');
    }
  }
  return n;
}

describe('identityPoolQuotaLayer', () => {
  it.each([
    ['GetId', 25],
    ['GetOpenIdToken', 200],
    ['GetCredentialsForIdentity', 200],
    ['GetOpenIdTokenForDeveloperIdentity', 50],
    ['ListIdentities', 5],
    ['DeleteIdentities', 10],
  ])('admits a one-second burst of %s (%i) and throttles the rest', async (op, rate) => {
    const layer = identityPoolQuotaLayer();
    expect(await admitted(layer, op, rate + 5, 1000)).toBe(rate);
    expect(await admitted(layer, op, rate + 5, 2000)).toBe(rate);
  });

  it('keeps operations apart, ignores other services and unquoted operations, and takes overrides', async () => {
    const layer = identityPoolQuotaLayer({ ratePerSec: { GetId: 2 } });
    expect(await admitted(layer, 'GetId', 5, 0)).toBe(2);
    expect(await admitted(layer, 'ListIdentities', 6, 0)).toBe(5);
    expect(await admitted(layer, 'DescribeIdentityPool', 50, 0)).toBe(50);
    expect(await admitted(layer, 'GetId', 50, 0, 'AWSCognitoIdentityProviderService')).toBe(50);
  });
});
