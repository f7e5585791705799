import { describe, expect, it } from 'vitest';
import { secretHash } from '../../../../src/cognito/secret-hash.js';
import { clientStart } from '../../../../src/cognito/srp.js';
import { InputError } from '../../../../src/errors.js';
import { buildCustomFlow, FLOWS, getFlow, registerFlow } from '../../../../src/load/flows/index.js';
import { fakeWorld, tokens } from './fake-world.js';

const run = (name: string, ctx: Parameters<NonNullable<ReturnType<typeof FLOWS.get>>['run']>[0]) => getFlow(name).run(ctx);

describe('built-in flows against a fake driver', () => {
  it('password sign-in: one InitiateAuth at the arrival time, session cached', async () => {
    const w = fakeWorld({ InitiateAuth: () => ({ output: tokens(1) }) });
    expect(await run('password-sign-in', w.ctx(0))).toBe(true);
    expect(w.calls.map((c) => c.operation)).toEqual(['InitiateAuth']);
    expect(w.calls[0]!.input).toEqual({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: 'client1', AuthParameters: { USERNAME: 'alice', PASSWORD: 'Alice-Pass-1!' } });
    expect(w.calls[0]!.meta).toEqual({ flow: 'test-flow', intendedStartUs: 0 });
    expect(w.sessions.size).toBe(1);
    const s = w.sessions.take(w.now(), () => 0)!;
    // expiry = end of call (1,000 µs) + 3,600 s
    expect(s).toMatchObject({ accessToken: 'at1', refreshToken: 'rt1', expiresAtUs: 1_000 + 3_600_000_000 });
  });

  it('adds SECRET_HASH when the client has a secret', async () => {
    const w = fakeWorld({ InitiateAuth: () => ({ output: tokens(1) }) }, { clientSecret: 'shh' });
    await run('password-sign-in', w.ctx(0));
    expect((w.calls[0]!.input.AuthParameters as Record<string, string>).SECRET_HASH).toBe(secretHash('alice', 'client1', 'shh'));
  });

  it('SRP sign-in: answers PASSWORD_VERIFIER as USER_ID_FOR_SRP with its SECRET_HASH', async () => {
    const B = clientStart().AHex; // any valid group element will do for the client side
    const w = fakeWorld(
      {
        InitiateAuth: (input) => {
          expect((input.AuthParameters as Record<string, string>).SRP_A).toMatch(/^[0-9a-f]+$/);
          return { output: { ChallengeName: 'PASSWORD_VERIFIER', ChallengeParameters: { SALT: 'a1b2', SRP_B: B, SECRET_BLOCK: 'c2VjcmV0', USER_ID_FOR_SRP: 'uuid-alice', USERNAME: 'uuid-alice' } } };
        },
        RespondToAuthChallenge: () => ({ output: tokens(2) }),
      },
      { clientSecret: 'shh' },
    );
    expect(await run('srp-sign-in', w.ctx(0))).toBe(true);
    const answer = w.calls[1]!.input as { ChallengeName: string; ChallengeResponses: Record<string, string> };
    expect(answer.ChallengeName).toBe('PASSWORD_VERIFIER');
    expect(answer.ChallengeResponses).toMatchObject({
      USERNAME: 'uuid-alice',
      PASSWORD_CLAIM_SECRET_BLOCK: 'c2VjcmV0',
      TIMESTAMP: 'Tue Mar 4 09:05:07 UTC 2025',
      SECRET_HASH: secretHash('uuid-alice', 'client1', 'shh'),
    });
    expect(answer.ChallengeResponses.PASSWORD_CLAIM_SIGNATURE).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect((w.calls[0]!.input.AuthParameters as Record<string, string>).SECRET_HASH).toBe(secretHash('alice', 'client1', 'shh'));
    expect(w.sessions.size).toBe(1);
  });

  it('first sign-in: NEW_PASSWORD_REQUIRED answer charged to UserAccountRecovery; think time sets intended start', async () => {
    const w = fakeWorld({
      AdminCreateUser: () => ({ output: { User: {} } }),
      InitiateAuth: () => ({ output: { ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 'sess', ChallengeParameters: { USER_ID_FOR_SRP: 'fresh-1' } } }),
      RespondToAuthChallenge: () => ({ output: tokens(3) }),
    });
    expect(await run('first-sign-in', w.ctx(0))).toBe(true);
    expect(w.calls.map((c) => c.operation)).toEqual(['AdminCreateUser', 'InitiateAuth', 'RespondToAuthChallenge']);
    const temp = (w.calls[0]!.input as { TemporaryPassword: string }).TemporaryPassword;
    // same length and characters as the user's password (so it meets the same policy), but a different string
    expect(temp).not.toBe('Fresh-Pass-1!');
    expect([...temp].sort().join('')).toBe([...'Fresh-Pass-1!'].sort().join(''));
    expect(w.calls[0]!.input).toMatchObject({ UserPoolId: 'us-east-1_Pool1', Username: 'fresh-1', MessageAction: 'SUPPRESS' });
    expect((w.calls[1]!.input.AuthParameters as Record<string, string>).PASSWORD).toBe(temp);
    expect(w.calls[2]!.input).toMatchObject({ ChallengeName: 'NEW_PASSWORD_REQUIRED', Session: 'sess', ChallengeResponses: { USERNAME: 'fresh-1', NEW_PASSWORD: 'Fresh-Pass-1!' } });
    expect(w.calls[2]!.meta.category).toBe('UserAccountRecovery');
    expect(w.calls[1]!.meta.category).toBeUndefined();
    // AdminCreateUser ends at 1,000 µs; think 1,000 ms → intended 1,001,000 µs (the sleep's 7 µs overshoot is not added).
    expect(w.calls[1]!.meta.intendedStartUs).toBe(1_001_000);
    expect(w.calls[1]!.sentUs).toBe(1_001_007);
    // back-to-back call: intended start = previous end.
    expect(w.calls[2]!.meta.intendedStartUs).toBe(w.calls[1]!.endUs);
  });

  it('profile read with no live session signs in first, then reuses the cached session', async () => {
    const w = fakeWorld({ InitiateAuth: () => ({ output: tokens(1) }), GetUser: () => ({ output: { Username: 'alice' } }) });
    expect(await run('profile-read', w.ctx(0))).toBe(true);
    expect(w.calls.map((c) => c.operation)).toEqual(['InitiateAuth', 'GetUser']);
    expect(w.calls[1]!.input).toEqual({ AccessToken: 'at1' });
    expect(w.sessions.size).toBe(1);
    expect(await run('profile-read', w.ctx())).toBe(true);
    expect(w.calls.map((c) => c.operation)).toEqual(['InitiateAuth', 'GetUser', 'GetUser']);
    expect(w.sessions.size).toBe(1);
  });

  it('respects token expiry: a session expiring within 30 s is not used', async () => {
    let n = 0;
    const w = fakeWorld({ InitiateAuth: () => ({ output: tokens(++n, 20) }), GetUser: () => ({ output: {} }) });
    await run('password-sign-in', w.ctx(0)); // access token valid 20 s
    await run('profile-read', w.ctx());
    expect(w.calls.map((c) => c.operation)).toEqual(['InitiateAuth', 'InitiateAuth', 'GetUser']);
    expect(w.calls[2]!.input).toEqual({ AccessToken: 'at2' });
  });

  it('token refresh renews tokens and keeps the refresh token when none is returned', async () => {
    const w = fakeWorld({ InitiateAuth: (i) => ({ output: i.AuthFlow === 'REFRESH_TOKEN_AUTH' ? tokens(9, 3600, false) : tokens(1) }) });
    await run('password-sign-in', w.ctx(0));
    expect(await run('token-refresh', w.ctx())).toBe(true);
    expect(w.calls[1]!.input).toEqual({ AuthFlow: 'REFRESH_TOKEN_AUTH', ClientId: 'client1', AuthParameters: { REFRESH_TOKEN: 'rt1' } });
    const s = w.sessions.take(w.now(), () => 0)!;
    expect(s).toMatchObject({ accessToken: 'at9', refreshToken: 'rt1' });
  });

  it('token refresh prefers an expired session (as apps refresh on expiry)', async () => {
    let n = 0;
    const w = fakeWorld({ InitiateAuth: () => ({ output: tokens(++n, 1) }), GetTokensFromRefreshToken: () => ({ output: tokens(50) }) }, { clientSecret: 'shh' });
    await run('password-sign-in', w.ctx(0));
    w.advance(2_000_000);
    w.sessions.take(w.now(), () => 0); // notices the expiry
    expect(w.sessions.expiredSize).toBe(1);
    expect(await run('token-refresh-get-tokens', w.ctx())).toBe(true);
    expect(w.calls[1]!.input).toEqual({ RefreshToken: 'rt1', ClientId: 'client1', ClientSecret: 'shh' });
    expect(w.sessions.size).toBe(1);
  });

  it('global sign-out also forgets the user\'s other cached sessions', async () => {
    let n = 0;
    const w = fakeWorld({ InitiateAuth: () => ({ output: tokens(++n) }), GlobalSignOut: () => ({}) });
    await run('password-sign-in', w.ctx(0));
    await run('password-sign-in', w.ctx());
    expect(w.sessions.size).toBe(2); // two devices of alice (rng 0 picks alice)
    expect(await run('sign-out', w.ctx())).toBe(true);
    expect(w.sessions.size).toBe(0);
  });

  it('sign-out and revoke forget the session', async () => {
    const w = fakeWorld({ InitiateAuth: () => ({ output: tokens(1) }), GlobalSignOut: () => ({}), RevokeToken: () => ({}) });
    await run('password-sign-in', w.ctx(0));
    expect(await run('sign-out', w.ctx())).toBe(true);
    expect(w.sessions.size).toBe(0);
    await run('password-sign-in', w.ctx());
    expect(await run('sign-out-revoke', w.ctx())).toBe(true);
    expect(w.calls.at(-1)!.input).toEqual({ Token: 'rt1', ClientId: 'client1' });
    expect(w.sessions.size).toBe(0);
  });

  it('a rejected access token drops the session', async () => {
    const w = fakeWorld({ InitiateAuth: () => ({ output: tokens(1) }), GetUser: () => ({ outcome: 'client_error', errorType: 'NotAuthorizedException' }) });
    await run('password-sign-in', w.ctx(0));
    expect(await run('profile-read', w.ctx())).toBe(false);
    expect(w.sessions.size).toBe(0);
  });

  it('sign-up + confirm uses the emulator code; against AWS it confirms with AdminConfirmSignUp', async () => {
    const w = fakeWorld({ SignUp: () => ({ output: { UserConfirmed: false } }), ConfirmSignUp: () => ({}), AdminConfirmSignUp: () => ({}) }, { clientSecret: 'shh' });
    expect(await run('sign-up', w.ctx(0))).toBe(true);
    expect(w.calls[0]!.input).toMatchObject({ Username: 'fresh-1', Password: 'Fresh-Pass-1!', SecretHash: secretHash('fresh-1', 'client1', 'shh'), UserAttributes: [{ Name: 'email', Value: 'fresh-1@example.com' }] });
    expect(w.calls[1]!.input).toMatchObject({ Username: 'fresh-1', ConfirmationCode: '123456' });
    expect(w.codes).toEqual(['signup:fresh-1']);
    expect(await run('sign-up', w.ctx(w.now(), { emulator: undefined }))).toBe(true);
    expect(w.calls.at(-1)).toMatchObject({ operation: 'AdminConfirmSignUp', input: { UserPoolId: 'us-east-1_Pool1', Username: 'fresh-2' } });
  });

  it('forgot password + confirm sets the same password again', async () => {
    const w = fakeWorld({ ForgotPassword: () => ({ output: { CodeDeliveryDetails: {} } }), ConfirmForgotPassword: () => ({}) });
    expect(await run('forgot-password', w.ctx(0))).toBe(true);
    expect(w.calls[1]!.input).toMatchObject({ Username: 'alice', ConfirmationCode: '123456', Password: 'Alice-Pass-1!' });
    expect(w.codes).toEqual(['forgot:alice']);
  });

  it('admin look-ups', async () => {
    const w = fakeWorld({ AdminGetUser: () => ({}), ListUsers: () => ({ output: { Users: [] } }) });
    expect(await run('admin-get-user', w.ctx(0))).toBe(true);
    expect(await run('list-users', w.ctx())).toBe(true);
    expect(w.calls[0]!.input).toEqual({ UserPoolId: 'us-east-1_Pool1', Username: 'alice' });
    expect(w.calls[1]!.input).toEqual({ UserPoolId: 'us-east-1_Pool1', Filter: 'username = "alice"', Limit: 10 });
  });

  it('a throttled step ends the flow with no further calls and no retry', async () => {
    const w = fakeWorld({ InitiateAuth: () => ({ outcome: 'throttled', errorType: 'TooManyRequestsException' }), GetUser: () => ({}) });
    expect(await run('app-session', w.ctx(0))).toBe(false);
    expect(w.calls.map((c) => c.operation)).toEqual(['InitiateAuth']);
    expect(w.sessions.size).toBe(0);
  });
});

describe('composing flows', () => {
  it('buildCustomFlow runs steps with think times and repeat', async () => {
    const w = fakeWorld({ InitiateAuth: () => ({ output: tokens(1) }), GetUser: () => ({}), ListUsers: () => ({}) });
    const flow = buildCustomFlow('mine', [
      { step: 'passwordSignIn' },
      { step: 'getUser', thinkTimeMs: 500, params: { repeat: 2 } },
      { step: 'think', params: { ms: 250 } },
      { step: 'listUsers', params: { filter: 'email ^= "{username}"', limit: 5 } },
    ]);
    expect(flow.categories).toEqual(['UserAuthentication', 'UserRead', 'UserList']);
    expect(await flow.run(w.ctx(0))).toBe(true);
    expect(w.calls.map((c) => [c.operation, c.meta.intendedStartUs])).toEqual([
      ['InitiateAuth', 0],
      ['GetUser', 1_000 + 500_000],
      ['GetUser', 502_007 + 500_000],
      ['ListUsers', 1_003_014 + 250_000],
    ]);
    expect(w.calls[3]!.input).toMatchObject({ Filter: 'email ^= "alice"', Limit: 5 });
  });

  it('reports every bad step at once', () => {
    try {
      buildCustomFlow('bad', [{ step: 'fly' }, { step: 'listUsers', params: { limit: 100, colour: 'red' } }, { step: 'getUser', params: { repeat: 0 } }]);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(InputError);
      const problems = (err as InputError).problems.map((p) => `${p.path}: ${p.message}`);
      expect(problems).toHaveLength(4);
      expect(problems[0]).toMatch(/^steps\[0\]\.step: unknown step "fly"; expected one of: passwordSignIn/);
      expect(problems.some((p) => p.startsWith('steps[1]') && p.includes('"colour"'))).toBe(true);
      expect(problems.some((p) => p.startsWith('steps[1].limit'))).toBe(true);
      expect(problems.some((p) => p.startsWith('steps[2].repeat'))).toBe(true);
    }
  });

  it('registers code-defined flows; unknown names list the valid ones', async () => {
    registerFlow({ name: 'custom-code-flow', describe: 'x', categories: [], run: async () => true });
    expect(FLOWS.has('custom-code-flow')).toBe(true);
    expect(() => registerFlow({ name: 'custom-code-flow', describe: 'x', categories: [], run: async () => true })).toThrow(/already registered/);
    expect(() => getFlow('nope')).toThrow(/valid flows: password-sign-in, srp-sign-in/);
  });
});

describe('flow metadata', () => {
  it.each([
    ['srp-sign-in', true],
    ['app-session', true],
    ['password-sign-in', false],
    ['profile-read', false],
  ])('flowUsesSrp(%s) = %s', async (name, want) => {
    const { flowUsesSrp } = await import('../../../../src/load/flows/index.js');
    expect(flowUsesSrp(getFlow(name))).toBe(want);
  });
});

describe('flow operations (for driver checks)', () => {
  it.each([
    ['password-sign-in', ['InitiateAuth', 'RespondToAuthChallenge']],
    ['first-sign-in', ['AdminCreateUser', 'InitiateAuth', 'RespondToAuthChallenge']],
    ['list-users', ['ListUsers']],
  ])('%s may send %j', (name, ops) => {
    expect((getFlow(name) as unknown as { operations: string[] }).operations).toEqual(ops);
  });

  it('a confirm step without a code fails instead of throwing', async () => {
    const w = fakeWorld({ SignUp: () => ({}), ConfirmSignUp: () => ({}) });
    const ctx = w.ctx(0, { emulator: { getCode: async () => { throw new Error('no code'); } } });
    expect(await getFlow('sign-up').run(ctx)).toBe(false);
    expect(w.calls.map((c) => c.operation)).toEqual(['SignUp']);
  });
});
