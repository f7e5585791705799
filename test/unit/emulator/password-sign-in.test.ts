import { describe, expect, it } from 'vitest';
import { secretHash } from '../../../src/cognito/secret-hash.js';
import { CognitoServiceError } from '../../../src/cognito/service-error.js';
import type { LockoutTracker } from '../../../src/emulator/lockout-tracker.js';
import { fixture, manualClock, PASSWORD } from './emulator-fixture.js';

const auth = (clientId: string, USERNAME: string, pw: string, extra: Record<string, string> = {}) => ({
  AuthFlow: 'USER_PASSWORD_AUTH',
  ClientId: clientId,
  AuthParameters: { USERNAME, PASSWORD: pw, ...extra },
});

describe('USER_PASSWORD_AUTH', () => {
  it('signs in and returns tokens; wrong password and unknown user fail as Cognito does', async () => {
    const f = fixture();
    const { poolId, clientId } = await f.pool();
    await f.user(poolId, 'alice', PASSWORD, { email: 'alice@example.com' });
    const r = await f.ok('InitiateAuth', auth(clientId, 'alice', PASSWORD));
    expect(r.ChallengeParameters).toEqual({});
    expect(r.AuthenticationResult.TokenType).toBe('Bearer');
    expect(r.AuthenticationResult.ExpiresIn).toBe(3600);
    expect(typeof r.AuthenticationResult.RefreshToken).toBe('string');
    expect(await f.fail('InitiateAuth', auth(clientId, 'alice', 'nope'))).toEqual({
      type: 'NotAuthorizedException',
      message: 'Incorrect username or password.',
      status: 400,
    });
    expect(await f.fail('InitiateAuth', auth(clientId, 'bob', PASSWORD))).toMatchObject({ type: 'UserNotFoundException', message: 'User does not exist.' });
  });

  it('checks in Cognito order: secret hash, user, disabled, unconfirmed, password', async () => {
    const f = fixture();
    const { poolId, clientId, clientSecret } = await f.pool({}, { GenerateSecret: true });
    await f.user(poolId, 'alice', PASSWORD);
    const sh = (u: string) => ({ SECRET_HASH: secretHash(u, clientId, clientSecret!) });
    // secret hash first, even for an unknown user and a wrong password
    expect(await f.fail('InitiateAuth', auth(clientId, 'nobody', 'x'))).toMatchObject({
      type: 'NotAuthorizedException',
      message: `Unable to verify secret hash for client ${clientId}`,
    });
    expect((await f.fail('InitiateAuth', auth(clientId, 'alice', PASSWORD, { SECRET_HASH: 'AAAA' }))).message).toMatch(/secret hash/);
    expect((await f.fail('InitiateAuth', auth(clientId, 'nobody', 'x', sh('nobody')))).type).toBe('UserNotFoundException');
    await f.ok('AdminDisableUser', { UserPoolId: poolId, Username: 'alice' });
    expect(await f.fail('InitiateAuth', auth(clientId, 'alice', 'wrong', sh('alice')))).toMatchObject({ type: 'NotAuthorizedException', message: 'User is disabled.' });
    await f.ok('AdminEnableUser', { UserPoolId: poolId, Username: 'alice' });
    expect((await f.ok('InitiateAuth', auth(clientId, 'alice', PASSWORD, sh('alice')))).AuthenticationResult).toBeDefined();
    // unconfirmed is reported before the password is checked
    await f.ok('SignUp', { ClientId: clientId, Username: 'carol', Password: PASSWORD, SecretHash: secretHash('carol', clientId, clientSecret!) });
    expect(await f.fail('InitiateAuth', auth(clientId, 'carol', 'wrong', sh('carol')))).toMatchObject({ type: 'UserNotConfirmedException', message: 'User is not confirmed.' });
  });

  it('reports PasswordResetRequiredException after a correct password once an admin reset it', async () => {
    const f = fixture();
    const { poolId, clientId } = await f.pool();
    await f.user(poolId, 'alice', PASSWORD, { email: 'a@example.com', email_verified: 'true' });
    await f.ok('AdminResetUserPassword', { UserPoolId: poolId, Username: 'alice' });
    expect((await f.fail('InitiateAuth', auth(clientId, 'alice', 'wrong'))).type).toBe('NotAuthorizedException');
    expect(await f.fail('InitiateAuth', auth(clientId, 'alice', PASSWORD))).toMatchObject({ type: 'PasswordResetRequiredException' });
  });

  it('PreventUserExistenceErrors ENABLED answers an unknown user like a wrong password', async () => {
    const f = fixture();
    const { clientId } = await f.pool({}, { PreventUserExistenceErrors: 'ENABLED' });
    expect(await f.fail('InitiateAuth', auth(clientId, 'ghost', PASSWORD))).toMatchObject({ type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('refuses flows the client does not enable, and admin flows on InitiateAuth', async () => {
    const f = fixture();
    const { poolId, clientId } = await f.pool({}, { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
    await f.user(poolId, 'alice', PASSWORD);
    expect(await f.fail('InitiateAuth', auth(clientId, 'alice', PASSWORD))).toMatchObject({
      type: 'InvalidParameterException',
      message: 'USER_PASSWORD_AUTH flow not enabled for this client',
    });
    expect((await f.fail('AdminInitiateAuth', { UserPoolId: poolId, ClientId: clientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD } })).message).toBe(
      'ADMIN_USER_PASSWORD_AUTH flow not enabled for this client',
    );
    expect((await f.fail('InitiateAuth', { AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', ClientId: clientId, AuthParameters: {} })).message).toBe('Initiate Auth method not supported.');
  });

  it('AdminInitiateAuth ADMIN_USER_PASSWORD_AUTH signs in; the client must belong to the pool', async () => {
    const f = fixture();
    const a = await f.pool();
    const b = await f.pool();
    await f.user(a.poolId, 'alice', PASSWORD);
    const body = { UserPoolId: a.poolId, ClientId: a.clientId, AuthFlow: 'ADMIN_USER_PASSWORD_AUTH', AuthParameters: { USERNAME: 'alice', PASSWORD } };
    expect((await f.ok('AdminInitiateAuth', body)).AuthenticationResult.AccessToken).toBeTruthy();
    expect(await f.fail('AdminInitiateAuth', { ...body, ClientId: b.clientId })).toMatchObject({ type: 'ResourceNotFoundException', message: `User pool client ${b.clientId} does not exist.` });
    expect((await f.fail('AdminInitiateAuth', { ...body, AuthParameters: { USERNAME: 'alice' } })).message).toBe('Missing required parameter PASSWORD');
  });

  it('FORCE_CHANGE_PASSWORD answers NEW_PASSWORD_REQUIRED with JSON-string parameters; the answer sets the password', async () => {
    const clock = manualClock();
    const f = fixture({ now: clock.now });
    const { poolId, clientId } = await f.pool({ Schema: [{ Name: 'name', AttributeDataType: 'String', Required: true }] });
    await f.ok('AdminCreateUser', {
      UserPoolId: poolId,
      Username: 'alice',
      TemporaryPassword: 'Temp0rary!',
      MessageAction: 'SUPPRESS',
      UserAttributes: [{ Name: 'email', Value: 'a@example.com' }],
    });
    const ch = await f.ok('InitiateAuth', auth(clientId, 'alice', 'Temp0rary!'));
    expect(ch.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(typeof ch.Session).toBe('string');
    expect(ch.ChallengeParameters.USER_ID_FOR_SRP).toBe('alice');
    expect(JSON.parse(ch.ChallengeParameters.userAttributes)).toEqual({ email: 'a@example.com' });
    expect(JSON.parse(ch.ChallengeParameters.requiredAttributes)).toEqual(['userAttributes.name']);
    const answer = (responses: Record<string, string>, session = ch.Session) => ({ ClientId: clientId, ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: session, ChallengeResponses: responses });
    expect((await f.fail('RespondToAuthChallenge', answer({ USERNAME: 'alice', NEW_PASSWORD: 'N3wPassw0rd!' }))).message).toBe('Invalid attributes given, name is missing');
    expect((await f.fail('RespondToAuthChallenge', answer({ USERNAME: 'alice', NEW_PASSWORD: 'short', 'userAttributes.name': 'Alice' }))).type).toBe('InvalidPasswordException');
    expect((await f.fail('RespondToAuthChallenge', answer({ USERNAME: 'alice', NEW_PASSWORD: 'N3wPassw0rd!' }, 'x'.repeat(40)))).message).toBe(
      'Invalid session for the user, session is expired.',
    );
    const done = await f.ok('RespondToAuthChallenge', answer({ USERNAME: 'alice', NEW_PASSWORD: 'N3wPassw0rd!', 'userAttributes.name': 'Alice' }));
    expect(done.AuthenticationResult.IdToken).toBeTruthy();
    const u = await f.ok('AdminGetUser', { UserPoolId: poolId, Username: 'alice' });
    expect(u.UserStatus).toBe('CONFIRMED');
    expect(u.UserAttributes).toContainEqual({ Name: 'name', Value: 'Alice' });
    expect((await f.ok('InitiateAuth', auth(clientId, 'alice', 'N3wPassw0rd!'))).AuthenticationResult).toBeDefined();
    // sessions are single-use and expire after 3 minutes
    const ch2 = await f.ok('AdminCreateUser', { UserPoolId: poolId, Username: 'bob', TemporaryPassword: 'Temp0rary!', MessageAction: 'SUPPRESS' });
    expect(ch2.User.UserStatus).toBe('FORCE_CHANGE_PASSWORD');
    const c2 = await f.ok('InitiateAuth', auth(clientId, 'bob', 'Temp0rary!'));
    clock.advance(181_000);
    expect((await f.fail('RespondToAuthChallenge', answer({ USERNAME: 'bob', NEW_PASSWORD: 'N3wPassw0rd!', 'userAttributes.name': 'B' }, c2.Session))).type).toBe('NotAuthorizedException');
    // temporary passwords expire after TemporaryPasswordValidityDays
    clock.advance(8 * 86_400_000);
    expect((await f.fail('InitiateAuth', auth(clientId, 'bob', 'Temp0rary!'))).message).toBe('Temporary password has expired and must be reset by an administrator.');
  });

  it('calls the lockout tracker around the password check', async () => {
    const calls: string[] = [];
    let locked = false;
    const lockout: LockoutTracker = {
      check(key) {
        calls.push(`check ${key}`);
        if (locked) throw new CognitoServiceError('NotAuthorizedException', 'Password attempts exceeded');
      },
      recordFailure: (key) => void calls.push(`fail ${key}`),
      recordSuccess: (key) => void calls.push(`ok ${key}`),
    };
    const f = fixture({ lockout });
    const { poolId, clientId } = await f.pool();
    await f.user(poolId, 'alice', PASSWORD);
    await f.fail('InitiateAuth', auth(clientId, 'alice', 'wrong'));
    await f.ok('InitiateAuth', auth(clientId, 'alice', PASSWORD));
    expect(calls).toEqual([`check ${poolId}/alice`, `fail ${poolId}/alice`, `check ${poolId}/alice`, `ok ${poolId}/alice`]);
    locked = true;
    expect((await f.fail('InitiateAuth', auth(clientId, 'alice', PASSWORD))).message).toBe('Password attempts exceeded');
  });

  it('signs in with an email when the pool uses email as username; the internal username is the sub', async () => {
    const f = fixture();
    const { poolId, clientId } = await f.pool({ UsernameAttributes: ['email'] });
    const created = await f.ok('AdminCreateUser', { UserPoolId: poolId, Username: 'Alice@Example.com', MessageAction: 'SUPPRESS' });
    const sub = created.User.Attributes.find((a: { Name: string }) => a.Name === 'sub').Value;
    expect(created.User.Username).toBe(sub);
    expect((await f.fail('AdminCreateUser', { UserPoolId: poolId, Username: 'alice', MessageAction: 'SUPPRESS' })).message).toBe('Username should be an email.');
    expect((await f.fail('AdminCreateUser', { UserPoolId: poolId, Username: 'alice@example.com', MessageAction: 'SUPPRESS' })).type).toBe('UsernameExistsException');
    await f.ok('AdminSetUserPassword', { UserPoolId: poolId, Username: 'alice@example.com', Password: PASSWORD, Permanent: true });
    expect((await f.ok('InitiateAuth', auth(clientId, 'alice@example.com', PASSWORD))).AuthenticationResult).toBeDefined();
    expect((await f.ok('InitiateAuth', auth(clientId, sub, PASSWORD))).AuthenticationResult).toBeDefined();
  });
});
