import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import type { HttpRequest } from '../../../src/emulator/http-route.js';
import { MAX_SESSIONS_PER_USER } from '../../../src/emulator/store/emulator-store.js';
import { fixture, manualClock, PASSWORD, type Fixture } from './emulator-fixture.js';

function get(path: string, nowMs = Date.now()): HttpRequest {
  return { method: 'GET', path, query: new URLSearchParams(), headers: {}, body: Buffer.alloc(0), baseUrl: 'http://127.0.0.1:9229', receivedAtMs: nowMs };
}

function json(r: { body?: unknown }): any {
  return typeof r.body === 'string' ? JSON.parse(r.body) : r.body;
}

async function signIn(f: Fixture, clientId: string, username = 'alice', password = PASSWORD) {
  const r = await f.ok('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: username, PASSWORD: password } });
  return r.AuthenticationResult as { AccessToken: string; IdToken: string; RefreshToken: string };
}

describe('tokens', () => {
  it('are RS256 with different kids, every claim of the reference, and verify against the JWKS and discovery document', async () => {
    const f = fixture();
    const { poolId, clientId } = await f.pool();
    await f.ok('CreateGroup', { UserPoolId: poolId, GroupName: 'admins' });
    await f.user(poolId, 'alice', PASSWORD, { email: 'alice@example.com', email_verified: 'true', 'name': 'Alice' });
    await f.ok('AdminAddUserToGroup', { UserPoolId: poolId, Username: 'alice', GroupName: 'admins' });
    const t = await signIn(f, clientId);
    const jwksRes = await f.app.handle(get(`/${poolId}/.well-known/jwks.json`));
    expect(jwksRes.status).toBe(200);
    const jwks = json(jwksRes) as { keys: { kid: string }[] };
    expect(jwks.keys).toHaveLength(2);
    const disco = json(await f.app.handle(get(`/${poolId}/.well-known/openid-configuration`)));
    const iss = `https://cognito-idp.us-east-1.amazonaws.com/${poolId}`;
    expect(disco.issuer).toBe(iss);
    expect(disco.jwks_uri).toBe(`http://127.0.0.1:9229/${poolId}/.well-known/jwks.json`);
    const keySet = createLocalJWKSet(jwks as never);
    const access = await jwtVerify(t.AccessToken, keySet, { issuer: iss, algorithms: ['RS256'] });
    const id = await jwtVerify(t.IdToken, keySet, { issuer: iss, audience: clientId, algorithms: ['RS256'] });
    expect(decodeProtectedHeader(t.AccessToken).kid).not.toBe(decodeProtectedHeader(t.IdToken).kid);
    expect(Object.keys(access.payload).sort()).toEqual(
      ['auth_time', 'client_id', 'cognito:groups', 'event_id', 'exp', 'iat', 'iss', 'jti', 'origin_jti', 'scope', 'sub', 'token_use', 'username'].sort(),
    );
    expect(access.payload).toMatchObject({ token_use: 'access', scope: 'aws.cognito.signin.user.admin', client_id: clientId, username: 'alice', 'cognito:groups': ['admins'] });
    expect(access.payload.aud).toBeUndefined();
    expect(access.payload.exp! - access.payload.iat!).toBe(3600);
    expect(id.payload).toMatchObject({ token_use: 'id', aud: clientId, 'cognito:username': 'alice', email: 'alice@example.com', email_verified: true, name: 'Alice' });
    for (const c of ['sub', 'auth_time', 'exp', 'iat', 'jti', 'origin_jti', 'event_id']) expect(id.payload[c]).toBeDefined();
    expect(id.payload.origin_jti).toBe(access.payload.origin_jti);
    expect(id.payload.sub).toBe(access.payload.sub);
    const unknown = await f.app.handle(get('/us-east-1_Nope12345/.well-known/jwks.json'));
    expect(unknown.status).toBe(404);
  });

  it('refresh keeps origin_jti and omits RefreshToken; rotation returns a new one and keeps the old for the grace period', async () => {
    const clock = manualClock();
    const f = fixture({ now: clock.now });
    const { poolId, clientId } = await f.pool();
    const rot = await f.ok('CreateUserPoolClient', {
      UserPoolId: poolId,
      ClientName: 'rot',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      RefreshTokenRotation: { Feature: 'ENABLED', RetryGracePeriodSeconds: 10 },
    });
    const rotId = rot.UserPoolClient.ClientId as string;
    await f.user(poolId, 'alice', PASSWORD);
    const t = await signIn(f, clientId);
    const r = await f.ok('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: t.RefreshToken } });
    expect(r.AuthenticationResult.RefreshToken).toBeUndefined();
    expect(r.AuthenticationResult.AccessToken).toBeTruthy();
    // a refresh token only works with its own client
    expect((await f.fail('GetTokensFromRefreshToken', { ClientId: rotId, RefreshToken: t.RefreshToken })).message).toBe('Invalid Refresh Token');
    const t2 = await signIn(f, rotId);
    const g = await f.ok('GetTokensFromRefreshToken', { ClientId: rotId, RefreshToken: t2.RefreshToken });
    const next = g.AuthenticationResult.RefreshToken as string;
    expect(next).toBeTruthy();
    expect(next).not.toBe(t2.RefreshToken);
    clock.advance(5_000);
    expect((await f.ok('GetTokensFromRefreshToken', { ClientId: rotId, RefreshToken: t2.RefreshToken })).AuthenticationResult).toBeDefined();
    clock.advance(60_000);
    expect((await f.fail('GetTokensFromRefreshToken', { ClientId: rotId, RefreshToken: t2.RefreshToken })).message).toBe('Invalid Refresh Token');
  });

  it('GlobalSignOut invalidates every access and refresh token of the user; other users keep theirs', async () => {
    const f = fixture();
    const { poolId, clientId } = await f.pool();
    await f.user(poolId, 'alice', PASSWORD);
    await f.user(poolId, 'bob', PASSWORD);
    const a1 = await signIn(f, clientId);
    const a2 = await signIn(f, clientId);
    const b = await signIn(f, clientId, 'bob');
    expect((await f.ok('GetUser', { AccessToken: a1.AccessToken })).Username).toBe('alice');
    await f.ok('GlobalSignOut', { AccessToken: a1.AccessToken });
    for (const tok of [a1, a2]) {
      expect(await f.fail('GetUser', { AccessToken: tok.AccessToken })).toMatchObject({ type: 'NotAuthorizedException', message: 'Access Token has been revoked' });
      expect((await f.fail('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: tok.RefreshToken } })).type).toBe('NotAuthorizedException');
    }
    expect((await f.ok('GetUser', { AccessToken: b.AccessToken })).Username).toBe('bob');
    await f.ok('AdminUserGlobalSignOut', { UserPoolId: poolId, Username: 'bob' });
    expect((await f.fail('GetUser', { AccessToken: b.AccessToken })).message).toBe('Access Token has been revoked');
  });

  it('RevokeToken invalidates one refresh token and the access tokens issued from it, not other sessions', async () => {
    const f = fixture();
    const { poolId, clientId } = await f.pool();
    await f.user(poolId, 'alice', PASSWORD);
    const s1 = await signIn(f, clientId);
    const s2 = await signIn(f, clientId);
    expect((await f.fail('RevokeToken', { ClientId: clientId, Token: s1.AccessToken })).type).toBe('UnsupportedTokenTypeException');
    await f.ok('RevokeToken', { ClientId: clientId, Token: s1.RefreshToken });
    await f.ok('RevokeToken', { ClientId: clientId, Token: s1.RefreshToken });
    expect((await f.fail('GetUser', { AccessToken: s1.AccessToken })).message).toBe('Access Token has been revoked');
    expect((await f.fail('GetTokensFromRefreshToken', { ClientId: clientId, RefreshToken: s1.RefreshToken })).message).toBe('Invalid Refresh Token');
    expect((await f.ok('GetUser', { AccessToken: s2.AccessToken })).Username).toBe('alice');
    await expect(f.app.verifyUserPoolToken(poolId, s1.IdToken, Date.now())).resolves.toBeUndefined();
    expect((await f.app.verifyUserPoolToken(poolId, s2.IdToken, Date.now()))?.['cognito:username']).toBe('alice');
  });

  it('access tokens expire; garbage and foreign tokens are invalid', async () => {
    const clock = manualClock();
    const f = fixture({ now: clock.now });
    const { poolId, clientId } = await f.pool({}, { AccessTokenValidity: 5, TokenValidityUnits: { AccessToken: 'minutes' } });
    await f.user(poolId, 'alice', PASSWORD);
    const t = await signIn(f, clientId);
    expect((await f.fail('GetUser', { AccessToken: 'abc.def.ghi' })).message).toBe('Invalid Access Token');
    expect((await f.fail('GetUser', { AccessToken: t.IdToken })).message).toBe('Invalid Access Token');
    clock.advance(301_000);
    expect((await f.fail('GetUser', { AccessToken: t.AccessToken })).message).toBe('Access Token has expired');
  });

  it('a disabled user cannot refresh; a deleted user loses every token', async () => {
    const f = fixture();
    const { poolId, clientId } = await f.pool();
    await f.user(poolId, 'alice', PASSWORD);
    const t = await signIn(f, clientId);
    await f.ok('AdminDisableUser', { UserPoolId: poolId, Username: 'alice' });
    expect((await f.fail('InitiateAuth', { AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: clientId, AuthParameters: { REFRESH_TOKEN: t.RefreshToken } })).message).toBe('User is disabled.');
    await f.ok('AdminDeleteUser', { UserPoolId: poolId, Username: 'alice' });
    expect((await f.fail('GetUser', { AccessToken: t.AccessToken })).type).toBe('NotAuthorizedException');
    expect((await f.fail('AdminGetUser', { UserPoolId: poolId, Username: 'alice' })).type).toBe('UserNotFoundException');
  });

  it('keeps at most MAX_SESSIONS_PER_USER sessions per user, revoking the oldest', async () => {
    const f = fixture();
    const { poolId, clientId } = await f.pool();
    await f.user(poolId, 'alice', PASSWORD);
    const first = await signIn(f, clientId);
    for (let i = 0; i < MAX_SESSIONS_PER_USER; i++) await signIn(f, clientId);
    expect((await f.fail('GetUser', { AccessToken: first.AccessToken })).message).toBe('Access Token has been revoked');
    expect(f.app.store.sessions.size).toBe(MAX_SESSIONS_PER_USER);
  });
});
