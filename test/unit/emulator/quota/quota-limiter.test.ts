import { describe, expect, it } from 'vitest';
import { chargeOf } from '../../../../src/emulator/quota/charge.js';
import { QuotaLimiter } from '../../../../src/emulator/quota/quota-limiter.js';
import { AWS_DEFAULT_QUOTAS, type QuotaProfile } from '../../../../src/emulator/quota/quota-profile.js';

const profile = (over: Partial<QuotaProfile['ratePerSec']>, rest: Partial<QuotaProfile> = {}): QuotaProfile => ({
  ...AWS_DEFAULT_QUOTAS,
  ratePerSec: { ...AWS_DEFAULT_QUOTAS.ratePerSec, ...over },
  ...rest,
});

interface Call {
  op: string;
  body?: Record<string, unknown>;
  pool?: string | null;
  user?: string | null;
}

function admit(l: QuotaLimiter, c: Call, atMs: number) {
  return l.admit(chargeOf(c.op, c.body ?? {}), { operation: c.op, userPoolId: c.pool ?? null, userKey: c.user ?? null }, atMs);
}

/** Sends `n` copies of a call at `atMs`; returns [admitted via a separate allowance, admitted via category, throttled]. */
function burst(l: QuotaLimiter, c: Call, n: number, atMs: number): [number, number, number] {
  const out: [number, number, number] = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    const a = admit(l, c, atMs);
    if (!a.admitted) out[2]++;
    else if (a.drewOn !== 'category') out[0]++;
    else out[1]++;
  }
  return out;
}

const RESPOND: Call = { op: 'RespondToAuthChallenge', body: { ChallengeName: 'PASSWORD_VERIFIER' } };
const INITIATE: Call = { op: 'InitiateAuth' };

describe('challenge-response budget with spill-over (UserAuthentication 2/s, 3x, burst 1 s)', () => {
  it('spends the challenge budget (6), then spills into UserAuthentication (2), then throttles', () => {
    const l = new QuotaLimiter(profile({ UserAuthentication: 2 }), 0);
    expect(burst(l, RESPOND, 10, 0)).toEqual([6, 2, 2]);
    // UserAuthentication is empty: InitiateAuth is throttled too
    expect(burst(l, INITIATE, 1, 0)).toEqual([0, 0, 1]);
    // 500 ms later: challenge budget +3 (6/s), UserAuthentication +1 (2/s)
    expect(burst(l, RESPOND, 5, 500)).toEqual([3, 1, 1]);
  });

  it('InitiateAuth never draws on the challenge budget', () => {
    const l = new QuotaLimiter(profile({ UserAuthentication: 2 }), 0);
    expect(burst(l, INITIATE, 3, 0)).toEqual([0, 2, 1]);
    expect(burst(l, RESPOND, 7, 0)).toEqual([6, 0, 1]);
  });

  it('NEW_PASSWORD_REQUIRED answers are charged to UserAccountRecovery only', () => {
    const l = new QuotaLimiter(profile({ UserAuthentication: 2, UserAccountRecovery: 1 }), 0);
    const np: Call = { op: 'RespondToAuthChallenge', body: { ChallengeName: 'NEW_PASSWORD_REQUIRED' } };
    expect(chargeOf(np.op, np.body ?? {}).category).toBe('UserAccountRecovery');
    expect(burst(l, np, 2, 0)).toEqual([0, 1, 1]);
    expect(burst(l, { ...np, op: 'AdminRespondToAuthChallenge' }, 1, 0)).toEqual([0, 0, 1]);
    expect(burst(l, RESPOND, 6, 0)).toEqual([6, 0, 0]); // untouched
    expect(burst(l, { op: 'ChangePassword' }, 1, 1000)).toEqual([0, 1, 0]);
  });

  it('a raised UserAuthentication rescales the challenge budget at once', () => {
    const l = new QuotaLimiter(profile({ UserAuthentication: 2 }), 0);
    expect(burst(l, RESPOND, 8, 0)).toEqual([6, 2, 0]);
    l.setRatePerSec('UserAuthentication', 20, 0);
    // 100 ms at the new rates: challenge 60/s -> 6, UserAuthentication 20/s -> 2
    expect(burst(l, RESPOND, 10, 100)).toEqual([6, 2, 2]);
  });
});

describe('per-user limits (10 reads/s, 10 writes/s)', () => {
  it.each([
    ['GetUser', 'read'],
    ['InitiateAuth', 'read'],
    ['UpdateUserAttributes', 'write'],
    ['SetUserSettings', 'write'],
  ])('%s: 10 per user per second, other users unaffected', (op) => {
    const l = new QuotaLimiter(AWS_DEFAULT_QUOTAS, 0);
    expect(burst(l, { op, pool: 'p', user: 'p/alice' }, 12, 0)).toEqual([0, 10, 2]);
    expect(burst(l, { op, pool: 'p', user: 'p/bob' }, 10, 0)).toEqual([0, 10, 0]);
    expect(burst(l, { op, pool: 'p', user: 'p/alice' }, 2, 100)).toEqual([0, 1, 1]);
  });

  it('reads and writes have separate budgets; calls without a user have none', () => {
    const l = new QuotaLimiter(AWS_DEFAULT_QUOTAS, 0);
    expect(burst(l, { op: 'GetUser', user: 'p/a' }, 10, 0)).toEqual([0, 10, 0]);
    expect(burst(l, { op: 'UpdateUserAttributes', user: 'p/a' }, 10, 0)).toEqual([0, 10, 0]);
    expect(burst(l, { op: 'AdminGetUser', user: 'p/a' }, 20, 0)).toEqual([0, 20, 0]); // not a per-user read
    expect(burst(l, { op: 'GetUser', user: null }, 20, 0)).toEqual([0, 20, 0]);
  });

  it('a per-user refusal takes no token from the category', () => {
    const l = new QuotaLimiter(profile({ UserRead: 12 }), 0);
    expect(burst(l, { op: 'GetUser', user: 'p/a' }, 15, 0)).toEqual([0, 10, 5]);
    expect(burst(l, { op: 'GetUser', user: 'p/b' }, 3, 0)).toEqual([0, 2, 1]);
  });
});

describe('per-pool per-operation limit (5/s) in the pool/client resource categories', () => {
  it('5 per operation per pool, on top of the 15/s account-wide category', () => {
    const l = new QuotaLimiter(AWS_DEFAULT_QUOTAS, 0);
    expect(burst(l, { op: 'DescribeUserPoolClient', pool: 'A' }, 7, 0)).toEqual([0, 5, 2]);
    expect(burst(l, { op: 'ListUserPoolClients', pool: 'A' }, 5, 0)).toEqual([0, 5, 0]);
    expect(burst(l, { op: 'DescribeUserPoolClient', pool: 'B' }, 5, 0)).toEqual([0, 5, 0]);
    // category (UserPoolClientRead, 15/s) is now empty
    expect(burst(l, { op: 'DescribeUserPoolClient', pool: 'C' }, 1, 0)).toEqual([0, 0, 1]);
    expect(burst(l, { op: 'GetGroup', pool: 'A' }, 6, 0)).toEqual([0, 5, 1]); // UserPoolResourceRead
  });

  it('does not apply to other categories', () => {
    const l = new QuotaLimiter(AWS_DEFAULT_QUOTAS, 0);
    expect(burst(l, { op: 'DescribeUserPool', pool: 'A' }, 15, 0)).toEqual([0, 15, 0]);
  });
});

describe('account-wide categories', () => {
  it('LimitManagement allows 1 request per second', () => {
    const l = new QuotaLimiter(AWS_DEFAULT_QUOTAS, 0);
    expect(burst(l, { op: 'GetProvisionedLimit' }, 2, 0)).toEqual([0, 1, 1]);
    expect(burst(l, { op: 'UpdateProvisionedLimit' }, 1, 999)).toEqual([0, 0, 1]);
    expect(burst(l, { op: 'UpdateProvisionedLimit' }, 1, 1000)).toEqual([0, 1, 0]);
  });

  it('is shared by all pools', () => {
    const l = new QuotaLimiter(profile({ UserCreation: 4 }), 0);
    expect(burst(l, { op: 'SignUp', pool: 'A' }, 3, 0)).toEqual([0, 3, 0]);
    expect(burst(l, { op: 'AdminCreateUser', pool: 'B' }, 3, 0)).toEqual([0, 1, 2]);
  });

  it('charges unknown operations to Uncategorized (unlimited by default, configurable)', () => {
    expect(chargeOf('StartWebAuthnRegistration', {}).category).toBe('Uncategorized');
    const free = new QuotaLimiter(AWS_DEFAULT_QUOTAS, 0);
    expect(burst(free, { op: 'SomethingNew' }, 1000, 0)).toEqual([0, 1000, 0]);
    const capped = new QuotaLimiter(profile({ Uncategorized: 2 }), 0);
    expect(burst(capped, { op: 'SomethingNew' }, 3, 0)).toEqual([0, 2, 1]);
  });

  it('burst allowance is a parameter: burstSec 0.5 halves the bucket', () => {
    const l = new QuotaLimiter(profile({ UserRead: 20 }, { burstSec: 0.5 }), 0);
    expect(burst(l, { op: 'AdminGetUser' }, 20, 0)).toEqual([0, 10, 10]);
    expect(burst(l, { op: 'AdminGetUser' }, 20, 1000)).toEqual([0, 10, 10]);
  });
});

describe('per-user hourly limits', () => {
  const hourly = (l: QuotaLimiter, op: string, user: string | null, atMs: number): boolean =>
    l.admitHourly(chargeOf(op, {}), { operation: op, userPoolId: 'p', userKey: user }, atMs);

  it('ForgotPassword and ConfirmForgotPassword share 5 per hour (sliding window)', () => {
    const l = new QuotaLimiter(AWS_DEFAULT_QUOTAS, 0);
    const results = [0, 1, 2, 3, 4, 5].map((i) => hourly(l, i % 2 ? 'ConfirmForgotPassword' : 'ForgotPassword', 'p/a', i * 1000));
    expect(results).toEqual([true, true, true, true, true, false]);
    expect(hourly(l, 'ForgotPassword', 'p/b', 6000)).toBe(true);
    expect(hourly(l, 'ForgotPassword', 'p/a', 3_600_000)).toBe(true); // the first attempt (t=0) left the window
    expect(hourly(l, 'ForgotPassword', 'p/a', 3_600_001)).toBe(false);
  });

  it.each([
    ['ResendConfirmationCode', 5],
    ['ConfirmSignUp', 15],
    ['ChangePassword', 5],
    ['GetUserAttributeVerificationCode', 5],
    ['VerifyUserAttribute', 15],
  ])('%s: %i per hour', (op, limit) => {
    const l = new QuotaLimiter(AWS_DEFAULT_QUOTAS, 0);
    for (let i = 0; i < limit; i++) expect(hourly(l, op, 'p/a', i)).toBe(true);
    expect(hourly(l, op, 'p/a', limit)).toBe(false);
    expect(hourly(l, op, null, limit)).toBe(true); // unknown user: no per-user limit
  });

  it('other operations have none', () => {
    const l = new QuotaLimiter(AWS_DEFAULT_QUOTAS, 0);
    for (let i = 0; i < 100; i++) expect(hourly(l, 'GetUser', 'p/a', i)).toBe(true);
  });
});

describe('OAuth endpoints (pseudo-operations of src/emulator/oauth)', () => {
  it.each([
    ['OAuth2Token.client_credentials', 'ClientAuthentication', null],
    ['OAuth2Token.refresh_token', 'UserAuthentication', null],
    ['OAuth2Token.authorization_code', 'UserAuthentication', 'authorizationCode'],
    ['OAuth2Login', 'UserAuthentication', null],
    ['OAuth2IdpResponse', 'UserFederation', null],
    ['OAuth2Revoke', 'UserToken', null],
    ['OAuth2Authorize', 'Uncategorized', null],
    ['OAuth2UserInfo', 'Uncategorized', null],
  ])('%s is charged to %s', (op, category, allowance) => {
    expect(chargeOf(op, {})).toMatchObject({ category, allowance });
  });

  it('authorization-code redemptions get their own 1x allowance, then spill into UserAuthentication', () => {
    const l = new QuotaLimiter(profile({ UserAuthentication: 2 }), 0);
    const code: Call = { op: 'OAuth2Token.authorization_code' };
    expect(burst(l, code, 5, 0)).toEqual([2, 2, 1]);
    expect(burst(l, RESPOND, 7, 0)).toEqual([6, 0, 1]); // challenge allowance untouched; UserAuthentication empty
  });

  it('an allowance multiplier of 0 sends every call to the category', () => {
    const l = new QuotaLimiter(profile({ UserAuthentication: 2 }, { challengeResponseMultiplier: 0 }), 0);
    expect(burst(l, RESPOND, 3, 0)).toEqual([0, 2, 1]);
  });
});
