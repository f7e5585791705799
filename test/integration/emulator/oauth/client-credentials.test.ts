import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basic, must, postForm, seedOAuthPool, startExtendedEmulator, type ExtendedEmulator } from './extension-harness.js';

let emu: ExtendedEmulator;
let seed: Awaited<ReturnType<typeof seedOAuthPool>>;

beforeAll(async () => {
  emu = await startExtendedEmulator();
  seed = await seedOAuthPool(emu.app);
});
afterAll(async () => emu.close());

describe('POST /oauth2/token client_credentials', () => {
  it('issues an access token with the custom scopes, verifiable with the pool JWKS (HTTP Basic)', async () => {
    const res = await postForm(`${emu.url}/oauth2/token`, { grant_type: 'client_credentials', scope: 'https://api.example.com/read' }, { authorization: basic(seed.m2m.id, seed.m2m.secret) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600 });
    expect(res.body.id_token).toBeUndefined();
    expect(res.body.refresh_token).toBeUndefined();
    const jwks = createRemoteJWKSet(new URL(`${emu.url}/${seed.poolId}/.well-known/jwks.json`));
    const { payload } = await jwtVerify(res.body.access_token, jwks, { issuer: `https://cognito-idp.us-east-1.amazonaws.com/${seed.poolId}` });
    expect(payload).toMatchObject({ sub: seed.m2m.id, client_id: seed.m2m.id, token_use: 'access', scope: 'https://api.example.com/read', version: 2 });
  });

  it('grants every allowed custom scope when none is requested (client_secret in the body, pool-prefixed path)', async () => {
    const res = await postForm(`${emu.url}/${seed.poolId}/oauth2/token`, { grant_type: 'client_credentials', client_id: seed.m2m.id, client_secret: seed.m2m.secret });
    expect(res.status).toBe(200);
    const payload = JSON.parse(Buffer.from(res.body.access_token.split('.')[1], 'base64url').toString());
    expect(payload.scope).toBe('https://api.example.com/read https://api.example.com/write');
  });

  it.each([
    ['a wrong secret', { grant_type: 'client_credentials' }, () => basic(seed.m2m.id, 'wrong'), 'invalid_client'],
    ['an unknown client', { grant_type: 'client_credentials' }, () => basic('nope', 'x'), 'invalid_client'],
    ['no grant type', {}, () => basic(seed.m2m.id, seed.m2m.secret), 'invalid_request'],
    ['an unsupported grant type', { grant_type: 'password' }, () => basic(seed.m2m.id, seed.m2m.secret), 'unsupported_grant_type'],
    ['a scope the client may not use', { grant_type: 'client_credentials', scope: 'https://api.example.com/admin' }, () => basic(seed.m2m.id, seed.m2m.secret), 'invalid_scope'],
    ['a client without the flow', { grant_type: 'client_credentials' }, () => basic(seed.web.id, seed.web.secret), 'unauthorized_client'],
    ['a client of another pool path', { grant_type: 'client_credentials' }, () => basic(seed.m2m.id, seed.m2m.secret), 'invalid_client', '/us-east-1_Other0000'],
  ])('answers 400 for %s', async (_name, form, auth, error, prefix = '') => {
    const res = await postForm(`${emu.url}${prefix}/oauth2/token`, form as Record<string, string>, { authorization: auth() });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe(error);
  });

  it('keeps DescribeResourceServer and DescribeUserPoolClient consistent with what the token endpoint uses', async () => {
    const rs = await must(emu.app, 'DescribeResourceServer', { UserPoolId: seed.poolId, Identifier: 'https://api.example.com' });
    expect(rs['ResourceServer'].Scopes.map((s: { ScopeName: string }) => s.ScopeName)).toEqual(['read', 'write']);
    const c = await must(emu.app, 'DescribeUserPoolClient', { UserPoolId: seed.poolId, ClientId: seed.m2m.id });
    expect(c['UserPoolClient'].AllowedOAuthFlows).toEqual(['client_credentials']);
  });

  it.each([
    ['client_credentials without a secret', { AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['https://api.example.com/read'] }, 'InvalidOAuthFlowException'],
    ['client_credentials with code', { GenerateSecret: true, AllowedOAuthFlows: ['client_credentials', 'code'], AllowedOAuthScopes: ['https://api.example.com/read'] }, 'InvalidOAuthFlowException'],
    ['an unknown flow', { AllowedOAuthFlows: ['password'] }, 'InvalidParameterException'],
    ['an unknown scope', { GenerateSecret: true, AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['https://api.example.com/admin'] }, 'ScopeDoesNotExistException'],
    ['an unknown identity provider', { SupportedIdentityProviders: ['COGNITO', 'Nope'] }, 'InvalidParameterException'],
  ])('CreateUserPoolClient refuses %s', async (_n, extra, type) => {
    const res = await emu.app.call('CreateUserPoolClient', { UserPoolId: seed.poolId, ClientName: 'bad', AllowedOAuthFlowsUserPoolClient: true, ...extra });
    expect(res.body['__type']).toBe(type);
  });

  it('UpdateUserPoolClient refuses client_credentials on a client without a secret', async () => {
    const c = await must(emu.app, 'CreateUserPoolClient', { UserPoolId: seed.poolId, ClientName: 'nosecret' });
    const res = await emu.app.call('UpdateUserPoolClient', {
      UserPoolId: seed.poolId,
      ClientId: c['UserPoolClient'].ClientId,
      AllowedOAuthFlows: ['client_credentials'],
      AllowedOAuthScopes: ['https://api.example.com/read'],
      AllowedOAuthFlowsUserPoolClient: true,
    });
    expect(res.body['__type']).toBe('InvalidOAuthFlowException');
  });
});
