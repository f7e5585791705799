import { createHash } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Layer, OperationRequest } from '../../../../src/emulator/layer.js';
import { basic, CALLBACK, getManual, must, PASSWORD, postForm, seedOAuthPool, startExtendedEmulator, type ExtendedEmulator } from './extension-harness.js';

const seen: OperationRequest[] = [];
const recorder: Layer = async (req, next) => {
  seen.push(req);
  return next(req);
};

let emu: ExtendedEmulator;
let seed: Awaited<ReturnType<typeof seedOAuthPool>>;

beforeAll(async () => {
  emu = await startExtendedEmulator({ layers: [recorder] });
  seed = await seedOAuthPool(emu.app);
});
afterAll(async () => emu.close());

const VERIFIER = 'v'.repeat(20) + 'erifier-0123456789-abcdefghijklmnop';
const CHALLENGE = createHash('sha256').update(VERIFIER).digest('base64url');

/** Runs authorize → login page → login post; returns the final answer of the login POST. */
async function signIn(username: string, password: string, extra: Record<string, string> = {}): Promise<Response> {
  const q = new URLSearchParams({ response_type: 'code', client_id: seed.web.id, redirect_uri: CALLBACK, state: 'st-1', scope: 'openid email', code_challenge: CHALLENGE, code_challenge_method: 'S256', ...extra });
  const authorize = await getManual(`${emu.url}/oauth2/authorize?${q}`);
  expect(authorize.status).toBe(302);
  const loginUrl = authorize.headers.get('location')!;
  expect(loginUrl.startsWith(`${emu.url}/login?`)).toBe(true);
  const page = await getManual(loginUrl);
  expect(page.status).toBe(200);
  const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
  const html = await page.text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)![1]!;
  const action = /action="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, '&');
  return fetch(`${emu.url}${action}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams({ _csrf: csrf, username, password }).toString(),
  });
}

function codeOf(res: Response): string {
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location')!);
  expect(`${location.origin}${location.pathname}`).toBe(CALLBACK);
  expect(location.searchParams.get('state')).toBe('st-1');
  return location.searchParams.get('code')!;
}

const redeem = (code: string, verifier = VERIFIER) =>
  postForm(`${emu.url}/oauth2/token`, { grant_type: 'authorization_code', code, redirect_uri: CALLBACK, code_verifier: verifier }, { authorization: basic(seed.web.id, seed.web.secret) });

describe('hosted-UI authorization code with PKCE', () => {
  it('signs in through the login form and redeems the code once', async () => {
    const code = codeOf(await signIn('alice', PASSWORD, { nonce: 'n-1' }));
    const res = await redeem(code);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['access_token', 'expires_in', 'id_token', 'refresh_token', 'token_type']);
    const iss = `https://cognito-idp.us-east-1.amazonaws.com/${seed.poolId}`;
    const jwks = createRemoteJWKSet(new URL(`${emu.url}/${seed.poolId}/.well-known/jwks.json`));
    const access = (await jwtVerify(res.body.access_token, jwks, { issuer: iss })).payload;
    expect(access).toMatchObject({ token_use: 'access', scope: 'openid email', username: 'alice', client_id: seed.web.id });
    const id = (await jwtVerify(res.body.id_token, jwks, { issuer: iss, audience: seed.web.id })).payload;
    expect(id).toMatchObject({ token_use: 'id', 'cognito:username': 'alice', email: 'alice@example.com', nonce: 'n-1' });
    const again = await redeem(code);
    expect(again.status).toBe(400);
    expect(again.body.error).toBe('invalid_grant');

    // userInfo, refresh, revoke
    const info = await fetch(`${emu.url}/oauth2/userInfo`, { headers: { authorization: `Bearer ${res.body.access_token}` } });
    expect(info.status).toBe(200);
    expect(await info.json()).toMatchObject({ username: 'alice', email: 'alice@example.com', email_verified: 'true', sub: access.sub });
    const refreshed = await postForm(`${emu.url}/oauth2/token`, { grant_type: 'refresh_token', refresh_token: res.body.refresh_token }, { authorization: basic(seed.web.id, seed.web.secret) });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).toBeUndefined();
    expect(JSON.parse(Buffer.from(refreshed.body.access_token.split('.')[1], 'base64url').toString()).scope).toBe('openid email');
    const revoked = await postForm(`${emu.url}/oauth2/revoke`, { token: res.body.refresh_token }, { authorization: basic(seed.web.id, seed.web.secret) });
    expect(revoked.status).toBe(200);
    const after = await postForm(`${emu.url}/oauth2/token`, { grant_type: 'refresh_token', refresh_token: res.body.refresh_token }, { authorization: basic(seed.web.id, seed.web.secret) });
    expect(after.body.error).toBe('invalid_grant');
    const infoAfter = await fetch(`${emu.url}/oauth2/userInfo`, { headers: { authorization: `Bearer ${res.body.access_token}` } });
    expect(infoAfter.status).toBe(401);
  });

  it('refreshes at the token endpoint a session signed in through the API (API scope, ID token included)', async () => {
    const c = await must(emu.app, 'CreateUserPoolClient', { UserPoolId: seed.poolId, ClientName: 'api', ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
    const clientId = c['UserPoolClient'].ClientId as string;
    const auth = await must(emu.app, 'InitiateAuth', { ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD } });
    for (let i = 0; i < 2; i += 1) {
      const res = await postForm(`${emu.url}/oauth2/token`, { grant_type: 'refresh_token', client_id: clientId, refresh_token: auth['AuthenticationResult'].RefreshToken });
      expect(res.status).toBe(200);
      expect(typeof res.body.id_token).toBe('string');
      expect(JSON.parse(Buffer.from(res.body.access_token.split('.')[1], 'base64url').toString()).scope).toBe('aws.cognito.signin.user.admin');
    }
  });

  it('refuses a wrong PKCE verifier', async () => {
    const code = codeOf(await signIn('alice', PASSWORD));
    const res = await redeem(code, 'x'.repeat(43));
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_grant');
  });

  it('re-renders the form for a wrong password or an unknown user without saying which', async () => {
    seen.length = 0;
    for (const [user, pw] of [['alice', 'Wrong0000!'], ['nobody', PASSWORD]] as const) {
      const res = await signIn(user, pw);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('Incorrect username or password.');
    }
    // each login POST is one sign-in step (UserAuthentication in the catalogue), keyed to the user for per-user limits
    const logins = seen.filter((r) => r.operation === 'OAuth2Login');
    expect(logins.map((r) => r.userKey)).toEqual([`${seed.poolId}/alice`, `${seed.poolId}/nobody`]);
  });

  it.each([
    ['an unregistered redirect_uri', { redirect_uri: 'http://evil.example/cb' }, 400, undefined],
    ['an unknown client', { client_id: 'nope' }, 400, undefined],
    ['a scope the client may not use', { scope: 'phone' }, 302, 'invalid_scope'],
    ['response_type token', { response_type: 'token' }, 302, 'unsupported_response_type'],
  ])('handles %s at /oauth2/authorize', async (_name, override, status, error) => {
    const q = new URLSearchParams({ response_type: 'code', client_id: seed.web.id, redirect_uri: CALLBACK, state: 's', ...override });
    const res = await getManual(`${emu.url}/oauth2/authorize?${q}`);
    expect(res.status).toBe(status);
    if (error) expect(new URL(res.headers.get('location')!).searchParams.get('error')).toBe(error);
  });

  it('refuses a login post without the CSRF cookie', async () => {
    const q = new URLSearchParams({ response_type: 'code', client_id: seed.web.id, redirect_uri: CALLBACK });
    const res = await postForm(`${emu.url}/login?${q}`, { _csrf: 'x', username: 'alice', password: PASSWORD });
    expect(res.status).toBe(403);
  });
});
