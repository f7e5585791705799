import { describe, expect, it } from 'vitest';
import { clientSignature, clientStart, formatSrpTimestamp, poolNameOf, SRP_N } from '../../../src/cognito/srp.js';
import { secretHash } from '../../../src/cognito/secret-hash.js';
import { fixture, PASSWORD, type Fixture } from './emulator-fixture.js';

async function srp(f: Fixture, poolId: string, clientId: string, typed: string, password: string, secret?: string) {
  const { aHex, AHex } = clientStart();
  const params: Record<string, string> = { USERNAME: typed, SRP_A: AHex };
  if (secret) params.SECRET_HASH = secretHash(typed, clientId, secret);
  const ch = await f.ok('InitiateAuth', { AuthFlow: 'USER_SRP_AUTH', ClientId: clientId, AuthParameters: params });
  const p = ch.ChallengeParameters;
  const timestamp = formatSrpTimestamp(new Date());
  const sig = clientSignature({
    poolName: poolNameOf(poolId),
    userId: p.USER_ID_FOR_SRP,
    password,
    saltHex: p.SALT,
    BHex: p.SRP_B,
    aHex,
    AHex,
    secretBlockB64: p.SECRET_BLOCK,
    timestamp,
  });
  const responses: Record<string, string> = {
    USERNAME: p.USER_ID_FOR_SRP,
    PASSWORD_CLAIM_SECRET_BLOCK: p.SECRET_BLOCK,
    TIMESTAMP: timestamp,
    PASSWORD_CLAIM_SIGNATURE: sig,
  };
  if (secret) responses.SECRET_HASH = secretHash(p.USER_ID_FOR_SRP, clientId, secret);
  return { challenge: ch, answer: { ClientId: clientId, ChallengeName: 'PASSWORD_VERIFIER', ChallengeResponses: responses } };
}

describe('USER_SRP_AUTH', () => {
  it('verifies a real proof and rejects a wrong password', async () => {
    const f = fixture();
    const { poolId, clientId } = await f.pool();
    await f.user(poolId, 'alice', PASSWORD);
    const good = await srp(f, poolId, clientId, 'alice', PASSWORD);
    expect(good.challenge.ChallengeName).toBe('PASSWORD_VERIFIER');
    expect(good.challenge.ChallengeParameters).toMatchObject({ USERNAME: 'alice', USER_ID_FOR_SRP: 'alice' });
    expect(good.challenge.Session).toBeUndefined();
    expect((await f.ok('RespondToAuthChallenge', good.answer)).AuthenticationResult.AccessToken).toBeTruthy();
    // a SECRET_BLOCK answers once
    expect((await f.fail('RespondToAuthChallenge', good.answer)).message).toBe('Incorrect username or password.');
    const bad = await srp(f, poolId, clientId, 'alice', 'Wr0ngPassword!');
    expect(await f.fail('RespondToAuthChallenge', bad.answer)).toMatchObject({ type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('uses the internal username as USER_ID_FOR_SRP and hashes the secret over it', async () => {
    const f = fixture();
    const { poolId, clientId, clientSecret } = await f.pool({ UsernameAttributes: ['email'] }, { GenerateSecret: true });
    await f.user(poolId, 'alice@example.com', PASSWORD);
    const r = await srp(f, poolId, clientId, 'alice@example.com', PASSWORD, clientSecret);
    expect(r.challenge.ChallengeParameters.USER_ID_FOR_SRP).toMatch(/^[0-9a-f-]{36}$/);
    expect((await f.ok('RespondToAuthChallenge', r.answer)).AuthenticationResult).toBeDefined();
    const r2 = await srp(f, poolId, clientId, 'alice@example.com', PASSWORD, clientSecret);
    r2.answer.ChallengeResponses.SECRET_HASH = secretHash('alice@example.com', clientId, clientSecret!);
    expect((await f.fail('RespondToAuthChallenge', r2.answer)).message).toBe(`Unable to verify secret hash for client ${clientId}`);
  });

  it('LEGACY: an unknown user gets UserNotFoundException at InitiateAuth', async () => {
    const f = fixture();
    const { clientId } = await f.pool();
    const { AHex } = clientStart();
    expect((await f.fail('InitiateAuth', { AuthFlow: 'USER_SRP_AUTH', ClientId: clientId, AuthParameters: { USERNAME: 'ghost', SRP_A: AHex } })).type).toBe('UserNotFoundException');
  });

  it('ENABLED: an unknown user gets a simulated challenge with a stable salt and user id, then NotAuthorized', async () => {
    const f = fixture();
    const { poolId, clientId } = await f.pool({ UsernameAttributes: ['email'] }, { PreventUserExistenceErrors: 'ENABLED' });
    const a = await srp(f, poolId, clientId, 'ghost@example.com', PASSWORD);
    const b = await srp(f, poolId, clientId, 'ghost@example.com', PASSWORD);
    const c = await srp(f, poolId, clientId, 'other@example.com', PASSWORD);
    expect(a.challenge.ChallengeParameters.SALT).toBe(b.challenge.ChallengeParameters.SALT);
    expect(a.challenge.ChallengeParameters.USER_ID_FOR_SRP).toBe(b.challenge.ChallengeParameters.USER_ID_FOR_SRP);
    expect(a.challenge.ChallengeParameters.USER_ID_FOR_SRP).toMatch(/^[0-9a-f-]{36}$/);
    expect(a.challenge.ChallengeParameters.SRP_B).not.toBe(b.challenge.ChallengeParameters.SRP_B);
    expect(c.challenge.ChallengeParameters.SALT).not.toBe(a.challenge.ChallengeParameters.SALT);
    expect(await f.fail('RespondToAuthChallenge', a.answer)).toMatchObject({ type: 'NotAuthorizedException', message: 'Incorrect username or password.' });
  });

  it('rejects a missing SRP_A, A mod N == 0, a badly formatted TIMESTAMP and missing responses', async () => {
    const f = fixture();
    const { poolId, clientId } = await f.pool();
    await f.user(poolId, 'alice', PASSWORD);
    const init = (SRP_A?: string) => ({ AuthFlow: 'USER_SRP_AUTH', ClientId: clientId, AuthParameters: SRP_A ? { USERNAME: 'alice', SRP_A } : { USERNAME: 'alice' } });
    expect((await f.fail('InitiateAuth', init())).message).toBe('Missing required parameter SRP_A');
    expect((await f.fail('InitiateAuth', init(SRP_N.toString(16)))).type).toBe('InvalidParameterException');
    expect((await f.fail('InitiateAuth', init('0'))).type).toBe('InvalidParameterException');
    const r = await srp(f, poolId, clientId, 'alice', PASSWORD);
    const padded = { ...r.answer, ChallengeResponses: { ...r.answer.ChallengeResponses, TIMESTAMP: 'Tue Mar 04 09:05:07 UTC 2025' } };
    expect((await f.fail('RespondToAuthChallenge', padded)).message).toBe('TIMESTAMP format should be EEE MMM d HH:mm:ss z yyyy in english.');
    const { PASSWORD_CLAIM_SIGNATURE: _s, ...rest } = r.answer.ChallengeResponses;
    expect((await f.fail('RespondToAuthChallenge', { ...r.answer, ChallengeResponses: rest })).message).toBe('Missing required parameter PASSWORD_CLAIM_SIGNATURE');
  });

  it('an unconfirmed or disabled user is refused at the proof step', async () => {
    const f = fixture();
    const { poolId, clientId } = await f.pool();
    await f.user(poolId, 'alice', PASSWORD);
    const r = await srp(f, poolId, clientId, 'alice', PASSWORD);
    await f.ok('AdminDisableUser', { UserPoolId: poolId, Username: 'alice' });
    expect((await f.fail('RespondToAuthChallenge', r.answer)).message).toBe('User is disabled.');
    await f.ok('SignUp', { ClientId: clientId, Username: 'bob', Password: PASSWORD });
    const b = await srp(f, poolId, clientId, 'bob', PASSWORD);
    expect(await f.fail('RespondToAuthChallenge', b.answer)).toMatchObject({ type: 'UserNotConfirmedException', message: 'User is not confirmed.' });
  });

  it('a FORCE_CHANGE_PASSWORD user answers NEW_PASSWORD_REQUIRED after the SRP proof', async () => {
    const f = fixture();
    const { poolId, clientId } = await f.pool();
    await f.ok('AdminCreateUser', { UserPoolId: poolId, Username: 'alice', TemporaryPassword: 'Temp0rary!', MessageAction: 'SUPPRESS' });
    const r = await srp(f, poolId, clientId, 'alice', 'Temp0rary!');
    const next = await f.ok('RespondToAuthChallenge', r.answer);
    expect(next.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
    expect(typeof next.Session).toBe('string');
  });

  it('AdminInitiateAuth USER_SRP_AUTH + AdminRespondToAuthChallenge complete a sign-in', async () => {
    const f = fixture();
    const { poolId, clientId } = await f.pool();
    await f.user(poolId, 'alice', PASSWORD);
    const { aHex, AHex } = clientStart();
    const ch = await f.ok('AdminInitiateAuth', { UserPoolId: poolId, ClientId: clientId, AuthFlow: 'USER_SRP_AUTH', AuthParameters: { USERNAME: 'alice', SRP_A: AHex } });
    const p = ch.ChallengeParameters;
    const timestamp = formatSrpTimestamp(new Date(Date.UTC(2025, 2, 4, 9, 5, 7)));
    expect(timestamp).toBe('Tue Mar 4 09:05:07 UTC 2025');
    const sig = clientSignature({ poolName: poolNameOf(poolId), userId: 'alice', password: PASSWORD, saltHex: p.SALT, BHex: p.SRP_B, aHex, AHex, secretBlockB64: p.SECRET_BLOCK, timestamp });
    const done = await f.ok('AdminRespondToAuthChallenge', {
      UserPoolId: poolId,
      ClientId: clientId,
      ChallengeName: 'PASSWORD_VERIFIER',
      ChallengeResponses: { USERNAME: 'alice', PASSWORD_CLAIM_SECRET_BLOCK: p.SECRET_BLOCK, TIMESTAMP: timestamp, PASSWORD_CLAIM_SIGNATURE: sig },
    });
    expect(done.AuthenticationResult.AccessToken).toBeTruthy();
  });
});
