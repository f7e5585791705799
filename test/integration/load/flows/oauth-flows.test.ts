import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRawDriver } from '../../../../src/load/drivers/raw-driver.js';
import type { Driver, ResolvedTarget, TestUser } from '../../../../src/load/flow.js';
import { clientCredentialsFlow } from '../../../../src/load/flows/client-credentials-flow.js';
import { federatedSignInFlow } from '../../../../src/load/flows/federated-sign-in-flow.js';
import { hostedUiSignInFlow } from '../../../../src/load/flows/hosted-ui-sign-in-flow.js';
import type { HttpFlowContext } from '../../../../src/load/flows/http-flow-context.js';
import { identityPoolExchangeFlow } from '../../../../src/load/flows/identity-pool-exchange-flow.js';
import { createSessionPool, type MemorySessionPool } from '../../../../src/load/session-pool.js';
import type { Sample } from '../../../../src/metrics/sample.js';
import { CALLBACK, must, PASSWORD, seedOAuthPool, startExtendedEmulator, type ExtendedEmulator } from '../../emulator/oauth/extension-harness.js';

let emu: ExtendedEmulator;
let seed: Awaited<ReturnType<typeof seedOAuthPool>>;
let target: ResolvedTarget;
let identityPoolId: string;
let driver: Driver;
let sessions: MemorySessionPool;
const samples: Sample[] = [];
const alice: TestUser = { username: 'alice', password: PASSWORD };

beforeAll(async () => {
  emu = await startExtendedEmulator();
  seed = await seedOAuthPool(emu.app);
  await must(emu.app, 'CreateIdentityProvider', {
    UserPoolId: seed.poolId,
    ProviderName: 'TestIdP',
    ProviderType: 'OIDC',
    ProviderDetails: { client_id: 'idp-client', authorize_scopes: 'openid email', oidc_issuer: `${emu.url}/_cogcap/test-idp`, attributes_request_method: 'GET' },
    AttributeMapping: { email: 'email' },
  });
  const app = await must(emu.app, 'CreateUserPoolClient', {
    UserPoolId: seed.poolId,
    ClientName: 'app',
    GenerateSecret: true,
    ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    AllowedOAuthFlows: ['code'],
    AllowedOAuthScopes: ['openid', 'email'],
    AllowedOAuthFlowsUserPoolClient: true,
    CallbackURLs: [CALLBACK],
    SupportedIdentityProviders: ['COGNITO', 'TestIdP'],
  });
  target = {
    kind: 'emulator',
    endpoint: emu.url,
    region: 'us-east-1',
    userPoolId: seed.poolId,
    clientId: app['UserPoolClient'].ClientId,
    clientSecret: app['UserPoolClient'].ClientSecret,
  };
  const ip = await must(
    emu.app,
    'CreateIdentityPool',
    {
      IdentityPoolName: 'flows',
      AllowUnauthenticatedIdentities: false,
      CognitoIdentityProviders: [{ ProviderName: `cognito-idp.us-east-1.amazonaws.com/${seed.poolId}`, ClientId: target.clientId }],
    },
    'AWSCognitoIdentityService',
  );
  identityPoolId = ip['IdentityPoolId'];
  await must(emu.app, 'SetIdentityPoolRoles', { IdentityPoolId: identityPoolId, Roles: { authenticated: 'arn:aws:iam::000000000000:role/a' } }, 'AWSCognitoIdentityService');
  const origin = performance.now();
  const nowUs = () => (performance.now() - origin) * 1000;
  driver = createRawDriver({ target, nowUs, onSample: (s) => samples.push(s) });
  sessions = createSessionPool();
  ctxBase = { nowUs };
});
afterAll(async () => {
  await driver?.close();
  await emu.close();
});

let ctxBase: { nowUs: () => number };
let seedN = 1;
function ctx(flow: string): HttpFlowContext {
  return {
    flow,
    intendedStartUs: ctxBase.nowUs(),
    driver,
    target,
    population: { pick: () => alice, fresh: async () => alice, size: 1 },
    sessions,
    rng: () => ((seedN = (seedN * 16807) % 2147483647) / 2147483647),
    nowUs: ctxBase.nowUs,
    sleep: async () => undefined,
    signal: new AbortController().signal,
    recordSample: (s) => samples.push(s),
  };
}

const ops = () => samples.map((s) => `${s.operation}:${s.outcome}`);

describe('OAuth and identity-pool runner flows against the emulator', () => {
  it('client credentials', async () => {
    samples.length = 0;
    const flow = clientCredentialsFlow({ clientId: seed.m2m.id, clientSecret: seed.m2m.secret, scope: 'https://api.example.com/read' });
    expect(await flow.run(ctx(flow.name))).toBe(true);
    const body = clientCredentialsFlow({ clientId: seed.m2m.id, clientSecret: seed.m2m.secret, auth: 'body' });
    expect(await body.run(ctx(body.name))).toBe(true);
    const bad = clientCredentialsFlow({ clientId: seed.m2m.id, clientSecret: 'wrong' });
    expect(await bad.run(ctx(bad.name))).toBe(false);
    expect(ops()).toEqual(['OAuth2Token.client_credentials:ok', 'OAuth2Token.client_credentials:ok', 'OAuth2Token.client_credentials:client_error']);
    expect(samples[2]!.errorType).toBe('invalid_client');
    expect(samples[0]!.category).toBe('ClientAuthentication');
    expect(samples.every((s) => s.latencyUs >= s.serviceTimeUs && s.flow === 'client-credentials')).toBe(true);
  });

  it('hosted-UI authorization code', async () => {
    samples.length = 0;
    const before = sessions.size;
    const flow = hostedUiSignInFlow({ redirectUri: CALLBACK });
    expect(await flow.run(ctx(flow.name))).toBe(true);
    expect(ops()).toEqual(['OAuth2Authorize:ok', 'OAuth2Login:ok', 'OAuth2Token.authorization_code:ok']);
    expect(samples.map((s) => s.category)).toEqual(['Uncategorized', 'UserAuthentication', 'UserAuthentication']);
    expect(sessions.size).toBe(before + 1);
  });

  it('federated sign-in through the test IdP', async () => {
    samples.length = 0;
    const flow = federatedSignInFlow({ identityProvider: 'TestIdP', redirectUri: CALLBACK, userSpace: 3 });
    for (let i = 0; i < 4; i += 1) expect(await flow.run(ctx(flow.name))).toBe(true);
    expect(ops().filter((o) => o === 'OAuth2IdpResponse:ok')).toHaveLength(4);
    expect(samples.find((s) => s.operation === 'OAuth2IdpResponse')!.category).toBe('UserFederation');
    const users = await must(emu.app, 'ListUsers', { UserPoolId: seed.poolId });
    const federated = users['Users'].filter((u: { Username: string }) => u.Username.startsWith('TestIdP_fed-user-'));
    expect(federated.length).toBeGreaterThanOrEqual(1);
    expect(federated.length).toBeLessThanOrEqual(3);
  });

  it('identity-pool exchange with the GetId cache', async () => {
    samples.length = 0;
    const flow = identityPoolExchangeFlow({ identityPoolId });
    const fresh = createSessionPool();
    const c = (): HttpFlowContext => ({ ...ctx(flow.name), sessions: fresh });
    expect(await flow.run(c())).toBe(true);
    expect(await flow.run(c())).toBe(true);
    expect(ops()).toEqual(['InitiateAuth:ok', 'GetId:ok', 'GetCredentialsForIdentity:ok', 'GetCredentialsForIdentity:ok']);
    const cached = identityPoolExchangeFlow({ identityPoolId, cacheCredentials: true });
    samples.length = 0;
    expect(await cached.run(c())).toBe(true);
    expect(await cached.run(c())).toBe(true);
    expect(ops()).toEqual(['GetId:ok', 'GetCredentialsForIdentity:ok']);
  });
});
