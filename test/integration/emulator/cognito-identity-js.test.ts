import { AuthenticationDetails, CognitoUser, CognitoUserPool, type CognitoUserSession } from 'amazon-cognito-identity-js';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type RunningEmulator } from '../../../src/emulator/start-emulator.js';

const POOL = 'us-east-1_JsPool123';
const CLIENT = 'jsclient000000000000000001';

function authenticate(user: CognitoUser, password: string): Promise<CognitoUserSession> {
  return new Promise((resolve, reject) => {
    user.authenticateUser(new AuthenticationDetails({ Username: user.getUsername(), Password: password }), {
      onSuccess: resolve,
      onFailure: reject,
      newPasswordRequired: () => reject(new Error('unexpected NEW_PASSWORD_REQUIRED')),
    });
  });
}

describe('unmodified amazon-cognito-identity-js against the emulator', () => {
  let emu: RunningEmulator;
  beforeAll(async () => {
    emu = await startEmulator({
      port: 0,
      bootstrap: {
        pools: [
          {
            id: POOL,
            PoolName: 'js',
            UsernameAttributes: ['email'],
            clients: [{ ClientName: 'web', clientId: CLIENT, ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] }],
            users: [{ username: 'alice@example.com', password: 'Passw0rd!', attributes: { email_verified: 'true' } }],
          },
        ],
      },
    });
  });
  afterAll(async () => {
    await emu.close();
  });

  it('SRP sign-in, token verification with jose, refresh, global sign-out and sign-out (RevokeToken)', async () => {
    const pool = new CognitoUserPool({ UserPoolId: POOL, ClientId: CLIENT, endpoint: `${emu.url}/` });
    const user = new CognitoUser({ Username: 'alice@example.com', Pool: pool });
    const session = await authenticate(user, 'Passw0rd!');
    expect(session.isValid()).toBe(true);
    const jwks = createRemoteJWKSet(new URL(`${emu.url}/${POOL}/.well-known/jwks.json`));
    const iss = `https://cognito-idp.us-east-1.amazonaws.com/${POOL}`;
    const id = await jwtVerify(session.getIdToken().getJwtToken(), jwks, { issuer: iss, audience: CLIENT });
    expect(id.payload.email).toBe('alice@example.com');
    const access = await jwtVerify(session.getAccessToken().getJwtToken(), jwks, { issuer: iss });
    expect(access.payload.token_use).toBe('access');

    // wrong password fails with the real error
    const wrong = await authenticate(new CognitoUser({ Username: 'alice@example.com', Pool: pool }), 'nope').catch((e: unknown) => e);
    expect((wrong as { code?: string }).code).toBe('NotAuthorizedException');
    expect((wrong as Error).message).toBe('Incorrect username or password.');

    // refresh
    const refreshed = await new Promise<CognitoUserSession>((resolve, reject) =>
      user.refreshSession(session.getRefreshToken(), (e: Error | null, s: CognitoUserSession) => (e ? reject(e) : resolve(s))),
    );
    expect(refreshed.getAccessToken().getJwtToken()).not.toBe(session.getAccessToken().getJwtToken());
    await jwtVerify(refreshed.getAccessToken().getJwtToken(), jwks, { issuer: iss });

    // sign-out revokes the refresh token (RevokeToken): refreshing with it fails afterwards
    await new Promise<void>((resolve, reject) => user.signOut((e?: Error) => (e ? reject(e) : resolve())));
    const after = await emu.app.call('InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: CLIENT,
      AuthParameters: { REFRESH_TOKEN: session.getRefreshToken().getToken() },
    });
    expect(after.body.__type).toBe('NotAuthorizedException');

    // global sign-out invalidates every session of the user
    const user2 = new CognitoUser({ Username: 'alice@example.com', Pool: pool });
    const s2 = await authenticate(user2, 'Passw0rd!');
    await new Promise<void>((resolve, reject) => user2.globalSignOut({ onSuccess: () => resolve(), onFailure: reject }));
    const me = await emu.app.call('GetUser', { AccessToken: s2.getAccessToken().getJwtToken() });
    expect(me.body.message).toBe('Access Token has been revoked');
  });
});
