import {
  CognitoIdentityClient,
  CreateIdentityPoolCommand,
  DescribeIdentityPoolCommand,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  GetOpenIdTokenCommand,
  ListIdentitiesCommand,
  SetIdentityPoolRolesCommand,
} from '@aws-sdk/client-cognito-identity';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { must, PASSWORD, seedOAuthPool, startExtendedEmulator, type ExtendedEmulator } from '../oauth/extension-harness.js';

let emu: ExtendedEmulator;
let sdk: CognitoIdentityClient;
let userPoolId: string;
let idToken: string;
let clientId: string;

beforeAll(async () => {
  emu = await startExtendedEmulator({ extensions: { identityPoolQuotas: { ratePerSec: { GetId: 3 } } } });
  const seed = await seedOAuthPool(emu.app);
  userPoolId = seed.poolId;
  const c = await must(emu.app, 'CreateUserPoolClient', { UserPoolId: userPoolId, ClientName: 'mobile', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
  clientId = c['UserPoolClient'].ClientId;
  const auth = await must(emu.app, 'InitiateAuth', { ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD } });
  idToken = auth['AuthenticationResult'].IdToken;
  sdk = new CognitoIdentityClient({
    endpoint: emu.url,
    region: 'us-east-1',
    maxAttempts: 1,
    credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'fake' },
  });
});
afterAll(async () => {
  sdk.destroy();
  await emu.close();
});

describe('identity pools with @aws-sdk/client-cognito-identity', () => {
  it('exchanges a user-pool ID token for fake AWS credentials', async () => {
    const provider = `cognito-idp.us-east-1.amazonaws.com/${userPoolId}`;
    const pool = await sdk.send(
      new CreateIdentityPoolCommand({
        IdentityPoolName: 'app',
        AllowUnauthenticatedIdentities: false,
        CognitoIdentityProviders: [{ ProviderName: provider, ClientId: clientId }],
      }),
    );
    expect(pool.IdentityPoolId).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
    await sdk.send(new SetIdentityPoolRolesCommand({ IdentityPoolId: pool.IdentityPoolId, Roles: { authenticated: 'arn:aws:iam::000000000000:role/auth' } }));
    const described = await sdk.send(new DescribeIdentityPoolCommand({ IdentityPoolId: pool.IdentityPoolId }));
    expect(described.CognitoIdentityProviders?.[0]?.ProviderName).toBe(provider);

    const logins = { [provider]: idToken };
    const { IdentityId } = await sdk.send(new GetIdCommand({ IdentityPoolId: pool.IdentityPoolId, Logins: logins }));
    const again = await sdk.send(new GetIdCommand({ IdentityPoolId: pool.IdentityPoolId, Logins: logins }));
    expect(again.IdentityId).toBe(IdentityId);
    const creds = await sdk.send(new GetCredentialsForIdentityCommand({ IdentityId, Logins: logins }));
    expect(creds.Credentials?.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(creds.Credentials?.SecretKey).toHaveLength(40);
    expect(creds.Credentials?.SessionToken).toMatch(/^FAKE/);
    expect(creds.Credentials?.Expiration).toBeInstanceOf(Date);
    const ttlMs = creds.Credentials!.Expiration!.getTime() - Date.now();
    expect(ttlMs).toBeGreaterThan(3500_000);
    expect(ttlMs).toBeLessThanOrEqual(3600_000);
    const openId = await sdk.send(new GetOpenIdTokenCommand({ IdentityId, Logins: logins }));
    expect(openId.Token?.split('.')).toHaveLength(3);
    const list = await sdk.send(new ListIdentitiesCommand({ IdentityPoolId: pool.IdentityPoolId, MaxResults: 10 }));
    expect(list.Identities?.[0]?.Logins).toEqual([provider]);
    expect(list.Identities?.[0]?.CreationDate).toBeInstanceOf(Date);

    // errors as documented: a bad token, then the per-operation quota (GetId limited to 3/s here).
    await expect(sdk.send(new GetIdCommand({ IdentityPoolId: pool.IdentityPoolId, Logins: { [provider]: 'not-a-token' } }))).rejects.toMatchObject({ name: 'NotAuthorizedException' });
    const burst = await Promise.allSettled(Array.from({ length: 10 }, () => sdk.send(new GetIdCommand({ IdentityPoolId: pool.IdentityPoolId, Logins: logins }))));
    const throttled = burst.filter((r) => r.status === 'rejected' && (r.reason as Error).name === 'TooManyRequestsException').length;
    const ok = burst.filter((r) => r.status === 'fulfilled').length;
    expect(throttled + ok).toBe(10);
    expect(throttled).toBeGreaterThanOrEqual(3);
  });

  it('answers ResourceNotFoundException for an unknown pool', async () => {
    await expect(sdk.send(new DescribeIdentityPoolCommand({ IdentityPoolId: 'us-east-1:00000000-0000-0000-0000-000000000000' }))).rejects.toMatchObject({
      name: 'ResourceNotFoundException',
    });
  });
});
