import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Layer, OperationRequest } from '../../../../src/emulator/layer.js';
import { basic, CALLBACK, getManual, must, postForm, seedOAuthPool, startExtendedEmulator, type ExtendedEmulator } from '../oauth/extension-harness.js';

const seen: OperationRequest[] = [];
const recorder: Layer = async (req, next) => {
  seen.push(req);
  return next(req);
};

let emu: ExtendedEmulator;
let poolId: string;
let client: { id: string; secret: string };

beforeAll(async () => {
  emu = await startExtendedEmulator({ layers: [recorder] });
  const seed = await seedOAuthPool(emu.app);
  poolId = seed.poolId;
  await must(emu.app, 'CreateIdentityProvider', {
    UserPoolId: poolId,
    ProviderName: 'TestIdP',
    ProviderType: 'OIDC',
    ProviderDetails: {
      client_id: 'idp-client',
      client_secret: 'idp-secret',
      authorize_scopes: 'openid email profile',
      oidc_issuer: `${emu.url}/_cogcap/test-idp`,
      attributes_request_method: 'GET',
    },
    AttributeMapping: { email: 'email', name: 'name' },
  });
  const c = await must(emu.app, 'CreateUserPoolClient', {
    UserPoolId: poolId,
    ClientName: 'federated',
    GenerateSecret: true,
    AllowedOAuthFlows: ['code'],
    AllowedOAuthScopes: ['openid', 'email'],
    AllowedOAuthFlowsUserPoolClient: true,
    CallbackURLs: [CALLBACK],
    SupportedIdentityProviders: ['COGNITO', 'TestIdP'],
  });
  client = { id: c['UserPoolClient'].ClientId, secret: c['UserPoolClient'].ClientSecret };
});
afterAll(async () => emu.close());

/** Follows the redirects of a federated sign-in until the app's callback; returns the callback URL. */
async function federatedSignIn(loginHint?: string, provider = 'TestIdP'): Promise<URL> {
  const q = new URLSearchParams({ response_type: 'code', client_id: client.id, redirect_uri: CALLBACK, scope: 'openid email', state: 'fs', identity_provider: provider });
  if (loginHint) q.set('login_hint', loginHint);
  let url = `${emu.url}/oauth2/authorize?${q}`;
  const hops: string[] = [];
  for (let i = 0; i < 5; i += 1) {
    const res = await getManual(url);
    expect(res.status).toBe(302);
    url = res.headers.get('location')!;
    hops.push(new URL(url).pathname);
    if (url.startsWith(CALLBACK)) return new URL(url);
  }
  throw new Error(`too many redirects: ${hops.join(' → ')}`);
}

describe('federated sign-in through the built-in test IdP', () => {
  it('creates the federated user on first sign-in and links it on the next', async () => {
    seen.length = 0;
    const cb = await federatedSignIn('bob');
    expect(cb.searchParams.get('state')).toBe('fs');
    // the IdP's answer is charged once, to the pool (UserFederation in the catalogue); the test IdP itself is not.
    expect(seen.map((r) => r.operation)).toEqual(['OAuth2Authorize', 'OAuth2IdpResponse']);
    expect(seen[1]!.userPoolId).toBe(poolId);
    const code = cb.searchParams.get('code')!;
    const tokens = await postForm(`${emu.url}/oauth2/token`, { grant_type: 'authorization_code', code, redirect_uri: CALLBACK }, { authorization: basic(client.id, client.secret) });
    expect(tokens.status).toBe(200);
    const id = JSON.parse(Buffer.from(tokens.body.id_token.split('.')[1], 'base64url').toString());
    expect(id['cognito:username']).toBe('TestIdP_bob');
    expect(id.email).toBe('bob@idp.test');
    expect(id.identities).toEqual([expect.objectContaining({ userId: 'bob', providerName: 'TestIdP', providerType: 'OIDC', primary: 'true' })]);
    const user = await must(emu.app, 'AdminGetUser', { UserPoolId: poolId, Username: 'TestIdP_bob' });
    expect(user['UserStatus']).toBe('EXTERNAL_PROVIDER');

    const second = await federatedSignIn('bob');
    expect(second.searchParams.get('code')).toBeTruthy();
    const users = await must(emu.app, 'ListUsers', { UserPoolId: poolId });
    expect(users['Users'].filter((u: { Username: string }) => u.Username === 'TestIdP_bob')).toHaveLength(1);
    expect(emu.extensions.testIdp!.approvals()).toBe(2);
  });

  it('signs in the default test user without a login hint', async () => {
    const cb = await federatedSignIn();
    const tokens = await postForm(`${emu.url}/oauth2/token`, { grant_type: 'authorization_code', code: cb.searchParams.get('code')!, redirect_uri: CALLBACK }, { authorization: basic(client.id, client.secret) });
    const access = JSON.parse(Buffer.from(tokens.body.access_token.split('.')[1], 'base64url').toString());
    expect(access.username).toBe('TestIdP_test-user-1');
  });

  it('redirects with an error for a provider the client does not support', async () => {
    const q = new URLSearchParams({ response_type: 'code', client_id: client.id, redirect_uri: CALLBACK, identity_provider: 'Nope' });
    const res = await getManual(`${emu.url}/oauth2/authorize?${q}`);
    expect(new URL(res.headers.get('location')!).searchParams.get('error')).toBe('invalid_request');
  });

  it('redirects with server_error when the provider cannot be reached', async () => {
    await must(emu.app, 'CreateIdentityProvider', {
      UserPoolId: poolId,
      ProviderName: 'Down',
      ProviderType: 'OIDC',
      ProviderDetails: { client_id: 'c', authorize_scopes: 'openid', oidc_issuer: 'http://127.0.0.1:9/none', attributes_request_method: 'GET' },
    });
    const c = await must(emu.app, 'CreateUserPoolClient', {
      UserPoolId: poolId,
      ClientName: 'down',
      AllowedOAuthFlows: ['code'],
      AllowedOAuthScopes: ['openid'],
      AllowedOAuthFlowsUserPoolClient: true,
      CallbackURLs: [CALLBACK],
      SupportedIdentityProviders: ['Down'],
    });
    const q = new URLSearchParams({ response_type: 'code', client_id: c['UserPoolClient'].ClientId, redirect_uri: CALLBACK, identity_provider: 'Down' });
    const res = await getManual(`${emu.url}/oauth2/authorize?${q}`);
    expect(new URL(res.headers.get('location')!).searchParams.get('error')).toBe('server_error');
  });

  it('refuses an idpresponse with an unknown state', async () => {
    const res = await getManual(`${emu.url}/oauth2/idpresponse?code=x&state=unknown`);
    expect(res.status).toBe(400);
  });

  it('describes and lists the identity provider', async () => {
    const d = await must(emu.app, 'DescribeIdentityProvider', { UserPoolId: poolId, ProviderName: 'TestIdP' });
    expect(d['IdentityProvider']).toMatchObject({ ProviderType: 'OIDC', AttributeMapping: { username: 'sub', email: 'email', name: 'name' } });
    const l = await must(emu.app, 'ListIdentityProviders', { UserPoolId: poolId });
    expect(l['Providers'].map((p: { ProviderName: string }) => p.ProviderName)).toContain('TestIdP');
    const dup = await emu.app.call('CreateIdentityProvider', { UserPoolId: poolId, ProviderName: 'TestIdP', ProviderType: 'OIDC', ProviderDetails: { client_id: 'a', authorize_scopes: 'openid', oidc_issuer: 'http://x', attributes_request_method: 'GET' } });
    expect(dup.body['__type']).toBe('DuplicateProviderException');
  });
});
