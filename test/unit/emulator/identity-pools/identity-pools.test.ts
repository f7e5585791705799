import { describe, expect, it } from 'vitest';
import { CognitoServiceError } from '../../../../src/cognito/service-error.js';
import { generateRs256Key, signRs256Jwt, verifyRs256Jwt } from '../../../../src/emulator/federation/rs256-jwt.js';
import { defaultIdentityPoolDeps, identityPoolExtraHandlers } from '../../../../src/emulator/identity-pools/identity-pool-handlers.js';
import type { OperationRequest } from '../../../../src/emulator/layer.js';

const REGION = 'us-east-1';
const USER_POOL = 'us-east-1_TestPool1';
const PROVIDER = `cognito-idp.${REGION}.amazonaws.com/${USER_POOL}`;
const NOW_MS = 1_800_000_000_000;
const userPoolKey = generateRs256Key('up-id');
const openIdKey = generateRs256Key('identity');
const forgedKey = generateRs256Key('up-id');

function idToken(sub: string, overrides: Record<string, unknown> = {}): string {
  return signRs256Jwt(userPoolKey, {
    sub,
    iss: `https://cognito-idp.${REGION}.amazonaws.com/${USER_POOL}`,
    aud: 'client-a',
    token_use: 'id',
    exp: NOW_MS / 1000 + 3600,
    iat: NOW_MS / 1000,
    ...overrides,
  });
}

function setup() {
  let n = 0;
  const deps = defaultIdentityPoolDeps(
    REGION,
    async (poolId, token, nowMs) => {
      if (poolId !== USER_POOL) return undefined;
      const v = verifyRs256Jwt(token, [userPoolKey.jwk], nowMs);
      return v.ok ? v.payload : undefined;
    },
    { uuid: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`, rng: () => 0.5, openIdKey },
  );
  const handlers = identityPoolExtraHandlers(deps);
  const call = async (op: string, body: Record<string, unknown>, atMs = NOW_MS): Promise<Record<string, any>> => {
    const h = handlers[`AWSCognitoIdentityService.${op}`];
    if (!h) throw new Error(`no handler ${op}`);
    const req: OperationRequest = { operation: op, service: 'AWSCognitoIdentityService', body, requestId: 'r', receivedAtMs: atMs, userPoolId: null, userKey: null };
    return (await h(req)).body as Record<string, any>;
  };
  const fails = async (op: string, body: Record<string, unknown>): Promise<string> => {
    try {
      await call(op, body);
    } catch (e) {
      if (e instanceof CognitoServiceError) return `${e.type}: ${e.message}`;
      throw e;
    }
    return 'no error';
  };
  return { deps, call, fails };
}

async function poolWithRoles(t: ReturnType<typeof setup>, extra: Record<string, unknown> = {}) {
  const pool = await t.call('CreateIdentityPool', {
    IdentityPoolName: 'app pool',
    AllowUnauthenticatedIdentities: false,
    CognitoIdentityProviders: [{ ProviderName: PROVIDER, ClientId: 'client-a' }],
    DeveloperProviderName: 'login.example',
    ...extra,
  });
  await t.call('SetIdentityPoolRoles', {
    IdentityPoolId: pool['IdentityPoolId'],
    Roles: { authenticated: 'arn:aws:iam::000000000000:role/auth', unauthenticated: 'arn:aws:iam::000000000000:role/unauth' },
  });
  return pool['IdentityPoolId'] as string;
}

describe('identity pool management', () => {
  it('creates, describes, lists with pagination and deletes pools', async () => {
    const t = setup();
    const a = await t.call('CreateIdentityPool', { IdentityPoolName: 'a', AllowUnauthenticatedIdentities: true });
    expect(a['IdentityPoolId']).toBe('us-east-1:00000000-0000-4000-8000-000000000001');
    await t.call('CreateIdentityPool', { IdentityPoolName: 'b', AllowUnauthenticatedIdentities: false });
    expect(await t.call('DescribeIdentityPool', { IdentityPoolId: a['IdentityPoolId'] })).toEqual({
      IdentityPoolId: a['IdentityPoolId'],
      IdentityPoolName: 'a',
      AllowUnauthenticatedIdentities: true,
    });
    const page1 = await t.call('ListIdentityPools', { MaxResults: 1 });
    expect(page1['IdentityPools']).toEqual([{ IdentityPoolId: a['IdentityPoolId'], IdentityPoolName: 'a' }]);
    const page2 = await t.call('ListIdentityPools', { MaxResults: 1, NextToken: page1['NextToken'] });
    expect(page2['IdentityPools'][0].IdentityPoolName).toBe('b');
    expect(page2['NextToken']).toBeUndefined();
    await t.call('DeleteIdentityPool', { IdentityPoolId: a['IdentityPoolId'] });
    expect(await t.fails('DescribeIdentityPool', { IdentityPoolId: a['IdentityPoolId'] })).toMatch(/^ResourceNotFoundException/);
  });

  it.each([
    ['missing name', { AllowUnauthenticatedIdentities: true }, /^InvalidParameterException/],
    ['missing unauth flag', { IdentityPoolName: 'x' }, /^InvalidParameterException/],
    ['bad name', { IdentityPoolName: 'a/b', AllowUnauthenticatedIdentities: true }, /^InvalidParameterException/],
  ])('rejects %s', async (_n, body, expected) => {
    expect(await setup().fails('CreateIdentityPool', body)).toMatch(expected);
  });

  it('validates MaxResults of ListIdentityPools', async () => {
    expect(await setup().fails('ListIdentityPools', { MaxResults: 61 })).toMatch(/^InvalidParameterException/);
  });
});

describe('GetId and credentials', () => {
  it('gives the same identity for the same user-pool subject and a new one for another', async () => {
    const t = setup();
    const poolId = await poolWithRoles(t);
    const a1 = await t.call('GetId', { IdentityPoolId: poolId, Logins: { [PROVIDER]: idToken('sub-a') } });
    const a2 = await t.call('GetId', { IdentityPoolId: poolId, Logins: { [PROVIDER]: idToken('sub-a') } });
    const b = await t.call('GetId', { IdentityPoolId: poolId, Logins: { [PROVIDER]: idToken('sub-b') } });
    expect(a1['IdentityId']).toBe(a2['IdentityId']);
    expect(b['IdentityId']).not.toBe(a1['IdentityId']);
    expect(a1['IdentityId']).toMatch(/^us-east-1:[0-9a-f-]{36}$/);
  });

  it.each([
    ['no logins on a pool without unauthenticated access', {}, 'NotAuthorizedException: Unauthenticated access is not supported for this identity pool.'],
    ['an unknown provider', { Logins: { 'cognito-idp.us-east-1.amazonaws.com/us-east-1_Other99': idToken('x') } }, 'NotAuthorizedException: Token is not from a supported provider of this identity pool.'],
    ['an expired token', { Logins: { [PROVIDER]: idToken('x', { exp: NOW_MS / 1000 - 1 }) } }, /^NotAuthorizedException: Invalid login token/],
    ['a forged token', { Logins: { [PROVIDER]: signRs256Jwt(forgedKey, { sub: 'x', exp: NOW_MS / 1000 + 60 }) } }, /^NotAuthorizedException: Invalid login token/],
    ['an access token', { Logins: { [PROVIDER]: idToken('x', { token_use: 'access' }) } }, /^NotAuthorizedException: Invalid login token/],
    ['another client', { Logins: { [PROVIDER]: idToken('x', { aud: 'client-b' }) } }, 'NotAuthorizedException: Invalid login token. Incorrect token audience.'],
  ])('refuses %s', async (_n, body, expected) => {
    const t = setup();
    const poolId = await poolWithRoles(t);
    const got = await t.fails('GetId', { IdentityPoolId: poolId, ...body });
    if (typeof expected === 'string') expect(got).toBe(expected);
    else expect(got).toMatch(expected);
  });

  it('refuses an unknown pool', async () => {
    expect(await setup().fails('GetId', { IdentityPoolId: 'us-east-1:nope' })).toBe("ResourceNotFoundException: IdentityPool 'us-east-1:nope' not found.");
  });

  it('returns fake but well-formed credentials that expire in one hour', async () => {
    const t = setup();
    const poolId = await poolWithRoles(t);
    const logins = { [PROVIDER]: idToken('sub-a') };
    const { IdentityId } = await t.call('GetId', { IdentityPoolId: poolId, Logins: logins });
    const out = await t.call('GetCredentialsForIdentity', { IdentityId, Logins: logins });
    expect(out['IdentityId']).toBe(IdentityId);
    expect(out['Credentials'].AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/);
    expect(out['Credentials'].SecretKey).toHaveLength(40);
    expect(out['Credentials'].SessionToken).toMatch(/^FAKE/);
    expect(out['Credentials'].Expiration).toBe(NOW_MS / 1000 + 3600);
  });

  it('needs the logins of an authenticated identity and the roles of the pool', async () => {
    const t = setup();
    const poolId = await poolWithRoles(t);
    const { IdentityId } = await t.call('GetId', { IdentityPoolId: poolId, Logins: { [PROVIDER]: idToken('sub-a') } });
    expect(await t.fails('GetCredentialsForIdentity', { IdentityId })).toMatch(/^NotAuthorizedException: Logins don't match/);
    expect(await t.fails('GetCredentialsForIdentity', { IdentityId, Logins: { [PROVIDER]: idToken('sub-b') } })).toMatch(/^NotAuthorizedException: Logins don't match/);
    const bare = await t.call('CreateIdentityPool', { IdentityPoolName: 'bare', AllowUnauthenticatedIdentities: true });
    const unauth = await t.call('GetId', { IdentityPoolId: bare['IdentityPoolId'] });
    expect(await t.fails('GetCredentialsForIdentity', { IdentityId: unauth['IdentityId'] })).toMatch(/^InvalidIdentityPoolConfigurationException/);
    expect(await t.fails('GetCredentialsForIdentity', { IdentityId: 'us-east-1:missing' })).toMatch(/^ResourceNotFoundException/);
  });

  it('issues OpenID tokens signed by the identity issuer', async () => {
    const t = setup();
    const poolId = await poolWithRoles(t);
    const logins = { [PROVIDER]: idToken('sub-a') };
    const { IdentityId } = await t.call('GetId', { IdentityPoolId: poolId, Logins: logins });
    const out = await t.call('GetOpenIdToken', { IdentityId, Logins: logins });
    const v = verifyRs256Jwt(out['Token'], [t.deps.openIdKey.jwk], NOW_MS);
    expect(v.ok && v.payload).toMatchObject({ sub: IdentityId, aud: poolId, iss: 'https://cognito-identity.amazonaws.com', exp: NOW_MS / 1000 + 600 });
  });

  it('runs the developer-authenticated flow', async () => {
    const t = setup();
    const poolId = await poolWithRoles(t);
    const first = await t.call('GetOpenIdTokenForDeveloperIdentity', { IdentityPoolId: poolId, Logins: { 'login.example': 'user-42' }, TokenDuration: 120 });
    const again = await t.call('GetOpenIdTokenForDeveloperIdentity', { IdentityPoolId: poolId, Logins: { 'login.example': 'user-42' } });
    expect(again['IdentityId']).toBe(first['IdentityId']);
    const creds = await t.call('GetCredentialsForIdentity', { IdentityId: first['IdentityId'], Logins: { 'cognito-identity.amazonaws.com': first['Token'] } });
    expect(creds['Credentials'].AccessKeyId).toMatch(/^ASIA/);
    expect(await t.fails('GetOpenIdTokenForDeveloperIdentity', { IdentityPoolId: poolId, Logins: { 'other.example': 'u' } })).toMatch(/^NotAuthorizedException/);
    expect(await t.fails('GetOpenIdTokenForDeveloperIdentity', { IdentityPoolId: poolId, Logins: { 'login.example': 'u' }, TokenDuration: 86_401 })).toMatch(/^InvalidParameterException/);
  });

  it('lists and deletes identities', async () => {
    const t = setup();
    const poolId = await poolWithRoles(t);
    const a = await t.call('GetId', { IdentityPoolId: poolId, Logins: { [PROVIDER]: idToken('sub-a') } });
    await t.call('GetId', { IdentityPoolId: poolId, Logins: { [PROVIDER]: idToken('sub-b') } });
    const list = await t.call('ListIdentities', { IdentityPoolId: poolId, MaxResults: 60 });
    expect(list['Identities']).toHaveLength(2);
    expect(list['Identities'][0]).toEqual({ IdentityId: a['IdentityId'], Logins: [PROVIDER], CreationDate: NOW_MS / 1000, LastModifiedDate: NOW_MS / 1000 });
    expect(await t.call('DeleteIdentities', { IdentityIdsToDelete: [a['IdentityId']] })).toEqual({ UnprocessedIdentityIds: [] });
    expect((await t.call('ListIdentities', { IdentityPoolId: poolId, MaxResults: 60 }))['Identities']).toHaveLength(1);
    const again = await t.call('GetId', { IdentityPoolId: poolId, Logins: { [PROVIDER]: idToken('sub-a') } });
    expect(again['IdentityId']).not.toBe(a['IdentityId']);
  });
});
