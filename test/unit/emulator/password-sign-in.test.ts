import { describe, expect, it } from 'vitest';
import { fixture, PASSWORD } from './emulator-fixture.js';

describe('USER_PASSWORD_AUTH', () => {
  it('signs in and returns tokens; wrong password and unknown user fail as Cognito does', async () => {
    const f = fixture();
    const { poolId, clientId } = await f.pool();
    await f.user(poolId, 'alice', PASSWORD, { email: 'alice@example.com' });
    const r = await f.ok('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'alice', PASSWORD } });
    expect(r.ChallengeParameters).toEqual({});
    expect(r.AuthenticationResult.TokenType).toBe('Bearer');
    expect(r.AuthenticationResult.ExpiresIn).toBe(3600);
    expect(typeof r.AuthenticationResult.RefreshToken).toBe('string');
    expect(await f.fail('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'alice', PASSWORD: 'nope' } })).toEqual({
      type: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
      status: 400,
    });
    expect((await f.fail('InitiateAuth', { AuthFlow: 'USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'bob', PASSWORD } })).type).toBe('UserNotFoundException');
  });
});
